import { StateMachine } from '@techbridge/platform';

export const BOOKING_STATUSES = ['requested', 'approved', 'used', 'paid', 'rated', 'cancelled', 'no-show'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
export type BookingAction = 'approve' | 'use' | 'pay' | 'rate' | 'cancel' | 'no-show';

/** requested → approved (when the instrument asks for approval) → used (actual hours) → paid (cash or voucher) → rated; cancelled or no-show before use. */
export const bookingLifecycle = new StateMachine<BookingStatus, BookingAction>('instrument booking', {
  approve: { from: ['requested'], to: 'approved' },
  use: { from: ['approved'], to: 'used' },
  pay: { from: ['used'], to: 'paid' },
  rate: { from: ['paid'], to: 'rated' },
  cancel: { from: ['requested', 'approved'], to: 'cancelled' },
  'no-show': { from: ['approved'], to: 'no-show' },
});
