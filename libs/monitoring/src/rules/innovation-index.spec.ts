import fc from 'fast-check';
import { computeInnovationIndex, hasReportedData, IndexInputs, IndexWeights, normalise, rankParksWithData } from './innovation-index';

const indicators = [
  { code: 'technology-amount', dimension: 'transaction', direction: 'higher' as const },
  { code: 'contracts-registered', dimension: 'transaction', direction: 'higher' as const },
  { code: 'high-tech-enterprises', dimension: 'entities', direction: 'higher' as const },
  { code: 'days-to-register', dimension: 'entities', direction: 'lower' as const },
];
const inputs: IndexInputs = {
  parks: ['a', 'b', 'c'],
  indicators,
  values: {
    a: { 'technology-amount': 100, 'contracts-registered': 10, 'high-tech-enterprises': 5, 'days-to-register': 20 },
    b: { 'technology-amount': 50, 'contracts-registered': 30, 'high-tech-enterprises': 50, 'days-to-register': 10 },
    c: { 'technology-amount': 0, 'contracts-registered': 20, 'high-tech-enterprises': null, 'days-to-register': 30 },
  },
};
const weights: IndexWeights = {
  dimensions: { transaction: 0.5, entities: 0.5 },
  indicators: { 'technology-amount': 1, 'contracts-registered': 1, 'high-tech-enterprises': 1, 'days-to-register': 1 },
};

describe('innovation index', () => {
  it('normalises min-max, direction-aware; missing scores 0; a flat indicator gives everyone 100', () => {
    expect(normalise([0, 50, 100], 'higher')).toEqual([0, 50, 100]);
    expect(normalise([0, 50, 100], 'lower')).toEqual([100, 50, 0]);
    expect(normalise([7, null, 7], 'higher')).toEqual([100, 0, 100]);
  });

  it('weights within and across dimensions and ranks', () => {
    const r = computeInnovationIndex(inputs, weights);
    const byPark = Object.fromEntries(r.map((x) => [x.park, x]));
    // a: transaction (100 + 0)/2 = 50; entities (0 + 50)/2 = 25 → 37.5
    expect(byPark.a.dimensions).toEqual({ transaction: 50, entities: 25 });
    expect(byPark.a.score).toBe(37.5);
    // b: transaction (50 + 100)/2 = 75; entities (100 + 100)/2 = 100 → 87.5
    expect(byPark.b.score).toBe(87.5);
    expect(r.map((x) => x.park)).toEqual(['b', 'a', 'c']);
    expect(r.map((x) => x.rank)).toEqual([1, 2, 3]);
  });

  it('is deterministic: the same inputs and weights reproduce the same result', () => {
    expect(computeInnovationIndex(JSON.parse(JSON.stringify(inputs)), JSON.parse(JSON.stringify(weights)))).toEqual(computeInnovationIndex(inputs, weights));
  });

  it('changing a weight moves the index', () => {
    const base = computeInnovationIndex(inputs, weights).find((x) => x.park === 'a')!;
    const heavier = computeInnovationIndex(inputs, { ...weights, indicators: { ...weights.indicators, 'technology-amount': 5 } }).find((x) => x.park === 'a')!;
    expect(heavier.score).toBeGreaterThan(base.score);
    const dimShift = computeInnovationIndex(inputs, { ...weights, dimensions: { transaction: 0.9, entities: 0.1 } }).find((x) => x.park === 'a')!;
    expect(dimShift.score).toBeGreaterThan(base.score);
  });

  it("improving a park's figure never lowers its score or rank (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ x: fc.integer({ min: 0, max: 1000 }), y: fc.integer({ min: 0, max: 1000 }) }), { minLength: 2, maxLength: 11 }),
        fc.nat(10),
        fc.integer({ min: 1, max: 500 }),
        (rows, who, delta) => {
          const parks = rows.map((_, i) => `p${String(i).padStart(2, '0')}`);
          const idx = who % parks.length;
          const ind = [{ code: 'x', dimension: 'd1', direction: 'higher' as const }, { code: 'y', dimension: 'd2', direction: 'higher' as const }];
          const w = { dimensions: { d1: 0.6, d2: 0.4 }, indicators: { x: 1, y: 1 } };
          const mk = (bump: number): IndexInputs => ({ parks, indicators: ind, values: Object.fromEntries(rows.map((r, i) => [parks[i], { x: r.x + (i === idx ? bump : 0), y: r.y }])) });
          const before = computeInnovationIndex(mk(0), w).find((r) => r.park === parks[idx])!;
          const after = computeInnovationIndex(mk(delta), w).find((r) => r.park === parks[idx])!;
          return after.score >= before.score - 1e-9 && after.rank <= before.rank;
        },
      ),
    );
  });

  it('refuses negative weights', () => {
    expect(() => computeInnovationIndex(inputs, { ...weights, indicators: { 'technology-amount': -1 } })).toThrow(RangeError);
  });
});

describe('ranking only the parks with data', () => {
  it('leaves a park that reported nothing (all missing or 0) unranked and ranks the others 1, 2, 2, 4', () => {
    const values: Record<string, Record<string, number | null>> = { a: { x: 5 }, b: { x: 3, y: 0 }, c: { x: 3 }, d: { x: 1 }, e: { x: 0, y: null }, f: {} };
    const results = [
      { park: 'a', score: 90 }, { park: 'b', score: 56.3 }, { park: 'c', score: 56.3 }, { park: 'd', score: 10 }, { park: 'e', score: 56.3 }, { park: 'f', score: 56.3 },
    ];
    const ranks = rankParksWithData(results, (p) => hasReportedData(values[p]));
    expect(Object.fromEntries(ranks)).toEqual({ a: 1, b: 2, c: 2, d: 4, e: null, f: null });
  });
});
