import type { TextEvidence, WeightedTerm } from '../query/match-query';
import { DEFAULT_WEIGHTS, FeatureCode, isConcernCode, MatchWeights } from '../weights/match-weights';
import { AppliedFeature, clampScore, featurePoints, tallyReasons } from './reason-tally';

/** The demand side of a pair, as the features need it. */
export interface DemandFacts {
  industry: string;
  field: string | null;
  minTrl: number | null;
  budget: number | null;
  cooperationModes: string[];
  park: string | null;
  /** Key industries of the demand's park (from the editable reference data). */
  parkKeyIndustries: string[];
  parkName?: { zh: string; en: string } | null;
}

/** The achievement side of a pair. */
export interface AchievementFacts {
  industry: string;
  field: string | null;
  trl: number;
  askingPrice: number | null;
  transferModes: string[];
  ownerRegion: string;
  fiscallyFunded: boolean;
}

export type { FeatureCode } from '../weights/match-weights';

export interface MatchReason {
  code: FeatureCode;
  zh: string;
  en: string;
  /** Points this feature added to the score (reasons) or took from it (concerns: ≤ 0). */
  points: number;
}

/** The strength (0-1) of every feature that applies to a pair: what the weights multiply, and all a refit ever reads. */
export type FeatureVector = Partial<Record<FeatureCode, number>>;

export interface ScoredMatch {
  /** 0-100, the rounded sum of the reasons' and concerns' points, clamped. */
  score: number;
  /** What speaks for the pair (points > 0), best first. */
  reasons: MatchReason[];
  /** What speaks against it (points ≤ 0), worst first; shown apart. */
  concerns: MatchReason[];
  features: FeatureVector;
}

/** Demand cooperation modes an achievement's transfer mode satisfies (joint development fits a joint implementation). */
const MODE_EQUIVALENTS: Record<string, string[]> = {
  transfer: ['transfer'],
  license: ['license'],
  'joint-implementation': ['joint-implementation', 'joint-development'],
  equity: ['equity'],
  'self-implementation': [],
  other: ['other', 'consulting'],
};

export interface Labels {
  industry(code: string): { zh: string; en: string };
  field(code: string): { zh: string; en: string };
  mode(code: string): { zh: string; en: string };
}

export interface Labels {
  industry(code: string): { zh: string; en: string };
  field(code: string): { zh: string; en: string };
  mode(code: string): { zh: string; en: string };
}

// Built once: toLocaleString builds a formatter per call, which made price reasons the slowest part of re-ranking.
const WAN = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 });
const EN = new Intl.NumberFormat('en-US');

function yuan(n: number): { zh: string; en: string } {
  return n >= 10000 ? { zh: `${WAN.format(n / 10000)}万元`, en: `¥${EN.format(n)}` } : { zh: `${n}元`, en: `¥${n}` };
}

/**
 * Why the text matches, in a sentence a manager reads without training: the matched words, and when a symptom the
 * enterprise described led to a technique, which words pointed to which technique.
 */
export function textReason(shown: string[], bridge: WeightedTerm | undefined): { zh: string; en: string } {
  if (!shown.length) return { zh: '内容相关', en: 'Content matches the problem' };
  const words = { zh: shown.map((t) => `「${t}」`).join(''), en: shown.join(', ') };
  if (!bridge?.via) return { zh: `内容相关：双方都涉及${words.zh}`, en: `Content matches: both are about ${words.en}` };
  const cues = bridge.via.split(/\s+/).filter(Boolean);
  const said = { zh: cues.map((c) => `「${c}」`).join('和'), en: cues.map((c) => `"${c}"`).join(' and ') };
  return {
    zh: `文中${said.zh}描述的问题，通常靠「${bridge.term}」这类技术解决；双方共同涉及${words.zh}`,
    en: `${said.en} describe a problem usually solved with ${bridge.term}; both are about ${words.en}`,
  };
}


/**
 * Scores one demand-achievement pair with one version of the weights. Every point comes from a named feature and
 * every feature that applies produces exactly one reason (points > 0) or concern (points ≤ 0, shown even at 0), so
 * reasons and concerns always add up to the score (before clamping to 0-100).
 * `textTerms` are the matched words safe to show to this viewer (empty when the words came from a text the viewer may not read).
 */
