import { BigramBm25, bigrams } from './bigram-bm25';

describe('BigramBm25 (evaluation baseline)', () => {
  it('cuts Han runs into overlapping bigrams and keeps Latin words whole', () => {
    expect(bigrams('烟气脱硝 SCR')).toEqual(['烟气', '气脱', '脱硝', 'scr']);
  });

  it('ranks by shared bigrams weighted by rarity, and applies the filter before ranking', () => {
    const bm25 = new BigramBm25([
      { id: 'a', text: '烧结烟气脱硝催化剂' },
      { id: 'b', text: '烟气在线监测平台' },
      { id: 'c', text: '奶牛乳房炎诊断' },
    ]);
    expect(bm25.search('烟气脱硝', 10)).toEqual(['a', 'b']);
    expect(bm25.search('烟气脱硝', 10, (id) => id !== 'a')).toEqual(['b']);
  });
});
