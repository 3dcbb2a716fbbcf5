import { DomainError } from '@techbridge/platform';

export const WATCH_SUBJECTS = ['achievement', 'demand'] as const;
export type WatchSubject = (typeof WATCH_SUBJECTS)[number];

/** The search page's parameters a saved search keeps (the achievement and demand searches take different filters). */
export interface SavedSearchCriteria {
  q?: string;
  industry?: string;
  field?: string;
  park?: string;
  trlMin?: number;
  trlMax?: number;
  transferMode?: string;
  region?: string;
  priceMax?: number;
  cooperationMode?: string;
  budgetMin?: number;
}

const FIELDS: Record<WatchSubject, Array<keyof SavedSearchCriteria>> = {
  achievement: ['q', 'industry', 'field', 'park', 'trlMin', 'trlMax', 'transferMode', 'region', 'priceMax'],
  demand: ['q', 'industry', 'field', 'park', 'cooperationMode', 'budgetMin'],
};

/**
 * The criteria of one subject, empty values dropped; a filter the subject's search does not have is refused (400
 * naming it) rather than silently ignored, and a search that asks for nothing at all would alert on everything.
 */
export function criteriaFor(subject: WatchSubject, input: SavedSearchCriteria): SavedSearchCriteria {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input) as Array<[keyof SavedSearchCriteria, unknown]>) {
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) continue;
    if (!FIELDS[subject].includes(key)) {
      throw DomainError.validation(key, { zh: `${subject === 'achievement' ? '成果' : '需求'}搜索没有此筛选条件`, en: `The ${subject} search has no such filter` });
    }
    out[key] = typeof value === 'string' ? value.trim() : value;
  }
  if (!Object.keys(out).length) {
    throw DomainError.validation('q', { zh: '请至少输入关键词或选择一个筛选条件', en: 'Give keywords or at least one filter' });
  }
  if (out.trlMin !== undefined && out.trlMax !== undefined && (out.trlMin as number) > (out.trlMax as number)) {
    throw DomainError.validation('trlMin', { zh: 'trlMin 不能大于 trlMax', en: 'trlMin must not exceed trlMax' });
  }
  return out as SavedSearchCriteria;
}
