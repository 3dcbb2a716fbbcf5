import { ChineseTokenizer } from '@techbridge/platform';
import { shippedThesaurus, Thesaurus } from '../thesaurus/thesaurus';
import { FITTED_TUNING_WEIGHTS } from '../weights/fitted-weights';
import { buildMatchQuery, MatchText } from './match-query';
import { DEFAULT_RELEVANCE, feedbackQuery, rankPool, relevanceParams, relevanceToWeights, scoredTerms } from './relevance';

describe('rankPool (relevance within the candidate pool, with pseudo-relevance feedback)', () => {
  const thesaurus = new Thesaurus(shippedThesaurus());
  const tokenizer = new ChineseTokenizer();
  tokenizer.addWords(thesaurus.words());
  const domain = new Set(tokenizer.dictionaryWords());
  const query = (title: string, body = '') => buildMatchQuery({ title, keywords: [], body }, tokenizer, thesaurus, domain);

  // Written for this test (not evaluation texts): two processes that do 脱硝, a monitoring platform that names it often.
  const sinter: MatchText = { title: '钢铁烧结机头烟气低温脱硝技术', keywords: ['脱硝', '低温催化'], body: '在一百五十摄氏度下实现氮氧化物高效还原，无需烟气再热，适合现有烧结产线改造。' };
  const kiln: MatchText = { title: '水泥窑分级燃烧与SNCR协同脱硝工艺', keywords: ['脱硝', '水泥窑'], body: '窑尾分解炉分级燃烧降低氮氧化物生成，配合氨水喷射进一步脱除。' };
  const monitor: MatchText = {
    title: '工业窑炉烟气排放智能监管平台', keywords: ['环保监管', '排放预警'],
    body: '接入企业脱硫、脱硝、除尘设施数据，跟踪脱硝剂用量和排放浓度，生成环保绩效报表，超标时预警。',
  };
  const unrelated: MatchText = { title: '奶牛隐性乳房炎快速诊断试剂盒', keywords: ['乳房炎'], body: '现场十分钟判定。' };

  it.each([
    ['the defaults', DEFAULT_RELEVANCE],
    ['the shipped fitted weights', relevanceParams(FITTED_TUNING_WEIGHTS!.weights)],
  ])('ranks the processes that do 脱硝 above a monitoring platform that mentions it, with %s', (_name, params) => {
    const demand = query('脱硝');
    const { evidence } = rankPool(demand, [monitor, sinter, kiln, unrelated], tokenizer, params, '脱硝');
    const [m, s, k, u] = evidence.map((e) => e.relevance);
    expect(s).toBeGreaterThan(m);
    expect(k).toBeGreaterThan(m);
    expect(u).toBe(0);
  });

  it('adds the words the best first-pass candidates share, never words the whole pool shares', () => {
    const q = query('烟气脱硝');
    const top = [sinter, kiln].map((text) => ({ text, relevance: 1 }));
    const expanded = feedbackQuery(q, top, 10, tokenizer, { ...DEFAULT_RELEVANCE, feedbackDocs: 2, feedbackTerms: 4, feedbackWeight: 0.5 }, () => 1);
    const added = expanded.terms.filter((t) => t.origin === 'feedback');
    expect(added.length).toBeGreaterThan(0);
    expect(added.map((t) => t.term)).toContain('氮氧化物');
    for (const t of added) expect(t.weight).toBeLessThan(q.terms[0].weight);
    const everywhere = feedbackQuery(q, top, 10, tokenizer, { ...DEFAULT_RELEVANCE, feedbackDocs: 2, feedbackTerms: 4, feedbackWeight: 0.5 }, () => 10);
    expect(everywhere.terms.filter((t) => t.origin === 'feedback')).toEqual([]);
  });

  it('lets feedback find a candidate that shares no word with the query but shares the best candidates\' words', () => {
    // The demand names 脱硝; a candidate about the same chemistry names only 氮氧化物 and 还原.
    const cousin: MatchText = { title: '氮氧化物低温还原催化剂', keywords: ['催化剂'], body: '在烟气中把氮氧化物还原为氮气。' };
    const without = rankPool(query('烟气脱硝'), [sinter, kiln, cousin, unrelated], tokenizer, { ...DEFAULT_RELEVANCE, feedbackDocs: 0 });
    const withFeedback = rankPool(query('烟气脱硝'), [sinter, kiln, cousin, unrelated], tokenizer, { ...DEFAULT_RELEVANCE, feedbackDocs: 2, feedbackTerms: 6, feedbackWeight: 0.6 });
    expect(withFeedback.evidence[2].relevance).toBeGreaterThan(without.evidence[2].relevance);
    expect(withFeedback.evidence[3].relevance).toBe(0);
  });

  it('reads and writes its parameters in a weights version', () => {
    const p = { ...DEFAULT_RELEVANCE, k1: 2, feedbackDocs: 5 };
    expect(relevanceParams(relevanceToWeights(p))).toEqual(p);
  });
});

describe('scoredTerms (the weight re-ranking gives thesaurus expansions)', () => {
  const q = {
    terms: [
      { term: '脱硝', weight: 2, origin: 'title' as const },
      { term: '烟气脱硝', weight: 1.8, origin: 'thesaurus' as const, via: '脱硝' },
      { term: '氮氧化物', weight: 1.5, origin: 'body' as const },
      { term: '选择性催化还原', weight: 1.2, origin: 'symptom' as const, via: '还原' },
    ],
    queryTerms: [],
    textTerms: [],
  };

  it('keeps the query as built at share 1', () => {
    expect(scoredTerms(q, { expansionShare: 1 })).toEqual(q.terms);
  });

  it('weighs only expansions down, re-sorted, and drops them at share 0', () => {
    const half = scoredTerms(q, { expansionShare: 0.5 });
    expect(half.map((t) => [t.term, t.weight])).toEqual([['脱硝', 2], ['氮氧化物', 1.5], ['烟气脱硝', 0.9], ['选择性催化还原', 0.6]]);
    expect(scoredTerms(q, { expansionShare: 0 }).map((t) => t.term)).toEqual(['脱硝', '氮氧化物']);
  });

  it('ranks by the own words only when expansions are off (an expansion-only match scores 0)', () => {
    const tokenizer = new ChineseTokenizer();
    const only = rankPool(q, [{ title: '选择性催化还原装置', keywords: [], body: '' }, { title: '脱硝工艺', keywords: [], body: '' }], tokenizer, { ...DEFAULT_RELEVANCE, expansionShare: 0, feedbackDocs: 0, bigramShare: 0 });
    expect(only.evidence[0].relevance).toBe(0);
    expect(only.evidence[1].relevance).toBeGreaterThan(0);
  });
});
