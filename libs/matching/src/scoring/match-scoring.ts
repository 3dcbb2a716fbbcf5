import type { TextEvidence, WeightedTerm } from '../query/match-query';
import { DEFAULT_WEIGHTS, FeatureCode, isConcernCode, MatchWeights } from '../weights/match-weights';
import { AppliedFeature, clampScore, featurePoints, tallyReasons, tallyScore } from './reason-tally';

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


/** A feature's sentence, composed only when the pair is shown (scoring alone never builds it). */
type Say = () => { zh: string; en: string };
type AddFeature = (code: FeatureCode, strength: number, say: Say) => void;

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
  applyFeatures(demand, achievement, text, labels, textTerms, (code, strength, say) => {
    const s = say();
    applied.push({ code, strength, zh: s.zh, en: s.en });
  });
  // The same tally as every other match on the platform (financing matching shares it through the facade).
  return tallyReasons(applied, (code) => weights.features[code], isConcernCode);
}

/**
 * scorePair's score without composing a single reason or concern: what ranking a whole pool needs. The same features
 * in the same order and the same tally (tallyScore), so the score is exactly scorePair's.
 */
export function scorePairOnly(demand: DemandFacts, achievement: AchievementFacts, text: TextEvidence, weights: MatchWeights = DEFAULT_WEIGHTS): number {
  const codes: FeatureCode[] = [];
  const strengths: number[] = [];
  applyFeatures(demand, achievement, text, null, null, (code, strength) => {
    codes.push(code);
    strengths.push(strength);
  });
  return tallyScore(codes, strengths, (code) => weights.features[code], isConcernCode);
}

/**
 * The one list of features of a pair, in a fixed order. Sentences are passed unevaluated: `labels` and `textTerms` are
 * read only inside them, so scorePairOnly passes null.
 */
function applyFeatures(
  demand: DemandFacts,
  achievement: AchievementFacts,
  text: TextEvidence,
  labels: Labels | null,
  textTerms: string[] | null,
  add: AddFeature,
): void {
  if (text.relevance > 0) {
    add('text-relevance', text.relevance, () => {
      const bridge = text.matched.find((t) => t.origin === 'symptom' && t.via && textTerms!.includes(t.term));
      return textReason(textTerms!.slice(0, 5), bridge);
    });
  }
  if (demand.industry === achievement.industry) {
    add('same-industry', 1, () => {
      const l = labels!.industry(demand.industry);
      return { zh: `同属${l.zh}产业`, en: `Same industry: ${l.en}` };
    });
  }
  if (demand.field && demand.field === achievement.field) {
    add('same-field', 1, () => {
      const l = labels!.field(demand.field!);
      return { zh: `同一细分领域：${l.zh}`, en: `Same sub-field: ${l.en}` };
    });
  }
  if (demand.minTrl != null) {
    const minTrl = demand.minTrl;
    if (achievement.trl >= minTrl) {
      const exceeds = achievement.trl > minTrl;
      add('trl-meets-required', 1, () => ({
        zh: `技术成熟度${achievement.trl}级${exceeds ? '高于' : '达到'}要求的${minTrl}级`,
        en: `TRL ${achievement.trl} ${exceeds ? 'exceeds' : 'meets'} the required ${minTrl}`,
      }));
      if (!exceeds) {
        add('trl-at-minimum', 1, () => ({
          zh: `成熟度刚好达到最低要求（${minTrl}级），没有余量，落地前宜核实验证情况`,
          en: `Readiness only just meets the minimum (TRL ${minTrl}): check how it was validated before committing`,
        }));
      }
    }
  } else if (achievement.trl >= 7) {
    add('trl-mature', 1, () => ({ zh: `技术成熟度${achievement.trl}级，已在真实环境验证`, en: `TRL ${achievement.trl}: proven in an operational environment` }));
  } else if (achievement.trl <= 3) {
    add('trl-early', 1, () => ({ zh: `技术成熟度${achievement.trl}级，仍处实验室阶段`, en: `TRL ${achievement.trl}: still at laboratory stage` }));
  }
  if (demand.budget != null) {
    const budget = demand.budget;
    const price = achievement.askingPrice;
    if (price == null) {
      add('price-negotiable', 1, () => ({ zh: '价格面议，可在预算内协商', en: 'Price negotiable within the budget' }));
    } else if (price <= budget) {
      add('price-within-budget', 1, () => {
        const [p, b] = [yuan(price), yuan(budget)];
        return { zh: `报价${p.zh}在预算${b.zh}以内`, en: `Asking price ${p.en} within the budget of ${b.en}` };
      });
    } else {
      add('price-above-budget', 1, () => {
        const [p, b] = [yuan(price), yuan(budget)];
        return { zh: `报价${p.zh}高于预算${b.zh}`, en: `Asking price ${p.en} above the budget of ${b.en}` };
      });
    }
  }
  const fits = (m: string) => (MODE_EQUIVALENTS[m] ?? []).some((d) => demand.cooperationModes.includes(d));
  if (achievement.transferModes.some(fits)) {
    add('mode-overlap', 1, () => {
      const shared = achievement.transferModes.flatMap((m) => (MODE_EQUIVALENTS[m] ?? []).filter((d) => demand.cooperationModes.includes(d)));
      const modes = [...new Set(shared)].map((m) => labels!.mode(m));
      return { zh: `合作方式一致：${modes.map((m) => m.zh).join('、')}`, en: `Cooperation mode fits: ${modes.map((m) => m.en).join(', ')}` };
    });
  } else if (demand.cooperationModes.length && achievement.transferModes.length) {
    add('mode-mismatch', 1, () => {
      const wanted = demand.cooperationModes.map((m) => labels!.mode(m));
      const offered = achievement.transferModes.map((m) => labels!.mode(m));
      return {
        zh: `合作方式不一致：需求希望${wanted.map((m) => m.zh).join('、')}，成果提供${offered.map((m) => m.zh).join('、')}`,
        en: `Cooperation modes differ: the demand wants ${wanted.map((m) => m.en).join(', ')}, the achievement offers ${offered.map((m) => m.en).join(', ')}`,
      };
    });
  }
  if (demand.park && (achievement.ownerRegion === 'BJ' || achievement.ownerRegion === 'TJ')) {
    add('region-flow', 1, () => {
      const from = achievement.ownerRegion === 'BJ' ? { zh: '北京', en: 'Beijing' } : { zh: '天津', en: 'Tianjin' };
      const park = demand.parkName ?? { zh: '示范区园区', en: 'a zone park' };
      return { zh: `${from.zh}成果落地河北${park.zh}`, en: `${from.en} achievement into the Hebei park ${park.en}` };
    });
  } else if (demand.park && achievement.ownerRegion === 'other') {
    add('region-outside', 1, () => ({ zh: '成果持有方不在京津冀，异地对接和现场服务成本较高', en: 'The owner is outside Beijing-Tianjin-Hebei: meetings and on-site support cost more' }));
  }
  if (demand.park && demand.parkKeyIndustries.includes(achievement.industry)) {
    add('park-key-industry', 1, () => {
      const l = labels!.industry(achievement.industry);
      return { zh: `属于园区主导产业${l.zh}`, en: `The park's key industry: ${l.en}` };
    });
  }
  if (achievement.fiscallyFunded) {
    add('fiscally-funded', 1, () => ({ zh: '财政科技计划资助成果，优先推广', en: 'Fiscally funded achievement (priority promotion)' }));
  }
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
