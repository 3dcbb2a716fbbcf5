import type { TextEvidence } from '../query/match-query';

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

export type FeatureCode =
  | 'text-relevance'
  | 'same-industry'
  | 'same-field'
  | 'trl-meets-required'
  | 'trl-mature'
  | 'trl-early'
  | 'price-within-budget'
  | 'price-above-budget'
  | 'price-negotiable'
  | 'mode-overlap'
  | 'region-flow'
  | 'park-key-industry'
  | 'fiscally-funded';

export interface MatchReason {
  code: FeatureCode;
  zh: string;
  en: string;
  /** Points this feature added to (or, when negative, took from) the score. */
  points: number;
}

export interface ScoredMatch {
  /** 0-100, the rounded sum of the reasons' points, clamped. */
  score: number;
  reasons: MatchReason[];
}

/** Feature weights (points at full strength); text relevance dominates, the rest refines the order. */
export const FEATURE_WEIGHTS = {
  text: 62,
  sameIndustry: 7,
  sameField: 8,
  trlMeets: 5,
  trlMature: 3,
  trlEarly: -4,
  priceWithin: 5,
  priceAbove: -6,
  priceNegotiable: 1,
  modeOverlap: 4,
  regionFlow: 4,
  parkKeyIndustry: 3,
  fiscallyFunded: 2,
} as const;

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

function yuan(n: number): { zh: string; en: string } {
  return n >= 10000 ? { zh: `${(n / 10000).toLocaleString('zh-CN', { maximumFractionDigits: 1 })}万元`, en: `¥${n.toLocaleString('en-US')}` } : { zh: `${n}元`, en: `¥${n}` };
}

/**
 * Scores one demand-achievement pair. Every point comes from a named feature and every feature that contributes
 * produces exactly one reason, so the reasons always add up to the score (before clamping to 0-100).
 * `textTerms` are the matched words safe to show to this viewer (empty when the words came from a text the viewer may not read).
 */
export function scorePair(demand: DemandFacts, achievement: AchievementFacts, text: TextEvidence, labels: Labels, textTerms: string[] = text.matched.map((t) => t.term)): ScoredMatch {
  const reasons: MatchReason[] = [];
  const add = (code: FeatureCode, points: number, zh: string, en: string) => {
    const rounded = Math.round(points * 10) / 10;
    if (rounded !== 0) reasons.push({ code, points: rounded, zh, en });
  };

  if (text.relevance > 0) {
    const shown = textTerms.slice(0, 5);
    const bridge = text.matched.find((t) => t.origin === 'symptom' && t.via && textTerms.includes(t.term));
    const via = bridge ? { zh: `（「${bridge.via!.replace(/\s+/g, '…')}」对应「${bridge.term}」）`, en: ` ("${bridge.via}" calls for "${bridge.term}")` } : { zh: '', en: '' };
    add(
      'text-relevance',
      FEATURE_WEIGHTS.text * text.relevance,
      shown.length ? `内容相关：${shown.map((t) => `「${t}」`).join('')}${via.zh}` : '内容相关',
      shown.length ? `Content matches: ${shown.join(', ')}${via.en}` : 'Content matches the problem',
    );
  }
  if (demand.industry === achievement.industry) {
    const l = labels.industry(demand.industry);
    add('same-industry', FEATURE_WEIGHTS.sameIndustry, `同属${l.zh}产业`, `Same industry: ${l.en}`);
  }
  if (demand.field && demand.field === achievement.field) {
    const l = labels.field(demand.field);
    add('same-field', FEATURE_WEIGHTS.sameField, `同一细分领域：${l.zh}`, `Same sub-field: ${l.en}`);
  }
  if (demand.minTrl != null) {
    if (achievement.trl >= demand.minTrl) {
      const exceeds = achievement.trl > demand.minTrl;
      add(
        'trl-meets-required',
        FEATURE_WEIGHTS.trlMeets,
        `技术成熟度${achievement.trl}级${exceeds ? '高于' : '达到'}要求的${demand.minTrl}级`,
        `TRL ${achievement.trl} ${exceeds ? 'exceeds' : 'meets'} the required ${demand.minTrl}`,
      );
    }
  } else if (achievement.trl >= 7) {
    add('trl-mature', FEATURE_WEIGHTS.trlMature, `技术成熟度${achievement.trl}级，已在真实环境验证`, `TRL ${achievement.trl}: proven in an operational environment`);
  } else if (achievement.trl <= 3) {
    add('trl-early', FEATURE_WEIGHTS.trlEarly, `技术成熟度${achievement.trl}级，仍处实验室阶段`, `TRL ${achievement.trl}: still at laboratory stage`);
  }
  if (demand.budget != null) {
    if (achievement.askingPrice == null) {
      add('price-negotiable', FEATURE_WEIGHTS.priceNegotiable, '价格面议，可在预算内协商', 'Price negotiable within the budget');
    } else if (achievement.askingPrice <= demand.budget) {
      const p = yuan(achievement.askingPrice);
      const b = yuan(demand.budget);
      add('price-within-budget', FEATURE_WEIGHTS.priceWithin, `报价${p.zh}在预算${b.zh}以内`, `Asking price ${p.en} within the budget of ${b.en}`);
    } else {
      const p = yuan(achievement.askingPrice);
      const b = yuan(demand.budget);
      add('price-above-budget', FEATURE_WEIGHTS.priceAbove, `报价${p.zh}高于预算${b.zh}`, `Asking price ${p.en} above the budget of ${b.en}`);
    }
  }
  const shared = achievement.transferModes.flatMap((m) => (MODE_EQUIVALENTS[m] ?? []).filter((d) => demand.cooperationModes.includes(d)));
  if (shared.length) {
    const modes = [...new Set(shared)].map((m) => labels.mode(m));
    add('mode-overlap', FEATURE_WEIGHTS.modeOverlap, `合作方式一致：${modes.map((m) => m.zh).join('、')}`, `Cooperation mode fits: ${modes.map((m) => m.en).join(', ')}`);
  }
  if ((achievement.ownerRegion === 'BJ' || achievement.ownerRegion === 'TJ') && demand.park) {
    const from = achievement.ownerRegion === 'BJ' ? { zh: '北京', en: 'Beijing' } : { zh: '天津', en: 'Tianjin' };
    const park = demand.parkName ?? { zh: '示范区园区', en: 'a zone park' };
    add('region-flow', FEATURE_WEIGHTS.regionFlow, `${from.zh}成果落地河北${park.zh}`, `${from.en} achievement into the Hebei park ${park.en}`);
  }
  if (demand.park && demand.parkKeyIndustries.includes(achievement.industry)) {
    const l = labels.industry(achievement.industry);
    add('park-key-industry', FEATURE_WEIGHTS.parkKeyIndustry, `属于园区主导产业${l.zh}`, `The park's key industry: ${l.en}`);
  }
  if (achievement.fiscallyFunded) {
    add('fiscally-funded', FEATURE_WEIGHTS.fiscallyFunded, '财政科技计划资助成果，优先推广', 'Fiscally funded achievement (priority promotion)');
  }
  const total = reasons.reduce((s, r) => s + r.points, 0);
  return { score: Math.max(0, Math.min(100, Math.round(total))), reasons: reasons.sort((a, b) => b.points - a.points) };
}

/** Hard constraint shared by retrieval and re-ranking: an achievement below the demand's minimum TRL never matches. */
export function meetsHardConstraints(demand: Pick<DemandFacts, 'minTrl'>, achievement: Pick<AchievementFacts, 'trl'>): boolean {
  return demand.minTrl == null || achievement.trl >= demand.minTrl;
}
