import { achievementBody } from '../catalog/fixtures';
import { createDemand } from '../demand/demand-helpers';
import { createTestApp, Session, signInAdmin, signUpOrganisation, TestApp } from '../support/test-app';

const ACHIEVEMENT_PHONE = '010-62781234';
const ACHIEVEMENT_EMAIL = 'tto-contact@example.edu.cn';
const DEMAND_PHONE = '0311-87654321';
const DEMAND_EMAIL = 'wang.gong@example.com';

/**
 * 个人信息保护法: the contact person of a listing (name, phone, e-mail) is never shown to the public — not in the
 * detail, a list, a search, a CSV export, nor the organisation's public page; the owner's people see it, and signed-in
 * members of the platform as the owner chose by publishing it there (the market context adds finer admission).
 */
describe('PIPL: listing contact details are not public (e2e)', () => {
  let t: TestApp;
  let admin: Session;
  let university: Session;
  let enterprise: Session;
  let reader: Session;
  let achievementId: string;
  let demandId: string;

  beforeAll(async () => {
    t = await createTestApp({ worker: true });
    admin = await signInAdmin(t.api);
    university = await signUpOrganisation(t.api, 'university');
    enterprise = await signUpOrganisation(t.api, 'enterprise');
    reader = await signUpOrganisation(t.api, 'enterprise');
    const created = await t.api.post('achievements', achievementBody({ contact: { name: '赵老师', phone: ACHIEVEMENT_PHONE, email: ACHIEVEMENT_EMAIL } }), { token: university.accessToken });
    achievementId = created.body.id;
    await t.api.post(`achievements/${achievementId}/submit`, {}, { token: university.accessToken });
    expect((await t.api.post(`achievements/${achievementId}/approve`, {}, { token: admin.accessToken })).status).toBe(200);
    demandId = (await createDemand(t.api, enterprise, { contact: { name: '王工', phone: DEMAND_PHONE, email: DEMAND_EMAIL } })).id;
    await t.drain();
  });
  afterAll(async () => {
    await t.close();
  });

  const leaks = (raw: Buffer) => [ACHIEVEMENT_PHONE, ACHIEVEMENT_EMAIL, DEMAND_PHONE, DEMAND_EMAIL, '赵老师', '王工'].filter((s) => raw.toString('utf8').includes(s));

  it('anonymous readers get no contact from any public route', async () => {
    const routes = [
      `achievements/${achievementId}`,
      'achievements?pageSize=100',
      'search/achievements?q=光伏',
      `demands/${demandId}`,
      'demands?pageSize=100',
      'demands/export',
      'search/demands?q=脱硝',
      `organisations/${university.organisation.id}`,
      `organisations/${enterprise.organisation.id}`,
    ];
    for (const route of routes) {
      const res = await t.api.get(route);
      expect([route, res.status]).toEqual([route, 200]);
      expect([route, leaks(res.raw)]).toEqual([route, []]);
    }
    // The listings are really there (a route that found nothing would leak nothing).
    for (const [route, id] of [['achievements?pageSize=100', achievementId], ['search/achievements?q=光伏', achievementId], ['demands?pageSize=100', demandId], ['search/demands?q=脱硝', demandId]]) {
      expect([route, (await t.api.get(route)).raw.toString('utf8').includes(id)]).toEqual([route, true]);
    }
    expect((await t.api.get(`achievements/${achievementId}`)).body.contact).toBeNull();
    expect((await t.api.get(`demands/${demandId}`)).body.contact).toBeNull();
  });

  it('the owner sees its contact; a signed-in member of the platform sees what the owner published for members', async () => {
    expect((await t.api.get(`achievements/${achievementId}`, { token: university.accessToken })).body.contact).toMatchObject({ phone: ACHIEVEMENT_PHONE });
    expect((await t.api.get(`demands/${demandId}`, { token: enterprise.accessToken })).body.contact).toMatchObject({ phone: DEMAND_PHONE });
    expect((await t.api.get(`achievements/${achievementId}`, { token: reader.accessToken })).body.contact).toMatchObject({ email: ACHIEVEMENT_EMAIL });
  });
});
