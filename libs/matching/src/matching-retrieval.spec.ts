import type { SearchQuery } from '@techbridge/platform';
import { CANDIDATE_LIMIT, MatchingService, TEXT_CANDIDATE_LIMIT } from './matching.service';
import type { MatchQuery } from './query/match-query';

/** Candidate retrieval: two engine searches (strongest terms, the text's own words), the hard filter in both, their union. */
describe('MatchingService retrieval', () => {
  function serviceOver(hits: Record<string, string[]>): { retrieve(index: string, q: MatchQuery, f: unknown): Promise<Array<{ id: string }>>; calls: SearchQuery[] } {
    const calls: SearchQuery[] = [];
    const search = {
      search: async (_index: string, q: SearchQuery) => {
        calls.push(q);
        return { hits: (hits[q.q!.trim()] ?? []).map((id) => ({ document: { id }, highlights: {} })), total: 0 };
      },
    };
    // Only the engine is needed for retrieval; the other collaborators are never reached.
    const service = Object.assign(Object.create(MatchingService.prototype), { search });
    return { retrieve: (index, q, f) => service.retrieve(index, q, f), calls };
  }
  const query = (queryTerms: string[], textTerms: string[]): MatchQuery => ({ terms: [], queryTerms, textTerms });

  it("adds what the text's own words find to what the strongest terms find, once each, first search first", async () => {
    const s = serviceOver({ '脱硝 催化剂': ['a', 'b'], '烧结机 机头 脱硝': ['c', 'a'] });
    const filter = { field: 'trl', gte: 6 };
    const docs = await s.retrieve('achievements', query(['脱硝', '催化剂'], ['烧结机', '机头', '脱硝']), filter);
    expect(docs.map((d) => d.id)).toEqual(['a', 'b', 'c']);
    expect(s.calls).toHaveLength(2);
    // The hard constraint is in both searches: nothing below minTrl ever reaches the re-ranking.
    for (const call of s.calls) expect(call.filter).toEqual(filter);
    expect(s.calls.map((c) => c.limit)).toEqual([CANDIDATE_LIMIT, TEXT_CANDIDATE_LIMIT]);
  });

  it('makes one search when the text has no word the strongest terms lack', async () => {
    const s = serviceOver({ '脱硝 催化剂': ['a'] });
    expect((await s.retrieve('achievements', query(['脱硝', '催化剂'], ['催化剂']), undefined)).map((d) => d.id)).toEqual(['a']);
    expect(s.calls).toHaveLength(1);
  });

  it('searches nothing for a text without an informative word', async () => {
    const s = serviceOver({});
    expect(await s.retrieve('achievements', query([], []), undefined)).toEqual([]);
    expect(s.calls).toHaveLength(0);
  });
});
