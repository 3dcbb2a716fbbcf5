import { StateMachine } from '@techbridge/platform';

/**
 * A listing's lifecycle (挂牌). draft → under-review (platform staff or the park's reviewer) → listed for a period of
 * working days → negotiating (one buyer's intent accepted) or auction (two or more intents) → deal → contracted.
 * Also withdrawn by the owner, lapsed at the end of the period, back to listed when a negotiation breaks off, an
 * auction does not sell, or a sustained objection cancels the notice of a deal.
 */
export type ListingStatus = 'draft' | 'under-review' | 'listed' | 'negotiating' | 'auction' | 'deal' | 'contracted' | 'withdrawn' | 'lapsed';
export const LISTING_STATUSES: ListingStatus[] = ['draft', 'under-review', 'listed', 'negotiating', 'auction', 'deal', 'contracted', 'withdrawn', 'lapsed'];
/** States the public sees. */
export const PUBLIC_LISTING_STATUSES: ListingStatus[] = ['listed', 'negotiating', 'auction', 'deal', 'contracted'];

export type ListingAction =
  | 'submit' | 'return' | 'approve' | 'accept-intent' | 'break-off' | 'start-auction' | 'auction-unsold' | 'agree-deal' | 'auction-sold'
  | 'reopen' | 'contract' | 'withdraw' | 'lapse';

export const LISTING_LIFECYCLE = new StateMachine<ListingStatus, ListingAction>('market listing', {
  submit: { from: ['draft'], to: 'under-review' },
  return: { from: ['under-review'], to: 'draft' },
  approve: { from: ['under-review'], to: 'listed' },
  'accept-intent': { from: ['listed'], to: 'negotiating' },
  'break-off': { from: ['negotiating'], to: 'listed' },
  'start-auction': { from: ['listed'], to: 'auction' },
  'auction-unsold': { from: ['auction'], to: 'listed' },
  'agree-deal': { from: ['negotiating'], to: 'deal' },
  'auction-sold': { from: ['auction'], to: 'deal' },
  // The notice of the deal ended with a sustained objection: the listing is on the market again.
  reopen: { from: ['deal'], to: 'listed' },
  contract: { from: ['deal'], to: 'contracted' },
  withdraw: { from: ['draft', 'under-review', 'listed', 'negotiating'], to: 'withdrawn' },
  lapse: { from: ['listed'], to: 'lapsed' },
});

/** Content may be edited while the listing is with its owner. */
export const EDITABLE_LISTING: ListingStatus[] = ['draft'];
