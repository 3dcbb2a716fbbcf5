import { FIELD_CODES, INDUSTRY_CODES, isFieldOf, TRANSFER_MODE_CODES } from '@techbridge/platform';

/** One record of shared/contracts/achievement.schema.json (a JSON Lines import line, or a CSV/XLSX row). */
export interface AchievementImportRecord {
  externalId: string;
  source?: string;
  title: string;
  summary: string;
  keywords?: string[];
  industry: string;
  field?: string;
  trl: number;
  transferModes?: string[];
  askingPrice?: number | null;
  patents?: string[];
  fundingSource?: 'national-program' | 'provincial-program' | 'municipal-program' | 'enterprise' | 'other' | 'none';
  award?: string;
  owner: { name: string; type: 'university' | 'institute' | 'enterprise' | 'individual' | 'other'; region: 'BJ' | 'TJ' | 'HE' | 'other' };
  contact?: { name?: string; phone?: string; email?: string };
}

export interface FieldError {
  field: string;
  message: string;
}

const TOP_KEYS = new Set(['externalId', 'source', 'title', 'summary', 'keywords', 'industry', 'field', 'trl', 'transferModes', 'askingPrice', 'patents', 'fundingSource', 'award', 'owner', 'contact']);
const FUNDING = ['national-program', 'provincial-program', 'municipal-program', 'enterprise', 'other', 'none'];
const OWNER_TYPES = ['university', 'institute', 'enterprise', 'individual', 'other'];
const REGIONS = ['BJ', 'TJ', 'HE', 'other'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const INDUSTRY_SET = new Set(INDUSTRY_CODES);
const FIELD_SET = new Set(FIELD_CODES);
const MODE_SET = new Set(TRANSFER_MODE_CODES);

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(errors: FieldError[], path: string, v: unknown, o: { required?: boolean; min?: number; max?: number }): void {
  if (v === undefined || v === null) {
    if (o.required) errors.push({ field: path, message: 'is required' });
    return;
  }
  if (typeof v !== 'string') return void errors.push({ field: path, message: 'must be a string' });
  if (o.min !== undefined && v.trim().length < o.min) errors.push({ field: path, message: `must be at least ${o.min} characters` });
  if (o.max !== undefined && v.length > o.max) errors.push({ field: path, message: `must be at most ${o.max} characters` });
}

function strArray(errors: FieldError[], path: string, v: unknown, o: { maxItems?: number; maxLength?: number; minLength?: number; allowed?: Set<string>; unique?: boolean }): void {
  if (v === undefined) return;
  if (!Array.isArray(v)) return void errors.push({ field: path, message: 'must be an array' });
  if (o.maxItems !== undefined && v.length > o.maxItems) errors.push({ field: path, message: `must have at most ${o.maxItems} items` });
  v.forEach((item, i) => {
    if (typeof item !== 'string') return void errors.push({ field: `${path}[${i}]`, message: 'must be a string' });
    if (o.allowed && !o.allowed.has(item)) errors.push({ field: `${path}[${i}]`, message: `unknown code '${item}'` });
    if (o.maxLength !== undefined && item.length > o.maxLength) errors.push({ field: `${path}[${i}]`, message: `must be at most ${o.maxLength} characters` });
    if (o.minLength !== undefined && item.length < o.minLength) errors.push({ field: `${path}[${i}]`, message: `must be at least ${o.minLength} characters` });
  });
  if (o.unique && new Set(v).size !== v.length) errors.push({ field: path, message: 'must not repeat items' });
}

function unknownKeys(errors: FieldError[], prefix: string, obj: Record<string, unknown>, allowed: Set<string>): void {
  for (const k of Object.keys(obj)) if (!allowed.has(k)) errors.push({ field: `${prefix}${k}`, message: 'is not allowed' });
}

/** Mirrors achievement.schema.json rule by rule (required, types, lengths, enums, codes of the reference data). */
export function validateAchievementRecord(raw: unknown): { record: AchievementImportRecord } | { errors: FieldError[] } {
  if (!isObject(raw)) return { errors: [{ field: '', message: 'must be a JSON object' }] };
  const e: FieldError[] = [];
  unknownKeys(e, '', raw, TOP_KEYS);
  str(e, 'externalId', raw.externalId, { required: true, min: 1, max: 128 });
  str(e, 'source', raw.source, { max: 64 });
  str(e, 'title', raw.title, { required: true, min: 2, max: 200 });
  str(e, 'summary', raw.summary, { required: true, min: 10, max: 20000 });
  strArray(e, 'keywords', raw.keywords, { maxItems: 20, maxLength: 40, minLength: 1 });
  if (raw.industry === undefined || raw.industry === null) e.push({ field: 'industry', message: 'is required' });
  else if (typeof raw.industry !== 'string' || !INDUSTRY_SET.has(raw.industry)) e.push({ field: 'industry', message: `unknown industry code '${String(raw.industry)}'` });
  if (raw.field !== undefined && raw.field !== null) {
    if (typeof raw.field !== 'string' || !FIELD_SET.has(raw.field)) e.push({ field: 'field', message: `unknown field code '${String(raw.field)}'` });
    else if (typeof raw.industry === 'string' && INDUSTRY_SET.has(raw.industry) && !isFieldOf(raw.industry, raw.field)) e.push({ field: 'field', message: `'${raw.field}' is not a sub-field of '${raw.industry}'` });
  }
  if (raw.trl === undefined || raw.trl === null) e.push({ field: 'trl', message: 'is required' });
  else if (typeof raw.trl !== 'number' || !Number.isInteger(raw.trl) || raw.trl < 1 || raw.trl > 9) e.push({ field: 'trl', message: 'must be an integer from 1 to 9' });
  strArray(e, 'transferModes', raw.transferModes, { allowed: MODE_SET, unique: true });
  if (raw.askingPrice !== undefined && raw.askingPrice !== null) {
    if (typeof raw.askingPrice !== 'number' || !Number.isFinite(raw.askingPrice)) e.push({ field: 'askingPrice', message: 'must be a number or null' });
    else if (raw.askingPrice < 0) e.push({ field: 'askingPrice', message: 'must not be negative' });
    else if (raw.askingPrice >= 1e16) e.push({ field: 'askingPrice', message: 'is too large' });
  }
  strArray(e, 'patents', raw.patents, { maxLength: 32 });
  if (raw.fundingSource !== undefined && (typeof raw.fundingSource !== 'string' || !FUNDING.includes(raw.fundingSource))) e.push({ field: 'fundingSource', message: `must be one of ${FUNDING.join(', ')}` });
  str(e, 'award', raw.award, { max: 200 });
  if (raw.owner === undefined || raw.owner === null) e.push({ field: 'owner', message: 'is required' });
  else if (!isObject(raw.owner)) e.push({ field: 'owner', message: 'must be an object' });
  else {
    const o = raw.owner;
    unknownKeys(e, 'owner.', o, new Set(['name', 'type', 'region']));
    str(e, 'owner.name', o.name, { required: true, min: 2, max: 200 });
    if (o.type === undefined) e.push({ field: 'owner.type', message: 'is required' });
    else if (typeof o.type !== 'string' || !OWNER_TYPES.includes(o.type)) e.push({ field: 'owner.type', message: `must be one of ${OWNER_TYPES.join(', ')}` });
    if (o.region === undefined) e.push({ field: 'owner.region', message: 'is required' });
    else if (typeof o.region !== 'string' || !REGIONS.includes(o.region)) e.push({ field: 'owner.region', message: `must be one of ${REGIONS.join(', ')}` });
  }
  if (raw.contact !== undefined) {
    if (!isObject(raw.contact)) e.push({ field: 'contact', message: 'must be an object' });
    else {
      const c = raw.contact;
      unknownKeys(e, 'contact.', c, new Set(['name', 'phone', 'email']));
      str(e, 'contact.name', c.name, { max: 60 });
      str(e, 'contact.phone', c.phone, { max: 32 });
      str(e, 'contact.email', c.email, { max: 120 });
      if (typeof c.email === 'string' && !EMAIL.test(c.email)) e.push({ field: 'contact.email', message: 'must be an e-mail address' });
    }
  }
  if (e.length) return { errors: e };
  return { record: raw as unknown as AchievementImportRecord };
}

const LIST_SEPARATOR = /[;；|]/;

/**
 * A flat CSV/XLSX row (headers as in the schema, nested ones dotted: owner.name, owner.type, owner.region, contact.email;
 * lists separated by ';' or '|') → the JSON shape the validator checks. Empty cells are absent.
 */
export function achievementFromRow(row: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [rawKey, rawValue] of Object.entries(row)) {
    const key = rawKey.trim();
    const value = typeof rawValue === 'string' ? rawValue.trim() : rawValue;
    if (value === '' || value === undefined || value === null || key === '') continue;
    let v: unknown = value;
    if (key === 'keywords' || key === 'transferModes' || key === 'patents') v = String(value).split(LIST_SEPARATOR).map((s) => s.trim()).filter(Boolean);
    else if (key === 'trl' || key === 'askingPrice') v = /^-?\d+(\.\d+)?$/.test(String(value)) ? Number(value) : value;
    const dot = key.indexOf('.');
    if (dot > 0) {
      const parent = key.slice(0, dot);
      const child = key.slice(dot + 1);
      const obj = (out[parent] as Record<string, unknown> | undefined) ?? {};
      obj[child] = v;
      out[parent] = obj;
    } else out[key] = v;
  }
  return out;
}
