import type { RecordRef } from '../entities/figure.entity';
import type { IndicatorAggregation, IndicatorSource } from '../entities/indicator.entity';
import type { IndicatorUnit } from './entry-value';

export interface SnapshotIndicator {
  code: string;
  unit: IndicatorUnit;
  source: IndicatorSource;
  aggregation: IndicatorAggregation;
}

export interface SnapshotFigure {
  indicator: string;
  park: string | null;
  breakdown: string;
  value: number | null;
  source: 'computed' | 'entered';
  records: RecordRef[];
  entryId: string | null;
  note: string | null;
}

export interface ApprovedEntry {
  id: string;
  park: string;
  indicator: string;
  value: number;
}

/** Zone value of an entered indicator: amounts and counts add up over parks, rates and densities average. */
export function zoneOfEntered(unit: IndicatorUnit, values: number[]): number | null {
  if (!values.length) return null;
  const sum = values.reduce((a, v) => a + v, 0);
  return unit === 'count' || unit === 'yuan' ? Math.round(sum * 10_000) / 10_000 : Math.round((sum / values.length) * 10_000) / 10_000;
}

/**
 * The frozen figures of a quarter: computed ones as their source gave them (or null, noted, when no context
 * feeds the indicator yet), entered ones from approved entries per park and aggregated for the zone.
 */
export function buildSnapshot(
  indicators: SnapshotIndicator[],
  parks: readonly string[],
  computed: Map<string, Array<{ park: string | null; breakdown: string; value: number | null; records: RecordRef[] }>>,
  approved: ApprovedEntry[],
): SnapshotFigure[] {
  const out: SnapshotFigure[] = [];
  for (const ind of indicators) {
    if (ind.source === 'computed') {
      const figs = computed.get(ind.code);
      if (figs) for (const f of figs) out.push({ indicator: ind.code, park: f.park, breakdown: f.breakdown, value: f.value, source: 'computed', records: f.records, entryId: null, note: null });
      else for (const p of [...parks, null]) out.push({ indicator: ind.code, park: p, breakdown: '', value: null, source: 'computed', records: [], entryId: null, note: 'no-source' });
      continue;
    }
    const mine = approved.filter((e) => e.indicator === ind.code && parks.includes(e.park));
    for (const p of parks) {
      const e = mine.find((x) => x.park === p);
      out.push({ indicator: ind.code, park: p, breakdown: '', value: e ? e.value : null, source: 'entered', records: e ? [{ type: 'monitoring-entry', id: e.id }] : [], entryId: e?.id ?? null, note: e ? null : 'not-reported' });
    }
    out.push({
      indicator: ind.code, park: null, breakdown: '', value: zoneOfEntered(ind.unit, mine.map((e) => e.value)), source: 'entered',
      records: mine.map((e) => ({ type: 'monitoring-entry', id: e.id })), entryId: null, note: mine.length < parks.length ? `${mine.length}/${parks.length} parks reported` : null,
    });
  }
  return out;
}
