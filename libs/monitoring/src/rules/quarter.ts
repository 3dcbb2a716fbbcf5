import { BeijingCalendar } from '@techbridge/platform';

/** A reporting quarter, written `2026Q3`; bounds are Beijing calendar quarters (statistics follow local dates). */
export interface QuarterRef {
  code: string;
  year: number;
  quarter: 1 | 2 | 3 | 4;
}

const QUARTER_RE = /^(\d{4})Q([1-4])$/;

export function parseQuarter(code: string): QuarterRef | null {
  const m = QUARTER_RE.exec(code);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 2000 || year > 2100) return null;
  return { code, year, quarter: Number(m[2]) as QuarterRef['quarter'] };
}

export function quarterCode(year: number, quarter: number): string {
  return `${year}Q${quarter}`;
}

/** [from, to) as instants: midnight Beijing time on the first day of the quarter and of the next. */
export function quarterBounds(q: QuarterRef): { from: Date; to: Date; fromDate: string; toDate: string } {
  return BeijingCalendar.quarterBounds(q.year, q.quarter);
}

export function previousQuarter(q: QuarterRef): QuarterRef {
  return q.quarter === 1 ? { code: quarterCode(q.year - 1, 4), year: q.year - 1, quarter: 4 } : { code: quarterCode(q.year, q.quarter - 1), year: q.year, quarter: (q.quarter - 1) as QuarterRef['quarter'] };
}

export function sameQuarterLastYear(q: QuarterRef): QuarterRef {
  return { code: quarterCode(q.year - 1, q.quarter), year: q.year - 1, quarter: q.quarter };
}

/** The quarter containing an instant, by Beijing date. */
export function quarterOf(at: Date): QuarterRef {
  const { year, quarter } = BeijingCalendar.partsOf(at);
  return { code: quarterCode(year, quarter), year, quarter };
}

export function quartersOfYear(year: number): string[] {
  return [1, 2, 3, 4].map((q) => quarterCode(year, q));
}
