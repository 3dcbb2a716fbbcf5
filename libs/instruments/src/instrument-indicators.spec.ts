import { instrumentFigures } from './instrument-indicators';

describe('instrument figures', () => {
  const parks = ['P1', 'P2'];
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
