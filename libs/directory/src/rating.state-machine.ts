import { StateMachine } from '@techbridge/platform';

export const RATING_SUBJECTS = ['institution', 'broker'] as const;
/** Who is rated: the transfer institution (an organisation) or the broker (a user) of a registered contract. */
export type RatingSubject = (typeof RATING_SUBJECTS)[number];

export const RATING_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type RatingStatus = (typeof RATING_STATUSES)[number];

export const RATING_ACTIONS = ['approve', 'reject'] as const;
export type RatingAction = (typeof RATING_ACTIONS)[number];

/** Moderation: a rating waits for a platform administrator, who approves it (it counts and shows) or rejects it, once. */
export const RATING_MODERATION = new StateMachine<RatingStatus, RatingAction>('rating', {
  approve: { from: ['pending'], to: 'approved' },
  reject: { from: ['pending'], to: 'rejected' },
});
