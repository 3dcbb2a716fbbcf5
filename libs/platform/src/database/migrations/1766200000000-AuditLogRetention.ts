import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 等保 2.0 security audit: audit entries are append-only and kept at least 180 days. The database refuses any UPDATE,
 * a DELETE of an entry younger than 180 days and a TRUNCATE, whoever asks (the application's own retention job
 * included), so a compromised or careless process cannot rewrite the trail. Older entries go by AUDIT_RETENTION_DAYS.
 */
export class AuditLogRetention1766200000000 implements MigrationInterface {
  name = 'AuditLogRetention1766200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION audit_entry_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          RAISE EXCEPTION 'audit entries cannot be changed (entry %)', OLD.id USING ERRCODE = 'insufficient_privilege';
        ELSIF TG_OP = 'TRUNCATE' THEN
          RAISE EXCEPTION 'the audit log cannot be truncated' USING ERRCODE = 'insufficient_privilege';
        ELSIF OLD.at > now() - interval '180 days' THEN
          RAISE EXCEPTION 'audit entries are kept at least 180 days (entry % is from %)', OLD.id, OLD.at USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN OLD;
      END $$`);
    await q.query(`CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry FOR EACH ROW EXECUTE FUNCTION audit_entry_guard()`);
    await q.query(`CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_guard()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER audit_entry_no_truncate ON audit_entry`);
    await q.query(`DROP TRIGGER audit_entry_append_only ON audit_entry`);
    await q.query(`DROP FUNCTION audit_entry_guard()`);
  }
}
