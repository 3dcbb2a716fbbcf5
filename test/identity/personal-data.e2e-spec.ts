import { NotificationService } from '@techbridge/notification';
import { achievementBody } from '../catalog/fixtures';
import { transferInstitution } from '../contracts/contracts-helpers';
import { createDemand } from '../demand/demand-helpers';
import { applyFor, createProgramme, PARK, verifiedParkAdmin } from '../vouchers/voucher-helpers';
import { addMember, Api, createTestApp, Session, signInAdmin, signUpOrganisation, TestApp } from '../support/test-app';

async function publishAchievement(api: Api, owner: Session, admin: Session): Promise<string> {
  const created = await api.post('achievements', achievementBody(), { token: owner.accessToken });
  expect(created.status).toBe(201);
  expect((await api.post(`achievements/${created.body.id}/submit`, {}, { token: owner.accessToken })).status).toBe(200);
  expect((await api.post(`achievements/${created.body.id}/approve`, { comment: '同意' }, { token: admin.accessToken })).status).toBe(200);
  return created.body.id;
}

/**
 * 个人信息保护法: a person downloads everything the platform holds about them (GET /me/personal-data), and has their
 * account deleted (POST /me/deletion): personal data erased, business records kept with the organisation, sessions
 * ended at once, sign-in impossible, the deletion audited; the last org-admin and the last platform administrator
 * are kept.
 */
