import { getPath } from './filter-evaluator';

/** Documents (ascending numbers) with their scores: what a term, a slot or a query unit matches. */
export type DocScores = { docs: number[]; scores: number[] };

/** Reads an attribute of a projected document: a plain property directly, a dotted path through getPath. */
export function accessor(attribute: string): (values: Record<string, unknown> | undefined) => unknown {
  if (!attribute.includes('.')) return (values) => values?.[attribute];
  return (values) => getPath(values ?? {}, attribute);
}

export function splitSort(rule: string): [string, string] {
  const colon = rule.lastIndexOf(':');
  return colon < 0 ? [rule, 'asc'] : [rule.slice(0, colon), rule.slice(colon + 1)];
}

export type SortKey = { rank: number; value: number | string | undefined };

/** Numbers before strings, missing values last whatever the direction; arrays sort by their smallest (asc) or largest (desc) element. */
export function compareSortKeys(a: SortKey, b: SortKey, descending: boolean): number {
  if (a.rank !== b.rank) return a.rank - b.rank;
  if (a.value === b.value || a.rank === 2) return 0;
  const ascending = (a.value as number | string) < (b.value as number | string) ? -1 : 1;
  return descending ? -ascending : ascending;
}

export function sortKey(value: unknown, descending: boolean): SortKey {
  const scalars = (Array.isArray(value) ? value : [value]).filter(
    (v): v is number | string | boolean => typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean',
  );
  const numbers = scalars.filter((v): v is number => typeof v === 'number');
  if (numbers.length) return { rank: 0, value: descending ? Math.max(...numbers) : Math.min(...numbers) };
  const strings = scalars.map(String).sort();
  if (strings.length) return { rank: 1, value: descending ? strings[strings.length - 1] : strings[0] };
  return { rank: 2, value: undefined };
}

export function lowerBound(sorted: string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Union of two doc-sorted lists keeping the better score. */
export function mergeMax(a: DocScores, b: DocScores): DocScores {
  if (a.docs.length === 0) return b;
  if (b.docs.length === 0) return a;
  const docs: number[] = [];
  const scores: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.docs.length || j < b.docs.length) {
    const da = i < a.docs.length ? a.docs[i] : Infinity;
    const db = j < b.docs.length ? b.docs[j] : Infinity;
    if (da === db) {
      docs.push(da);
      scores.push(Math.max(a.scores[i++], b.scores[j++]));
    } else if (da < db) {
      docs.push(da);
      scores.push(a.scores[i++]);
    } else {
      docs.push(db);
      scores.push(b.scores[j++]);
    }
  }
  return { docs, scores };
}

/** Intersection of two doc-sorted lists adding scores (every word of a multi-word alternative must match). */
export function intersectSum(a: DocScores, b: DocScores): DocScores {
  const docs: number[] = [];
  const scores: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.docs.length && j < b.docs.length) {
    if (a.docs[i] === b.docs[j]) {
      docs.push(a.docs[i]);
      scores.push(a.scores[i++] + b.scores[j++]);
    } else if (a.docs[i] < b.docs[j]) i++;
    else j++;
  }
  return { docs, scores };
}

/** The first k items in comparator order without sorting everything (a bounded max-heap of the best k). */
export function topK(items: number[], k: number, compare: (x: number, y: number) => number): number[] {
  if (k <= 0) return [];
  if (items.length <= k || items.length <= 2048) return [...items].sort(compare).slice(0, k);
  const heap: number[] = [];
  const worse = (i: number, j: number) => compare(heap[i], heap[j]) > 0;
  const swap = (i: number, j: number) => ([heap[i], heap[j]] = [heap[j], heap[i]]);
  for (const item of items) {
    if (heap.length < k) {
      heap.push(item);
      for (let i = heap.length - 1; i > 0 && worse(i, (i - 1) >> 1); i = (i - 1) >> 1) swap(i, (i - 1) >> 1);
    } else if (compare(item, heap[0]) < 0) {
      heap[0] = item;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let top = i;
        if (l < heap.length && worse(l, top)) top = l;
        if (r < heap.length && worse(r, top)) top = r;
        if (top === i) break;
        swap(i, top);
        i = top;
      }
    }
  }
  return heap.sort(compare);
}
