import type { SearchFilter } from '../search-index.port';

/** Matches no document: every document has an id, and the adapter always makes id filterable. */
export const MATCH_NOTHING = 'id NOT EXISTS';

const ATTRIBUTE = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** Compile the port's structured filter to a Meilisearch filter expression; '' means no restriction. */
export function compileFilter(filter: SearchFilter): string {
  if ('and' in filter) {
    const parts = filter.and.map(compileFilter).filter((p) => p !== '');
    return parts.length <= 1 ? (parts[0] ?? '') : parts.map((p) => `(${p})`).join(' AND ');
  }
  if ('or' in filter) {
    const parts = filter.or.map(compileFilter);
    if (parts.length === 0) return MATCH_NOTHING;
    if (parts.includes('')) return '';
    return parts.length === 1 ? parts[0] : parts.map((p) => `(${p})`).join(' OR ');
  }
  if ('not' in filter) {
    const inner = compileFilter(filter.not);
    return inner === '' ? MATCH_NOTHING : `NOT (${inner})`;
  }
  const field = attribute(filter.field);
  if ('eq' in filter) return `${field} = ${literal(filter.eq)}`;
  if ('in' in filter) return filter.in.length === 0 ? MATCH_NOTHING : `${field} IN [${filter.in.map(literal).join(', ')}]`;
  if ('exists' in filter) return filter.exists ? `${field} EXISTS` : `${field} NOT EXISTS`;
  if ('isNull' in filter) return `${field} IS NULL`;
  const { gte, lte, gt, lt } = filter;
  const parts: string[] = [];
  // TO keeps both bounds on one array element, as the embedded engine does.
  if (gte !== undefined && lte !== undefined) parts.push(`${field} ${number(gte)} TO ${number(lte)}`);
  else {
    if (gte !== undefined) parts.push(`${field} >= ${number(gte)}`);
    if (lte !== undefined) parts.push(`${field} <= ${number(lte)}`);
  }
  if (gt !== undefined) parts.push(`${field} > ${number(gt)}`);
  if (lt !== undefined) parts.push(`${field} < ${number(lt)}`);
  if (parts.length === 0) throw new Error(`range filter on "${filter.field}" has no bound`);
  return parts.join(' AND ');
}

function attribute(name: string): string {
  if (!ATTRIBUTE.test(name)) throw new Error(`"${name}" cannot be used as a filter attribute`);
  return name;
}

function number(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`filter value ${value} is not a finite number`);
  return String(value);
}

function literal(value: string | number | boolean): string {
  if (typeof value === 'number') return number(value);
  if (typeof value === 'boolean') return String(value);
  // Double-quoted, with backslash and quote escaped (the rule since Meilisearch 1.4).
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
