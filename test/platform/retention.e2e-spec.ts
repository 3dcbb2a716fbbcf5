import { JobName, MovableClock } from '@techbridge/platform';
import { NotificationService } from '@techbridge/notification';
import { addMember, createTestApp, Session, signInAdmin, signUpOrganisation, TestApp } from '../support/test-app';

const DAY = 86_400_000;

/**
 * 个人信息保护法 retention: each record type's period is a row of retention_policy, applied by the nightly job
 * (JobName.ApplyRetention); a record past its period goes, one within it stays, and changing a row changes what goes.
 */
describe('platform: retention periods applied daily (e2e)', () => {
  let t: TestApp;
  let admin: Session;
  let org: Session;
  const now = new Date('2026-10-01T02:30:00Z');
  const daysAgo = (d: number) => new Date(now.getTime() - d * DAY);

  beforeAll(async () => {
    t = await createTestApp({ worker: true, clock: new MovableClock(now.toISOString()) });
    admin = await signInAdmin(t.api);
    org = await signUpOrganisation(t.api, 'enterprise');
  });
  afterAll(async () => {
    await t.close();
  });

  const db = () => t.db.dataSource;
  async function applyRetention(): Promise<void> {
    await t.jobs.enqueue(JobName.ApplyRetention, {}, { jobId: `retention-${Date.now()}-${Math.random()}` });
    await t.drain();
  }
  async function exists(table: string, id: string): Promise<boolean> {
    return (await db().query(`SELECT 1 FROM ${table} WHERE id = $1`, [id])).length === 1;
  }

  it('lists every period (data and configuration), each enforced, to platform administrators only', async () => {
    const res = await t.api.get('retention-policies', { token: admin.accessToken });
    expect(res.status).toBe(200);
    const byType = Object.fromEntries(res.body.map((p: any) => [p.recordType, p]));
    expect(Object.keys(byType).sort()).toEqual(['audit-entry', 'deleted-account.consent', 'invitation.closed', 'notification.read', 'notification.unread', 'outbox.delivered', 'session.ended']);
    expect(res.body.every((p: any) => p.enforced && p.retentionDays >= 1 && p.description.zh && p.description.en)).toBe(true);
    expect(byType['audit-entry']).toMatchObject({ source: 'config', retentionDays: 180 });
    expect(byType['notification.read']).toMatchObject({ source: 'data', retentionDays: 180 });
    expect((await t.api.get('retention-policies', { token: org.accessToken })).status).toBe(403);
  });

  it('notifications: read ones after 180 days, unread ones after 365, organisation notices too', async () => {
    const notices = t.app.get(NotificationService);
    const make = async (key: string, ageDays: number, read: boolean, toOrg = false) => {
      await notices.notify({ ...(toOrg ? { orgId: org.organisation.id } : { userId: org.user.id }), kind: 'test.retention', title: { zh: key, en: key }, dedupeKey: key });
      const [row] = await db().query(`UPDATE notification SET created_at = $2, read_at = $3 WHERE dedupe_key = $1 RETURNING id`, [key, daysAgo(ageDays), read ? daysAgo(ageDays - 1) : null]);
      return row[0].id as string;
    };
    const readOld = await make('read-old', 181, true);
    const readYoung = await make('read-young', 179, true);
    const unreadMid = await make('unread-mid', 200, false);
    const unreadOld = await make('unread-old', 366, false);
    const orgOld = await make('org-read-old', 400, true, true);
    await applyRetention();
    expect(await exists('notification', readOld)).toBe(false);
    expect(await exists('notification', readYoung)).toBe(true);
    expect(await exists('notification', unreadMid)).toBe(true);
    expect(await exists('notification', unreadOld)).toBe(false);
    expect(await exists('notification', orgOld)).toBe(false);
  });

  it('ended sessions after 30 days; live ones stay and still refresh', async () => {
    const s = await t.api.post<Session>('auth/sign-in', { email: org.user.email, password: 'Passw0rd-Strong' });
    expect(s.status).toBe(200);
    const [ended] = await db().query(
      `INSERT INTO refresh_token (user_id, family_id, token_hash, expires_at, session_started_at) VALUES ($1, gen_random_uuid(), md5(random()::text), $2, $3) RETURNING id`,
      [org.user.id, daysAgo(31), daysAgo(32)],
    );
    const [revokedRecently] = await db().query(
      `INSERT INTO refresh_token (user_id, family_id, token_hash, expires_at, session_started_at, revoked_at) VALUES ($1, gen_random_uuid(), md5(random()::text), $2, $3, $4) RETURNING id`,
      [org.user.id, daysAgo(5), daysAgo(6), daysAgo(6)],
    );
    await applyRetention();
    expect(await exists('refresh_token', ended.id)).toBe(false);
    expect(await exists('refresh_token', revokedRecently.id)).toBe(true);
    expect((await t.api.post('auth/refresh', { refreshToken: s.body.refreshToken })).status).toBe(200);
  });

  it('closed invitations (with the invitee e-mail) after 90 days; open ones stay', async () => {
    const open = await t.api.post(`organisations/${org.organisation.id}/invitations`, { email: `open-${Date.now()}@example.cn`, roles: ['member'] }, { token: org.accessToken });
    const expired = await t.api.post(`organisations/${org.organisation.id}/invitations`, { email: `expired-${Date.now()}@example.cn`, roles: ['member'] }, { token: org.accessToken });
    const member = await addMember(t.api, org, ['member']);
    await db().query(`UPDATE invitation SET expires_at = $2, created_at = $2 WHERE id = $1`, [expired.body.id, daysAgo(91)]);
    await db().query(`UPDATE invitation SET accepted_at = $2 WHERE lower(email) = lower($1)`, [member.user.email, daysAgo(91)]);
    await applyRetention();
    expect(await exists('invitation', open.body.id)).toBe(true);
    expect(await exists('invitation', expired.body.id)).toBe(false);
    expect((await db().query(`SELECT 1 FROM invitation WHERE lower(email) = lower($1)`, [member.user.email])).length).toBe(0);
  });

  it("deleted accounts' proof of consent after 3 years; a change of the period in retention_policy applies at the next run", async () => {
    const early = await signUpOrganisation(t.api, 'enterprise');
    const late = await signUpOrganisation(t.api, 'enterprise');
    for (const s of [early, late]) expect((await t.api.post('me/deletion', { password: 'Passw0rd-Strong' }, { token: s.accessToken })).status).toBe(200);
    await db().query(`UPDATE app_user SET deleted_at = $2 WHERE id = $1`, [early.user.id, daysAgo(1096)]);
    await db().query(`UPDATE app_user SET deleted_at = $2 WHERE id = $1`, [late.user.id, daysAgo(400)]);
    const consents = async (userId: string) => (await db().query(`SELECT count(*)::int AS n FROM agreement_acceptance WHERE user_id = $1`, [userId]))[0].n;
    await applyRetention();
    expect(await consents(early.user.id)).toBe(0);
    expect(await consents(late.user.id)).toBe(2);
    // The account row itself stays (business records may name it).
    expect((await db().query(`SELECT status FROM app_user WHERE id = $1`, [early.user.id]))[0].status).toBe('deleted');

    await db().query(`UPDATE retention_policy SET retention_days = 365 WHERE record_type = 'deleted-account.consent'`);
    await applyRetention();
    expect(await consents(late.user.id)).toBe(0);
  });
});
