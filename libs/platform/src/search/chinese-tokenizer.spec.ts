import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import { ChineseTokenizer } from './chinese-tokenizer';

describe('ChineseTokenizer', () => {
  const tokenizer = new ChineseTokenizer();

  it('fixes the default dictionary splitting domain words into characters', () => {
    // The mistakes the domain dictionary exists for: without it jieba cuts 脱硝 → 脱/硝 and 活性焦 → 活性/焦.
    const plain = Jieba.withDict(dict).cut('活性焦脱硫脱硝一体化技术', false);
    expect(plain).toEqual(expect.arrayContaining(['脱', '硝', '焦']));

    const terms = tokenizer.tokenize('活性焦脱硫脱硝一体化技术');
    expect(terms).toEqual(expect.arrayContaining(['活性焦', '脱硫', '脱硝', '一体化', '技术']));
    expect(terms).not.toContain('脱');
    expect(terms).not.toContain('硝');
    expect(terms).not.toContain('焦');
  });

  it('segments words from the nine industries', () => {
    expect(tokenizer.tokenize('烧结机烟气超低排放改造')).toEqual(expect.arrayContaining(['烧结机', '烟气', '超低排放']));
    expect(tokenizer.tokenize('石墨烯导热膜')).toEqual(expect.arrayContaining(['石墨烯', '导热膜']));
    expect(tokenizer.tokenize('质子交换膜燃料电池')).toEqual(expect.arrayContaining(['质子交换膜', '燃料电池']));
    expect(tokenizer.tokenize('钠离子电池储能电站')).toEqual(expect.arrayContaining(['钠离子电池', '储能电站']));
  });

  it('does not turn unrelated words into the domain word', () => {
    const terms = tokenizer.tokenize('含硝酸的废水脱水处理');
    expect(terms).toEqual(expect.arrayContaining(['硝酸', '废水', '脱水', '处理']));
    expect(terms).not.toContain('脱硝');
  });

  it('normalises width and case, splits Latin words and drops punctuation and stop words', () => {
    // A bag of terms: order carries no meaning for indexing.
    expect(tokenizer.tokenize('ＳＣＲ脱硝，Graphene and PM2.5 的 治理！').sort()).toEqual(['graphene', 'pm2.5', 'scr', '治理', '脱硝']);
  });

  it('keeps term repeats for indexing but gives distinct whole words for queries', () => {
    expect(tokenizer.tokenize('脱硝 脱硝').filter((t) => t === '脱硝')).toHaveLength(2);
    expect(tokenizer.queryTerms('脱硝 脱硝 一体化的 SCR')).toEqual(['脱硝', '一体化', 'scr']);
    // Search-mode sub-words (一体) belong to the index, not to the query.
    expect(tokenizer.queryTerms('一体化')).toEqual(['一体化']);
  });

  it('learns words added at runtime and bumps its revision', () => {
    const own = new ChineseTokenizer();
    expect(own.queryTerms('钒钛磁铁矿')).not.toContain('钒钛磁铁矿');
    const before = own.revision;
    own.addWords(['钒钛磁铁矿', 'SCR脱硝', '']);
    expect(own.revision).toBe(before + 1);
    expect(own.queryTerms('钒钛磁铁矿')).toEqual(['钒钛磁铁矿']);
    expect(own.dictionaryWords()).toContain('钒钛磁铁矿');
    // Mixed words are already split at the script boundary; adding them would only mislead Meilisearch's dictionary.
    expect(own.dictionaryWords()).not.toContain('scr脱硝');
  });

  it('segments a short text it has seen before anew once words are added (remembered segmentations are forgotten)', () => {
    const own = new ChineseTokenizer();
    const before = own.segment('钒钛磁铁矿选矿');
    expect(before.split(' ')).not.toContain('钒钛磁铁矿');
    expect(own.segment('钒钛磁铁矿选矿')).toBe(before);
    own.addWords(['钒钛磁铁矿']);
    expect(own.segment('钒钛磁铁矿选矿').split(' ')).toContain('钒钛磁铁矿');
  });

  it('indexes the dictionary words of a long compound, across jieba\'s cuts too, but not accidental ones', () => {
    // jieba cuts 磷酸铁锂/电池: 锂电池 straddles the cut, yet it is what a searcher types.
    expect(tokenizer.tokenize('宽温域磷酸铁锂电池电解液')).toEqual(expect.arrayContaining(['磷酸铁锂', '锂电池', '电池', '电解液']));
    expect(tokenizer.tokenize('测试工具箱')).toEqual(expect.arrayContaining(['测试工具', '工具', '工具箱']));
    // A word ending inside the next cut word is an accident of adjacency: 研究|生物医药 is no 研究生.
    expect(tokenizer.tokenize('研究生物医药制剂')).not.toContain('研究生');
    expect(tokenizer.tokenize('超低排放在线监测')).not.toContain('放在');
  });

  it('writes the search field head first: the cut words from the last, each with the parts that end in it', () => {
    const field = tokenizer.segment('ＳＣＲ脱硝，宽温域磷酸铁锂电池电解液');
    expect(field.split(' ').sort()).toEqual(tokenizer.tokenize('ＳＣＲ脱硝，宽温域磷酸铁锂电池电解液').sort());
    expect(field).toBe('电解液 电解 电池 锂电池 磷酸铁锂 磷酸 域 温 宽 脱硝 scr');
    // What the text is about comes first: the platform, not what it monitors.
    expect(tokenizer.segment('烟气脱硝在线监测平台').split(' ')[0]).toBe('平台');
  });

  it('decomposes a long word into covering dictionary sub-words', () => {
    expect(tokenizer.decompose('科技成果转化')).toEqual(expect.arrayContaining(['科技', '成果', '转化']));
    expect(tokenizer.decompose('脱硝')).toBeUndefined();
  });

  it('highlights matched words on the original text', () => {
    expect(tokenizer.highlight('活性焦脱硫脱硝一体化技术', new Set(['脱硝']))).toBe('活性焦脱硫<em>脱硝</em>一体化技术');
    expect(tokenizer.highlight('含硝酸的废水', new Set(['脱硝']))).toBe('含硝酸的废水');
    expect(tokenizer.highlight('一体化', new Set(['一体']))).toBe('<em>一体</em>化');
    // Full-width input keeps its original characters inside the tags.
    expect(tokenizer.highlight('ＳＣＲ脱硝工艺', new Set(['scr', '脱硝']))).toBe('<em>ＳＣＲ脱硝</em>工艺');
    expect(tokenizer.highlight('Graphene film', new Set(['graphene']))).toBe('<em>Graphene</em> film');
    // A term found across jieba's cut is marked where it stands.
    expect(tokenizer.highlight('宽温域磷酸铁锂电池电解液', new Set(['锂电池']))).toBe('宽温域磷酸铁<em>锂电池</em>电解液');
  });
});
