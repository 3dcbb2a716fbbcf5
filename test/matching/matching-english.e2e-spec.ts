import { achievementBody } from '../catalog/fixtures';
import { createDemand } from '../demand/demand-helpers';
import { createTestApp, Session, signInAdmin, signUpOrganisation, TestApp } from '../support/test-app';

/**
 * English words reach Chinese listings through the thesaurus's English labels (national-standard titles and taxonomy,
 * applied as index synonyms and as query expansion), on the embedded engine, with listings written for this test.
 */
describe('English queries on Chinese content through the thesaurus (e2e)', () => {
  let t: TestApp;
  let admin: Session;
  let uni: Session;
  let ent: Session;
  const ids: Record<string, string> = {};

  async function publish(key: string, overrides: Record<string, unknown>): Promise<void> {
    const a = await t.api.post('achievements', achievementBody({ patents: [], ...overrides }), { token: uni.accessToken });
    expect(a.status).toBe(201);
    expect((await t.api.post(`achievements/${a.body.id}/submit`, {}, { token: uni.accessToken })).status).toBe(200);
    expect((await t.api.post(`achievements/${a.body.id}/approve`, {}, { token: admin.accessToken })).status).toBe(200);
    ids[key] = a.body.id;
  }
  const keyOf = (id: string) => Object.keys(ids).find((k) => ids[k] === id);

  beforeAll(async () => {
    t = await createTestApp({ worker: true });
    admin = await signInAdmin(t.api);
    uni = await signUpOrganisation(t.api, 'university', { region: 'BJ' });
    ent = await signUpOrganisation(t.api, 'enterprise', { region: 'HE' });
    const air = { industry: 'energy-saving-environmental', field: 'air-pollution', trl: 7 };
    await publish('sinter', { ...air, title: '钢铁烧结机头烟气低温脱硝技术', summary: '在一百五十摄氏度下实现氮氧化物高效还原，无需烟气再热，适合现有烧结产线改造。', keywords: ['脱硝', '低温催化'] });
    await publish('dust', { ...air, title: '覆膜滤袋袋式除尘改造', summary: '以覆膜滤料替换原有滤袋，颗粒物排放浓度稳定低于十毫克。', keywords: ['袋式除尘', '滤袋'] });
    await publish('cheese', { title: '低盐再制干酪加工工艺', summary: '乳清蛋白复配降低食盐用量。', keywords: ['干酪'], industry: 'modern-agriculture', field: 'food-processing', trl: 7 });
    await t.drain();
  }, 120_000);
  afterAll(() => t?.close());

  it('finds the Chinese listing for an English standard term in the public search', async () => {
    const res = await t.api.get('search/achievements', { query: { q: 'denitrification', pageSize: 20 } });
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { id: string }) => keyOf(i.id))).toEqual(['sinter']);
  });

  it('matches a demand written in English to the Chinese technique', async () => {
    const d = await createDemand(t.api, ent, {
      title: 'flue gas denitrification for a sinter plant', description: 'Our sinter plant needs denitrification of its flue gas before the new limits apply.', keywords: [],
      industry: 'energy-saving-environmental', field: 'air-pollution', minTrl: null, visibility: 'public',
    });
    await t.drain();
    const res = await t.api.get(`demands/${d.id}/matches`, { token: ent.accessToken, query: { limit: 10 } });
    expect(res.status).toBe(200);
    const got = res.body.items.map((i: { achievement: { id: string } }) => keyOf(i.achievement.id));
    expect(got[0]).toBe('sinter');
    expect(got).not.toContain('cheese');
  });
});
