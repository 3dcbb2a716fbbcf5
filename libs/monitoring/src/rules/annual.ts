import type { IndicatorAggregation } from '../entities/indicator.entity';

/** A published quarter's figure for one park and indicator. */
export interface QuarterValue {
  quarter: string;
  figureId: string;
  value: number | null;
}

/** Shares are recomputed from their parts over the year, never averaged. */
export const SHARE_PARTS: Record<string, { numerator: string; denominator: string }> = {
  'absorbed-bj-tj-share': { numerator: 'absorbed-bj-tj-amount', denominator: 'contract-amount' },
  'instrument-share-rate': { numerator: 'instrument-external-hours', denominator: 'instrument-effective-hours' },
};

const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;

/**
 * The year's value of an indicator from its quarters: flows sum, stocks take the latest reported quarter, rates
 * average the reported quarters; `figureIds` are the figures actually used (drill-down).
 */
export function annualValue(
  aggregation: IndicatorAggregation,
  quarters: QuarterValue[],
  parts?: { numerator: QuarterValue[]; denominator: QuarterValue[] },
): { value: number | null; figureIds: string[] } {
  const reported = quarters.filter((q) => q.value !== null).sort((a, b) => a.quarter.localeCompare(b.quarter));
  switch (aggregation) {
    case 'sum':
      return reported.length ? { value: round4(reported.reduce((a, q) => a + q.value!, 0)), figureIds: reported.map((q) => q.figureId) } : { value: null, figureIds: [] };
    case 'mean':
      return reported.length ? { value: round4(reported.reduce((a, q) => a + q.value!, 0) / reported.length), figureIds: reported.map((q) => q.figureId) } : { value: null, figureIds: [] };
    case 'last': {
      const last = reported[reported.length - 1];
      return last ? { value: last.value, figureIds: [last.figureId] } : { value: null, figureIds: [] };
    }
    case 'share': {
      if (!parts) return { value: null, figureIds: [] };
      const num = annualValue('sum', parts.numerator);
      const den = annualValue('sum', parts.denominator);
      if (!den.value) return { value: null, figureIds: [...num.figureIds, ...den.figureIds] };
      return { value: round4(((num.value ?? 0) / den.value) * 100), figureIds: [...num.figureIds, ...den.figureIds] };
    }
  }
}
