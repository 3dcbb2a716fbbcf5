import { comparableContractTypes, priceBand } from './valuation';

describe('valuation band', () => {
  it('is empty without comparables', () => {
    expect(priceBand([])).toEqual({ count: 0, p25: null, p50: null, p75: null });
  });

  it('interpolates P25, median and P75 over the sorted amounts', () => {
    expect(priceBand([400_000, 100_000, 300_000, 200_000, 500_000])).toEqual({ count: 5, p25: 200_000, p50: 300_000, p75: 400_000 });
    expect(priceBand([100, 200, 300, 400])).toEqual({ count: 4, p25: 175, p50: 250, p75: 325 });
    expect(priceBand([42])).toEqual({ count: 1, p25: 42, p50: 42, p75: 42 });
  });

  it('compares a transfer with transfers and a licence with licences', () => {
    expect(comparableContractTypes('transfer')).toContain('transfer-patent');
    expect(comparableContractTypes('sole')).toEqual(['license-patent', 'license-tech-secret']);
  });
});
