import { COOPERATION_MODES, industryOf, parkOf } from '@techbridge/platform';
import type { DemandView } from './dto/demand.dto';

/**
 * Columns of the demand export; a redacted row leaves everything but id, title, industry, field and park empty.
 * Coded columns keep the code (for tools) and have a `…Name` column beside them with the Chinese label (for readers).
 */
export const DEMAND_CSV_COLUMNS = [
  'id', 'title', 'industry', 'industryName', 'field', 'fieldName', 'park', 'parkName', 'visibility', 'visibilityName', 'redacted', 'status', 'statusName',
  'enterpriseName', 'minTrl', 'budget', 'cooperationModes', 'cooperationModeNames', 'deadline', 'keywords', 'description', 'publishedAt', 'source', 'externalId',
] as const;

const VISIBILITY_NAMES: Record<string, string> = { public: '公开', members: '仅注册会员', brokers: '仅技术经纪人' };
const STATUS_NAMES: Record<string, string> = { draft: '草稿', published: '已发布', 'in-negotiation': '洽谈中', solved: '已解决', closed: '已关闭', expired: '已过期' };

function labels(d: Pick<DemandView, 'industry' | 'field' | 'park' | 'visibility'>) {
  const industry = d.industry ? industryOf(d.industry) : undefined;
  return {
    industryName: industry?.zh ?? d.industry,
    fieldName: d.field ? (industry?.fields.find((f) => f.code === d.field)?.zh ?? d.field) : null,
    parkName: d.park ? (parkOf(d.park)?.zh ?? d.park) : null,
    visibilityName: VISIBILITY_NAMES[d.visibility] ?? d.visibility,
  };
}

/** Quote a CSV cell; a leading = + - @ is neutralised so a spreadsheet never evaluates it as a formula. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let s = Array.isArray(value) ? value.join(';') : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export function demandCsvRow(d: DemandView): string {
  const cells: Record<(typeof DEMAND_CSV_COLUMNS)[number], unknown> = d.redacted
    ? {
        id: d.id, title: d.title, industry: d.industry, field: d.field, park: d.park, visibility: d.visibility, ...labels(d), redacted: 'true', status: null,
        statusName: null, enterpriseName: null, minTrl: null, budget: null, cooperationModes: null, cooperationModeNames: null, deadline: null, keywords: null,
        description: null, publishedAt: null, source: null, externalId: null,
      }
    : {
        id: d.id, title: d.title, industry: d.industry, field: d.field, park: d.park, visibility: d.visibility, ...labels(d), redacted: 'false', status: d.status,
        statusName: STATUS_NAMES[d.status] ?? d.status, enterpriseName: d.enterprise.name, minTrl: d.minTrl, budget: d.budget, cooperationModes: d.cooperationModes,
        cooperationModeNames: d.cooperationModes.map((c) => COOPERATION_MODES.find((m) => m.code === c)?.zh ?? c), deadline: d.deadline,
        keywords: d.keywords, description: d.description, publishedAt: d.publishedAt, source: d.source, externalId: d.externalId,
      };
  return DEMAND_CSV_COLUMNS.map((c) => csvCell(cells[c])).join(',');
}

/** A UTF-8 BOM first, so spreadsheet programs read the Chinese text correctly. */
export function demandCsvHeader(): string {
  return '\uFEFF' + DEMAND_CSV_COLUMNS.join(',');
}
