import { instrumentFigures, voucherFigures } from './voucher-figures';

describe('voucher and instrument figures', () => {
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

  it('computes the share rate per park from external and effective hours', () => {
    const f = instrumentFigures([
      { bookingId: '1', parkCode: 'P1', hours: 3, externalHours: 3 },
      { bookingId: '2', parkCode: 'P1', hours: 1, externalHours: 0 },
    ], parks);
    const v = (ind: string, park: string | null) => f.find((x) => x.indicator === ind && x.park === park && x.breakdown === '')?.value;
    expect(v('instrument-share-rate', 'P1')).toBe(75);
    expect(v('instrument-share-rate', 'P2')).toBeNull();
    expect(v('instrument-effective-hours', null)).toBe(4);
  });
});
