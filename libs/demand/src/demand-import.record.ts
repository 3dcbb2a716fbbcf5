import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { flattenValidationErrors, isFieldOf } from '@techbridge/platform';
import type { DemandImportRecord } from './demand.service';
import { CreateDemandDto } from './dto/demand.dto';

export interface DemandLineError {
  field: string;
  message: string;
}

/** demand.schema.json allows exactly these keys (additionalProperties: false), contact included nowhere. */
const SCHEMA_KEYS = new Set(['externalId', 'source', 'title', 'description', 'keywords', 'industry', 'field', 'minTrl', 'budget', 'cooperationModes', 'park', 'deadline', 'visibility', 'enterprise']);
const ENTERPRISE_KEYS = new Set(['name', 'creditCode', 'qualifications']);

/**
 * One import line against demand.schema.json: the same class-validator rules as the create API
 * (so both refuse the same things with the same field names), plus the schema's required keys.
 */
export function validateDemandRecord(raw: unknown): { record: DemandImportRecord } | { errors: DemandLineError[] } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { errors: [{ field: '', message: 'must be a JSON object' }] };
  const obj = raw as Record<string, unknown>;
  const errors: DemandLineError[] = [];
  for (const k of Object.keys(obj)) if (!SCHEMA_KEYS.has(k)) errors.push({ field: k, message: 'is not allowed' });
  const ent = obj.enterprise;
  if (ent === undefined || ent === null) errors.push({ field: 'enterprise', message: 'is required' });
  else if (typeof ent === 'object' && !Array.isArray(ent)) {
    for (const k of Object.keys(ent)) if (!ENTERPRISE_KEYS.has(k)) errors.push({ field: `enterprise.${k}`, message: 'is not allowed' });
    if (typeof (ent as Record<string, unknown>).name !== 'string') errors.push({ field: 'enterprise.name', message: 'is required' });
  }
  if (obj.externalId === undefined || obj.externalId === null) errors.push({ field: 'externalId', message: 'is required' });
  if (errors.length) return { errors };
  const dto = plainToInstance(CreateDemandDto, obj, { enableImplicitConversion: false });
  const problems = flattenValidationErrors(validateSync(dto, { whitelist: true, forbidNonWhitelisted: true }));
  if (problems.length) return { errors: problems.map((p) => ({ field: p.field, message: p.message })) };
  if (dto.field && !isFieldOf(dto.industry, dto.field)) return { errors: [{ field: 'field', message: `'${dto.field}' is not a sub-field of '${dto.industry}'` }] };
  return { record: dto as DemandImportRecord };
}

function list(v: string | undefined): string[] | undefined {
  if (v === undefined || v.trim() === '') return undefined;
  return v.split(/[;；,，|]/).map((s) => s.trim()).filter(Boolean);
}

function num(v: string | undefined): number | string | undefined {
  if (v === undefined || v.trim() === '') return undefined;
  const n = Number(v.replace(/[,，\s]/g, ''));
  return Number.isFinite(n) ? n : v;
}

/** A CSV/XLSX row (header → text) in the JSON shape: lists split on ; or , and `enterprise.name`-style headers nested. */
export function demandFromRow(row: Record<string, string>): unknown {
  const get = (...names: string[]) => {
    for (const n of names) if (row[n] !== undefined && row[n].trim() !== '') return row[n].trim();
    return undefined;
  };
  const out: Record<string, unknown> = {
    externalId: get('externalId'),
    source: get('source'),
    title: get('title'),
    description: get('description'),
    keywords: list(get('keywords')),
    industry: get('industry'),
    field: get('field'),
    minTrl: num(get('minTrl')),
    budget: num(get('budget')),
    cooperationModes: list(get('cooperationModes')),
    park: get('park'),
    deadline: get('deadline'),
    visibility: get('visibility'),
    enterprise: {
      name: get('enterprise.name', 'enterpriseName'),
      creditCode: get('enterprise.creditCode', 'creditCode'),
      qualifications: list(get('enterprise.qualifications', 'qualifications')),
    },
  };
  const clean = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
  out.enterprise = clean(out.enterprise as Record<string, unknown>);
  return clean(out);
}

/** Where an organisation sits, from the administrative division code inside its credit code (characters 3-4). */
export function regionOfCreditCode(code: string | undefined | null): 'BJ' | 'TJ' | 'HE' | 'other' {
  const province = code?.slice(2, 4);
  return province === '11' ? 'BJ' : province === '12' ? 'TJ' : province === '13' ? 'HE' : 'other';
}
