import type { MessageKey } from '../../i18n';

export const STAGES = ['seed', 'angel', 'pre-a', 'a', 'b', 'c', 'growth', 'pre-ipo'] as const;
export const REGIONS = ['BJ', 'TJ', 'HE', 'other'] as const;

/** Keys built from codes the API returns; an unknown code shows as itself (translate falls back to the key). */
export const stageKey = (s: string) => `fin.stage.${s}` as MessageKey;
export const regionKey = (r: string) => `fin.region.${r}` as MessageKey;
export const statusKey = (s: string) => `fin.status.${s}` as MessageKey;
export const loanStatusKey = (s: string) => `fin.loanStatus.${s}` as MessageKey;

/** A yuan amount typed by a person: empty → undefined, otherwise a number (the API validates it). */
export function yuanInput(v: string): number | undefined {
  const s = v.replace(/[,\s，]/g, '');
  return s === '' ? undefined : Number(s);
}
