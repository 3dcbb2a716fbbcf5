import { voucherFigures } from './voucher-indicators';

describe('voucher figures', () => {
  const parks = ['P1', 'P2'];
  it('tallies issued and redeemed by park, cross-region apart with the flow', () => {
    const f = voucherFigures(
      [{ voucherId: 'a', parkCode: 'P1', amountFen: 500_000, programmeRegion: 'HE', providerRegion: null }],
      [
        { voucherId: 'a', parkCode: 'P1', amountFen: 300_000, programmeRegion: 'HE', providerRegion: 'BJ' },
        { voucherId: 'b', parkCode: 'P2', amountFen: 100_000, programmeRegion: 'HE', providerRegion: 'HE' },
      ],
      parks,
    );
    const v = (ind: string, park: string | null, breakdown = '') => f.find((x) => x.indicator === ind && x.park === park && x.breakdown === breakdown)?.value;
    expect(v('vouchers-issued', 'P1')).toBe(1);
    expect(v('vouchers-issued-amount', 'P1')).toBe(5000);
    expect(v('vouchers-redeemed-amount', null)).toBe(4000);
    expect(v('vouchers-cross-region-amount', 'P1')).toBe(3000);
    expect(v('vouchers-cross-region-amount', 'P2')).toBe(0);
    expect(v('vouchers-cross-region-amount', null, 'flow:HE>BJ')).toBe(3000);
  });
});
