import { SEARCH_INDEX, SearchIndex, SearchIndexer } from '@techbridge/platform';
import { createTestApp, Session, signInAdmin, signUpOrganisation, TestApp, verifyOrganisation } from '../support/test-app';
import { achievementBody } from './fixtures';

/**
 * A package's search document shows its members' titles and figures: a member's change must give the package a new
 * version, or a lost delivery leaves a stale document the reconciler cannot see.
 */
describe('catalog: package documents follow their member achievements (e2e)', () => {
  let t: TestApp;
  let admin: Session;
  let uni: Session;
  let tti: Session;
  let search: SearchIndex;
  let indexer: SearchIndexer;
  let pkgId: string;
  const ids: Record<string, string> = {};

  const indexedVersion = async (id: string): Promise<number | undefined> => (await search.listVersions('packages', 0, 1000)).find((v) => v.id === id)?.version;
  const packageVersion = async (id: string): Promise<number> => (await t.api.get(`packages/${id}`)).body.version;
  const indexedTitles = async (): Promise<string[]> => {
    const r = await search.search('packages', { limit: 100 });
    return (r.hits.find((h) => h.document.id === pkgId)?.document.achievementTitles as string[] | undefined) ?? [];
  };
  /** A delivery lost between commit and index (crash, engine down): mark everything pending as done without applying it. */
  const loseDeliveries = () => t.db.dataSource.query(`UPDATE outbox_message SET processed_at = now() WHERE processed_at IS NULL AND kind = 'index'`);

  beforeAll(async () => {
    // No worker: the test decides when the outbox relay runs.
    t = await createTestApp();
    search = t.app.get<SearchIndex>(SEARCH_INDEX);
    indexer = t.app.get(SearchIndexer);
    admin = await signInAdmin(t.api);
    uni = await signUpOrganisation(t.api, 'university', { name: '技术包索引测试大学', region: 'HE' });
    tti = await signUpOrganisation(t.api, 'transfer-institution', { name: '技术包索引测试中心', region: 'HE' });
    await verifyOrganisation(t.api, tti.organisation.id);
    for (const [key, title] of [['pem', '质子交换膜电解水制氢关键技术'], ['tank', '70MPa高压储氢瓶制造技术']]) {
      const a = await t.api.post('achievements', achievementBody({ title, field: 'hydrogen', keywords: ['氢能'] }), { token: uni.accessToken });
      await t.api.post(`achievements/${a.body.id}/submit`, {}, { token: uni.accessToken });
      expect((await t.api.post(`achievements/${a.body.id}/approve`, {}, { token: admin.accessToken })).status).toBe(200);
      ids[key] = a.body.id;
    }
    const p = await t.api.post('packages', { title: '氢能制储运技术包', theme: '氢能储运与加注', industry: 'new-energy', achievementIds: [ids.pem, ids.tank] }, { token: tti.accessToken });
    pkgId = p.body.id;
    expect((await t.api.post(`packages/${pkgId}/publish`, {}, { token: tti.accessToken })).status).toBe(200);
    await t.deliver();
  });
  afterAll(async () => {
    await t.close();
  });

  it('an edit of a member achievement bumps the package version, and the relay indexes the new version', async () => {
    const before = await packageVersion(pkgId);
    const updatedAt = (await t.api.get(`packages/${pkgId}`)).body.updatedAt;
    expect(await indexedVersion(pkgId)).toBe(before);

    expect((await t.api.patch(`achievements/${ids.pem}`, { title: 'PEM电解水制氢成套装备' }, { token: uni.accessToken })).status).toBe(200);
    const after = await packageVersion(pkgId);
    expect(after).toBeGreaterThan(before);
    // The curator did not touch the package: its own edit time stays.
    expect((await t.api.get(`packages/${pkgId}`)).body.updatedAt).toBe(updatedAt);
    await t.deliver();
    expect(await indexedVersion(pkgId)).toBe(after);
    expect(await indexedTitles()).toContain('PEM电解水制氢成套装备');
  });

  it('a lost delivery after a member change is found stale by the reconciler and repaired', async () => {
    const before = await packageVersion(pkgId);
    expect((await t.api.patch(`achievements/${ids.tank}`, { title: 'IV型70MPa储氢瓶' }, { token: uni.accessToken })).status).toBe(200);
    await loseDeliveries();
    expect(await indexedVersion(pkgId)).toBe(before);
    expect(await indexedTitles()).not.toContain('IV型70MPa储氢瓶');

    const report = await indexer.reconcile('packages');
    expect(report).toMatchObject({ stale: 1, missing: 0, orphaned: 0 });
    expect(await indexedVersion(pkgId)).toBe(await packageVersion(pkgId));
    expect(await indexedTitles()).toContain('IV型70MPa储氢瓶');
    expect((await indexer.reconcile('packages')).stale).toBe(0);
  });

  it('a member leaving the published catalogue (withdrawn) also bumps the version: figures and titles drop it', async () => {
    const before = await packageVersion(pkgId);
    expect((await t.api.post(`achievements/${ids.tank}/withdraw`, {}, { token: uni.accessToken })).status).toBe(200);
    expect(await packageVersion(pkgId)).toBeGreaterThan(before);
    await loseDeliveries();
    expect((await indexer.reconcile('packages')).stale).toBe(1);
    expect(await indexedTitles()).toEqual(['PEM电解水制氢成套装备']);
  });

  it('achievements outside any package touch no package', async () => {
    const a = await t.api.post('achievements', achievementBody({ title: '不在技术包中的成果' }), { token: uni.accessToken });
    await t.api.post(`achievements/${a.body.id}/submit`, {}, { token: uni.accessToken });
    const before = await packageVersion(pkgId);
    await t.api.post(`achievements/${a.body.id}/approve`, {}, { token: admin.accessToken });
    await t.api.patch(`achievements/${a.body.id}`, { title: '不在技术包中的成果（修订）' }, { token: uni.accessToken });
    expect(await packageVersion(pkgId)).toBe(before);
  });
});
