/**
 * What a user chooses to receive by e-mail: categories of notification kinds, read off the kind's first segment
 * (`demand.proposal-submitted` → demands). Kinds nobody listed fall under `other`, so a new kind is never unmailable.
 */
export const EMAIL_CATEGORIES = ['matches', 'alerts', 'demands', 'roadshows', 'contracts', 'other'] as const;
export type EmailCategory = (typeof EMAIL_CATEGORIES)[number];

const BY_PREFIX: Record<string, EmailCategory> = {
  match: 'matches',
  import: 'matches',
  watch: 'alerts',
  demand: 'demands',
  roadshow: 'roadshows',
  contract: 'contracts',
};

export function categoryOf(kind: string): EmailCategory {
  return BY_PREFIX[kind.split('.')[0]] ?? 'other';
}

export const EMAIL_CATEGORY_LABELS: Record<EmailCategory, { zh: string; en: string }> = {
  matches: { zh: '匹配推荐', en: 'Match suggestions' },
  alerts: { zh: '订阅提醒（保存的搜索）', en: 'Saved-search alerts' },
  demands: { zh: '需求与揭榜', en: 'Demands and proposals' },
  roadshows: { zh: '路演活动与洽谈', en: 'Roadshows and meetings' },
  contracts: { zh: '技术合同登记', en: 'Contract registration' },
  other: { zh: '其他通知', en: 'Other notices' },
};
