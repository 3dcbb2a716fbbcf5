import { addMember, ADMIN_EMAIL, AGREEMENTS, createTestApp, randomCreditCode, Session, signInAdmin, signUpOrganisation, TestApp } from '../support/test-app';

describe('identity (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates the administrator from ADMIN_EMAIL on first boot, once', async () => {
    const admin = await signInAdmin(t.api);
    expect(admin.user.email).toBe(ADMIN_EMAIL);
    expect(admin.user.roles).toContain('platform-admin');
    const [{ n }] = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM app_user WHERE 'platform-admin' = ANY(roles)`);
    expect(n).toBe(1);
  });

  it('sign-up → sign-in → refresh rotates (old token refused) → org-admin invites a member', async () => {
    const email = `tto-${Date.now()}@tsinghua.example.cn`;
    const signUp = await t.api.post<Session>('auth/sign-up', {
      email,
      password: 'Tsinghua-2026',
      displayName: '技术转移办公室',
      agreements: AGREEMENTS,
      organisation: { name: '清华大学（测试）', type: 'university', creditCode: '12100000400000624D', region: 'BJ' },
    });
    expect(signUp.status).toBe(201);
    expect(signUp.body.user.roles).toEqual(expect.arrayContaining(['member', 'org-admin']));

    const signIn = await t.api.post<Session>('auth/sign-in', { email: email.toUpperCase(), password: 'Tsinghua-2026' });
    expect(signIn.status).toBe(200);
    const me = await t.api.get('me', { token: signIn.body.accessToken });
    expect(me.status).toBe(200);
    expect(me.body.organisation.name).toBe('清华大学（测试）');

    const refreshed = await t.api.post<Session>('auth/refresh', { refreshToken: signIn.body.refreshToken });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refreshToken).not.toBe(signIn.body.refreshToken);
    const reused = await t.api.post('auth/refresh', { refreshToken: signIn.body.refreshToken });
    expect(reused.status).toBe(401);
    expect(reused.body.details[0].field).toBe('refreshToken');
    // Reusing a spent token revokes the family: the newer token dies too.
    const afterReuse = await t.api.post('auth/refresh', { refreshToken: refreshed.body.refreshToken });
    expect(afterReuse.status).toBe(401);

    const invite = await t.api.post(`organisations/${signUp.body.organisation.id}/invitations`, { email: `member-${Date.now()}@tsinghua.example.cn`, roles: ['org-admin'] }, { token: signUp.body.accessToken });
    expect(invite.status).toBe(201);
    const accepted = await t.api.post<Session>('auth/accept-invitation', { token: invite.body.token, password: 'Member-pass-1', displayName: '李老师', agreements: AGREEMENTS });
    expect(accepted.status).toBe(201);
    expect(accepted.body.organisation.id).toBe(signUp.body.organisation.id);
    expect(accepted.body.user.roles).toEqual(expect.arrayContaining(['member', 'org-admin']));
    const again = await t.api.post('auth/accept-invitation', { token: invite.body.token, password: 'Member-pass-1', displayName: '李老师', agreements: AGREEMENTS });
    expect(again.status).toBe(410);

    const members = await t.api.get(`organisations/${signUp.body.organisation.id}/members`, { token: signUp.body.accessToken });
    expect(members.status).toBe(200);
    expect(members.body.total).toBe(2);

    const signOut = await t.api.post('auth/sign-out', { refreshToken: accepted.body.refreshToken });
    expect(signOut.status).toBe(204);
    expect((await t.api.post('auth/refresh', { refreshToken: accepted.body.refreshToken })).status).toBe(401);
  });

  it('a member cannot invite; organisation A gets 404 on organisation B private objects', async () => {
    const a = await signUpOrganisation(t.api, 'enterprise');
    const b = await signUpOrganisation(t.api, 'enterprise');
    const member = await addMember(t.api, a, ['member']);
    const byMember = await t.api.post(`organisations/${a.organisation.id}/invitations`, { email: 'x@example.cn', roles: ['member'] }, { token: member.accessToken });
    expect(byMember.status).toBe(403);
    expect((await t.api.get(`organisations/${b.organisation.id}/members`, { token: a.accessToken })).status).toBe(404);
    expect((await t.api.post(`organisations/${b.organisation.id}/invitations`, { email: 'y@example.cn', roles: ['member'] }, { token: a.accessToken })).status).toBe(404);
    const publicView = await t.api.get(`organisations/${b.organisation.id}`);
    expect(publicView.status).toBe(200);
    expect(publicView.body.name).toBe(b.organisation.name);
  });

  it('refuses bad input with field-level 4xx and writes nothing', async () => {
    const before = await t.db.dataSource.query(`SELECT (SELECT count(*) FROM organisation)::int AS orgs, (SELECT count(*) FROM app_user)::int AS users`);
    const base = { email: `bad-${Date.now()}@example.cn`, password: 'Passw0rd-Strong', displayName: '某人', agreements: AGREEMENTS, organisation: { name: '某企业', type: 'enterprise', creditCode: randomCreditCode(), region: 'HE' } };

    const weak = await t.api.post('auth/sign-up', { ...base, password: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.details.map((d: { field: string }) => d.field)).toContain('password');
    expect(weak.body.requestId).toBeTruthy();

    const badCheck = await t.api.post('auth/sign-up', { ...base, organisation: { ...base.organisation, creditCode: '12100000400000624E' } });
    expect(badCheck.status).toBe(400);
    expect(badCheck.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'organisation.creditCode' })]));

    const malformed = await t.api.post('auth/sign-up', { ...base, organisation: { ...base.organisation, creditCode: 'ABC' } });
    expect(malformed.status).toBe(400);

    const unknown = await t.api.post('auth/sign-up', { ...base, isAdmin: true });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'isAdmin', code: 'whitelistValidation' })]));

    const english = await t.api.post('auth/sign-up', { ...base, password: 'short' }, { headers: { 'accept-language': 'en' } });
    expect(english.body.message).toMatch(/Validation failed/);
    expect(weak.body.message).toMatch(/请求参数有误/);

    const wrongPassword = await t.api.post('auth/sign-in', { email: ADMIN_EMAIL, password: 'wrong-password-1' });
    expect(wrongPassword.status).toBe(401);
    expect(wrongPassword.body.details[0].field).toBe('password');

    const oversized = await t.api.post('auth/sign-up', { ...base, displayName: 'x'.repeat(2 * 1024 * 1024) });
    expect(oversized.status).toBe(413);

    const brokenJson = await t.api.request('POST', 'auth/sign-in', '{"email":', { headers: { 'content-type': 'application/json' } });
    expect(brokenJson.status).toBe(400);

    const after = await t.db.dataSource.query(`SELECT (SELECT count(*) FROM organisation)::int AS orgs, (SELECT count(*) FROM app_user)::int AS users`);
    expect(after).toEqual(before);

    const first = await t.api.post('auth/sign-up', base);
    expect(first.status).toBe(201);
    const dupEmail = await t.api.post('auth/sign-up', { ...base, organisation: { ...base.organisation, creditCode: randomCreditCode() } });
    expect(dupEmail.status).toBe(409);
    expect(dupEmail.body.details[0].field).toBe('email');
    const dupCode = await t.api.post('auth/sign-up', { ...base, email: `other-${Date.now()}@example.cn` });
    expect(dupCode.status).toBe(409);
    expect(dupCode.body.details[0].field).toBe('organisation.creditCode');
  });

  it('audit log is readable by platform administrators only', async () => {
    const admin = await signInAdmin(t.api);
    const org = await signUpOrganisation(t.api, 'institute');
    const log = await t.api.get('audit-log', { token: admin.accessToken, query: { entityType: 'organisation', entityId: org.organisation.id } });
    expect(log.status).toBe(200);
    expect(log.body.items[0]).toMatchObject({ action: 'sign-up', actorOrgId: org.organisation.id });
    expect((await t.api.get('audit-log', { token: org.accessToken })).status).toBe(403);
    expect((await t.api.get('audit-log')).status).toBe(401);
  });

  it('serves health and OpenAPI', async () => {
    const health = await t.api.get('health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok', db: 'up', redis: 'up', search: { ok: true } });
    expect(typeof health.body.outboxBacklog).toBe('number');
    const docs = await t.api.get('/api/docs-json');
    expect(docs.status).toBe(200);
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/sign-up', '/api/v1/health']));
  });

  it('shows the queue dashboard to platform administrators only', async () => {
    const admin = await signInAdmin(t.api);
    const org = await signUpOrganisation(t.api, 'enterprise');
    expect((await t.api.get('/admin/queues')).status).toBe(404);
    expect((await t.api.get('/admin/queues', { token: org.accessToken })).status).toBe(404);
    const page = await t.api.get('/admin/queues', { token: admin.accessToken });
    expect(page.status).toBe(200);
    expect(String(page.body)).toContain('<html');
    // Served without external requests (Google Fonts is blocked in China): every URL in the page is relative.
    expect(String(page.body)).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
  });

  it('paginates with a capped pageSize', async () => {
    const tooBig = await t.api.get('organisations', { query: { pageSize: 1000 } });
    expect(tooBig.status).toBe(400);
    const page = await t.api.get('organisations', { query: { page: 1, pageSize: 2 } });
    expect(page.status).toBe(200);
    expect(page.body.items.length).toBeLessThanOrEqual(2);
    expect(page.body.total).toBeGreaterThanOrEqual(page.body.items.length);
  });
});

describe('auth rate limiting (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '3' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 429 once a client exceeds the per-minute limit on auth routes', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await t.api.post('auth/sign-in', { email: 'nobody@example.cn', password: 'whatever-123' })).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    // Other routes are not limited by the auth limiter.
    expect((await t.api.get('health')).status).toBe(200);
  });
});
