import { StateMachine } from '@techbridge/platform';

export type InstrumentStatus = 'active' | 'withdrawn';
export type InstrumentAction = 'withdraw' | 'share';

/** active (in the directory, bookable) ⇄ withdrawn (hidden, no new bookings; approved bookings stay). */
export const instrumentLifecycle = new StateMachine<InstrumentStatus, InstrumentAction>('shared instrument', {
  withdraw: { from: ['active'], to: 'withdrawn' },
  share: { from: ['withdrawn'], to: 'active' },
});
