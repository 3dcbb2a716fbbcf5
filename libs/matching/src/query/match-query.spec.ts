import { ChineseTokenizer } from '@techbridge/platform';
import { shippedThesaurus, Thesaurus } from '../thesaurus/thesaurus';
import { buildMatchQuery, textEvidence } from './match-query';

describe('buildMatchQuery', () => {
  const thesaurus = new Thesaurus(shippedThesaurus());
  const tokenizer = new ChineseTokenizer();
  tokenizer.addWords(thesaurus.words());
  const domain = new Set(tokenizer.dictionaryWords());

  it('bridges a mined cue word to the technique papers use it with (vocabulary mismatch)', () => {
    // 路径规划 is among the words papers keyed 移动机器人 use (keyword-abstract NPMI, mined-thesaurus.json).
    const q = buildMatchQuery({ title: '仓库叉车的路径规划总绕远', keywords: [], body: '车间里搬运线路乱，路径规划靠人。' }, tokenizer, thesaurus, domain);
    const bridged = q.terms.find((t) => t.term === '移动机器人');
    expect(bridged).toMatchObject({ origin: 'symptom', via: '路径规划' });
    // A cue word lends less than the words the enterprise wrote itself.
    expect(bridged!.weight).toBeLessThan(q.terms.find((t) => t.term === '路径规划')!.weight);
    const ev = textEvidence(q, { title: '室内移动机器人自主导航系统', keywords: ['移动机器人'], body: '激光建图与路径规划' });
    expect(ev.relevance).toBeGreaterThan(0.3);
  });

  it('reaches Chinese content from an English word through the thesaurus labels', () => {
    const q = buildMatchQuery({ title: 'battery recycling', keywords: [], body: '' }, tokenizer, thesaurus, domain);
    expect(q.terms.find((t) => t.term === '电池')).toMatchObject({ origin: 'thesaurus', via: 'battery' });
  });

  it('keeps at most ten query words and drops mined stop-words', () => {
    const q = buildMatchQuery(
      { title: '我公司希望寻求一种解决问题的技术', keywords: [], body: '我们目前需要提高产品质量，降低生产成本，希望找到合作单位，'.repeat(5) + '焊缝质量不稳定。' },
      tokenizer,
      thesaurus,
      domain,
    );
    expect(q.queryTerms.length).toBeLessThanOrEqual(10);
    for (const generic of ['公司', '希望', '问题', '技术', '寻求', '需要', '目前', '我们']) expect(q.queryTerms).not.toContain(generic);
    expect(q.queryTerms).toContain('焊缝');
  });

  it("keeps the text's own words, beyond the ten strongest and without expansions, for the second retrieval", () => {
    const q = buildMatchQuery({ title: '仓库叉车的路径规划总绕远', keywords: ['物流'], body: '车间里搬运线路乱，路径规划靠人，叉车司机经常空跑，夜班尤其明显。' }, tokenizer, thesaurus, domain);
    expect(q.textTerms).toEqual(expect.arrayContaining(['叉车', '路径规划', '物流']));
    expect(q.textTerms).not.toContain('移动机器人');
    expect(q.textTerms.length).toBeGreaterThan(0);
    expect(q.textTerms.length).toBeLessThanOrEqual(40);
  });

  it('scores an unrelated text at zero', () => {
    const q = buildMatchQuery({ title: '奶牛乳房红肿，奶里有絮状物', keywords: [], body: '用抗生素后要弃奶。' }, tokenizer, thesaurus, domain);
    expect(textEvidence(q, { title: '钢渣微粉制备技术', keywords: ['钢渣'], body: '用于混凝土' }).relevance).toBe(0);
  });
});
