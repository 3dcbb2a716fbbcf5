import { achievementBody } from '../catalog/fixtures';
import { createTestApp, Session, signInAdmin, signUpOrganisation, TestApp } from '../support/test-app';

/**
 * What a new user met in the public search (GET /search/achievements), on listings written for this test: a part of a
 * long compound finds it, the techniques that do something rank above a platform that merely mentions it, and an
 * English query reaches the Chinese listings through the taxonomy's English labels or says the listings are in Chinese.
 */
describe('public search relevance (e2e)', () => {
  let t: TestApp;
  let admin: Session;
  let uni: Session;
  const ids: Record<string, string> = {};

  async function publish(key: string, overrides: Record<string, unknown>): Promise<void> {
    const a = await t.api.post('achievements', achievementBody({ patents: [], ...overrides }), { token: uni.accessToken });
    expect(a.status).toBe(201);
    expect((await t.api.post(`achievements/${a.body.id}/submit`, {}, { token: uni.accessToken })).status).toBe(200);
    expect((await t.api.post(`achievements/${a.body.id}/approve`, {}, { token: admin.accessToken })).status).toBe(200);
    ids[key] = a.body.id;
  }
  const search = async (q: string) => (await t.api.get('search/achievements', { query: { q, pageSize: 50 } })).body;
  const order = async (q: string) => (await search(q)).items.map((i: { id: string }) => Object.keys(ids).find((k) => ids[k] === i.id));

  beforeAll(async () => {
    t = await createTestApp({ worker: true });
    admin = await signInAdmin(t.api);
    uni = await signUpOrganisation(t.api, 'university', { region: 'BJ' });
    const air = { industry: 'energy-saving-environmental', field: 'air-pollution' };
    await publish('electrolyte', { title: '宽温域磷酸铁锂电池电解液', summary: '添加剂复配使电解液在零下四十度到六十度之间稳定工作，适用于储能与商用车电池。', keywords: ['电解液', '宽温域'], industry: 'new-energy-vehicles', field: 'power-batteries' });
    await publish('toolbox', { title: '测试工具箱', summary: '面向中小企业的便携式计量与检测仪器组合，含校准证书。', keywords: ['计量', '检测仪器'], industry: 'tech-services', field: 'testing-certification' });
    await publish('sinter', { ...air, title: '钢铁烧结机头烟气低温脱硝技术', summary: '在一百五十摄氏度下实现氮氧化物高效还原，无需烟气再热，适合现有烧结产线改造。', keywords: ['脱硝', '低温催化'] });
    await publish('kiln', { ...air, title: '水泥窑分级燃烧与SNCR协同脱硝工艺', summary: '窑尾分解炉分级燃烧降低氮氧化物生成，配合氨水喷射进一步脱除。', keywords: ['脱硝', '水泥窑'] });
    await publish('monitor', { ...air, field: 'environmental-monitoring', title: '脱硫脱硝设施运行在线监测系统', summary: '采集脱硫脱硝除尘设施的运行数据，监测脱硝系统喷氨量与出口浓度，脱硝效率异常时推送告警，辅助环保检查。', keywords: ['在线监测', '脱硝效率', '环保监管'] });
    await publish('platform', { ...air, field: 'environmental-monitoring', title: '工业窑炉烟气排放智能监管平台', summary: '接入企业脱硫、脱硝、除尘设施数据，跟踪脱硝剂用量和排放浓度，生成环保绩效报表，超标时预警。', keywords: ['环保监管', '排放预警'] });
    await t.drain();
  });
  afterAll(() => t.close());

  it('finds a listing by a part of its long compound, across the cut of the segmenter too, and marks it', async () => {
    expect(await order('锂电池')).toEqual(['electrolyte']);
    expect(await order('工具')).toEqual(['toolbox']);
    const hit = (await search('锂电池')).items[0];
    expect(hit.highlights.title).toBe('宽温域磷酸铁<em>锂电池</em>电解液');
  });

  it('ranks the techniques that do 脱硝 above monitoring that merely mentions it', async () => {
    const ranked = await order('脱硝');
    expect(ranked).toHaveLength(4);
    expect(ranked.slice(0, 2).sort()).toEqual(['kiln', 'sinter']);
    expect(ranked.slice(2).sort()).toEqual(['monitor', 'platform']);
  });

  it('reaches the Chinese listings with an English query through the taxonomy\'s English labels', async () => {
    expect(await order('battery')).toEqual(['electrolyte']);
    expect(await order('batteries')).toEqual(['electrolyte']);
    const none = await search('electrolyte');
    expect(none.total).toBe(0);
    expect(none.languageHint.zh).toMatch(/中文/);
    expect(none.languageHint.en).toMatch(/Chinese/);
    expect(none.languageHint.suggestions.length).toBeGreaterThan(0);
    expect(none.languageHint.suggestions[0]).toEqual({ zh: expect.stringMatching(/\p{Script=Han}/u), en: expect.any(String) });
    // A Chinese query that finds nothing gets the usual empty state, not the language hint.
    expect((await search('石墨烯')).languageHint).toBeUndefined();
  });
});
