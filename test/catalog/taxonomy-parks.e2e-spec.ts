import { createDemand } from '../demand/demand-helpers';
import { createTestApp, Session, signInAdmin, signUpOrganisation, TestApp } from '../support/test-app';
import { achievementBody } from './fixtures';

/** A platform administrator edits a park's key industries: validated, audited, and read at once by park-priority matching. */
describe('taxonomy: park key industries (e2e)', () => {
  let t: TestApp;
  let admin: Session;
  let uni: Session;
  let ent: Session;
  let demandId: string;
  let achievementId: string;

  beforeAll(async () => {
    t = await createTestApp({ worker: true });
    admin = await signInAdmin(t.api);
    uni = await signUpOrganisation(t.api, 'university', { region: 'BJ' });
    ent = await signUpOrganisation(t.api, 'enterprise', { region: 'HE', parkCode: 'sjz-hitech' });
    const a = await t.api.post('achievements', achievementBody({
      title: '活性焦一体化脱硫脱硝技术', summary: '采用活性焦移动床吸附，在同一塔内协同脱除二氧化硫、氮氧化物，适用于钢铁烧结烟气，出口浓度满足超低排放。',
      keywords: ['活性焦', '脱硫脱硝', '烧结烟气'], industry: 'energy-saving-environmental', field: 'air-pollution', trl: 8, transferModes: ['license', 'transfer'],
    }), { token: uni.accessToken });
    expect(a.status).toBe(201);
    achievementId = a.body.id;
    expect((await t.api.post(`achievements/${achievementId}/submit`, {}, { token: uni.accessToken })).status).toBe(200);
    expect((await t.api.post(`achievements/${achievementId}/approve`, {}, { token: admin.accessToken })).status).toBe(200);
    // sjz-hitech starts without energy-saving-environmental among its key industries.
    demandId = (await createDemand(t.api, ent, { park: 'sjz-hitech' })).id;
    await t.drain();
  }, 300_000);

  afterAll(async () => {
    await t?.close();
  });

  async function parkReasonFor(): Promise<unknown> {
    const res = await t.api.get(`demands/${demandId}/matches`, { token: ent.accessToken, query: { limit: 10 } });
    expect(res.status).toBe(200);
    const item = res.body.items.find((i: any) => i.achievement.id === achievementId);
    expect(item).toBeDefined();
    return item.reasons.find((r: any) => r.code === 'park-key-industry');
  }

  it('applies an edit to the taxonomy, to park-priority matching at once, and to the audit log', async () => {
    expect(await parkReasonFor()).toBeUndefined();

    const res = await t.api.patch('taxonomy/parks/sjz-hitech', { keyIndustries: ['energy-saving-environmental', 'life-health', 'digital'] }, { token: admin.accessToken });
    expect(res.status).toBe(200);
    // Stored in the taxonomy's order, whatever order the administrator sent.
    expect(res.body).toMatchObject({ code: 'sjz-hitech', keyIndustries: ['digital', 'life-health', 'energy-saving-environmental'] });
    expect(Date.parse(res.body.updatedAt)).not.toBeNaN();

    const parks = await t.api.get('taxonomy/parks');
    expect(parks.body.find((p: any) => p.code === 'sjz-hitech').keyIndustries).toEqual(['digital', 'life-health', 'energy-saving-environmental']);

    expect(await parkReasonFor()).toMatchObject({ code: 'park-key-industry', en: expect.stringContaining('key industry') });

    const audit = await t.api.get('audit-log', { token: admin.accessToken, query: { entityType: 'park', entityId: 'sjz-hitech' } });
    expect(audit.status).toBe(200);
    expect(audit.body.total).toBe(1);
    expect(audit.body.items[0]).toMatchObject({
      action: 'update-park-key-industries',
      changes: { before: ['life-health', 'digital', 'advanced-equipment'], after: ['digital', 'life-health', 'energy-saving-environmental'] },
    });

    // Removing it again takes the priority away.
    expect((await t.api.patch('taxonomy/parks/sjz-hitech', { keyIndustries: ['life-health'] }, { token: admin.accessToken })).status).toBe(200);
    expect(await parkReasonFor()).toBeUndefined();
  });

  it('rejects unknown or repeated industry codes with field details, and an unknown park with 404', async () => {
    const bad = await t.api.patch('taxonomy/parks/sjz-hitech', { keyIndustries: ['digital', 'space-mining'] }, { token: admin.accessToken });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: any) => d.field)).toContain('keyIndustries');
    const dup = await t.api.patch('taxonomy/parks/sjz-hitech', { keyIndustries: ['digital', 'digital'] }, { token: admin.accessToken });
    expect(dup.status).toBe(400);
    const missing = await t.api.patch('taxonomy/parks/sjz-hitech', {}, { token: admin.accessToken });
    expect(missing.status).toBe(400);
    const extra = await t.api.patch('taxonomy/parks/sjz-hitech', { keyIndustries: [], zh: '改名' }, { token: admin.accessToken });
    expect(extra.status).toBe(400);
    const unknown = await t.api.patch('taxonomy/parks/atlantis', { keyIndustries: ['digital'] }, { token: admin.accessToken });
    expect(unknown.status).toBe(404);
    expect((await t.api.get('taxonomy/parks')).body.find((p: any) => p.code === 'sjz-hitech').keyIndustries).toEqual(['life-health']);
  });

  it('is for platform administrators only', async () => {
    const asEnterprise = await t.api.patch('taxonomy/parks/sjz-hitech', { keyIndustries: ['digital'] }, { token: ent.accessToken });
    expect(asEnterprise.status).toBe(403);
    const anonymous = await t.api.patch('taxonomy/parks/sjz-hitech', { keyIndustries: ['digital'] });
    expect(anonymous.status).toBe(401);
  });
});
