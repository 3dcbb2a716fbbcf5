import { StateMachine } from '@techbridge/platform';

export const VOUCHER_STATUSES = ['applied', 'screened', 'refused', 'issued', 'reserved', 'delivered', 'claimed', 'audited', 'paid', 'rejected', 'expired', 'voided'] as const;
export type VoucherStatus = (typeof VOUCHER_STATUSES)[number];
export type VoucherAction =
  | 'pass-screening' | 'fail-screening' | 'issue' | 'refuse' | 'reserve' | 'release' | 'deliver' | 'claim' | 'approve-claim' | 'reject-claim' | 'pay' | 'expire' | 'void';

/**
 * applied → (automatic rules) screened | refused → (staff) issued | refused → reserved against an order ⇄ issued →
 * delivered → claimed → audited → paid, or rejected; an unused issued voucher expires; collusion found on audit voids
 * whatever the voucher still holds.
 */
export const voucherLifecycle = new StateMachine<VoucherStatus, VoucherAction>('voucher', {
  'pass-screening': { from: ['applied'], to: 'screened' },
  'fail-screening': { from: ['applied'], to: 'refused' },
  issue: { from: ['screened'], to: 'issued' },
  refuse: { from: ['screened'], to: 'refused' },
  reserve: { from: ['issued'], to: 'reserved' },
  release: { from: ['reserved'], to: 'issued' },
  deliver: { from: ['reserved'], to: 'delivered' },
  claim: { from: ['delivered'], to: 'claimed' },
  'approve-claim': { from: ['claimed'], to: 'audited' },
  'reject-claim': { from: ['claimed'], to: 'rejected' },
  pay: { from: ['audited'], to: 'paid' },
  expire: { from: ['issued'], to: 'expired' },
  void: { from: ['issued', 'reserved', 'delivered', 'claimed', 'audited'], to: 'voided' },
});
