import type { LocalizedText } from '@techbridge/platform';

export type IndicatorUnit = 'count' | 'yuan' | 'percent' | 'per-10k';

/** Why an entered figure is impossible for its unit, or null when it is acceptable. */
export function entryValueProblem(unit: IndicatorUnit, value: number): (LocalizedText & { code: string }) | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return { code: 'isNumber', zh: '数值无效', en: 'must be a number' };
  if (value < 0) return { code: 'min', zh: '不能为负数', en: 'cannot be negative' };
  if (unit === 'count' && !Number.isInteger(value)) return { code: 'isInt', zh: '数量必须为整数', en: 'a count must be a whole number' };
  if (unit === 'percent' && value > 100) return { code: 'max', zh: '占比不能超过100%', en: 'a share cannot exceed 100 %' };
  if (unit === 'yuan' && Math.round(value * 100) !== value * 100) return { code: 'precision', zh: '金额最多保留两位小数', en: 'an amount has at most two decimals' };
  if (value >= 1e15) return { code: 'max', zh: '数值过大', en: 'value too large' };
  return null;
}
