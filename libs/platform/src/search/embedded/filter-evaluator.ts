import type { SearchFilter } from '../search-index.port';

type Scalar = string | number | boolean;

/** Value at a dotted path; arrays of objects are flattened like Meilisearch does (`contacts.city`). Undefined when absent. */
export function getPath(source: unknown, path: string): unknown {
  if (source === null || typeof source !== 'object') return undefined;
  if (Array.isArray(source)) {
    const values = source.map((item) => getPath(item, path)).filter((v) => v !== undefined);
    return values.length ? values.flat() : undefined;
  }
  const record = source as Record<string, unknown>;
  if (Object.prototype.hasOwnProperty.call(record, path)) return record[path];
  const dot = path.indexOf('.');
  if (dot < 0) return undefined;
  return getPath(record[path.slice(0, dot)], path.slice(dot + 1));
}

/** Every field a filter mentions, to check them against the filterable attributes. */
export function filterFields(filter: SearchFilter, into: Set<string> = new Set()): Set<string> {
  if ('and' in filter) filter.and.forEach((f) => filterFields(f, into));
  else if ('or' in filter) filter.or.forEach((f) => filterFields(f, into));
  else if ('not' in filter) filterFields(filter.not, into);
  else into.add(filter.field);
  return into;
}

export type FilterPredicate = (valueOf: (field: string) => unknown) => boolean;

/**
 * A filter turned into a predicate once per query (it runs for every candidate document). Meilisearch semantics: an
 * array matches when any element does; string comparison ignores case; NOT is a plain complement.
 */
export function compileFilterPredicate(filter: SearchFilter): FilterPredicate {
  if ('and' in filter) {
    const parts = filter.and.map(compileFilterPredicate);
    return (valueOf) => parts.every((p) => p(valueOf));
  }
  if ('or' in filter) {
    const parts = filter.or.map(compileFilterPredicate);
    return (valueOf) => parts.some((p) => p(valueOf));
  }
  if ('not' in filter) {
    const inner = compileFilterPredicate(filter.not);
    return (valueOf) => !inner(valueOf);
  }
  const { field } = filter;
  if ('exists' in filter) return (valueOf) => (valueOf(field) !== undefined) === filter.exists;
  if ('isNull' in filter) return (valueOf) => valueOf(field) === null;
  let test: (v: unknown) => boolean;
  if ('eq' in filter) test = (v) => scalarEquals(v, filter.eq);
  else if ('in' in filter) test = (v) => filter.in.some((target) => scalarEquals(v, target));
  else {
    const { gte, lte, gt, lt } = filter;
    test = (v) => typeof v === 'number' && (gte === undefined || v >= gte) && (lte === undefined || v <= lte) && (gt === undefined || v > gt) && (lt === undefined || v < lt);
  }
  return (valueOf) => {
    const value = valueOf(field);
    if (value === undefined || value === null) return false;
    if (!Array.isArray(value)) return test(value);
    for (const v of value) if (test(v)) return true;
    return false;
  };
}

/** One evaluation of a filter (compile it once with compileFilterPredicate when it runs for many documents). */
export function evaluateFilter(filter: SearchFilter, valueOf: (field: string) => unknown): boolean {
  return compileFilterPredicate(filter)(valueOf);
}

function scalarEquals(value: unknown, target: Scalar): boolean {
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return false;
  if (typeof target === 'number') {
    return typeof value === 'number' ? value === target : typeof value === 'string' && value.trim() !== '' && Number(value) === target;
  }
  if (typeof value === 'number') return String(value) === String(target) || (typeof target === 'string' && target.trim() !== '' && Number(target) === value);
  return String(value).toLowerCase() === String(target).toLowerCase();
}
