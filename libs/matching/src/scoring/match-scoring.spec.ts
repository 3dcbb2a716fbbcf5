import { AchievementFacts, DemandFacts, Labels, meetsHardConstraints, scoreOfFeatures, scorePair } from './match-scoring';
import { DEFAULT_WEIGHTS, isConcernCode, normaliseWeights } from '../weights/match-weights';
import type { TextEvidence } from '../query/match-query';

const labels: Labels = { industry: (c) => ({ zh: `产业${c}`, en: c }), field: (c) => ({ zh: c === 'air-pollution' ? '大气污染治理' : c, en: c }), mode: (c) => ({ zh: c, en: c }) };
const demand: DemandFacts = {
  industry: 'energy-saving-environmental', field: 'air-pollution', minTrl: 6, budget: 1_000_000, cooperationModes: ['license'], park: 'renqiu-edz',
  parkKeyIndustries: ['energy-saving-environmental'], parkName: { zh: '任丘经济开发区', en: 'Renqiu EDZ' },
};
const achievement: AchievementFacts = {
  industry: 'energy-saving-environmental', field: 'air-pollution', trl: 7, askingPrice: 800_000, transferModes: ['license', 'transfer'], ownerRegion: 'BJ', fiscallyFunded: true,
};
const text: TextEvidence = { relevance: 0.5, matched: [{ term: '脱硝', weight: 2.4, origin: 'symptom', via: '氮氧化物 超标' }] };

describe('scorePair', () => {
  it('gives one reason per contributing feature, and the reasons add up to the score', () => {
    const r = scorePair(demand, achievement, text, labels);
    const codes = r.reasons.map((x) => x.code).sort();
    expect(codes).toEqual(
      ['fiscally-funded', 'mode-overlap', 'park-key-industry', 'price-within-budget', 'region-flow', 'same-field', 'same-industry', 'text-relevance', 'trl-meets-required'].sort(),
    );
    expect(new Set(codes).size).toBe(codes.length);
    expect(r.score).toBe(Math.round([...r.reasons, ...r.concerns].reduce((s, x) => s + x.points, 0)));
    expect(scoreOfFeatures(r.features, DEFAULT_WEIGHTS)).toBe(r.score);
  });

  it('names the checkable facts: sub-field, TRL against the requirement, region flow, symptom bridge', () => {
    const r = scorePair(demand, achievement, text, labels);
    const en = r.reasons.map((x) => x.en);
    expect(en).toContain('TRL 7 exceeds the required 6');
    expect(en).toContain('Beijing achievement into the Hebei park Renqiu EDZ');
    expect(r.reasons.find((x) => x.code === 'same-field')!.zh).toBe('同一细分领域：大气污染治理');
    const bridge = r.reasons.find((x) => x.code === 'text-relevance')!;
    // A sentence, not thesaurus notation: the words the enterprise used, and what usually solves that.
    expect(bridge.zh).toContain('「氮氧化物」和「超标」描述的问题，通常靠「脱硝」这类技术解决');
    expect(bridge.en).toContain('"氮氧化物" and "超标" describe a problem usually solved with 脱硝');
    expect(bridge.zh).not.toMatch(/…|对应/);
  });

  it('takes points off with a concern, never a reason, when the asking price is above the budget', () => {
    const r = scorePair(demand, { ...achievement, askingPrice: 3_000_000 }, text, labels);
    const above = r.concerns.find((x) => x.code === 'price-above-budget')!;
    expect(above.points).toBe(DEFAULT_WEIGHTS.features['price-above-budget']);
    expect(above.en).toContain('above the budget');
    expect(r.reasons.some((x) => x.code === 'price-within-budget' || x.code === 'price-above-budget')).toBe(false);
  });

  it('keeps concerns out of the reasons whatever the weights (readiness at the minimum, modes, region)', () => {
    const odd = normaliseWeights({ features: { 'trl-at-minimum': 5, 'mode-mismatch': -3, 'region-outside': -2, 'same-industry': -7 } });
    expect(odd.features['trl-at-minimum']).toBe(0);
    expect(odd.features['same-industry']).toBe(0);
    const r = scorePair({ ...demand, minTrl: 7 }, { ...achievement, trl: 7, transferModes: ['equity'], ownerRegion: 'other' }, text, labels, undefined, odd);
    expect(r.concerns.map((c) => c.code).sort()).toEqual(['mode-mismatch', 'region-outside', 'trl-at-minimum']);
    for (const reason of r.reasons) {
      expect(isConcernCode(reason.code)).toBe(false);
      expect(reason.points).toBeGreaterThan(0);
    }
    for (const concern of r.concerns) expect(concern.points).toBeLessThanOrEqual(0);
    expect(r.concerns.find((c) => c.code === 'trl-at-minimum')!.zh).toContain('刚好达到最低要求');
    expect(r.score).toBe(Math.round([...r.reasons, ...r.concerns].reduce((s, x) => s + x.points, 0)));
  });

  it('reads its points from the weights version it is given', () => {
    const heavier = normaliseWeights({ features: { 'fiscally-funded': 12 } });
    const a = scorePair(demand, achievement, text, labels);
    const b = scorePair(demand, achievement, text, labels, undefined, heavier);
    expect(b.score - a.score).toBe(10);
    expect(b.reasons.find((x) => x.code === 'fiscally-funded')!.points).toBe(12);
  });

  it('gives no reason for a feature that does not apply (no park, other industry, nothing in common)', () => {
    const r = scorePair({ ...demand, park: null, parkKeyIndustries: [], field: null, budget: null, cooperationModes: ['equity'] }, { ...achievement, industry: 'digital', fiscallyFunded: false, ownerRegion: 'HE' }, text, labels);
    expect(r.reasons.map((x) => x.code).sort()).toEqual(['text-relevance', 'trl-meets-required']);
  });

  it('hides matched words when asked to (a text the viewer may not read) but keeps the points', () => {
    const open = scorePair(demand, achievement, text, labels);
    const hidden = scorePair(demand, achievement, text, labels, []);
    expect(hidden.score).toBe(open.score);
    expect(hidden.reasons.find((x) => x.code === 'text-relevance')!.zh).toBe('内容相关');
  });

  it('clamps to 0-100', () => {
    const r = scorePair(demand, achievement, { relevance: 1, matched: [] }, labels);
    expect(r.score).toBeLessThanOrEqual(100);
    const low = scorePair({ ...demand, minTrl: null }, { ...achievement, trl: 2, askingPrice: 9e9, industry: 'digital', field: null, fiscallyFunded: false, ownerRegion: 'HE', transferModes: [] }, { relevance: 0, matched: [] }, labels);
    expect(low.score).toBe(0);
  });

  it('enforces the minimum TRL as a hard constraint', () => {
    expect(meetsHardConstraints({ minTrl: 6 }, { trl: 5 })).toBe(false);
    expect(meetsHardConstraints({ minTrl: 6 }, { trl: 6 })).toBe(true);
    expect(meetsHardConstraints({ minTrl: null }, { trl: 1 })).toBe(true);
  });
});
