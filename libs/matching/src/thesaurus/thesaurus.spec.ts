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

  it('detects an administrator-entered symptom only when its words co-occur in one sentence', () => {
    const edited = new Thesaurus([...concepts, { industry: 'new-materials', term: '无卤阻燃', synonyms: [], broader: [], narrower: [], symptoms: ['电缆 着火'] }]);
    expect(edited.detectSymptoms('去年电缆在仓库着火').map((h) => h.concept.term)).toContain('无卤阻燃');
    expect(edited.detectSymptoms('电缆没有问题。仓库着火了').map((h) => h.concept.term)).not.toContain('无卤阻燃');
  });

  it('feeds the index symmetric synonym groups: standards, abbreviations and English labels', () => {
    const syn = t.toSearchSynonyms();
    expect(syn['烟气脱硝']).toEqual(expect.arrayContaining(['脱硝', 'SCR', '选择性催化还原']));
    expect(syn['battery']).toEqual(expect.arrayContaining(['电池']));
    expect(syn['denitrification']).toEqual(expect.arrayContaining(['烟气脱硝', '脱硝']));
    expect(syn['电池']).toEqual(expect.arrayContaining(['battery', '锂离子电池']));
    expect(syn['photovoltaics']).toEqual(expect.arrayContaining(['光伏']));
  });

  it('reaches the Chinese term from its English label', () => {
    expect(t.related('battery').map((r) => r.term)).toContain('电池');
    expect(t.related('energy storage').map((r) => r.term)).toContain('储能');
  });

  it('ships mined cue words as single-word symptoms that call for the technique, never as search synonyms', () => {
    const withCues = concepts.filter((c) => c.symptoms.length);
    expect(withCues.length).toBeGreaterThan(500);
    for (const c of withCues) for (const s of c.symptoms) expect(s).not.toMatch(/\s/);
    const sample = withCues[0];
    expect(t.detectSymptoms(`这里提到${sample.symptoms[0]}。`).map((h) => h.concept.term)).toContain(sample.term);
    expect(t.toSearchSynonyms()[sample.symptoms[0]] ?? []).not.toContain(sample.term);
  });

  it('finds by character pairs exactly the symptoms a test of every symptom finds, in the same order', () => {
    const edited = new Thesaurus([...concepts, { industry: 'new-materials', term: '无卤阻燃', synonyms: [], broader: [], narrower: [], symptoms: ['电缆 着火', 'x 冒烟'] }]);
    const naive = (text: string) => {
      const sentences = text.normalize('NFKC').toLowerCase().split(/[。！？；;!?\n]+/u).filter(Boolean);
      return edited.concepts.flatMap((c) => {
        const s = c.symptoms.find((sy) => sentences.some((se) => sy.toLowerCase().split(/\s+/).every((p) => se.includes(p))));
        return s ? [`${c.term}/${s}`] : [];
      });
    };
    // Written for this test from the thesaurus' own cue words (not evaluation text), plus phrases of one character.
    const cues = concepts.filter((c) => c.symptoms.length).slice(0, 40).map((c) => c.symptoms[0]);
    for (const text of [`去年电缆在仓库着火。${cues.slice(0, 10).join('和')}`, cues.slice(10).join('，'), 'X 设备冒烟；电缆正常', '']) {
      expect(edited.detectSymptoms(text).map((h) => `${h.concept.term}/${h.symptom}`)).toEqual(naive(text));
    }
  });

  it('gives single words to the segmenter, never phrases', () => {
    const words = t.words();
    expect(words).toContain('选择性催化还原');
    expect(words.some((w) => /\s/.test(w))).toBe(false);
  });
});
