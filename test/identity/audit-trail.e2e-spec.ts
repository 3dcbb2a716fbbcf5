import { JobName, loadConfig } from '@techbridge/platform';
import { achievementBody } from '../catalog/fixtures';
import { createTestApp, Session, signInAdmin, signUpOrganisation, TestApp } from '../support/test-app';

/**
 * 等保 2.0 security audit: every privileged request is recorded with who, what, from where and how it ended; the log
 * is append-only and kept at least 180 days (the database refuses otherwise); platform administrators export it.
 */
describe('identity: audit coverage, retention and export (e2e)', () => {
  let t: TestApp;
  let admin: Session;
  let uni: Session;
  const entries = (where: string, params: unknown[] = []) =>
    t.db.dataSource.query(`SELECT actor_user_id, action, entity_type, entity_id, client_address, changes, at FROM audit_entry WHERE ${where} ORDER BY id`, params);

  beforeAll(async () => {
    t = await createTestApp({ worker: true });
    admin = await signInAdmin(t.api);
    uni = await signUpOrganisation(t.api, 'university');
  });
  afterAll(async () => {
    await t.close();
  });

  it('a privileged write is audited with actor, route, ids, address and outcome, even where the service writes no entry of its own', async () => {
    expect((await t.api.post('outbox/dead-letters/retry', {}, { token: admin.accessToken })).status).toBe(200);
    expect((await t.api.post('outbox/dead-letters/987654/retry', {}, { token: admin.accessToken })).status).toBe(404);
    const rows = await entries(`action = 'privileged-request' AND entity_id LIKE 'POST /api/v1/outbox/dead-letters/%'`);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ actor_user_id: admin.user.id, entity_type: 'route', entity_id: 'POST /api/v1/outbox/dead-letters/retry', client_address: '127.0.0.1' });
    expect(rows[0].changes.outcome).toBe('ok');
    expect(rows[1]).toMatchObject({ entity_id: 'POST /api/v1/outbox/dead-letters/:id/retry' });
    expect(rows[1].changes).toMatchObject({ outcome: 'not-found', params: { id: '987654' } });
    expect(rows[1].changes.requestId).toEqual(expect.any(String));
  });

  it('a verification by a platform administrator is audited twice over: the domain change and the privileged request', async () => {
    const tti = await signUpOrganisation(t.api, 'transfer-institution');
    expect((await t.api.post(`organisations/${tti.organisation.id}/verify`, { note: '资质齐全' }, { token: admin.accessToken })).status).toBe(200);
    expect(await entries(`entity_id = $1 AND action = 'verify-organisation'`, [tti.organisation.id])).toHaveLength(1);
    expect(await entries(`action = 'privileged-request' AND entity_id = 'POST /api/v1/organisations/:id/verify' AND changes->'params'->>'id' = $1`, [tti.organisation.id])).toHaveLength(1);
  });

  it('ordinary members\' writes are not privileged requests; a caller refused by the role guard exercised no power', async () => {
    const before = (await entries(`action = 'privileged-request'`)).length;
    expect((await t.api.post('achievements', achievementBody(), { token: uni.accessToken })).status).toBe(201);
    expect((await t.api.post('outbox/dead-letters/retry', {}, { token: uni.accessToken })).status).toBe(403);
    expect(await entries(`action = 'privileged-request'`)).toHaveLength(before);
  });

  it('platform administrators export a period as CSV (BOM, header, sign-ins with their address); the export is audited; others may not', async () => {
    expect((await t.api.post('auth/sign-in', { email: uni.user.email, password: 'wrong-Password-1' })).status).toBe(401);
    const res = await t.api.get('audit-log/export', { token: admin.accessToken, query: { from: new Date(Date.now() - 3600_000).toISOString(), to: new Date(Date.now() + 60_000).toISOString() } });
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('text/csv');
    expect(String(res.headers['content-disposition'])).toMatch(/attachment; filename="audit-log-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv"/);
    const text = res.raw.toString('utf8');
    expect(text.startsWith('\ufeffid,at,actor_user_id,actor_org_id,操作 action_label,action,对象 entity_label,entity_type,entity_id,client_address,changes\r\n')).toBe(true);
    const failed = text.split('\r\n').find((l) => l.includes('"sign-in-failed"') && l.includes(uni.user.email));
    expect(failed).toContain('"127.0.0.1"');
    // Readers get the label, tools keep the code in its own column.
    expect(failed).toContain('"登录失败","sign-in-failed"');
    expect(text).toContain('"privileged-request"');
    expect(await entries(`action = 'audit-log.export' AND actor_user_id = $1`, [admin.user.id])).toHaveLength(1);
    expect((await t.api.get('audit-log/export', { token: uni.accessToken })).status).toBe(403);
    const badRange = await t.api.get('audit-log/export', { token: admin.accessToken, query: { from: '2026-01-01', to: '2025-01-01' } });
    expect(badRange.status).toBe(400);
    expect((await t.api.get('audit-log/export', { token: admin.accessToken, query: { from: '2020-01-01', to: '2026-01-01' } })).status).toBe(400);
  });

  it('append-only: no update, no truncate, no delete of an entry younger than 180 days, whoever asks', async () => {
    await expect(t.db.dataSource.query(`UPDATE audit_entry SET action = 'nothing-happened'`)).rejects.toThrow(/cannot be changed/);
    await expect(t.db.dataSource.query(`DELETE FROM audit_entry WHERE at > now() - interval '1 day'`)).rejects.toThrow(/kept at least 180 days/);
    await expect(t.db.dataSource.query(`TRUNCATE audit_entry`)).rejects.toThrow(/cannot be truncated/);
  });

  it('the daily retention job removes only entries past AUDIT_RETENTION_DAYS (180 by default, never fewer)', async () => {
    await t.db.dataSource.query(
      `INSERT INTO audit_entry (action, entity_type, entity_id, at) VALUES ('old', 'test', 'a', now() - interval '400 days'), ('kept', 'test', 'b', now() - interval '170 days')`,
    );
    const total = Number((await t.db.dataSource.query(`SELECT count(*) FROM audit_entry`))[0].count);
    await t.jobs.enqueue(JobName.PruneAuditLog, {}, { jobId: `prune-audit-${Date.now()}` });
    await t.drain();
    expect(await entries(`entity_type = 'test'`)).toEqual([expect.objectContaining({ action: 'kept' })]);
    expect(Number((await t.db.dataSource.query(`SELECT count(*) FROM audit_entry`))[0].count)).toBe(total - 1);
    expect(() => loadConfig({ DATABASE_URL: 'x', REDIS_URL: 'y', JWT_ACCESS_SECRET: 'z'.repeat(16), AUDIT_RETENTION_DAYS: '90' })).toThrow(/AUDIT_RETENTION_DAYS must be at least 180/);
  });
});
