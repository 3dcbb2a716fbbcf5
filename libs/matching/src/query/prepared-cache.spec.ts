import { bigramBm25Scores, BigramBm25, bigramCounts } from './bigram-bm25';
import { PreparedTextCache } from './prepared-cache';
import { prepareText } from './relevance';

describe('PreparedTextCache', () => {
  const text = (title: string) => ({ title, keywords: ['关键词'], body: '正文内容' });

  it('prepares a candidate version once and again after an edit (new version)', () => {
    const cache = new PreparedTextCache();
    let prepared = 0;
    const read = (title: string) => () => (prepared++, text(title));
    const a1 = cache.get('a', 1, read('旧标题'));
    expect(cache.get('a', 1, read('不会读到'))).toBe(a1);
    expect(prepared).toBe(1);
    const a2 = cache.get('a', 2, read('新标题'));
    expect(a2.title).toBe('新标题');
    expect(prepared).toBe(2);
  });

  it('drops the least recently used entry beyond its capacity', () => {
    const cache = new PreparedTextCache(2);
    const a = cache.get('a', 1, () => text('甲'));
    cache.get('b', 1, () => text('乙'));
    cache.get('a', 1, () => text('甲'));
    cache.get('c', 1, () => text('丙'));
    expect(cache.size).toBe(2);
    expect(cache.get('a', 1, () => text('重读'))).toBe(a);
    expect(cache.get('b', 1, () => text('重读')).title).toBe('重读');
  });
});

describe('bigramBm25Scores (pool BM25 from prepared counts)', () => {
  it('gives the same scores as the collection BM25 over the same documents', () => {
    const docs = ['钢铁烧结机头烟气低温脱硝技术', '水泥窑分级燃烧与SNCR协同脱硝工艺', '奶牛隐性乳房炎快速诊断试剂盒', '烟气余热回收 heat recovery 2.5 MW'];
    const query = '烧结烟气脱硝 余热 SNCR';
    const reference = new Map(new BigramBm25(docs.map((text, i) => ({ id: String(i), text }))).scores(query));
    const scores = bigramBm25Scores(query, docs.map(bigramCounts));
    scores.forEach((s, i) => expect(s).toBeCloseTo(reference.get(String(i)) ?? 0, 10));
    expect(scores[2]).toBe(0);
  });

  it('prepares the normalised fields and the whole text counts of a candidate', () => {
    const p = prepareText({ title: 'ＳＣＲ脱硝', keywords: ['催化剂'], body: 'Low NOx' });
    expect(p.title).toBe('scr脱硝');
    expect(p.head).toBe('scr脱硝\n催化剂');
    expect(p.body).toBe('low nox');
    expect(p.bigrams.tf.get('脱硝')).toBe(1);
  });
});
