import { isYuanAmount } from './money';

describe('isYuanAmount', () => {
  it('accepts amounts with up to two decimals and refuses the rest without throwing', () => {
    for (const ok of [0, 1, 1.5, 880000, 12.34, -3.1, 1e12]) expect([ok, isYuanAmount(ok)]).toEqual([ok, true]);
    for (const bad of [9e-323, -7.975791430252249e-240, 0.1 + 0.2, 1.234, NaN, Infinity, '12', null]) expect([bad, isYuanAmount(bad)]).toEqual([bad, false]);
  });
});
