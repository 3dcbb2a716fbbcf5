import { QueryFailedError } from 'typeorm';
import { DomainError } from './domain-error';

/** What node-postgres reports about a failed statement (the fields the mapping reads). */
export interface PgError {
  code: string;
  constraint?: string;
  column?: string;
  table?: string;
  detail?: string;
}

/** SQLSTATE codes the platform names; see https://www.postgresql.org/docs/current/errcodes-appendix.html */
export const PgErrorCode = {
  UniqueViolation: '23505',
  ForeignKeyViolation: '23503',
  CheckViolation: '23514',
  NotNullViolation: '23502',
  ExclusionViolation: '23P01',
} as const;

/**
 * Class 22 (data exception) codes that mean "the caller's value cannot be what the column holds":
 * text too long, number out of range, malformed number/uuid/date, NUL or untranslatable characters,
 * bad LIKE escape or regular expression. Anything else in class 22 is our bug and stays a 500.
 */
const BAD_VALUE_CODES = new Set(['22001', '22003', '22007', '22008', '22P02', '22021', '22P05', '22023', '22025', '2201B', '22019', '22004']);

/** The PostgreSQL error under a TypeORM QueryFailedError, or null for anything else. */
export function pgErrorOf(err: unknown): PgError | null {
  if (!(err instanceof QueryFailedError)) return null;
  const driver = (err as QueryFailedError & { driverError?: Partial<PgError> }).driverError;
  return typeof driver?.code === 'string' ? (driver as PgError) : null;
}

/** For code that resolves a race itself (e.g. "the other writer won, read its row"): is this that unique index? */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const pg = pgErrorOf(err);
  return !!pg && pg.code === PgErrorCode.UniqueViolation && (!constraint || pg.constraint === constraint);
}

const constraintErrors = new Map<string, () => DomainError>();

/**
 * A context names the outcome of its own constraints (e.g. `ux_app_user_email` → EMAIL_TAKEN) once, in its
 * exception file; the global filter uses it when a statement trips the constraint, so no service catches 23505.
 */
export function describeConstraintErrors(byConstraint: Record<string, () => DomainError>): void {
  for (const [name, make] of Object.entries(byConstraint)) constraintErrors.set(name, make);
}

const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** `Key (credit_code)=(…) already exists.` or `Key (lower(email::text))=…` → ['creditCode'] / ['email']. Values are never echoed. */
function keyColumns(detail: string | undefined): string[] {
  const m = /^Key \((.+?)\)=/.exec(detail ?? '');
  if (!m) return [];
  return m[1].split(',').map((c) => {
    const ident = /([a-z_][a-z0-9_]*)(?:::[a-z ]+)?\)*\s*$/i.exec(c.trim());
    return camel(ident ? ident[1] : c.trim());
  });
}

/** Every database error a caller can cause, as the 4xx it deserves; null when it is ours (a 500). */
export function domainErrorFromDatabase(err: unknown): DomainError | null {
  const pg = pgErrorOf(err);
  if (!pg) return null;
  const described = pg.constraint ? constraintErrors.get(pg.constraint) : undefined;
  if (described && pg.code.startsWith('23')) return described();
  switch (pg.code) {
    case PgErrorCode.UniqueViolation: {
      const fields = keyColumns(pg.detail);
      const field = fields.join(',') || pg.constraint || 'id';
      return new DomainError('conflict', 'ALREADY_EXISTS', { zh: `${field} 已存在`, en: `${field} already exists` },
        (fields.length ? fields : [field]).map((f) => ({ field: f, message: 'already exists', code: 'unique' })));
    }
    case PgErrorCode.ForeignKeyViolation: {
      const field = keyColumns(pg.detail).join(',') || pg.constraint || 'id';
      // Inserting a reference to nothing is a bad value; deleting what others still reference is a conflict.
      if (/still referenced/.test(pg.detail ?? '')) {
        return new DomainError('conflict', 'STILL_REFERENCED', { zh: '该记录仍被其他记录引用，无法删除或修改', en: 'The record is still referenced by other records' },
          [{ field, message: 'still referenced', code: 'foreignKey' }]);
      }
      return DomainError.validation(field, { zh: `${field} 指向的记录不存在`, en: `${field} refers to a record that does not exist` }, 'foreignKey');
    }
    case PgErrorCode.CheckViolation:
      return DomainError.validation(pg.column ? camel(pg.column) : (pg.constraint ?? 'value'), { zh: '取值不符合规则', en: `value violates the rule ${pg.constraint ?? ''}`.trim() }, 'check');
    case PgErrorCode.NotNullViolation: {
      const field = camel(pg.column ?? 'value');
      return DomainError.validation(field, { zh: `${field} 为必填项`, en: `${field} is required` }, 'isDefined');
    }
    case PgErrorCode.ExclusionViolation:
      return new DomainError('conflict', 'CONFLICTS_WITH_EXISTING', { zh: '与已有记录冲突', en: 'Conflicts with an existing record' }, [{ field: pg.constraint ?? 'value', message: 'conflicts', code: 'exclusion' }]);
    default:
      if (BAD_VALUE_CODES.has(pg.code)) {
        const field = pg.column ? camel(pg.column) : 'value';
        return DomainError.validation(field, { zh: '参数取值无效（格式错误、超出范围或含有不允许的字符）', en: 'A value is malformed, out of range or contains characters that are not allowed' }, `pg${pg.code}`);
      }
      return null;
  }
}
