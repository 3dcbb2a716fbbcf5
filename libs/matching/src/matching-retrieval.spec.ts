import type { SearchQuery } from '@techbridge/platform';
import { CANDIDATE_LIMIT, MatchingService, RETRIEVAL_TERMS } from './matching.service';
import { MatchQuery, retrievalTerms } from './query/match-query';

/** Candidate retrieval: one engine search (strongest terms, then the text's own words), the hard filter in it. */
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

  it("searches once with the strongest terms and the text's own words they lack, the hard filter inside", async () => {
    const s = serviceOver({ '脱硝 催化剂 烧结机 机头': ['a', 'b', 'c'] });
    const filter = { field: 'trl', gte: 6 };
    const docs = await s.retrieve('achievements', query(['脱硝', '催化剂'], ['烧结机', '机头', '脱硝']), filter);
    expect(docs.map((d) => d.id)).toEqual(['a', 'b', 'c']);
    expect(s.calls).toHaveLength(1);
    // The hard constraint is in the search: nothing below minTrl ever reaches the re-ranking.
    expect(s.calls[0].filter).toEqual(filter);
    expect(s.calls[0].limit).toBe(CANDIDATE_LIMIT);
  });

  it('searches nothing for a text without an informative word', async () => {
    const s = serviceOver({});
    expect(await s.retrieve('achievements', query([], []), undefined)).toEqual([]);
    expect(s.calls).toHaveLength(0);
  });
});

describe('retrievalTerms', () => {
  it('keeps the strongest terms first, then adds own words they lack, up to the budget', () => {
    const own = Array.from({ length: 30 }, (_, i) => `词${i}`);
    const terms = retrievalTerms({ queryTerms: ['脱硝', '词0', '催化剂'], textTerms: own }, RETRIEVAL_TERMS);
    expect(terms.slice(0, 3)).toEqual(['脱硝', '词0', '催化剂']);
    expect(terms).toHaveLength(RETRIEVAL_TERMS);
    expect(new Set(terms).size).toBe(RETRIEVAL_TERMS);
    expect(terms[3]).toBe('词1');
  });

  it('cuts the strongest terms to the budget when they alone exceed it', () => {
    expect(retrievalTerms({ queryTerms: ['a1', 'b2', 'c3'], textTerms: ['d4'] }, 2)).toEqual(['a1', 'b2']);
  });
});
