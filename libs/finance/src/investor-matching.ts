import type { AppliedFeature } from '@techbridge/matching';
import { industryOf, parkOf } from '@techbridge/platform';

export type FinanceFeature = 'industry' | 'stage' | 'ticket-size' | 'region' | 'park-fund-mandate' | 'ticket-outside';

/** Points per feature: what a fund's mandate weighs most (its industries and stages) counts most. */
export const FINANCE_FEATURE_WEIGHTS: Record<FinanceFeature, number> = {
  industry: 30,
  stage: 25,
  'ticket-size': 20,
  region: 10,
  'park-fund-mandate': 15,
  'ticket-outside': -15,
};
export const FINANCE_CONCERNS: readonly FinanceFeature[] = ['ticket-outside'];

/**
 * The version of the finance scoring (features, sentences and weights above). Stored matches carry it; reads take only
 * the current version's rows, so raising it after a change here hides the old scores until they are rescored.
 */
export const FINANCE_SCORING_VERSION = 'finance-1';

export interface RequestFacts {
  industry: string;
  stage: string;
  amount: number;
  region: string;
  parkCode: string | null;
}

export interface InvestorFacts {
  industries: string[];
  stages: string[];
  ticketMin: number | null;
  ticketMax: number | null;
  regions: string[];
  parkCode: string | null;
  parkMandate: boolean;
}

const STAGE_NAMES: Record<string, { zh: string; en: string }> = {
  seed: { zh: '种子轮', en: 'seed' }, angel: { zh: '天使轮', en: 'angel' }, 'pre-a': { zh: 'Pre-A轮', en: 'pre-A' }, a: { zh: 'A轮', en: 'series A' },
  b: { zh: 'B轮', en: 'series B' }, c: { zh: 'C轮', en: 'series C' }, growth: { zh: '成长期', en: 'growth' }, 'pre-ipo': { zh: 'Pre-IPO', en: 'pre-IPO' },
};
const REGION_NAMES: Record<string, { zh: string; en: string }> = { BJ: { zh: '北京', en: 'Beijing' }, TJ: { zh: '天津', en: 'Tianjin' }, HE: { zh: '河北', en: 'Hebei' }, other: { zh: '其他地区', en: 'other regions' } };
const WAN = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 });
const EN = new Intl.NumberFormat('en-US');
const yuan = (n: number) => ({ zh: `${WAN.format(n / 10000)}万元`, en: `¥${EN.format(n)}` });

/** The features that apply to a request-investor pair, each with its sentence; the matching facade tallies them. */
export function financeFeatures(r: RequestFacts, i: InvestorFacts): Array<AppliedFeature<FinanceFeature>> {
  const out: Array<AppliedFeature<FinanceFeature>> = [];
  if (i.industries.includes(r.industry)) {
    const l = industryOf(r.industry) ?? { zh: r.industry, en: r.industry };
    out.push({ code: 'industry', strength: 1, zh: `投资方关注${l.zh}产业`, en: `The investor invests in ${l.en}` });
  }
  if (i.stages.includes(r.stage)) {
    const s = STAGE_NAMES[r.stage] ?? { zh: r.stage, en: r.stage };
    out.push({ code: 'stage', strength: 1, zh: `融资阶段（${s.zh}）在投资方关注范围内`, en: `The ${s.en} stage is one the investor takes` });
  }
  if (i.ticketMin != null || i.ticketMax != null) {
    const within = (i.ticketMin == null || r.amount >= i.ticketMin) && (i.ticketMax == null || r.amount <= i.ticketMax);
    const a = yuan(r.amount);
    const range = { zh: `${i.ticketMin != null ? yuan(i.ticketMin).zh : '不限'}至${i.ticketMax != null ? yuan(i.ticketMax).zh : '不限'}`, en: `${i.ticketMin != null ? yuan(i.ticketMin).en : 'any'} to ${i.ticketMax != null ? yuan(i.ticketMax).en : 'any'}` };
    if (within) out.push({ code: 'ticket-size', strength: 1, zh: `融资额${a.zh}在单笔投资区间${range.zh}内`, en: `The amount of ${a.en} is within the ticket range ${range.en}` });
    else out.push({ code: 'ticket-outside', strength: 1, zh: `融资额${a.zh}超出单笔投资区间${range.zh}`, en: `The amount of ${a.en} is outside the ticket range ${range.en}` });
  }
  if (i.regions.includes(r.region)) {
    const g = REGION_NAMES[r.region] ?? { zh: r.region, en: r.region };
    out.push({ code: 'region', strength: 1, zh: `企业位于投资方关注地区（${g.zh}）`, en: `The enterprise is in a region the investor covers (${g.en})` });
  }
  if (i.parkMandate && i.parkCode && i.parkCode === r.parkCode) {
    const p = parkOf(i.parkCode) ?? { zh: i.parkCode, en: i.parkCode };
    out.push({ code: 'park-fund-mandate', strength: 1, zh: `${p.zh}子基金定向支持本园区企业`, en: `The ${p.en} sub-fund's mandate covers enterprises of its park` });
  }
  return out;
}
