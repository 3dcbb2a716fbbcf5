import { AGREEMENTS, createTestApp, randomCreditCode, TestApp } from '../support/test-app';

describe('site footer and agreement acceptance at sign-up', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { SITE_HOST_ORGANISATION: '河北省科学技术厅', SITE_CONTACT: '0311-12345678', SITE_ICP_NUMBER: '冀ICP备12345678号-1' } });
  });
  afterAll(() => t?.close());

  const body = (agreements: unknown) => ({
    email: `agree-${Date.now()}-${Math.random().toString(36).slice(2)}@example.cn`, password: 'Passw0rd-Strong', displayName: '签约人',
    organisation: { name: `协议测试企业${Date.now()}${Math.random()}`, type: 'enterprise', creditCode: randomCreditCode(), region: 'HE' },
    ...(agreements === undefined ? {} : { agreements }),
  });

  it('answers the footer from configuration and the current agreement versions, anonymously', async () => {
    const site = await t.api.get('site');
    expect(site.status).toBe(200);
    expect(site.body).toMatchObject({ hostOrganisation: '河北省科学技术厅', contact: '0311-12345678', icpNumber: '冀ICP备12345678号-1' });
    expect(site.body.agreements.map((a: { document: string; version: string }) => [a.document, a.version])).toEqual([
      ['user-agreement', AGREEMENTS.userAgreement], ['privacy-policy', AGREEMENTS.privacyPolicy],
    ]);
    const legal = await t.api.get('site/legal');
    expect(legal.body[0].title.zh).toBe('用户服务协议');
    expect(legal.body[1].body.zh.join('')).toContain('个人信息保护法');
  });

  it('refuses a sign-up without acceptance or with a stale version, and records the versions and time when accepted', async () => {
    const missing = await t.api.post('auth/sign-up', body(undefined));
    expect(missing.status).toBe(400);
    expect(missing.body.details.map((d: { field: string }) => d.field)).toContain('agreements');
    const stale = await t.api.post('auth/sign-up', body({ ...AGREEMENTS, privacyPolicy: '2020-01-01' }));
    expect(stale.status).toBe(400);
    expect(stale.body.details[0]).toMatchObject({ field: 'agreements.privacyPolicy', code: 'AGREEMENT_VERSION' });
    expect(stale.body.message).toContain('隐私政策');

    const before = t.clock.now().getTime();
    const ok = await t.api.post('auth/sign-up', body(AGREEMENTS));
    expect(ok.status).toBe(201);
    const mine = await t.api.get('me/agreements', { token: ok.body.accessToken });
    expect(mine.body.map((a: { document: string; version: string }) => [a.document, a.version]).sort()).toEqual([
      ['privacy-policy', AGREEMENTS.privacyPolicy], ['user-agreement', AGREEMENTS.userAgreement],
    ]);
    expect(new Date(mine.body[0].acceptedAt).getTime()).toBeGreaterThanOrEqual(before);
  });

  it('an invitee consents too: accepting an invitation without the current versions is refused, with them recorded', async () => {
    const org = await t.api.post('auth/sign-up', body(AGREEMENTS));
    const invite = async () => (await t.api.post(`organisations/${org.body.organisation.id}/invitations`, { email: `invitee-${Date.now()}-${Math.random().toString(36).slice(2)}@example.cn`, roles: ['member'] }, { token: org.body.accessToken })).body.token;
    const token = await invite();
    const missing = await t.api.post('auth/accept-invitation', { token, password: 'Passw0rd-Invitee', displayName: '受邀人' });
    expect(missing.status).toBe(400);
    expect(missing.body.details.map((d: { field: string }) => d.field)).toContain('agreements');
    const stale = await t.api.post('auth/accept-invitation', { token, password: 'Passw0rd-Invitee', displayName: '受邀人', agreements: { ...AGREEMENTS, userAgreement: '2020-01-01' } });
    expect(stale.status).toBe(400);
    const ok = await t.api.post('auth/accept-invitation', { token, password: 'Passw0rd-Invitee', displayName: '受邀人', agreements: AGREEMENTS });
    expect(ok.status).toBe(201);
    const mine = await t.api.get('me/agreements', { token: ok.body.accessToken });
    expect(mine.body.map((a: { document: string }) => a.document).sort()).toEqual(['privacy-policy', 'user-agreement']);
  });
});
