/** The relations that forbid a voucher redemption between an enterprise and a provider. Pure. */
export type PartyRelationKind = 'same-credit-code' | 'same-legal-representative' | 'shareholder';

export interface Party {
  creditCode: string;
  legalRepresentative: string;
}

const normName = (s: string) => s.replace(/\s+/g, '').toLowerCase();

/**
 * The first relation found between the two, or null. `shareholdings` are [shareholder, held] credit-code pairs
 * recorded for either side.
 */
export function relationBetween(a: Party, b: Party, shareholdings: ReadonlyArray<[string, string]>): PartyRelationKind | null {
  // An organisation without a credit code (unclaimed, imported) relates to nobody by it.
  if (a.creditCode && b.creditCode && a.creditCode.toUpperCase() === b.creditCode.toUpperCase()) return 'same-credit-code';
  if (normName(a.legalRepresentative) && normName(a.legalRepresentative) === normName(b.legalRepresentative)) return 'same-legal-representative';
  const A = a.creditCode.toUpperCase();
  const B = b.creditCode.toUpperCase();
  if (!A || !B) return null;
  if (shareholdings.some(([s, h]) => (s.toUpperCase() === A && h.toUpperCase() === B) || (s.toUpperCase() === B && h.toUpperCase() === A))) return 'shareholder';
  return null;
}

export const RELATION_TEXT: Record<PartyRelationKind, { zh: string; en: string }> = {
  'same-credit-code': { zh: '统一社会信用代码相同', en: 'the same unified social credit code' },
  'same-legal-representative': { zh: '法定代表人相同', en: 'the same legal representative' },
  shareholder: { zh: '存在股东关系', en: 'a shareholder relation' },
};
