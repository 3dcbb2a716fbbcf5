import type { DemandView } from './dto/demand.dto';

/** Columns of the demand export; a redacted row leaves everything but id, title, industry, field and park empty. */
export const DEMAND_CSV_COLUMNS = [
  'id', 'title', 'industry', 'field', 'park', 'visibility', 'redacted', 'status', 'enterpriseName', 'minTrl', 'budget', 'cooperationModes',
  'deadline', 'keywords', 'description', 'publishedAt', 'source', 'externalId',
] as const;

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
        id: d.id, title: d.title, industry: d.industry, field: d.field, park: d.park, visibility: d.visibility, redacted: 'true', status: null,
        enterpriseName: null, minTrl: null, budget: null, cooperationModes: null, deadline: null, keywords: null, description: null, publishedAt: null,
        source: null, externalId: null,
      }
    : {
        id: d.id, title: d.title, industry: d.industry, field: d.field, park: d.park, visibility: d.visibility, redacted: 'false', status: d.status,
        enterpriseName: d.enterprise.name, minTrl: d.minTrl, budget: d.budget, cooperationModes: d.cooperationModes, deadline: d.deadline,
        keywords: d.keywords, description: d.description, publishedAt: d.publishedAt, source: d.source, externalId: d.externalId,
      };
  return DEMAND_CSV_COLUMNS.map((c) => csvCell(cells[c])).join(',');
}

/** A UTF-8 BOM first, so spreadsheet programs read the Chinese text correctly. */
export function demandCsvHeader(): string {
  return '\uFEFF' + DEMAND_CSV_COLUMNS.join(',');
}
