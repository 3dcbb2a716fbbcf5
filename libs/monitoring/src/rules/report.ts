/** Quarter-on-quarter and year-on-year change for a set of report figures. */
export interface FigureValue {
  /** Park code, or null for the zone. */
  park: string | null;
  indicator: string;
  breakdown: string;
  value: number | null;
}

export interface Change {
  previous: number | null;
  delta: number | null;
  /** Percent change; null when the base is missing or zero. */
  percent: number | null;
}

export interface ReportLine extends FigureValue {
  qoq: Change;
  yoy: Change;
}

export const figureKey = (f: Pick<FigureValue, 'park' | 'indicator' | 'breakdown'>): string => `${f.park ?? ''}|${f.indicator}|${f.breakdown}`;

const round2 = (x: number): number => Math.round(x * 100) / 100;

export function change(value: number | null, previous: number | null | undefined): Change {
  const prev = previous ?? null;
  if (value === null || prev === null) return { previous: prev, delta: null, percent: null };
  return { previous: prev, delta: round2(value - prev), percent: prev === 0 ? null : round2(((value - prev) / prev) * 100) };
}

export function reportLines(current: FigureValue[], previousQuarter: FigureValue[], lastYear: FigureValue[]): ReportLine[] {
  const prev = new Map(previousQuarter.map((f) => [figureKey(f), f.value]));
  const ly = new Map(lastYear.map((f) => [figureKey(f), f.value]));
  return current.map((f) => ({ ...f, qoq: change(f.value, prev.get(figureKey(f))), yoy: change(f.value, ly.get(figureKey(f))) }));
}
