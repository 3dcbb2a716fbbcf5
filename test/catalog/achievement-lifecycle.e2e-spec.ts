import { SEARCH_INDEX, SearchIndex } from '@techbridge/platform';
import { addMember, createTestApp, Session, signInAdmin, signUpOrganisation, TestApp, verifyOrganisation } from '../support/test-app';
import { achievementBody } from './fixtures';

describe('catalog: achievement lifecycle and permissions (e2e)', () => {
  let t: TestApp;
  let admin: Session;
  let uni: Session;
  let otherUni: Session;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await signInAdmin(t.api);
    uni = await signUpOrganisation(t.api, 'university', { name: '北京理工测试大学', region: 'BJ' });
    otherUni = await signUpOrganisation(t.api, 'university', { name: '天津测试大学', region: 'TJ' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('draft → submitted (with quality warnings) → returned with comments → resubmitted → published, indexed; illegal steps are 409', async () => {
    const created = await t.api.post('achievements', achievementBody({ summary: '一种新型电池材料的制备方法，性能优良，拥有专利。', patents: [] }), { token: uni.accessToken });
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('draft');
    expect(created.body.stage).toBe('pilot');
    expect(created.body.owner).toMatchObject({ id: uni.organisation.id, name: '北京理工测试大学', type: 'university', region: 'BJ' });
    const id = created.body.id;

    // Approving a draft is not a step of the lifecycle.
    const early = await t.api.post(`achievements/${id}/approve`, {}, { token: admin.accessToken });
    expect(early.status).toBe(409);
    expect(early.body.currentState).toBe('draft');

    const submitted = await t.api.post(`achievements/${id}/submit`, {}, { token: uni.accessToken });
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe('submitted');
    expect(submitted.body.qualityWarnings.map((w: any) => w.code).sort()).toEqual(['NO_APPLICATION_SCENARIO', 'NO_QUANTIFIED_INDICATOR', 'PATENT_NUMBER_MISSING']);
    expect(submitted.body.qualityWarnings[0].zh).toBeTruthy();

    // Under review the content is frozen, and submitting twice is illegal.
    const frozen = await t.api.patch(`achievements/${id}`, { title: '改个标题' }, { token: uni.accessToken });
    expect(frozen.status).toBe(409);
    expect(frozen.body.currentState).toBe('submitted');
    const twice = await t.api.post(`achievements/${id}/submit`, {}, { token: uni.accessToken });
    expect(twice.status).toBe(409);
    expect(twice.body.currentState).toBe('submitted');

    // The owner cannot review itself; a return needs comments.
    expect((await t.api.post(`achievements/${id}/approve`, {}, { token: uni.accessToken })).status).toBe(403);
    const noComment = await t.api.post(`achievements/${id}/return`, {}, { token: admin.accessToken });
    expect(noComment.status).toBe(400);
    expect(noComment.body.details.map((d: any) => d.field)).toContain('comment');

    const returned = await t.api.post(`achievements/${id}/return`, { comment: '请补充量化指标、应用场景和专利号' }, { token: admin.accessToken });
    expect(returned.status).toBe(200);
    expect(returned.body.status).toBe('returned');
    const ownerView = await t.api.get(`achievements/${id}`, { token: uni.accessToken });
    expect(ownerView.body.reviewComment).toBe('请补充量化指标、应用场景和专利号');

    const fixed = await t.api.patch(`achievements/${id}`, { summary: achievementBody().summary, patents: ['CN202110123456.7'] }, { token: uni.accessToken });
    expect(fixed.status).toBe(200);
    const resubmitted = await t.api.post(`achievements/${id}/resubmit`, {}, { token: uni.accessToken });
    expect(resubmitted.status).toBe(200);
    expect(resubmitted.body.qualityWarnings).toEqual([]);

    // Unpublished: invisible to the public and to other organisations.
    expect((await t.api.get(`achievements/${id}`)).status).toBe(404);
    expect((await t.api.get(`achievements/${id}`, { token: otherUni.accessToken })).status).toBe(404);

    const published = await t.api.post(`achievements/${id}/approve`, { comment: '同意发布' }, { token: admin.accessToken });
    expect(published.status).toBe(200);
    expect(published.body.status).toBe('published');
    expect(published.body.publishedAt).toBeTruthy();

    const history = await t.api.get(`achievements/${id}/events`, { token: uni.accessToken });
    expect(history.body.map((e: any) => e.action)).toEqual(['submit', 'return', 'resubmit', 'approve']);
    expect(history.body[1].comment).toBe('请补充量化指标、应用场景和专利号');

    await t.deliver();
    const publicView = await t.api.get(`achievements/${id}`);
    expect(publicView.status).toBe(200);
    expect(publicView.body.contact).toBeNull();
    expect(publicView.body.viewCount).toBe(1);
    const search = t.app.get<SearchIndex>(SEARCH_INDEX);
    const found = await search.search('achievements', { filter: { field: 'ownerId', eq: uni.organisation.id } });
    expect(found.hits.map((h) => h.document.id)).toEqual([id]);
    expect(found.hits[0].document).toMatchObject({ id, ownerName: '北京理工测试大学', ownerRegion: 'BJ', negotiable: false, askingPrice: 3500000, fiscallyFunded: true, hasPatent: true, stage: 'pilot' });

    const withdrawn = await t.api.post(`achievements/${id}/withdraw`, {}, { token: uni.accessToken });
    expect(withdrawn.body.status).toBe('withdrawn');
    const again = await t.api.post(`achievements/${id}/transferred`, {}, { token: uni.accessToken });
    expect(again.status).toBe(409);
    expect(again.body.currentState).toBe('withdrawn');
    expect((await t.api.get(`achievements/${id}`)).status).toBe(404);
    await t.deliver();
    expect((await search.search('achievements', { filter: { field: 'ownerId', eq: uni.organisation.id } })).total).toBe(0);
  });

  it('another university editing a published achievement gets 404; the public list shows only published', async () => {
    const a = await t.api.post('achievements', achievementBody({ title: '可见性测试成果甲' }), { token: uni.accessToken });
    const b = await t.api.post('achievements', achievementBody({ title: '可见性测试成果乙' }), { token: uni.accessToken });
    await t.api.post(`achievements/${a.body.id}/submit`, {}, { token: uni.accessToken });
    await t.api.post(`achievements/${a.body.id}/approve`, {}, { token: admin.accessToken });

    const foreignEdit = await t.api.patch(`achievements/${a.body.id}`, { title: '被篡改' }, { token: otherUni.accessToken });
    expect(foreignEdit.status).toBe(404);
    expect((await t.api.post(`achievements/${a.body.id}/withdraw`, {}, { token: otherUni.accessToken })).status).toBe(404);
    expect((await t.api.patch(`achievements/${b.body.id}`, { title: '被篡改' }, { token: otherUni.accessToken })).status).toBe(404);

    const ownEdit = await t.api.patch(`achievements/${a.body.id}`, { askingPrice: null }, { token: uni.accessToken });
    expect(ownEdit.status).toBe(200);
    expect(ownEdit.body.negotiable).toBe(true);
    expect(ownEdit.body.version).toBeGreaterThan(a.body.version);

    const pub = await t.api.get('achievements', { query: { owner: uni.organisation.id, pageSize: 100 } });
    expect(pub.status).toBe(200);
    expect(pub.body.items.every((x: any) => x.status === 'published')).toBe(true);
    expect(pub.body.items.map((x: any) => x.title)).toContain('可见性测试成果甲');
    expect(pub.body.items.map((x: any) => x.title)).not.toContain('可见性测试成果乙');
    const mine = await t.api.get('achievements', { token: uni.accessToken, query: { owner: uni.organisation.id, status: 'draft' } });
    expect(mine.body.items.map((x: any) => x.title)).toContain('可见性测试成果乙');
    const theirs = await t.api.get('achievements', { token: otherUni.accessToken, query: { owner: uni.organisation.id, status: 'draft' } });
    expect(theirs.body.total).toBe(0);

    const interest = await t.api.post(`achievements/${a.body.id}/interest`, {}, { token: otherUni.accessToken });
    expect(interest.body).toEqual({ interestCount: 1, added: true });
    expect((await t.api.post(`achievements/${a.body.id}/interest`, {}, { token: otherUni.accessToken })).body.added).toBe(false);
  });

  it('a park reviewer reviews only the key industries of its park; bad input is 400 by field', async () => {
    const park = await signUpOrganisation(t.api, 'park-administration', { parkCode: 'zhuozhou-agri' });
    await verifyOrganisation(t.api, park.organisation.id);
    const reviewer = await addMember(t.api, park, ['reviewer']);
    const agri = await t.api.post('achievements', achievementBody({ title: '玉米耐密高产品种选育技术', industry: 'modern-agriculture', field: 'seed-industry' }), { token: uni.accessToken });
    const pv = await t.api.post('achievements', achievementBody({ title: '光伏逆变器技术' }), { token: uni.accessToken });
    for (const x of [agri, pv]) await t.api.post(`achievements/${x.body.id}/submit`, {}, { token: uni.accessToken });
    const queue = await t.api.get('achievements', { token: reviewer.accessToken, query: { reviewQueue: true } });
    expect(queue.body.items.map((x: any) => x.id)).toContain(agri.body.id);
    expect(queue.body.items.map((x: any) => x.id)).not.toContain(pv.body.id);
    expect((await t.api.post(`achievements/${pv.body.id}/approve`, {}, { token: reviewer.accessToken })).status).toBe(404);
    expect((await t.api.post(`achievements/${agri.body.id}/approve`, {}, { token: reviewer.accessToken })).status).toBe(200);

    const bad = await t.api.post('achievements', achievementBody({ trl: 12, industry: 'space-mining', askingPrice: -5 }), { token: uni.accessToken });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: any) => d.field).sort()).toEqual(expect.arrayContaining(['askingPrice', 'industry', 'trl']));
    const wrongField = await t.api.post('achievements', achievementBody({ industry: 'digital', field: 'photovoltaics' }), { token: uni.accessToken });
    expect(wrongField.status).toBe(400);
    expect(wrongField.body.details[0].field).toBe('field');
  });

  it('serves the taxonomy in zh and en', async () => {
    const tax = await t.api.get('taxonomy');
    expect(tax.status).toBe(200);
    expect(tax.body.industries).toHaveLength(9);
    expect(tax.body.industries.find((i: any) => i.code === 'new-energy').fields.map((f: any) => f.code)).toContain('hydrogen');
    expect(tax.body.parks).toHaveLength(11);
    expect(tax.body.trlLevels).toHaveLength(9);
    expect(tax.body.transferModes.find((m: any) => m.code === 'license')).toMatchObject({ zh: '许可他人使用', en: 'Licence' });
    expect(tax.body.pricingMethods.map((m: any) => m.code)).toEqual(['negotiated', 'listing', 'auction']);
    expect(tax.body.contractTypes.length).toBeGreaterThan(3);
  });
});