describe('identity: personal data download and deletion (e2e)', () => {
  let t: TestApp;
  let admin: Session;
  let university: Session;

  beforeAll(async () => {
    t = await createTestApp({ worker: true });
    admin = await signInAdmin(t.api);
    university = await signUpOrganisation(t.api, 'university');
  });
  afterAll(async () => {
    await t.close();
  });

  /** A member with traces everywhere: a failed and a good sign-in, a notification, a favourite, a saved search. */
  async function activeMember(org: Session): Promise<{ member: Session; email: string; achievementId: string }> {
    const member = await addMember(t.api, org, ['member']);
    const email = member.user.email;
    expect((await t.api.post('auth/sign-in', { email, password: 'wrong-Passw0rd' }, { headers: { 'x-forwarded-for': '203.0.113.9' } })).status).toBe(401);
    const signedIn = await t.api.post<Session>('auth/sign-in', { email, password: 'Passw0rd-Member' });
    expect(signedIn.status).toBe(200);
    await t.app.get(NotificationService).notify({ userId: member.user.id, kind: 'test.personal', title: { zh: '您的个人通知', en: 'Your personal notice' } });
    const achievementId = await publishAchievement(t.api, university, admin);
    expect((await t.api.post('favourites', { subject: 'achievement', targetId: achievementId }, { token: signedIn.body.accessToken })).status).toBe(201);
    expect((await t.api.post('saved-searches', { subject: 'achievement', name: '我的光伏检索', q: '光伏' }, { token: signedIn.body.accessToken })).status).toBe(201);
    return { member: signedIn.body, email, achievementId };
  }

  it('downloads the account, membership, agreements, sign-in history, sessions, notifications and watchlist as JSON, without secrets', async () => {
    const enterprise = await signUpOrganisation(t.api, 'enterprise');
    const { member, email, achievementId } = await activeMember(enterprise);

    const res = await t.api.get('me/personal-data', { token: member.accessToken });
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain('personal-data.json');
    const d = res.body;
    expect(d.account).toMatchObject({ id: member.user.id, email, status: 'active' });
    expect(d.agreements.map((a: any) => a.document).sort()).toEqual(['privacy-policy', 'user-agreement']);
    expect(d.memberships).toEqual([expect.objectContaining({ organisationId: enterprise.organisation.id, organisationName: enterprise.organisation.name })]);
    const actions = d.signInHistory.map((e: any) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['sign-in', 'sign-in-failed']));
    expect(d.signInHistory.every((e: any) => typeof e.clientAddress === 'string')).toBe(true);
    expect(d.sessions.length).toBeGreaterThanOrEqual(2);
    expect(d.sections.notifications.notifications.map((n: any) => n.titleZh)).toContain('您的个人通知');
    expect(d.sections.watchlist.favourites).toEqual([expect.objectContaining({ subject: 'achievement', targetId: achievementId })]);
    expect(d.sections.watchlist.savedSearches).toEqual([expect.objectContaining({ name: '我的光伏检索' })]);
    // Every context that holds something about people answers, even when it holds nothing about this one.
    expect(Object.keys(d.sections).sort()).toEqual(['achievementContacts', 'broker', 'brokerTraining', 'demandContacts', 'finance', 'instruments', 'market', 'notifications', 'projectObjections', 'vouchers', 'watchlist']);
    expect(d.sections.brokerTraining).toEqual({ enrolments: [], certificates: [] });
    expect(d.sections.vouchers).toEqual({ applications: [], claimsSubmitted: [], relationsRecorded: [] });
    expect(d.sections.instruments).toEqual({ bookings: [], trainingRecords: [] });

    const text = JSON.stringify(d);
    expect(text).not.toMatch(/\$argon2|password_?hash|token_?hash/i);
    // Only one's own: the organisation's admin gets their own document, not the member's.
    const theirs = await t.api.get('me/personal-data', { token: enterprise.accessToken });
    expect(theirs.body.account.id).toBe(enterprise.user.id);
    // The versions of the agreements accepted at sign-up.
    expect(theirs.body.agreements.map((a: any) => a.document).sort()).toEqual(['privacy-policy', 'user-agreement']);
    expect(theirs.body.agreements.every((a: any) => a.version && a.acceptedAt)).toBe(true);
    expect(JSON.stringify(theirs.body)).not.toContain('我的光伏检索');
    expect((await t.api.get('me/personal-data')).status).toBe(401);
  });

  it('deletion: personal data erased, business records kept, every session ended, sign-in impossible, audited', async () => {
    const enterprise = await signUpOrganisation(t.api, 'enterprise');
    const { member, email } = await activeMember(enterprise);
    // Business records the member wrote for the organisation, two naming the member as contact by their address.
    const draft = await t.api.post('achievements', achievementBody({ title: '企业自研的光伏组件清洗机器人', contact: { name: '刘工', phone: '13800138000', email } }), { token: member.accessToken });
    expect(draft.status).toBe(201);
    const other = await t.api.post('achievements', achievementBody({ contact: { name: '技术转移办公室', phone: '010-62780000', email: 'tto@example.edu.cn' } }), { token: member.accessToken });
    const demand = await createDemand(t.api, enterprise, { contact: { name: '刘工', phone: '13800138000', email } });
    // A voucher application filed for the organisation; a training record and a booking with a note on an instrument.
    const park = await verifiedParkAdmin(t.api);
    const programme = await createProgramme(t, park);
    const application = await applyFor(t.api, member, programme.id);
    expect(application.status).toBe(201);
    const owner = await signUpOrganisation(t.api, 'institute', { parkCode: PARK });
    const instrument = (await t.api.post('instruments', {
      name: '激光共聚焦显微镜', model: 'LSM 980', originalValue: 2_600_000, location: '生命楼 201', trainingRequired: true, approvalRequired: true,
      serviceItems: [{ name: '荧光成像', unit: 'hour', internalPrice: 150, externalPrice: 380 }],
    }, { token: owner.accessToken })).body;
    expect((await t.api.post(`instruments/${instrument.id}/trainings`, { userId: member.user.id, trainedOn: '2026-03-02' }, { token: owner.accessToken })).status).toBe(201);
    const start = Math.ceil(t.clock.now().getTime() / 3_600_000) * 3_600_000 + 72 * 3_600_000;
    const booking = await t.api.post(`instruments/${instrument.id}/bookings`, {
      serviceItemId: instrument.serviceItems[0].id, start: new Date(start).toISOString(), end: new Date(start + 2 * 3_600_000).toISOString(), note: '请联系刘工 13800138000',
    }, { token: member.accessToken });
    expect(booking.status).toBe(201);
    const before = (await t.api.get('me/personal-data', { token: member.accessToken })).body;
    expect(before.sections.vouchers.applications).toEqual([expect.objectContaining({ id: application.body.id, programmeId: programme.id, requestedFen: 500_000 })]);
    expect(before.sections.instruments.bookings).toEqual([expect.objectContaining({ id: booking.body.id, instrumentName: '激光共聚焦显微镜', note: '请联系刘工 13800138000' })]);
    expect(before.sections.instruments.trainingRecords).toEqual([expect.objectContaining({ instrumentId: instrument.id, trainedOn: '2026-03-02' })]);
    expect(before.sections.achievementContacts).toEqual([expect.objectContaining({ id: draft.body.id })]);
    expect(before.sections.demandContacts).toEqual([expect.objectContaining({ id: demand.id, contactPhone: '13800138000' })]);

    const wrong = await t.api.post('me/deletion', { password: 'not-my-Passw0rd' }, { token: member.accessToken });
    expect(wrong.status).toBe(403);
    expect(wrong.body.code).toBe('CONFIRMATION_FAILED');
    expect((await t.api.get('me', { token: member.accessToken })).status).toBe(200);

    const del = await t.api.post('me/deletion', { password: 'Passw0rd-Member' }, { token: member.accessToken });
    expect(del.status).toBe(200);
    expect(del.body.erased).toMatchObject({ watchlist: 2, account: 1, achievementContacts: 1, demandContacts: 1, instruments: 2, vouchers: 0 });
    expect(del.body.erased.notifications).toBeGreaterThanOrEqual(1);

    // Sessions end at once: the access token, the refresh token; the password no longer signs in.
    expect((await t.api.get('me', { token: member.accessToken })).status).toBe(401);
    expect((await t.api.post('auth/refresh', { refreshToken: member.refreshToken })).status).toBe(401);
    const signIn = await t.api.post('auth/sign-in', { email, password: 'Passw0rd-Member' });
    expect(signIn.status).toBe(401);
    expect(signIn.body.code).toBe('INVALID_CREDENTIALS');

    const db = t.db.dataSource;
    const [user] = await db.query(`SELECT email, display_name, status, deleted_at, roles FROM app_user WHERE id = $1`, [member.user.id]);
    expect(user).toMatchObject({ display_name: '已注销用户', status: 'deleted', roles: [] });
    expect(user.email).not.toContain(email.split('@')[0]);
    expect(user.deleted_at).not.toBeNull();
    for (const [table, column] of [['notification', 'recipient_user_id'], ['favourite', 'user_id'], ['saved_search', 'user_id'], ['refresh_token', 'user_id'], ['password_history', 'user_id']]) {
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${column} = $1`, [member.user.id]);
      expect([table, n]).toEqual([table, 0]);
    }
    // Kept: the organisation's achievement, still its, still naming its author.
    const [achievement] = await db.query(`SELECT owner_id, created_by, title, contact FROM achievement WHERE id = $1`, [draft.body.id]);
    expect(achievement).toMatchObject({ owner_id: enterprise.organisation.id, created_by: member.user.id, title: '企业自研的光伏组件清洗机器人', contact: null });
    // The training record went; the booking stays as the owner's usage record, without the person's note; the voucher
    // application stays with the enterprise, pointing at the pseudonymised account.
    expect((await db.query(`SELECT count(*)::int AS n FROM instrument_training WHERE user_id = $1`, [member.user.id]))[0].n).toBe(0);
    expect((await db.query(`SELECT note, booker_user_id, status FROM instrument_booking WHERE id = $1`, [booking.body.id]))[0]).toEqual({ note: '', booker_user_id: member.user.id, status: 'requested' });
    expect((await db.query(`SELECT applicant_user_id, enterprise_org_id FROM voucher WHERE id = $1`, [application.body.id]))[0]).toEqual({ applicant_user_id: member.user.id, enterprise_org_id: enterprise.organisation.id });
    // The person's name and phone went with their address; another contact (an office) stays.
    const [{ contact_name, contact_phone, contact_email, status }] = await db.query(`SELECT contact_name, contact_phone, contact_email, status FROM demand WHERE id = $1`, [demand.id]);
    expect({ contact_name, contact_phone, contact_email, status }).toEqual({ contact_name: null, contact_phone: null, contact_email: null, status: 'published' });
    expect((await db.query(`SELECT contact FROM achievement WHERE id = $1`, [other.body.id]))[0].contact).toMatchObject({ email: 'tto@example.edu.cn' });
    const audit = await db.query(`SELECT entity_type, entity_id, changes FROM audit_entry WHERE action = 'account.deletion' AND actor_user_id = $1`, [member.user.id]);
    expect(audit).toEqual([expect.objectContaining({ entity_type: 'user', entity_id: member.user.id })]);
    expect(JSON.stringify(audit)).not.toContain(email);
    // The organisation's member list shows a deleted account, not the person.
    const members = await t.api.get(`organisations/${enterprise.organisation.id}/members`, { token: enterprise.accessToken });
    const listed = members.body.items.find((u: any) => u.id === member.user.id);
    expect(listed).toMatchObject({ displayName: '已注销用户', status: 'deleted' });
    expect(JSON.stringify(members.body)).not.toContain(email);
    // The address is free again: the person may come back as a new account.
    const again = await signUpOrganisation(t.api, 'enterprise', { email });
    expect(again.user.id).not.toBe(member.user.id);
  });

  it('the only org-admin of an organisation with members hands over first (409); alone, they may go; the last platform administrator stays', async () => {
    const enterprise = await signUpOrganisation(t.api, 'enterprise');
    const member = await addMember(t.api, enterprise, ['member']);
    const refused = await t.api.post('me/deletion', { password: 'Passw0rd-Strong' }, { token: enterprise.accessToken });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('LAST_ORG_ADMIN');
    expect(refused.body.message).toContain('机构管理员');
    // Once the member is an org-admin too, the first may go.
    expect((await t.api.put(`organisations/${enterprise.organisation.id}/members/${member.user.id}/roles`, { roles: ['member', 'org-admin'] }, { token: enterprise.accessToken })).status).toBe(200);
    expect((await t.api.post('me/deletion', { password: 'Passw0rd-Strong' }, { token: enterprise.accessToken })).status).toBe(200);

    const alone = await signUpOrganisation(t.api, 'enterprise');
    expect((await t.api.post('me/deletion', { password: 'Passw0rd-Strong' }, { token: alone.accessToken })).status).toBe(200);
    // The proof of consent outlives the account until its retention period (deleted-account.consent) ends.
    const [{ n: consents }] = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM agreement_acceptance WHERE user_id = $1`, [alone.user.id]);
    expect(consents).toBe(2);

    const last = await t.api.post('me/deletion', { password: 'Admin-pass-2026' }, { token: admin.accessToken, headers: { 'accept-language': 'en' } });
    expect(last.status).toBe(409);
    expect(last.body.code).toBe('LAST_PLATFORM_ADMIN');
    expect((await t.api.get('me', { token: admin.accessToken })).status).toBe(200);
  });

  it("a broker's filing is in the download and goes with the account", async () => {
    const transfer = await transferInstitution(t.api, admin);
    const broker = await addMember(t.api, transfer, ['member', 'broker']);
    const filingNumber = `JJR-${Date.now()}`;
    expect((await t.api.put(`contracts/brokers/${broker.user.id}`, { tier: 'senior', filingNumber }, { token: transfer.accessToken })).status).toBe(200);
    const d = (await t.api.get('me/personal-data', { token: broker.accessToken })).body;
    expect(d.sections.broker.profile).toMatchObject({ filingNumber, tier: 'senior' });
    const del = await t.api.post('me/deletion', { password: 'Passw0rd-Member' }, { token: broker.accessToken });
    expect(del.status).toBe(200);
    expect(del.body.erased.broker).toBe(1);
    expect((await t.db.dataSource.query(`SELECT 1 FROM broker_profile WHERE user_id = $1`, [broker.user.id])).length).toBe(0);
  });
});
