import { StateMachine } from '@techbridge/platform';

/**
 * An auction: announced (bidders register, deposits confirmed) → live (from the first bid at or after the start) →
 * awaiting-confirmation (closed at or above the reserve; the highest bidder is offered the lot, then the next if it
 * does not confirm in time) → sold; or unsold (no bid at or above the reserve, or nobody left to confirm).
 */
export type AuctionStatus = 'announced' | 'live' | 'awaiting-confirmation' | 'sold' | 'unsold';
export type AuctionAction = 'open' | 'close-sold' | 'close-unsold' | 'offer-next' | 'confirm' | 'no-taker';

export const AUCTION_LIFECYCLE = new StateMachine<AuctionStatus, AuctionAction>('auction', {
  open: { from: ['announced'], to: 'live' },
  'close-sold': { from: ['live'], to: 'awaiting-confirmation' },
  'close-unsold': { from: ['announced', 'live'], to: 'unsold' },
  'offer-next': { from: ['awaiting-confirmation'], to: 'awaiting-confirmation' },
  confirm: { from: ['awaiting-confirmation'], to: 'sold' },
  'no-taker': { from: ['awaiting-confirmation'], to: 'unsold' },
});

export const CLOSED_AUCTION: AuctionStatus[] = ['awaiting-confirmation', 'sold', 'unsold'];
