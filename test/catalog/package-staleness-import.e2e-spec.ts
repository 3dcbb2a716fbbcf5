import { SEARCH_INDEX, SearchIndex } from '@techbridge/platform';
import { createTestApp, Session, signInAdmin, signUpOrganisation, TestApp, verifyOrganisation } from '../support/test-app';

const rec = (externalId: string, title: string) => ({
  externalId, source: 'bj-tto-registry', title,
  summary: '膜电极铂载量降低至0.2 mg/cm²，功率密度达到1.2 W/cm²，可应用于氢燃料电池汽车和备用电源。',
  keywords: ['膜电极'], industry: 'new-energy', field: 'hydrogen', trl: 6, transferModes: ['license'], askingPrice: 1200000,
  patents: ['CN202010000001.1'], owner: { name: '技术包导入测试大学', type: 'university', region: 'BJ' },
});

/** A re-import that changes a member achievement also moves the packages listing it to a new version. */
describe('catalog: re-imported members refresh their packages (e2e)', () => {
  let t: TestApp;
  let admin: Session;
  let tti: Session;
  beforeAll(async () => {
    t = await createTestApp({ worker: true });
    admin = await signInAdmin(t.api);
    tti = await signUpOrganisation(t.api, 'transfer-institution', { name: '导入技术包测试中心', region: 'HE' });
    await verifyOrganisation(t.api, tti.organisation.id);
  });
  afterAll(async () => {
    await t.close();
  });

  const importLines = async (records: unknown[]) => {
    const res = await t.api.post('imports/achievements', records.map((r) => JSON.stringify(r)).join('\n') + '\n', {
      token: admin.accessToken, query: { publish: 'true' }, headers: { 'content-type': 'application/x-ndjson' },
    });
    expect(res.status).toBe(202);
    await t.drain();
    const job = await t.api.get(`imports/${res.body.id}`, { token: admin.accessToken });
    expect(job.body).toMatchObject({ status: 'done', failed: 0 });
  };

  it('bumps the package version and re-projects its document', async () => {
    await importLines([rec('pkg-1', '膜电极批量制备技术'), rec('pkg-2', '双极板冲压成型技术')]);
    const found = await t.api.get('achievements', { query: { source: 'bj-tto-registry', pageSize: '10' } });
    const ids = found.body.items.map((a: any) => a.id);
    expect(ids).toHaveLength(2);
    const p = await t.api.post('packages', { title: '燃料电池电堆技术包', theme: '燃料电池', industry: 'new-energy', achievementIds: ids }, { token: tti.accessToken });
    await t.api.post(`packages/${p.body.id}/publish`, {}, { token: tti.accessToken });
    await t.drain();
    const before = (await t.api.get(`packages/${p.body.id}`)).body.version;

    await importLines([rec('pkg-1', '低铂膜电极批量制备技术')]);
    const after = await t.api.get(`packages/${p.body.id}`);
    expect(after.body.version).toBeGreaterThan(before);
    expect(after.body.achievements.map((a: any) => a.title)).toContain('低铂膜电极批量制备技术');
    const search = t.app.get<SearchIndex>(SEARCH_INDEX);
    const doc: any = (await search.search('packages', { limit: 100 })).hits.find((h) => h.document.id === p.body.id)?.document;
    expect(doc.version).toBe(after.body.version);
    expect(doc.achievementTitles).toContain('低铂膜电极批量制备技术');
  });
});
