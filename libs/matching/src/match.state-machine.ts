import { DomainError } from '@techbridge/platform';

export const MATCH_STATUSES = ['suggested', 'contacted', 'negotiating', 'signed', 'closed'] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];
export const CLOSE_REASONS = ['too-early', 'price', 'ip-unclear', 'no-reply', 'not-relevant', 'mode-mismatch', 'other'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];
/** How brokers and parties read a close reason. */
export const CLOSE_REASON_LABELS: Record<CloseReason, { zh: string; en: string }> = {
  'too-early': { zh: '技术尚不成熟', en: 'Too early' },
  price: { zh: '价格未谈拢', en: 'Price' },
  'ip-unclear': { zh: '知识产权不清晰', en: 'IP unclear' },
  'no-reply': { zh: '对方未回复', en: 'No reply' },
  'not-relevant': { zh: '技术不对口', en: 'Technique does not fit the problem' },
  'mode-mismatch': { zh: '合作方式谈不拢', en: 'Cooperation mode does not fit' },
  other: { zh: '其他', en: 'Other' },
};
export const MATCH_ACTIONS = ['contact', 'negotiate', 'sign', 'close'] as const;
export type MatchAction = (typeof MATCH_ACTIONS)[number];

/** The broker pipeline: suggested → contacted → negotiating → signed, or closed (with a reason) from any open state. */
const TRANSITIONS: Record<MatchAction, { from: MatchStatus[]; to: MatchStatus }> = {
  contact: { from: ['suggested'], to: 'contacted' },
  negotiate: { from: ['contacted'], to: 'negotiating' },
  sign: { from: ['negotiating'], to: 'signed' },
  close: { from: ['suggested', 'contacted', 'negotiating'], to: 'closed' },
};

export function canTransition(from: MatchStatus, action: MatchAction): boolean {
  return TRANSITIONS[action].from.includes(from);
}

/** The next state, or a 409 carrying the current one. */
export function nextMatchStatus(from: MatchStatus, action: MatchAction): MatchStatus {
  if (!canTransition(from, action)) throw DomainError.illegalTransition('match', from, action);
  return TRANSITIONS[action].to;
}

/** Open matches may still be taken, noted and moved; signed and closed ones are history. */
export function isOpen(status: MatchStatus): boolean {
  return status !== 'signed' && status !== 'closed';
}
