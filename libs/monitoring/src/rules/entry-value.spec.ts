import { entryValueProblem } from './entry-value';

describe('entered figures', () => {
  it('refuses negative counts, fractional counts and shares above 100 %', () => {
    expect(entryValueProblem('count', -1)?.code).toBe('min');
    expect(entryValueProblem('count', 2.5)?.code).toBe('isInt');
    expect(entryValueProblem('percent', 100.5)?.code).toBe('max');
    expect(entryValueProblem('yuan', 1.005)?.code).toBe('precision');
    expect(entryValueProblem('percent', 2.45)).toBeNull();
    expect(entryValueProblem('count', 0)).toBeNull();
    expect(entryValueProblem('per-10k', 31.7)).toBeNull();
  });
});
