import { randomUUID } from 'node:crypto';
import { achievementBody } from '../catalog/fixtures';
import { createDemand } from '../demand/demand-helpers';
import { AGREEMENTS, createTestApp, randomCreditCode, Session, signInAdmin, signUpOrganisation, TestApp } from '../support/test-app';

/** Issue 11, "Bad input: 0 × 5xx, 0 hangs": each case of the sweep answers a 4xx with the offending field named. */
describe('platform: malformed input is a 4xx with field details (e2e)', () => {
  let t: TestApp;
  let uni: Session;
  let ent: Session;
  let admin: Session;

  beforeAll(async () => {
    t = await createTestApp();
    uni = await signUpOrganisation(t.api, 'university');
    ent = await signUpOrganisation(t.api, 'enterprise');
    admin = await signInAdmin(t.api);
  });
  afterAll(async () => {
    await t.close();
  });

  const deep = (n: number): string => '{"a":'.repeat(n) + '1' + '}'.repeat(n);
  const fields = (res: { body: { details?: Array<{ field?: string }> } }) => (res.body.details ?? []).map((d) => d.field);

  it('refuses JSON nested 5,000 deep on body routes with a 400 naming the depth, and still serves', async () => {
    for (const [method, url] of [['POST', 'auth/sign-up'], ['POST', 'achievements'], ['POST', 'demands'], ['PATCH', `demands/${randomUUID()}`]] as const) {
      const res = await t.api.request(method, url, deep(5000), { token: ent.accessToken, headers: { 'content-type': 'application/json' } });
      expect(res.status).toBe(400);
      expect(res.body.details[0]).toEqual(expect.objectContaining({ code: 'tooDeep' }));
    }
    // Within the limit the request reaches ordinary validation (an unknown field), not the depth check.
    const shallow = await t.api.request('POST', 'demands', deep(5), { token: ent.accessToken, headers: { 'content-type': 'application/json' } });
    expect(shallow.status).toBe(400);
    expect(shallow.body.details.map((d: { code: string }) => d.code)).not.toContain('tooDeep');
    expect((await t.api.get('health')).status).toBe(200);
  });

  it('refuses NUL bytes in list filters, bodies and path parameters before they reach PostgreSQL', async () => {
    for (const url of ['achievements', 'demands', 'organisations', 'thesaurus', 'packages', 'search/achievements', 'audit-log']) {
      const res = await t.api.get(`${url}?q=%00`, { token: admin.accessToken });
      expect([url, res.status]).toEqual([url, 400]);
      expect(fields(res)).toContain('q');
    }
    const park = await t.api.patch('taxonomy/parks/%00', { keyIndustries: [] }, { token: admin.accessToken });
    expect(park.status).toBe(400);
    expect(fields(park)).toContain('code');
    const weights = await t.api.get('monitoring/innovation-index/weights');
    const note = await t.api.put('monitoring/innovation-index/weights', { ...pickWeights(weights.body), note: 'a\u0000b' }, { token: admin.accessToken });
    expect(note.status).toBe(400);
    expect(fields(note)).toContain('note');
    const nested = await t.api.post('achievements', achievementBody({ keywords: ['ok', 'bad\u0000'] }), { token: uni.accessToken });
    expect(nested.status).toBe(400);
    expect(fields(nested)).toContain('keywords[1]');
  });

  it('answers the CSV export with a JSON 400 instead of a 200 that breaks off', async () => {
    const res = await t.api.get('demands/export?q=%00');
    expect(res.status).toBe(400);
    expect(String(res.headers['content-type'])).toContain('application/json');
    expect(res.headers['content-disposition']).toBeUndefined();
    const ok = await t.api.get('demands/export');
    expect(ok.status).toBe(200);
    expect(String(ok.body)).toMatch(/\r\n$/);
  });

  it('refuses a lone UTF-16 surrogate in e-mails on sign-up, sign-in and invitations', async () => {
    const email = 'a\uD800b@example.cn';
    const signUp = await t.api.post('auth/sign-up', { email, password: 'Passw0rd-Strong', displayName: 'x', agreements: AGREEMENTS, organisation: { name: '测试', type: 'enterprise', creditCode: '91130100MA0000000X', region: 'HE' } });
    expect(signUp.status).toBe(400);
    expect(fields(signUp)).toContain('email');
    const signIn = await t.api.post('auth/sign-in', { email, password: 'whatever-123' });
    expect(signIn.status).toBe(400);
    const invite = await t.api.post(`organisations/${uni.organisation.id}/invitations`, { email: '\uDC00@example.cn', roles: ['member'] }, { token: uni.accessToken });
    expect(invite.status).toBe(400);
    expect(fields(invite)).toContain('email');
  });

  it('refuses null for required fields in PATCH (demand title, achievement keywords, package description)', async () => {
    const demand = await createDemand(t.api, ent, {}, false);
    const d = await t.api.patch(`demands/${demand.id}`, { title: null }, { token: ent.accessToken });
    expect(d.status).toBe(400);
    expect(fields(d)).toContain('title');
    // A nullable field may still be cleared.
    expect((await t.api.patch(`demands/${demand.id}`, { budget: null }, { token: ent.accessToken })).status).toBe(200);
    const a = await t.api.post('achievements', achievementBody(), { token: uni.accessToken });
    const ap = await t.api.patch(`achievements/${a.body.id}`, { keywords: null }, { token: uni.accessToken });
    expect(ap.status).toBe(400);
    expect(fields(ap)).toContain('keywords');
    const created = await t.api.post('packages', { title: '氢能技术包', theme: '氢能储运', industry: 'new-energy' }, { token: admin.accessToken });
    expect(created.status).toBe(201);
    const pk = await t.api.patch(`packages/${created.body.id}`, { description: null }, { token: admin.accessToken });
    expect(pk.status).toBe(400);
    expect(fields(pk)).toContain('description');
  });

  it('answers errors of the ICS route as JSON 4xx', async () => {
    const res = await t.api.get(`roadshows/${randomUUID()}/my-schedule.ics`, { token: ent.accessToken });
    expect(res.status).toBe(404);
    expect(String(res.headers['content-type'])).toContain('application/json');
    expect(res.headers['content-disposition']).toBeUndefined();
    expect(res.body.statusCode).toBe(404);
  });

  it('refuses impossible dates and out-of-range years in path parameters', async () => {
    for (const day of ['abc', '2025-02-30', '99999-01-01']) {
      const res = await t.api.delete(`contracts/holidays/${day}`, { token: admin.accessToken });
      expect([day, res.status]).toEqual([day, 400]);
      expect(fields(res)).toEqual(['day']);
    }
    for (const year of ['99999999999999999999', '-1', '1e3']) {
      const res = await t.api.get(`monitoring/innovation-index/${year}`);
      expect([year, res.status]).toEqual([year, 400]);
      expect(fields(res)).toEqual(['year']);
    }
  });

  it('refuses malformed multipart bodies on both upload routes with 400', async () => {
    const a = await t.api.post('achievements', achievementBody(), { token: uni.accessToken });
    const routes = [`achievements/${a.body.id}/attachments`, `contracts/${randomUUID()}/attachment`];
    const part = (b: string, name = 'x.pdf') => `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n`;
    const cases: Array<[string, string, string]> = [
      ['no boundary', 'multipart/form-data', part('x') + '\r\n--x--\r\n'],
      ['truncated', 'multipart/form-data; boundary=abc', part('abc')],
      ['odd boundary', 'multipart/form-data; boundary="a b\u00ff"', part('a b\u00ff') + '\r\n--a b\u00ff--\r\n'],
      ['garbage', 'multipart/form-data; boundary=abc', '\u0000\u0001garbage'],
      ['NUL in file name', 'multipart/form-data; boundary=abc', part('abc', 'a\u0000.pdf') + '\r\n--abc--\r\n'],
    ];
    for (const url of routes) {
      for (const [what, type, body] of cases) {
        const res = await t.api.request('POST', url, Buffer.from(body, 'latin1'), { token: uni.accessToken, headers: { 'content-type': type } });
        expect([url, what, res.status]).toEqual([url, what, 400]);
        expect(res.body.details.length).toBeGreaterThan(0);
      }
    }
  });

  it('refuses unknown fields on action routes that take no body; {} and no body still work', async () => {
    const a = await t.api.post('achievements', achievementBody(), { token: uni.accessToken });
    const bad = await t.api.post(`achievements/${a.body.id}/submit`, { comment: 'please' }, { token: uni.accessToken });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ field: 'comment', code: 'whitelistValidation' })]);
    const arr = await t.api.post(`achievements/${a.body.id}/submit`, [1], { token: uni.accessToken });
    expect(arr.status).toBe(400);
    expect((await t.api.post(`achievements/${a.body.id}/submit`, {}, { token: uni.accessToken })).status).toBe(200);
    const pkg = await t.api.request('POST', `packages/${randomUUID()}/publish`, undefined, { token: uni.accessToken });
    expect(pkg.status).toBe(404);
  });

  it('maps unique violations lost in a race to 409 naming the field (one global mapping)', async () => {
    const email = `race-${Date.now()}@example.cn`;
    const [x, y] = await Promise.all([
      signUpOrganisation(t.api, 'enterprise', { email }).then(() => 201, (e: Error) => e.message),
      signUpOrganisation(t.api, 'enterprise', { email }).then(() => 201, (e: Error) => e.message),
    ]);
    const outcomes = [x, y].map((o) => (o === 201 ? '201' : /sign-up failed: (\d+)/.exec(String(o))?.[1]));
    expect(outcomes.sort()).toEqual(['201', '409']);
    const again = await t.api.post('auth/sign-up', { email, password: 'Passw0rd-Strong', displayName: 'x', agreements: AGREEMENTS, organisation: { name: '重复测试', type: 'enterprise', creditCode: randomCreditCode(), region: 'HE' } });
    expect([again.status, again.body.code, fields(again)]).toEqual([409, 'EMAIL_TAKEN', ['email']]);
  });
});

function pickWeights(w: Record<string, unknown>): Record<string, unknown> {
  return { dimensions: w.dimensions, indicators: w.indicators };
}
