import { tallyReasons } from './reason-tally';

describe('the shared scoring-with-reasons tally', () => {
  const weights: Record<string, number> = { a: 30, b: 12.5, c: -15, zero: 0 };
  const concern = (code: string) => code === 'c';

  it('every applied feature is one reason or one concern, and they add up to the score', () => {
    const t = tallyReasons(
      [
        { code: 'b', strength: 0.5, zh: 'b', en: 'b' },
        { code: 'a', strength: 1, zh: 'a', en: 'a' },
        { code: 'c', strength: 1, zh: 'c', en: 'c' },
      ],
      (c) => weights[c],
      concern,
    );
    expect(t.reasons.map((r) => [r.code, r.points])).toEqual([['a', 30], ['b', 6.3]]);
    expect(t.concerns.map((r) => [r.code, r.points])).toEqual([['c', -15]]);
    expect(t.score).toBe(Math.round(30 + 6.3 - 15));
    expect(t.features).toEqual({ a: 1, b: 0.5, c: 1 });
  });

  it('a reason worth nothing is not shown; the score stays within 0-100', () => {
    const none = tallyReasons([{ code: 'zero', strength: 1, zh: '', en: '' }], (c) => weights[c], concern);
    expect(none.reasons).toEqual([]);
    expect(none.score).toBe(0);
    expect(tallyReasons([{ code: 'c', strength: 1, zh: '', en: '' }], (c) => weights[c], concern).score).toBe(0);
    expect(tallyReasons([1, 2, 3, 4].map(() => ({ code: 'a', strength: 1, zh: '', en: '' })), (c) => weights[c], concern).score).toBe(100);
  });
});