export function scorePair(
  demand: DemandFacts,
  achievement: AchievementFacts,
  text: TextEvidence,
  labels: Labels,
  textTerms: string[] = text.matched.map((t) => t.term),
  weights: MatchWeights = DEFAULT_WEIGHTS,
): ScoredMatch {
  const applied: Array<AppliedFeature<FeatureCode>> = [];
  const add = (code: FeatureCode, strength: number, zh: string, en: string) => applied.push({ code, strength, zh, en });

  if (text.relevance > 0) {
    const bridge = text.matched.find((t) => t.origin === 'symptom' && t.via && textTerms.includes(t.term));
    const sentence = textReason(textTerms.slice(0, 5), bridge);
    add('text-relevance', text.relevance, sentence.zh, sentence.en);
  }
  if (demand.industry === achievement.industry) {
    const l = labels.industry(demand.industry);
    add('same-industry', 1, `同属${l.zh}产业`, `Same industry: ${l.en}`);
  }
  if (demand.field && demand.field === achievement.field) {
    const l = labels.field(demand.field);
    add('same-field', 1, `同一细分领域：${l.zh}`, `Same sub-field: ${l.en}`);
  }
  if (demand.minTrl != null) {
    if (achievement.trl >= demand.minTrl) {
      const exceeds = achievement.trl > demand.minTrl;
      add(
        'trl-meets-required',
        1,
        `技术成熟度${achievement.trl}级${exceeds ? '高于' : '达到'}要求的${demand.minTrl}级`,
        `TRL ${achievement.trl} ${exceeds ? 'exceeds' : 'meets'} the required ${demand.minTrl}`,
      );
      if (!exceeds) {
        add('trl-at-minimum', 1, `成熟度刚好达到最低要求（${demand.minTrl}级），没有余量，落地前宜核实验证情况`, `Readiness only just meets the minimum (TRL ${demand.minTrl}): check how it was validated before committing`);
      }
    }
  } else if (achievement.trl >= 7) {
    add('trl-mature', 1, `技术成熟度${achievement.trl}级，已在真实环境验证`, `TRL ${achievement.trl}: proven in an operational environment`);
  } else if (achievement.trl <= 3) {
    add('trl-early', 1, `技术成熟度${achievement.trl}级，仍处实验室阶段`, `TRL ${achievement.trl}: still at laboratory stage`);
  }
  if (demand.budget != null) {
    if (achievement.askingPrice == null) {
      add('price-negotiable', 1, '价格面议，可在预算内协商', 'Price negotiable within the budget');
    } else {
      const p = yuan(achievement.askingPrice);
      const b = yuan(demand.budget);
      if (achievement.askingPrice <= demand.budget) add('price-within-budget', 1, `报价${p.zh}在预算${b.zh}以内`, `Asking price ${p.en} within the budget of ${b.en}`);
      else add('price-above-budget', 1, `报价${p.zh}高于预算${b.zh}`, `Asking price ${p.en} above the budget of ${b.en}`);
    }
  }
  const shared = achievement.transferModes.flatMap((m) => (MODE_EQUIVALENTS[m] ?? []).filter((d) => demand.cooperationModes.includes(d)));
  if (shared.length) {
    const modes = [...new Set(shared)].map((m) => labels.mode(m));
    add('mode-overlap', 1, `合作方式一致：${modes.map((m) => m.zh).join('、')}`, `Cooperation mode fits: ${modes.map((m) => m.en).join(', ')}`);
  } else if (demand.cooperationModes.length && achievement.transferModes.length) {
    const wanted = demand.cooperationModes.map((m) => labels.mode(m));
    const offered = achievement.transferModes.map((m) => labels.mode(m));
    add(
      'mode-mismatch',
      1,
      `合作方式不一致：需求希望${wanted.map((m) => m.zh).join('、')}，成果提供${offered.map((m) => m.zh).join('、')}`,
      `Cooperation modes differ: the demand wants ${wanted.map((m) => m.en).join(', ')}, the achievement offers ${offered.map((m) => m.en).join(', ')}`,
    );
  }
  if (demand.park && (achievement.ownerRegion === 'BJ' || achievement.ownerRegion === 'TJ')) {
    const from = achievement.ownerRegion === 'BJ' ? { zh: '北京', en: 'Beijing' } : { zh: '天津', en: 'Tianjin' };
    const park = demand.parkName ?? { zh: '示范区园区', en: 'a zone park' };
    add('region-flow', 1, `${from.zh}成果落地河北${park.zh}`, `${from.en} achievement into the Hebei park ${park.en}`);
  } else if (demand.park && achievement.ownerRegion === 'other') {
    add('region-outside', 1, '成果持有方不在京津冀，异地对接和现场服务成本较高', 'The owner is outside Beijing-Tianjin-Hebei: meetings and on-site support cost more');
  }
  if (demand.park && demand.parkKeyIndustries.includes(achievement.industry)) {
    const l = labels.industry(achievement.industry);
    add('park-key-industry', 1, `属于园区主导产业${l.zh}`, `The park's key industry: ${l.en}`);
  }
  if (achievement.fiscallyFunded) {
    add('fiscally-funded', 1, '财政科技计划资助成果，优先推广', 'Fiscally funded achievement (priority promotion)');
  }
  // The same tally as every other match on the platform (financing matching shares it through the facade).
  return tallyReasons(applied, (code) => weights.features[code], isConcernCode);
}

function pointsOf(weights: MatchWeights, code: FeatureCode, strength: number): number {
  return featurePoints(weights.features[code], strength);
}

/** The score a stored feature vector gets under a version of the weights: scorePair's score, without any text. */
export function scoreOfFeatures(features: FeatureVector, weights: MatchWeights): number {
  const entries = Object.entries(features) as Array<[FeatureCode, number]>;
  return clampScore(entries.reduce((s, [code, strength]) => {
    const p = pointsOf(weights, code, strength);
    return s + (isConcernCode(code) ? Math.min(0, p) : Math.max(0, p));
  }, 0));
}

/** Hard constraint shared by retrieval and re-ranking: an achievement below the demand's minimum TRL never matches. */
export function meetsHardConstraints(demand: Pick<DemandFacts, 'minTrl'>, achievement: Pick<AchievementFacts, 'trl'>): boolean {
  return demand.minTrl == null || achievement.trl >= demand.minTrl;
}
