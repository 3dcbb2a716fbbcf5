import { MovableClock } from '@techbridge/platform';
import { achievementBody } from '../catalog/fixtures';
import { contractBody, makeWorld, submittedContract, World } from '../contracts/contracts-helpers';
import { addMember, createTestApp, Session, signUpOrganisation, TestApp } from '../support/test-app';

/**
 * 等保 2.0 separation of duties: every power of approval (organisation verification, achievement review, contract
 * registration, a park's figures) is refused, 403 SEPARATION_OF_DUTIES naming the rule, on a record of the approver's
 * own organisation (or their own entry), while the same power on another's record still works.
 */
describe('identity: separation of duties (e2e)', () => {
  let t: TestApp;
  let w: World;
  let admin: Session;

  beforeAll(async () => {
    t = await createTestApp({ worker: true, clock: new MovableClock('2026-09-28T02:00:00Z') });
    w = await makeWorld(t);
    admin = w.admin;
  });
  afterAll(async () => {
    await t.close();
  });

  function expectRefused(res: { status: number; body: any }, rule: string) {
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'SEPARATION_OF_DUTIES', rule });
  }

  it('a platform administrator cannot verify or reject their own organisation (zh and en), but decides on others', async () => {
    const zh = await t.api.post(`organisations/${admin.organisation.id}/reject`, { reason: '测试撤销本机构' }, { token: admin.accessToken });
    expectRefused(zh, 'own-organisation-verification');
    expect(zh.body.message).toContain('职责分离');
    const en = await t.api.post(`organisations/${admin.organisation.id}/verify`, {}, { token: admin.accessToken, headers: { 'accept-language': 'en' } });
    expectRefused(en, 'own-organisation-verification');
    expect(en.body.message).toMatch(/^Separation of duties/);
    const [{ verification_status }] = await t.db.dataSource.query(`SELECT verification_status FROM organisation WHERE id = $1`, [admin.organisation.id]);
    expect(verification_status).toBe('verified');

    const park = await signUpOrganisation(t.api, 'park-administration', { parkCode: 'bd-hitech' });
    expect((await t.api.post(`organisations/${park.organisation.id}/verify`, {}, { token: admin.accessToken })).status).toBe(200);
  });

  it("a reviewer cannot approve or return their own organisation's achievement; another organisation's is approved", async () => {
    const colleague = await addMember(t.api, admin, ['member']);
    const own = await t.api.post('achievements', achievementBody({ title: '平台自有成果：分布式光伏运维数据平台' }), { token: colleague.accessToken });
    expect(own.status).toBe(201);
    expect((await t.api.post(`achievements/${own.body.id}/submit`, {}, { token: colleague.accessToken })).status).toBe(200);

    expectRefused(await t.api.post(`achievements/${own.body.id}/approve`, { comment: '自审' }, { token: admin.accessToken }), 'own-achievement-review');
    expectRefused(await t.api.post(`achievements/${own.body.id}/return`, { comment: '自审' }, { token: admin.accessToken }), 'own-achievement-review');
    expect((await t.api.get(`achievements/${own.body.id}`, { token: colleague.accessToken })).body.status).toBe('submitted');

    const theirs = await t.api.post('achievements', achievementBody(), { token: w.university.accessToken });
    expect((await t.api.post(`achievements/${theirs.body.id}/submit`, {}, { token: w.university.accessToken })).status).toBe(200);
    const approved = await t.api.post(`achievements/${theirs.body.id}/approve`, { comment: '材料齐全' }, { token: admin.accessToken });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('published');
  });

  it('a registration institution cannot register, return or refuse a contract it is a party to', async () => {
    const body = contractBody(w, {
      buyer: { organisationId: w.institution.organisation.id, name: w.institution.organisation.name, creditCode: (w.institution.organisation as any).creditCode, region: 'HE', legalPersonType: 'enterprise' },
    });
    const c = await submittedContract(t, w.university, body);
    expect(c.status).toBe('under-review');
    expect(c.registrationInstitutionId).toBe(w.institution.organisation.id);

    expectRefused(await t.api.post(`contracts/${c.id}/registration`, {}, { token: w.reviewer.accessToken }), 'own-contract-registration');
    expectRefused(await t.api.post(`contracts/${c.id}/return`, { reasons: [{ message: '自审退回' }] }, { token: w.reviewer.accessToken }), 'own-contract-registration');
    expectRefused(await t.api.post(`contracts/${c.id}/refusal`, { reason: '自审不予登记' }, { token: w.reviewer.accessToken }), 'own-contract-registration');
    await t.drain();
    expect((await t.api.get(`contracts/${c.id}`, { token: w.university.accessToken })).body.status).toBe('under-review');

    // The same reviewer registers a contract between others.
    const other = await submittedContract(t, w.university, contractBody(w));
    expect(other.registrationInstitutionId).toBe(w.institution.organisation.id);
    expect((await t.api.post(`contracts/${other.id}/registration`, {}, { token: w.reviewer.accessToken })).status).toBe(202);
  });

  it("whoever entered a park's figures on its behalf cannot review them; a colleague can", async () => {
    expect((await t.api.post('monitoring/quarters', { quarter: '2026Q3' }, { token: admin.accessToken })).status).toBeLessThan(300);
    const entered = await t.api.put('monitoring/quarters/2026Q3/parks/sjz-hitech/entries', { entries: [{ indicator: 'high-tech-enterprises', value: 17 }] }, { token: admin.accessToken });
    expect(entered.status).toBe(200);
    const entryId = entered.body[0].id;
    expectRefused(await t.api.post(`monitoring/entries/${entryId}/approve`, {}, { token: admin.accessToken }), 'own-monitoring-entry-review');
    expectRefused(await t.api.post(`monitoring/entries/${entryId}/return`, { reason: '自审' }, { token: admin.accessToken }), 'own-monitoring-entry-review');

    const colleague = await addMember(t.api, admin, ['member']);
    const approved = await t.api.post(`monitoring/entries/${entryId}/approve`, {}, { token: colleague.accessToken });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
  });
});
