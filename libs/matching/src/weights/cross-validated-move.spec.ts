import { crossValidatedMove } from './cross-validated-move';

describe('crossValidatedMove', () => {
  const folds = [0, 1, 2, 3, 4, 0, 1, 2, 3, 4];
  const base = Array(10).fill(1);

  it('takes a value that helps demands in every fold', () => {
    const broad = base.map((x) => x + 0.05);
    const move = crossValidatedMove(base, [base.map((x) => x - 0.01), broad], folds, 0.003);
    expect(move.chosen).toBe(1);
    expect(move.outOfFoldGain).toBeCloseTo(0.05);
  });

  it('leaves out a value that helps one demand a lot and costs the others a little', () => {
    // Better on the whole part (+0.05 mean), but chosen only while demand 0 is in training, where it costs the held-out fold.
    const narrow = base.map((x, i) => (i === 0 ? x + 0.6 : x - 0.01));
    const move = crossValidatedMove(base, [narrow], folds, 0.003);
    expect(move.fullGain).toBeGreaterThan(0.003);
    expect(move.outOfFoldGain).toBeLessThan(0.003);
    expect(move.chosen).toBe(-1);
  });

  it('stays when nothing is better', () => {
    expect(crossValidatedMove(base, [base.map((x) => x - 0.1)], folds, 0.003)).toMatchObject({ chosen: -1, fullGain: 0 });
  });
});
