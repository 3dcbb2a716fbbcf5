import { ChineseTokenizer } from '../chinese-tokenizer';
import type { IndexSettings, SearchQuery } from '../search-index.port';
import { allowedTypos, boundedEditDistance } from './edit-distance';
import { InvalidSearchQueryError } from '../search-index.port';
import { InvertedIndex } from './inverted-index';

const SETTINGS: IndexSettings = {
  searchableAttributes: ['title', 'summary'],
  filterableAttributes: ['industry', 'price'],
  sortableAttributes: ['price'],
};

describe('boundedEditDistance', () => {
  it('counts substitutions, insertions, deletions and neighbour swaps as one typo each', () => {
    expect(boundedEditDistance('grapheme', 'graphene', 2, false)).toBe(1);
    expect(boundedEditDistance('grpahene', 'graphene', 2, false)).toBe(1);
    expect(boundedEditDistance('graphne', 'graphene', 2, false)).toBe(1);
    expect(boundedEditDistance('graphite', 'graphene', 1, false)).toBe(2);
  });

  it('measures against the closest prefix when the word is a prefix', () => {
    expect(boundedEditDistance('graphen', 'graphene', 1, true)).toBe(0);
    expect(boundedEditDistance('grephen', 'graphene', 1, true)).toBe(1);
    expect(boundedEditDistance('graphen', 'graphene', 1, false)).toBe(1);
  });

  it('allows typos by word length like Meilisearch', () => {
    expect(allowedTypos('film')).toBe(0);
    expect(allowedTypos('films')).toBe(1);
    expect(allowedTypos('batteries')).toBe(2);
  });
});

describe('InvertedIndex', () => {
  const tokenizer = new ChineseTokenizer();
  const build = (docs: Array<Record<string, unknown> & { id: string }>, settings: IndexSettings = SETTINGS) => {
    const index = new InvertedIndex(tokenizer, settings);
    for (const doc of docs) index.upsert(doc.id, doc);
    return index;
  };
  const ids = (index: InvertedIndex, query: SearchQuery) => index.search(query).hits.map((h) => h.id);

  it('keeps a document that misses the first query word, after every document matching more words', () => {
    const index = build([
      { id: 'road', title: '公路自然区划指标', summary: '数据场理论' },
      { id: 'other', title: '道路照明', summary: '节能灯具' },
      { id: 'none', title: '智慧农业', summary: '水肥一体化' },
    ]);
    // Strict Meilisearch "last" would drop "road": it lacks 道路, the first word.
    expect(ids(index, { q: '道路 区划 数据场' })).toEqual(['road', 'other']);
    expect(ids(index, { q: '道路 区划 数据场', matchingStrategy: 'all' })).toEqual([]);
  });

  it('breaks ties between equal word counts by the strategy order', () => {
    const index = build([
      { id: 'first', title: '储能', summary: '' },
      { id: 'second', title: '光伏', summary: '' },
    ]);
    expect(ids(index, { q: '储能 光伏' })).toEqual(['first', 'second']);
    expect(ids(index, { q: '光伏 储能' })).toEqual(['second', 'first']);
    const scores = index.search({ q: '储能 光伏' }).hits.map((h) => h.rankingScore);
    expect(scores[0]).toBeGreaterThan(scores[1]);
  });

  it('applies typos and prefixes to Latin words only where Meilisearch does', () => {
    const index = build([
      { id: 'g', title: 'graphene batteries', summary: '' },
      { id: 'p', title: 'perovskite', summary: '' },
    ]);
    expect(ids(index, { q: 'batteriez' })).toEqual(['g']);
    expect(ids(index, { q: 'bateries' })).toEqual(['g']);
    // Two typos need nine letters; a first-letter typo counts double.
    expect(ids(index, { q: 'grephane' })).toEqual([]);
    expect(ids(index, { q: 'vatteries' })).toEqual(['g']);
    expect(ids(index, { q: 'raphene' })).toEqual([]);
    // Prefix on the last word only, and not once the query ends with a space.
    expect(ids(index, { q: 'perov' })).toEqual(['p']);
    expect(ids(index, { q: 'perov ' })).toEqual([]);
    expect(ids(index, { q: 'perov graphene', matchingStrategy: 'all' })).toEqual([]);
  });

  it('stays correct across many replacements and the compaction they trigger', () => {
    const index = build([]);
    let compactions = 0;
    for (let round = 0; round < 8; round++) {
      for (let i = 0; i < 1000; i++) {
        // Twenty round-specific words per document, so dead postings pile up quickly.
        const words = Array.from({ length: 20 }, (_, k) => `w${k}r${round}`).join(' ');
        index.upsert(`d${i}`, { id: `d${i}`, title: round % 2 === 0 ? '储能电站' : '光伏组件', summary: words, price: i });
      }
      const before = index.stats().deadPostings;
      index.compactIfWorthIt();
      if (index.stats().deadPostings < before) compactions++;
    }
    expect(compactions).toBeGreaterThan(0);
    expect(index.stats()).toMatchObject({ documents: 1000, deadPostings: expect.any(Number) });
    // The last round (7) wrote 光伏组件 everywhere; words of compacted-away rounds are gone.
    expect(index.search({ q: '储能电站' }).total).toBe(0);
    expect(index.search({ q: 'w3r0 ' }).total).toBe(0);
    expect(index.search({ q: 'w3r7 ' }).total).toBe(1000);
    expect(index.search({ q: '光伏组件' }).total).toBe(1000);
    expect(ids(index, { q: '光伏组件', sort: ['price:desc'], limit: 2 })).toEqual(['d999', 'd998']);
    index.remove('d999');
    expect(ids(index, { q: '光伏组件', filter: { field: 'price', gte: 998 } })).toEqual(['d998']);
    index.upsert('d999', { id: 'd999', title: '储能电站', price: 5 });
    expect(ids(index, { q: '储能电站' })).toEqual(['d999']);
  });

  it('sorts missing values last in both directions', () => {
    const index = build([
      { id: 'a', title: 't', price: 2 },
      { id: 'b', title: 't' },
      { id: 'c', title: 't', price: 1 },
    ]);
    expect(ids(index, { sort: ['price:asc'] })).toEqual(['c', 'a', 'b']);
    expect(ids(index, { sort: ['price:desc'] })).toEqual(['a', 'c', 'b']);
  });

  it('refuses filters, facets and sorts on attributes the settings do not allow', () => {
    const index = build([{ id: 'a', title: 't' }]);
    expect(() => index.search({ filter: { field: 'owner', eq: 'x' } })).toThrow(InvalidSearchQueryError);
    expect(() => index.search({ facets: ['owner'] })).toThrow(/not filterable/);
    expect(() => index.search({ sort: ['industry:asc'] })).toThrow(/not sortable/);
    expect(() => index.search({ sort: ['price:up'] })).toThrow(/asc or :desc/);
  });

  it('searches every attribute when the index has no settings', () => {
    const index = new InvertedIndex(tokenizer, undefined);
    index.upsert('a', { id: 'a', name: '钠离子电池', extra: { note: '储能电站' } });
    expect(index.search({ q: '储能电站' }).hits.map((h) => h.id)).toEqual(['a']);
  });
});
