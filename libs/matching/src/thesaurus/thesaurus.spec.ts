import { INDUSTRY_CODES } from '@techbridge/platform';
import { shippedThesaurus, Thesaurus } from './thesaurus';

describe('Thesaurus', () => {
  const concepts = shippedThesaurus();
  const t = new Thesaurus(concepts);

  it('ships concepts for all nine industries, each unique per industry', () => {
    expect(new Set(concepts.map((c) => c.industry))).toEqual(new Set(INDUSTRY_CODES));
    const keys = concepts.map((c) => `${c.industry}/${c.term}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('detects a symptom only when its words co-occur in one sentence', () => {
    expect(t.detectSymptoms('机头烟气氮氧化物经常超标').map((h) => h.concept.term)).toContain('脱硝');
    expect(t.detectSymptoms('氮氧化物浓度正常。颗粒物超标').map((h) => h.concept.term)).not.toContain('脱硝');
  });

  it('feeds the index symmetric synonym groups and symptom links', () => {
    const syn = t.toSearchSynonyms();
    expect(syn['脱硝']).toEqual(expect.arrayContaining(['SCR', '烟气脱硝']));
    expect(syn['氮氧化物 超标']).toEqual(['脱硝']);
  });

  it('gives single words to the segmenter, never symptom phrases', () => {
    const words = t.words();
    expect(words).toContain('活性焦');
    expect(words.some((w) => /\s/.test(w))).toBe(false);
  });
});
