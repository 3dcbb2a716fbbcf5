import fc from 'fast-check';
import { rewardFigures, RewardAccrualLine, splitProRata } from './reward-figures';

const parks = ['p1', 'p2'];
const Q3 = { from: new Date('2026-06-30T16:00:00Z'), to: new Date('2026-09-30T16:00:00Z') };
const inQ3 = new Date('2026-08-01T03:00:00Z');
const inQ4 = new Date('2026-09-30T16:00:00Z');

describe('reward figures', () => {
  it('splits to the fen in proportion, remainders to the largest fractions, always adding up', () => {
    expect(splitProRata(100n, [1n, 1n, 1n])).toEqual([34n, 33n, 33n]);
    expect(splitProRata(1000n, [1n, 3n])).toEqual([250n, 750n]);
    expect(splitProRata(7n, [0n, 0n])).toEqual([4n, 3n]);
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.array(fc.bigInt({ min: 0n, max: 10n ** 12n }), { minLength: 1, maxLength: 20 }), (amount, weights) => {
        const shares = splitProRata(amount, weights);
        return shares.reduce((a, b) => a + b, 0n) === amount && shares.every((s) => s >= 0n);
      }),
    );
  });

  it('places each contract\'s share in its park and quarter, the award line in the zone, with line and contract ids', () => {
    const lines: RewardAccrualLine[] = [
      // Capped: 200,000 over a basis whose uncapped reward would be 300,000.
      { lineId: 'L1', kind: 'facilitation', amount: 200_000, accruedAt: null, contracts: [
        { contractId: 'c1', technologyAmount: 100_000_000, registeredAt: inQ3, park: 'p1' },
        { contractId: 'c2', technologyAmount: 100_000_000, registeredAt: inQ3, park: null },
        { contractId: 'c3', technologyAmount: 100_000_000, registeredAt: inQ4, park: 'p1' },
      ] },
      { lineId: 'L2', kind: 'registration', amount: 0.03, accruedAt: null, contracts: [
        { contractId: 'c1', technologyAmount: 10, registeredAt: inQ3, park: 'p1' },
        { contractId: 'c4', technologyAmount: 10, registeredAt: inQ3, park: 'p2' },
      ] },
      { lineId: 'L3', kind: 'new-accreditation', amount: 300_000, accruedAt: new Date('2026-07-31T16:00:00Z'), contracts: [] },
      { lineId: 'L4', kind: 'new-accreditation', amount: 300_000, accruedAt: new Date('2026-03-31T16:00:00Z'), contracts: [] },
    ];
    const figs = rewardFigures(lines, Q3, parks);
    const get = (park: string | null, breakdown = '') => figs.find((f) => f.park === park && f.breakdown === breakdown)!;
    // Thirds of 20,000,000 fen: 6,666,667 / 6,666,667 / 6,666,666 (the two spare fen to the first two); c1 also has 2 of L2's 3 fen.
    expect(get('p1').value).toBe(66_666.69);
    expect(get('p2').value).toBe(0.01);
    expect(get(null).value).toBe(433_333.37);
    expect(get(null, 'kind:facilitation').value).toBe(133_333.34);
    expect(get(null, 'kind:new-accreditation').value).toBe(300_000);
    expect(get(null, 'kind:new-accreditation').records).toEqual([{ type: 'reward-ledger-line', id: 'L3' }]);
    expect(get('p1').records).toEqual([{ type: 'reward-ledger-line', id: 'L1' }, { type: 'technology-contract', id: 'c1' }, { type: 'reward-ledger-line', id: 'L2' }]);
    // Every park has a figure, zero when nothing accrued there; Q4's contract is not in Q3.
    expect(figs.filter((f) => f.breakdown === '').map((f) => f.park)).toEqual(['p1', 'p2', null]);
    expect(figs.some((f) => f.records.some((r) => r.id === 'c3'))).toBe(false);
  });

  it('over four quarters the zone adds up to the ledger exactly', () => {
    const lines: RewardAccrualLine[] = [{ lineId: 'L', kind: 'facilitation', amount: 1234.57, accruedAt: null, contracts: [
      { contractId: 'a', technologyAmount: 333.33, registeredAt: new Date('2026-02-01T00:00:00Z'), park: 'p1' },
      { contractId: 'b', technologyAmount: 666.67, registeredAt: new Date('2026-05-01T00:00:00Z'), park: 'p2' },
      { contractId: 'c', technologyAmount: 1, registeredAt: new Date('2026-11-01T00:00:00Z'), park: null },
    ] }];
    const bounds = ['2025-12-31T16:00:00Z', '2026-03-31T16:00:00Z', '2026-06-30T16:00:00Z', '2026-09-30T16:00:00Z', '2026-12-31T16:00:00Z'].map((d) => new Date(d));
    const fen = [0, 1, 2, 3].map((q) => Math.round(rewardFigures(lines, { from: bounds[q], to: bounds[q + 1] }, parks).find((f) => f.park === null && f.breakdown === '')!.value! * 100));
    expect(fen.reduce((a, b) => a + b, 0)).toBe(123_457);
  });
});
