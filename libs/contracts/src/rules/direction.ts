/** The flow of a deal relative to the province (Hebei), as the zone's statistics count it. */
export type ContractDirection = 'absorbed-bj-tj' | 'within-province' | 'out-of-province' | 'other';

export function contractDirection(sellerRegion: string, buyerRegion: string): ContractDirection {
  if (buyerRegion === 'HE' && (sellerRegion === 'BJ' || sellerRegion === 'TJ')) return 'absorbed-bj-tj';
  if (buyerRegion === 'HE' && sellerRegion === 'HE') return 'within-province';
  if (sellerRegion === 'HE') return 'out-of-province';
  return 'other';
}
