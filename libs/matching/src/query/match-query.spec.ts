import { ChineseTokenizer } from '@techbridge/platform';
import { shippedThesaurus, Thesaurus } from '../thesaurus/thesaurus';
import { buildMatchQuery, textEvidence } from './match-query';

describe('buildMatchQuery', () => {
  const thesaurus = new Thesaurus(shippedThesaurus());
  const tokenizer = new ChineseTokenizer();
  tokenizer.addWords(thesaurus.words());
  const domain = new Set(tokenizer.dictionaryWords());

  it('bridges a symptom to the technique that treats it (vocabulary mismatch)', () => {
    const q = buildMatchQuery(
      { title: '烧结机头烟气氮氧化物经常超标', keywords: ['环保'], body: '机头烟气氮氧化物经常超标，环保检查压力大。' },
      tokenizer,
      thesaurus,
      domain,
    );
    expect(q.queryTerms).toContain('脱硝');
    expect(q.terms.find((t) => t.term === '脱硝')!.origin).toBe('symptom');
    const ev = textEvidence(q, { title: '活性焦一体化脱硫脱硝技术', keywords: ['活性焦', '烧结烟气'], body: '协同脱除二氧化硫、氮氧化物' });
    expect(ev.relevance).toBeGreaterThan(0.3);
  });

  it('keeps at most ten query words and drops generic request words', () => {
    const q = buildMatchQuery(
      { title: '我公司希望寻求一种解决问题的技术', keywords: [], body: '我们目前需要提高产品质量，降低生产成本，希望找到合作单位，'.repeat(5) + '焊工难招，焊缝质量不稳定。' },
      tokenizer,
      thesaurus,
      domain,
    );
    expect(q.queryTerms.length).toBeLessThanOrEqual(10);
    for (const generic of ['公司', '希望', '问题', '技术', '生产', '成本']) expect(q.queryTerms).not.toContain(generic);
    expect(q.queryTerms).toContain('焊接机器人');
  });

  it('scores an unrelated text at zero', () => {
    const q = buildMatchQuery({ title: '奶牛乳房红肿，奶里有絮状物', keywords: [], body: '用抗生素后要弃奶。' }, tokenizer, thesaurus, domain);
    expect(textEvidence(q, { title: '钢渣微粉制备技术', keywords: ['钢渣'], body: '用于混凝土' }).relevance).toBe(0);
  });
});
