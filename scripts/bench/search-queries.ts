import { SearchAchievementsQuery } from '../../libs/catalog/src/dto/search.dto';
import { BANKS, prng } from './achievement-generator';

/** A visitor's mix over the generator's vocabulary: words, words with a filter, filtered and sorted, browsing (no words). */
export function searchQueries(n: number): SearchAchievementsQuery[] {
  const r = prng(2026);
  const out: SearchAchievementsQuery[] = [];
  for (let i = 0; i < n; i++) {
    const bank = BANKS[Math.floor(r() * BANKS.length)];
    const field = bank.fields[Math.floor(r() * bank.fields.length)];
    const term = field.terms[Math.floor(r() * field.terms.length)];
    const q = Object.assign(new SearchAchievementsQuery(), { page: 1, pageSize: 20 });
    const kind = i % 4;
    if (kind === 0) q.q = term;
    if (kind === 1) Object.assign(q, { q: `${term} ${bank.scenarios[Math.floor(r() * bank.scenarios.length)]}`, region: ['BJ', 'TJ', 'HE'][i % 3] });
    if (kind === 2) Object.assign(q, { q: term, industry: bank.industry, trlMin: 4, trlMax: 9, sort: 'newest' });
    if (kind === 3) Object.assign(q, { industry: bank.industry, priceMax: 2_000_000, sort: 'price-asc' });
    out.push(q);
  }
  return out;
}
