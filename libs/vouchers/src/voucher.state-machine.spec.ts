import { DomainError } from '@techbridge/platform';
import { voucherLifecycle } from './voucher.state-machine';

describe('voucher lifecycle', () => {
  it('walks application to payment', () => {
    let s = voucherLifecycle.next('applied', 'pass-screening');
    for (const a of ['issue', 'reserve', 'deliver', 'claim', 'approve-claim', 'pay'] as const) s = voucherLifecycle.next(s, a);
    expect(s).toBe('paid');
  });
  it('refuses illegal steps with the current state', () => {
    try {
      voucherLifecycle.next('paid', 'void');
      fail('expected an illegal transition');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).extra).toMatchObject({ currentState: 'paid' });
    }
    expect(voucherLifecycle.can('reserved', 'expire')).toBe(false);
  });
});
