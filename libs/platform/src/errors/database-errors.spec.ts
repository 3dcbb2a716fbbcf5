import { QueryFailedError } from 'typeorm';
import { describeConstraintErrors, domainErrorFromDatabase, isUniqueViolation } from './database-errors';
import { DomainError, HTTP_STATUS_BY_KIND } from './domain-error';

function pgError(fields: Record<string, string>): QueryFailedError {
  return new QueryFailedError('INSERT …', [], Object.assign(new Error('pg'), fields));
}
const status = (e: DomainError | null) => (e ? HTTP_STATUS_BY_KIND[e.kind] : 500);

describe('domainErrorFromDatabase', () => {
  it('maps a unique violation to 409 naming the columns of the key, never echoing the value', () => {
    const e = domainErrorFromDatabase(pgError({ code: '23505', constraint: 'ux_thing_code', detail: 'Key (credit_code)=(91130100SECRET) already exists.' }));
    expect(status(e)).toBe(409);
    expect(e!.details).toEqual([expect.objectContaining({ field: 'creditCode', code: 'unique' })]);
    expect(JSON.stringify(e)).not.toContain('SECRET');
    const expr = domainErrorFromDatabase(pgError({ code: '23505', detail: 'Key (lower(email::text))=(a@b.cn) already exists.' }));
    expect(expr!.details[0].field).toBe('email');
  });

  it('uses the outcome a context described for its constraint', () => {
    describeConstraintErrors({ ux_spec_email: () => new DomainError('conflict', 'EMAIL_TAKEN', { zh: '已注册', en: 'taken' }, [{ field: 'email', message: 'taken' }]) });
    const e = domainErrorFromDatabase(pgError({ code: '23505', constraint: 'ux_spec_email', detail: 'Key (email)=(x) already exists.' }));
    expect([status(e), e!.code]).toEqual([409, 'EMAIL_TAKEN']);
  });

  it('maps foreign keys (400 for a missing target, 409 while still referenced), checks and NOT NULL to 4xx', () => {
    expect(status(domainErrorFromDatabase(pgError({ code: '23503', detail: 'Key (demand_id)=(1) is not present in table "demand".' })))).toBe(400);
    expect(status(domainErrorFromDatabase(pgError({ code: '23503', detail: 'Key (id)=(1) is still referenced from table "match".' })))).toBe(409);
    expect(status(domainErrorFromDatabase(pgError({ code: '23514', constraint: 'ck_achievement_trl' })))).toBe(400);
    const nn = domainErrorFromDatabase(pgError({ code: '23502', column: 'display_name' }));
    expect([status(nn), nn!.details[0].field]).toEqual([400, 'displayName']);
  });

  it('maps malformed and out-of-range values to 400 and leaves our own bugs as 500', () => {
    for (const code of ['22P02', '22003', '22007', '22008', '22001', '22021']) expect(status(domainErrorFromDatabase(pgError({ code })))).toBe(400);
    expect(domainErrorFromDatabase(pgError({ code: '42P01' }))).toBeNull();
    expect(domainErrorFromDatabase(new Error('plain'))).toBeNull();
  });

  it('lets code that resolves a race recognise its unique index', () => {
    expect(isUniqueViolation(pgError({ code: '23505', constraint: 'a' }), 'a')).toBe(true);
    expect(isUniqueViolation(pgError({ code: '23505', constraint: 'b' }), 'a')).toBe(false);
    expect(isUniqueViolation(new Error('x'))).toBe(false);
  });
});
