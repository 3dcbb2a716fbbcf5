import * as ExcelJS from 'exceljs';
import { addMember, createTestApp, Session, signInAdmin, signUpOrganisation, TestApp, verifyOrganisation } from '../support/test-app';
import { achievementBody } from './fixtures';

describe('catalog: packages, guide catalog export and search (e2e)', () => {
  let t: TestApp;
  let admin: Session;
  let uni: Session;
  let tti: Session;
  const ids: Record<string, string> = {};

  async function publish(session: Session, key: string, body: Record<string, unknown>) {
    const a = await t.api.post('achievements', achievementBody(body), { token: session.accessToken });
    expect(a.status).toBe(201);
    await t.api.post(`achievements/${a.body.id}/submit`, {}, { token: session.accessToken });
    const p = await t.api.post(`achievements/${a.body.id}/approve`, {}, { token: admin.accessToken });
    expect(p.body.status).toBe('published');
    ids[key] = a.body.id;
  }

  beforeAll(async () => {
    t = await createTestApp();
    admin = await signInAdmin(t.api);
    uni = await signUpOrganisation(t.api, 'university', { name: '华北新能源大学', region: 'HE' });
    const tjInst = await signUpOrganisation(t.api, 'institute', { name: '天津氢能研究院', region: 'TJ' });
    tti = await signUpOrganisation(t.api, 'transfer-institution', { name: '京南技术转移中心', region: 'HE' });
    await verifyOrganisation(t.api, tti.organisation.id);
    await publish(uni, 'pem', { title: '质子交换膜电解水制氢关键技术', summary: 'PEM电解槽电流密度达到2 A/cm²，制氢能耗低于4.3 kWh/Nm³，可应用于化工园区绿氢项目。', keywords: ['电解水制氢', '质子交换膜'], field: 'hydrogen', trl: 6, askingPrice: 2000000 });
    await publish(tjInst, 'tank', { title: '70MPa高压储氢瓶制造技术', summary: 'IV型储氢瓶储氢密度达到5.7 wt%，循环寿命超过15000次，适用于氢燃料电池汽车和加氢站。', keywords: ['储氢瓶', '氢能储运'], field: 'hydrogen', trl: 7, askingPrice: null, transferModes: ['equity'] });
    await publish(uni, 'pv', { title: '钙钛矿光伏组件封装技术', summary: '组件效率达到24.5%，湿热老化1000小时衰减小于5%，适用于分布式光伏电站。', keywords: ['钙钛矿', '光伏组件'], field: 'photovoltaics', trl: 5, askingPrice: 800000.5 });
    await publish(uni, 'seed', { title: '抗旱小麦新品种选育', summary: '亩产提高12%，节水30%，适用于华北平原粮食主产区。', keywords: ['小麦', '抗旱'], industry: 'modern-agriculture', field: 'seed-industry', trl: 8, askingPrice: 300000 });
    await t.deliver();
  });
  afterAll(async () => {
    await t.close();
  });

  it('a transfer institution composes a package: ordered items, TRL range, priced total with negotiable counted apart, owners', async () => {
    const draftOnly = await t.api.post('achievements', achievementBody({ title: '未发布的成果' }), { token: uni.accessToken });
    const refused = await t.api.post('packages', { title: '氢能储运与加注技术包', theme: '氢能储运与加注', industry: 'new-energy', achievementIds: [ids.pem, draftOnly.body.id] }, { token: tti.accessToken });
    expect(refused.status).toBe(400);
    expect(refused.body.details[0].field).toBe('achievementIds[1]');
    expect((await t.api.post('packages', { title: '某技术包', theme: '主题', industry: 'new-energy' }, { token: uni.accessToken })).status).toBe(403);

    const created = await t.api.post('packages', {
      title: '氢能制储运技术包', theme: '氢能储运与加注', industry: 'new-energy', description: '覆盖电解水制氢、高压储氢的成套技术，面向化工园区与加氢站建设。',
      achievementIds: [ids.tank, ids.pem, ids.pv], targetParks: ['bd-hitech', 'renqiu-edz'],
    }, { token: tti.accessToken });
    expect(created.status).toBe(201);
    const p = created.body;
    expect(p.achievements.map((a: any) => a.id)).toEqual([ids.tank, ids.pem, ids.pv]);
    expect(p).toMatchObject({ status: 'draft', trlMin: 5, trlMax: 7, totalAskingPrice: 2800000.5, negotiableCount: 1 });
    expect(p.owners.map((o: any) => [o.name, o.count])).toEqual([['华北新能源大学', 2], ['天津氢能研究院', 1]]);
    expect((await t.api.get(`packages/${p.id}`)).status).toBe(404);

    const reordered = await t.api.patch(`packages/${p.id}`, { achievementIds: [ids.pem, ids.tank] }, { token: tti.accessToken });
    expect(reordered.body.achievements.map((a: any) => a.position + ':' + a.id)).toEqual([`1:${ids.pem}`, `2:${ids.tank}`]);
    expect(reordered.body).toMatchObject({ trlMin: 6, trlMax: 7, totalAskingPrice: 2000000, negotiableCount: 1 });
    expect((await t.api.patch(`packages/${p.id}`, { title: 'x篡改' }, { token: uni.accessToken })).status).toBe(404);

    const published = await t.api.post(`packages/${p.id}/publish`, {}, { token: tti.accessToken });
    expect(published.body.status).toBe('published');
    expect((await t.api.post(`packages/${p.id}/publish`, {}, { token: tti.accessToken })).body.currentState).toBe('published');
    await t.deliver();
    const found = await t.api.get('search/packages', { query: { q: '氢能' } });
    expect(found.status).toBe(200);
    expect(found.body.items[0]).toMatchObject({ id: p.id, trlMin: 6, trlMax: 7, negotiableCount: 1, targetParks: ['bd-hitech', 'renqiu-edz'] });
    expect(found.body.items[0].ownerNames).toEqual(expect.arrayContaining(['华北新能源大学', '天津氢能研究院']));
  });

  it('finds Chinese text by words, with facets, filters, park and sort', async () => {
    const res = await t.api.get('search/achievements', { query: { q: '储氢' } });
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: any) => i.id)).toEqual([ids.tank]);
    expect(JSON.stringify(res.body.items[0].highlights)).toContain('<em>');
    expect(res.body.processingTimeMs).toEqual(expect.any(Number));

    const words = await t.api.get('search/achievements', { query: { q: '电解水制氢技术' } });
    expect(words.body.items[0].id).toBe(ids.pem);
    const facets = (await t.api.get('search/achievements', { query: { industry: 'new-energy' } })).body;
    expect(facets.total).toBe(3);
    expect(facets.facets.industry).toEqual({ 'new-energy': 3 });
    expect(facets.facets.region).toEqual({ HE: 2, TJ: 1 });
    expect(facets.facets.trl).toEqual({ '5': 1, '6': 1, '7': 1 });
    expect(facets.facets.transferMode.equity).toBe(1);

    const tj = await t.api.get('search/achievements', { query: { region: 'TJ' } });
    expect(tj.body.items.map((i: any) => i.id)).toEqual([ids.tank]);
    const cheap = await t.api.get('search/achievements', { query: { priceMax: 1000000, sort: 'price-asc' } });
    expect(cheap.body.items.map((i: any) => i.id)).toEqual([ids.seed, ids.pv]);
    const trl = await t.api.get('search/achievements', { query: { trlMin: 6, trlMax: 7, sort: 'trl-desc' } });
    expect(trl.body.items.map((i: any) => i.id)).toEqual([ids.tank, ids.pem]);
    const zhuozhou = await t.api.get('search/achievements', { query: { park: 'zhuozhou-agri' } });
    expect(zhuozhou.body.items.map((i: any) => i.id)).toEqual([ids.seed]);
    const bad = await t.api.get('search/achievements', { query: { trlMin: 0, park: 'atlantis' } });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: any) => d.field).sort()).toEqual(['park', 'trlMin']);
  });

  it('compiles the yearly guide catalog and exports it as XLSX (opens with exceljs) and CSV', async () => {
    const reviewer = await addMember(t.api, uni, ['member']);
    expect((await t.api.post('guide-catalogs', { year: 2026, industry: 'new-energy' }, { token: reviewer.accessToken })).status).toBe(403);
    const c = await t.api.post('guide-catalogs', { year: 2026, industry: 'new-energy' }, { token: admin.accessToken });
    expect(c.status).toBe(201);
    expect(c.body.title).toBe('2026年新能源先进适用技术指导目录');
    expect((await t.api.post('guide-catalogs', { year: 2026, industry: 'new-energy' }, { token: admin.accessToken })).status).toBe(409);
    await t.api.put(`guide-catalogs/${c.body.id}/entries`, { achievementId: ids.pem, note: '能耗指标国内领先，适合化工园区绿氢示范' }, { token: admin.accessToken });
    await t.api.put(`guide-catalogs/${c.body.id}/entries`, { achievementId: ids.tank, note: '储氢密度高，可配套加氢站建设' }, { token: admin.accessToken });
    const wrong = await t.api.put(`guide-catalogs/${c.body.id}/entries`, { achievementId: ids.seed, note: '产业不符' }, { token: admin.accessToken });
    expect(wrong.status).toBe(400);
    expect((await t.api.get(`guide-catalogs/${c.body.id}`)).status).toBe(404);
    const pub = await t.api.post(`guide-catalogs/${c.body.id}/publish`, {}, { token: admin.accessToken });
    expect(pub.body.entries.map((e: any) => e.achievementId)).toEqual([ids.pem, ids.tank]);

    const xlsx = await t.api.get(`guide-catalogs/${c.body.id}/export`, { query: { format: 'xlsx' } });
    expect(xlsx.status).toBe(200);
    expect(String(xlsx.headers['content-type'])).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.raw as any);
    const ws = wb.worksheets[0];
    const values = (r: number) => (ws.getRow(r).values as any[]).slice(1);
    expect(values(1)[0]).toBe('2026年新能源先进适用技术指导目录');
    expect(values(3)).toEqual([1, '质子交换膜电解水制氢关键技术', '华北新能源大学', 'HE', 6, 'license; transfer', 2000000, 'CN202110123456.7', '能耗指标国内领先，适合化工园区绿氢示范']);
    expect(values(4)[6]).toBe('面议');
    expect(ws.rowCount).toBe(4);

    const csv = await t.api.get(`guide-catalogs/${c.body.id}/export`, { query: { format: 'csv' } });
    expect(csv.status).toBe(200);
    const text = csv.raw.toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toContain('70MPa高压储氢瓶制造技术');
  });
});
