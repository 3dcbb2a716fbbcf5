import type { TextEvidence } from '../query/match-query';
import { DEFAULT_WEIGHTS, MatchWeights, normaliseWeights } from '../weights/match-weights';
import { AchievementFacts, DemandFacts, Labels, scorePair, scorePairOnly } from './match-scoring';
import { PoolCandidate, rankScored, sortRanked } from './pool-ranking';

const labels: Labels = { industry: (c) => ({ zh: `产业${c}`, en: c }), field: (c) => ({ zh: `领域${c}`, en: c }), mode: (c) => ({ zh: `方式${c}`, en: c }) };

/** A deterministic generator (mulberry32): the same fixture pool on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const INDUSTRIES = ['energy-saving-environmental', 'new-materials', 'digital'];
const FIELDS = ['air-pollution', 'water-treatment', null];
const MODES = ['transfer', 'license', 'joint-implementation', 'equity', 'self-implementation', 'other'];
const DEMAND_MODES = ['transfer', 'license', 'joint-development', 'equity', 'consulting'];
const REGIONS = ['BJ', 'TJ', 'HE', 'other'];

function fixturePool(seed: number, size: number): Array<PoolCandidate<{ id: string }>> {
  const r = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const some = (xs: readonly string[]) => xs.filter(() => r() < 0.35);
  const demands: DemandFacts[] = Array.from({ length: 4 }, (_, i) => ({
    industry: pick(INDUSTRIES), field: pick(FIELDS), minTrl: r() < 0.7 ? 3 + Math.floor(r() * 5) : null, budget: r() < 0.7 ? Math.round(r() * 5e6) : null,
    cooperationModes: some(DEMAND_MODES), park: i % 2 ? 'renqiu-edz' : null, parkKeyIndustries: i % 2 ? [pick(INDUSTRIES)] : [], parkName: i === 1 ? { zh: '任丘经济开发区', en: 'Renqiu EDZ' } : null,
  }));
  return Array.from({ length: size }, (_, i) => {
    const achievement: AchievementFacts = {
      industry: pick(INDUSTRIES), field: pick(FIELDS), trl: 1 + Math.floor(r() * 9), askingPrice: r() < 0.25 ? null : Math.round(r() * 6e6),
      transferModes: some(MODES), ownerRegion: pick(REGIONS), fiscallyFunded: r() < 0.3,
    };
    // Relevance on a coarse grid, so many candidates tie on the score and the tie-breaks are exercised too.
    const evidence: TextEvidence = {
      relevance: Math.floor(r() * 20) / 20,
      matched: [{ term: '脱硝', weight: 2, origin: r() < 0.5 ? 'symptom' : 'body', via: '氮氧化物 超标' }, { term: '催化剂', weight: 1, origin: 'title' }],
    };
    return { document: { id: `a${String(i).padStart(4, '0')}` }, demand: demands[i % demands.length], achievement, evidence };
  });
}

/** The way a pool was ranked before: every candidate scored with its reasons and concerns, then sorted and cut. */
function rankWithAllReasons(pool: Array<PoolCandidate<{ id: string }>>, weights: MatchWeights, minRelevance: number, keep: number) {
  const all = pool
    .filter((c) => c.evidence.relevance >= minRelevance)
    .map((c) => ({ document: c.document, scored: scorePair(c.demand, c.achievement, c.evidence, labels, undefined, weights), relevance: c.evidence.relevance }));
  return sortRanked(all).slice(0, keep);
}

const WEIGHT_VERSIONS: Array<[string, MatchWeights]> = [
  ['defaults', DEFAULT_WEIGHTS],
  ['refitted', normaliseWeights({ features: { 'text-relevance': 47.3, 'fiscally-funded': 12, 'trl-at-minimum': -6.5, 'mode-mismatch': -3.3, 'region-outside': -2.2, 'price-above-budget': -9.9 } })],
  ['odd', normaliseWeights({ features: { 'same-industry': 0.05, 'trl-at-minimum': 5, 'park-key-industry': 33.3 } })],
];

describe('rankScored', () => {
  it.each(WEIGHT_VERSIONS)('ranks a pool exactly as scoring every candidate with its reasons did (%s weights)', (_, weights) => {
    const pool = fixturePool(12, 400);
    for (const keep of [1, 20, 400]) {
      const before = rankWithAllReasons(pool, weights, 0.12, keep);
      const now = rankScored(pool, labels, weights, 0.12, keep);
      expect(now.map((x) => x.document.id)).toEqual(before.map((x) => x.document.id));
      // Score, reasons, concerns and features: the whole stored value, not the score alone.
      expect(now.map((x) => x.scored)).toEqual(before.map((x) => x.scored));
      expect(now.map((x) => x.relevance)).toEqual(before.map((x) => x.relevance));
    }
  });

  it.each(WEIGHT_VERSIONS)('scores every pair of the pool as scorePair does, without composing its sentences (%s weights)', (_, weights) => {
    const pool = fixturePool(7, 400);
    const scores = pool.map((c) => scorePairOnly(c.demand, c.achievement, c.evidence, weights));
    expect(scores).toEqual(pool.map((c) => scorePair(c.demand, c.achievement, c.evidence, labels, undefined, weights).score));
    // The fixture is not trivial: scores spread, and ties exist.
    expect(new Set(scores).size).toBeGreaterThan(15);
    expect(new Set(scores).size).toBeLessThan(scores.length);
  });

  it('writes sentences only for the candidates it keeps', () => {
    const pool = fixturePool(3, 200);
    let asked = 0;
    const counting: Labels = { industry: (c) => (asked++, labels.industry(c)), field: labels.field, mode: labels.mode };
    const kept = rankScored(pool, counting, DEFAULT_WEIGHTS, 0.12, 5);
    expect(kept).toHaveLength(5);
    expect(asked).toBeLessThanOrEqual(10);
  });
});
