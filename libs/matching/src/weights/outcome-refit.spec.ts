import { DEFAULT_WEIGHTS } from './match-weights';
import { JudgedPair, refitFromOutcomes } from './outcome-refit';

const pair = (gain: number, features: JudgedPair['features']): JudgedPair => ({ gain, features });

describe('refitFromOutcomes', () => {
  it('moves the weights towards what consistent outcomes reward, keeping signs', () => {
    // Signed pairs are fiscally funded and negotiable; closed ones were within budget but not funded.
    const judged = [
      ...Array.from({ length: 4 }, () => pair(3, { 'text-relevance': 0.6, 'fiscally-funded': 1, 'price-negotiable': 1 })),
      ...Array.from({ length: 4 }, () => pair(0, { 'text-relevance': 0.6, 'price-within-budget': 1 })),
    ];
    const out = refitFromOutcomes(DEFAULT_WEIGHTS, judged)!;
    expect(out.changed).toBe(true);
    expect(out.weights.features['fiscally-funded']).toBeGreaterThan(DEFAULT_WEIGHTS.features['fiscally-funded']);
    expect(out.weights.features['price-within-budget']).toBeLessThan(DEFAULT_WEIGHTS.features['price-within-budget']);
    expect(out.evidence.orderedBefore).toBe(0);
    expect(out.evidence.orderedAfter).toBe(1);
    for (const v of Object.values(out.weights.features)) expect(Number.isFinite(v)).toBe(true);
    expect(out.weights.features['price-above-budget']).toBeLessThanOrEqual(0);
  });

  it('makes a concern weigh when rejected pairs carry it', () => {
    const judged = [
      ...Array.from({ length: 3 }, () => pair(2, { 'text-relevance': 0.5, 'trl-meets-required': 1 })),
      ...Array.from({ length: 3 }, () => pair(0, { 'text-relevance': 0.5, 'trl-meets-required': 1, 'trl-at-minimum': 1 })),
    ];
    const out = refitFromOutcomes(DEFAULT_WEIGHTS, judged)!;
    expect(out.weights.features['trl-at-minimum']).toBeLessThan(0);
  });

  it('does nothing with too few outcomes on either side', () => {
    expect(refitFromOutcomes(DEFAULT_WEIGHTS, [pair(3, { 'same-field': 1 }), pair(0, {})])).toBeNull();
  });

  it('leaves weights alone when outcomes already agree with them', () => {
    const judged = [
      ...Array.from({ length: 3 }, () => pair(3, { 'text-relevance': 0.9, 'same-field': 1 })),
      ...Array.from({ length: 3 }, () => pair(0, { 'text-relevance': 0.2 })),
    ];
    const out = refitFromOutcomes(DEFAULT_WEIGHTS, judged)!;
    expect(out.evidence.orderedBefore).toBe(1);
    expect(out.evidence.orderedAfter).toBe(1);
  });
});
