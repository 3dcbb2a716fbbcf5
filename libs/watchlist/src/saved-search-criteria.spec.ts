import { DomainError } from '@techbridge/platform';
import { criteriaFor } from './saved-search-criteria';

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return (e as DomainError).details?.[0]?.field;
  }
  return undefined;
}

describe('saved search criteria', () => {
  it('keeps the subject filters, trimmed, without empty values', () => {
    expect(criteriaFor('achievement', { q: ' 光伏 ', industry: 'new-energy', trlMin: 5, field: '' })).toEqual({ q: '光伏', industry: 'new-energy', trlMin: 5 });
    expect(criteriaFor('demand', { q: '氢能', budgetMin: 100000 })).toEqual({ q: '氢能', budgetMin: 100000 });
  });

  it('refuses a filter the subject has not, a reversed TRL range, and an empty search', () => {
    expect(fieldOf(() => criteriaFor('demand', { q: '氢能', trlMin: 3 }))).toBe('trlMin');
    expect(fieldOf(() => criteriaFor('achievement', { q: '氢能', budgetMin: 3 }))).toBe('budgetMin');
    expect(fieldOf(() => criteriaFor('achievement', { trlMin: 7, trlMax: 3 }))).toBe('trlMin');
    expect(fieldOf(() => criteriaFor('achievement', { q: '  ' }))).toBe('q');
  });
});
