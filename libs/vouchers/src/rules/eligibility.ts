/**
 * Eligibility of an enterprise for a programme: each rule a row with its figure, checked automatically against the
 * evidence the application carries; staff then confirm or refuse. Pure.
 */
export const ELIGIBILITY_RULES = ['sme-staff-max', 'sme-revenue-max', 'rd-share-min', 'ip-rights-min'] as const;
export type EligibilityRule = (typeof ELIGIBILITY_RULES)[number];

/** What an application declares, as the rules need it. */
export interface EligibilityEvidence {
  /** Employees. */
  staff: number;
  /** Operating revenue of the last year, yuan. */
  revenueYuan: number;
  /** R&D spending as a percentage of revenue. */
  rdSharePercent: number;
  /** Granted IP rights held (patents, software copyrights, layout designs, varieties). */
  ipRights: number;
}

export interface RuleOutcome {
  rule: EligibilityRule;
  figure: number;
  value: number;
  passed: boolean;
}

export const RULE_TEXT: Record<EligibilityRule, { zh: string; en: string; evidence: keyof EligibilityEvidence; atMost: boolean }> = {
  'sme-staff-max': { zh: '从业人员不超过', en: 'staff at most', evidence: 'staff', atMost: true },
  'sme-revenue-max': { zh: '营业收入（元）不超过', en: 'revenue (yuan) at most', evidence: 'revenueYuan', atMost: true },
  'rd-share-min': { zh: '研发投入占比（%）不低于', en: 'R&D share (%) at least', evidence: 'rdSharePercent', atMost: false },
  'ip-rights-min': { zh: '知识产权数量不少于', en: 'IP rights at least', evidence: 'ipRights', atMost: false },
};

export function screen(rules: ReadonlyArray<{ rule: string; figure: number }>, evidence: EligibilityEvidence): RuleOutcome[] {
  return rules
    .filter((r): r is { rule: EligibilityRule; figure: number } => (ELIGIBILITY_RULES as readonly string[]).includes(r.rule))
    .map((r) => {
      const t = RULE_TEXT[r.rule];
      const value = evidence[t.evidence];
      return { rule: r.rule, figure: r.figure, value, passed: t.atMost ? value <= r.figure : value >= r.figure };
    });
}
