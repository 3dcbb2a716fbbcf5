import * as ExcelJS from 'exceljs';
import { createTestApp, Session, signInAdmin, signUpOrganisation, TestApp } from '../support/test-app';
import { multipartFile } from './multipart';

const rec = (externalId: string, overrides: Record<string, unknown> = {}) => ({
  externalId,
  source: 'bj-tto-registry',
  title: `氢燃料电池膜电极批量制备技术${externalId}`,
  summary: '膜电极铂载量降低至0.2 mg/cm²，功率密度达到1.2 W/cm²，可应用于氢燃料电池汽车和备用电源。',
  keywords: ['膜电极', '燃料电池'],
  industry: 'new-energy',
  field: 'hydrogen',
  trl: 6,
  transferModes: ['license'],
  askingPrice: 1200000,
  patents: ['CN202010000001.1'],
  fundingSource: 'provincial-program',
  owner: { name: '导入测试大学', type: 'university', region: 'BJ' },
  ...overrides,
});

describe('catalog: bulk import (e2e)', () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp({ worker: true });
    admin = await signInAdmin(t.api);
  });
  afterAll(async () => {
    await t.close();
  });

  async function importNdjson(lines: string[], token: string, query: Record<string, string> = {}) {
    const res = await t.api.post('imports/achievements', lines.join('\n') + '\n', { token, query, headers: { 'content-type': 'application/x-ndjson' } });
    expect(res.status).toBe(202);
    expect(res.body.id).toEqual(expect.any(String));
    await t.drain();
    const job = await t.api.get(`imports/${res.body.id}`, { token });
    expect(job.status).toBe(200);
    return job.body;
  }

  it('stores the good lines, reports the bad ones by line and field, and a re-import updates instead of duplicating', async () => {
    const { title: _omit, ...noTitle } = rec('bad-1');
    const lines = [
      JSON.stringify(rec('good-1')),
      JSON.stringify(noTitle),
      JSON.stringify(rec('bad-2', { industry: 'space-mining', field: undefined })),
      JSON.stringify(rec('bad-3', { trl: 12 })),
      JSON.stringify(rec('bad-4', { askingPrice: -100 })),
      '{"externalId": "broken", "title": ',
      JSON.stringify(rec('good-2', { askingPrice: null, owner: { name: '导入测试研究院', type: 'institute', region: 'TJ' } })),
    ];
    const job = await importNdjson(lines, admin.accessToken);
    expect(job).toMatchObject({ kind: 'achievements', status: 'done', total: 7, processed: 7, created: 2, updated: 0, failed: 5 });
    const byLine = job.errors.map((e: any) => [e.line, e.field]);
    expect(byLine).toEqual([[2, 'title'], [3, 'industry'], [4, 'trl'], [5, 'askingPrice'], [6, '']]);
    expect(job.errors[4].message).toMatch(/invalid JSON/);

    // Stored as submitted (not public yet); owners resolved or created unclaimed.
    const lookup = await t.api.get('achievements', { token: admin.accessToken, query: { source: 'bj-tto-registry', externalId: 'good-1' } });
    expect(lookup.body.total).toBe(1);
    expect(lookup.body.items[0]).toMatchObject({ status: 'submitted', externalId: 'good-1', trl: 6, stage: 'pilot', askingPrice: 1200000, owner: { name: '导入测试大学', claimed: false } });
    expect((await t.api.get('achievements', { query: { source: 'bj-tto-registry', externalId: 'good-1' } })).body.total).toBe(0);
    const [{ n: orgs }] = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM organisation WHERE name IN ('导入测试大学','导入测试研究院') AND NOT claimed`);
    expect(orgs).toBe(2);

    // Re-import the same source + externalId with ?publish=true: updated, published, searchable.
    const again = await importNdjson([JSON.stringify(rec('good-1', { title: '氢燃料电池膜电极批量制备技术（更新）' })), JSON.stringify(rec('good-3'))], admin.accessToken, { publish: 'true' });
    expect(again).toMatchObject({ status: 'done', total: 2, created: 1, updated: 1, failed: 0, publish: true });
    const pub = await t.api.get('achievements', { query: { source: 'bj-tto-registry', externalId: 'good-1' } });
    expect(pub.body.total).toBe(1);
    expect(pub.body.items[0]).toMatchObject({ status: 'published', title: '氢燃料电池膜电极批量制备技术（更新）' });
    const [{ n }] = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM achievement WHERE source = 'bj-tto-registry' AND external_id = 'good-1'`);
    expect(n).toBe(1);
    const search = await t.api.get('search/achievements', { query: { q: '膜电极', region: 'BJ' } });
    if (search.status === 200) expect(search.body.items.map((i: any) => i.id)).toContain(pub.body.items[0].id);
  });

  it('imports CSV and XLSX uploads; an organisation imports only its own achievements and sees only its own imports', async () => {
    const uni = await signUpOrganisation(t.api, 'university', { name: '表格导入大学', region: 'HE' });
    const other = await signUpOrganisation(t.api, 'university');
    const header = 'externalId,source,title,summary,industry,field,trl,askingPrice,keywords,transferModes,owner.name,owner.type,owner.region';
    const csv = [
      header,
      'c-1,he-registry,玉米耐密高产品种,"亩产提高15%，适用于华北平原, 节水20%",modern-agriculture,seed-industry,7,,玉米;育种,license;transfer,表格导入大学,university,HE',
      'c-2,he-registry,小麦节水品种,节水30%，适用于华北平原粮食主产区,modern-agriculture,seed-industry,12,50000,,,表格导入大学,university,HE',
      'c-3,he-registry,别人的成果,节水30%，适用于华北平原粮食主产区,modern-agriculture,,5,,,,另一所大学,university,HE',
    ].join('\r\n');
    const up = multipartFile('file', 'achievements.csv', 'text/csv', Buffer.from(csv, 'utf8'));
    const res = await t.api.post('imports/achievements', up.body, { token: uni.accessToken, headers: up.headers, query: { publish: 'true' } });
    expect(res.status).toBe(202);
    await t.drain();
    const job = (await t.api.get(`imports/${res.body.id}`, { token: uni.accessToken })).body;
    expect(job).toMatchObject({ status: 'done', format: 'csv', total: 3, created: 1, failed: 2, publish: false });
    expect(job.errors.map((e: any) => [e.line, e.field])).toEqual([[3, 'trl'], [4, 'owner.name']]);
    expect((await t.api.get(`imports/${res.body.id}`, { token: other.accessToken })).status).toBe(404);
    const mine = await t.api.get('achievements', { token: uni.accessToken, query: { source: 'he-registry', externalId: 'c-1' } });
    expect(mine.body.items[0]).toMatchObject({ status: 'submitted', keywords: ['玉米', '育种'], negotiable: true, owner: { id: uni.organisation.id } });

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('成果');
    ws.addRow(['externalId', 'source', 'title', 'summary', 'industry', 'trl', 'askingPrice', 'owner.name', 'owner.type', 'owner.region']);
    ws.addRow(['x-1', 'he-registry', '智慧灌溉控制系统', '节水35%，适用于设施农业园区和家庭农场。', 'modern-agriculture', 8, 300000, '表格导入大学', 'university', 'HE']);
    ws.addRow(['c-1', 'he-registry', '玉米耐密高产品种（修订）', '亩产提高18%，适用于华北平原。', 'modern-agriculture', 8, 200000, '表格导入大学', 'university', 'HE']);
    const xlsx = multipartFile('file', 'achievements.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', Buffer.from(await wb.xlsx.writeBuffer()));
    const res2 = await t.api.post('imports/achievements', xlsx.body, { token: uni.accessToken, headers: xlsx.headers });
    expect(res2.status).toBe(202);
    await t.drain();
    const job2 = (await t.api.get(`imports/${res2.body.id}`, { token: uni.accessToken })).body;
    expect(job2).toMatchObject({ status: 'done', format: 'xlsx', total: 2, created: 1, updated: 1, failed: 0 });
    const updated = await t.api.get('achievements', { token: uni.accessToken, query: { source: 'he-registry', externalId: 'c-1' } });
    expect(updated.body.items[0]).toMatchObject({ title: '玉米耐密高产品种（修订）', trl: 8, askingPrice: 200000 });

    const refused = await t.api.post('imports/achievements', '{}', { token: uni.accessToken, headers: { 'content-type': 'application/json' } });
    expect(refused.status).toBe(400);
    expect((await t.api.post('imports/unicorns', '{}\n', { token: uni.accessToken, headers: { 'content-type': 'application/x-ndjson' } })).status).toBe(404);
  });
});
