import { MovableClock } from '@techbridge/platform';
import { listedListing, listingBody, makeMarketWorld, MarketWorld } from '../market/market-helpers';
import { publishAchievement } from '../roadshow/roadshow-helpers';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * A financing request attaches market listings and major projects besides achievements: only ones the enterprise may
 * reference (its own in any state, or public ones); an unseen one is a 404 naming the field, through the market and
 * programmes facades.
 */
describe('finance: a financing request attaches listings and major projects it may reference', () => {
  let t: TestApp;
  let w: MarketWorld;
  let publicListing: string;
  let draftOfOthers: string;
  let ownDraftListing: string;
  let ownProject: string;
  let othersProject: string;

  const create = (token: string, attach: Record<string, unknown>) =>
    t.api.post('financing-requests', {
      title: '氢能重卡产线扩产融资', summary: '扩建燃料电池系统产线', amount: 6_000_000, stage: 'b', industry: 'new-energy', useOfFunds: '设备与流动资金', ...attach,
    }, { token });

  beforeAll(async () => {
    t = await createTestApp({ clock: new MovableClock('2026-03-02T02:00:00Z') });
    w = await makeMarketWorld(t);
    publicListing = (await listedListing(t, w)).id;
    const other = await t.api.post('market/listings', listingBody(await publishAchievement(t.api, w.university, w.admin)), { token: w.university.accessToken });
    expect(other.status).toBe(201);
    draftOfOthers = other.body.id;
    const own = await t.api.post('market/listings', listingBody(await publishAchievement(t.api, w.enterprise, w.admin)), { token: w.enterprise.accessToken });
    expect(own.status).toBe(201);
    ownDraftListing = own.body.id;

    const propose = (enterpriseIds: string[], title: string) =>
      t.api.post('major-projects', { title, summary: '依托高校燃料电池成果，在园区建设年产 5000 套燃料电池系统产线。', proposedLevel: 'province', enterpriseIds }, { token: w.parkAdmin.accessToken });
    const p1 = await propose([w.enterprise.organisation.id], '氢能重卡燃料电池系统产业化');
    expect(p1.status).toBe(201);
    ownProject = p1.body.id;
    const p2 = await propose([w.enterprise2.organisation.id], '固态电池中试基地');
    othersProject = p2.body.id;
  }, 300_000);
  afterAll(async () => {
    await t?.close();
  });

  it('attaches the enterprise’s own draft listing, a publicly listed one and a project it takes part in', async () => {
    const r = await create(w.enterprise.accessToken, { listingIds: [ownDraftListing, publicListing], majorProjectIds: [ownProject] });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ achievementIds: [], listingIds: [ownDraftListing, publicListing], majorProjectIds: [ownProject] });
    expect((await t.api.get(`financing-requests/${r.body.id}`, { token: w.enterprise.accessToken })).body.majorProjectIds).toEqual([ownProject]);
  });

  it('refuses a request with nothing attached (400) and listings or projects the enterprise may not see (404 naming the field)', async () => {
    const empty = await create(w.enterprise.accessToken, {});
    expect(empty.status).toBe(400);
    expect(empty.body.details[0].field).toBe('achievementIds');

    const draft = await create(w.enterprise.accessToken, { listingIds: [publicListing, draftOfOthers] });
    expect(draft.status).toBe(404);
    expect(draft.body).toMatchObject({ code: 'FINANCING_ATTACHMENT_NOT_FOUND', details: [{ field: 'listingIds[1]' }] });
    // Another enterprise's draft listing is as unseen as one that does not exist.
    expect((await create(w.enterprise2.accessToken, { listingIds: [ownDraftListing] })).status).toBe(404);
    expect((await create(w.enterprise.accessToken, { listingIds: ['6f1c0c3e-5d1b-4f6c-9b7e-000000000001'] })).status).toBe(404);

    const project = await create(w.enterprise.accessToken, { majorProjectIds: [othersProject] });
    expect(project.status).toBe(404);
    expect(project.body.details[0].field).toBe('majorProjectIds[0]');
    expect((await create(w.enterprise.accessToken, { listingIds: ['not-a-uuid'] })).status).toBe(400);
  });

  it('a major project in public notice may be attached by any enterprise', async () => {
    for (const action of ['shortlist', 'start-notice']) {
      expect((await t.api.post(`major-projects/${othersProject}/transitions`, { action }, { token: w.admin.accessToken })).status).toBe(200);
    }
    const r = await create(w.enterprise.accessToken, { majorProjectIds: [othersProject] });
    expect(r.status).toBe(201);
    expect(r.body.majorProjectIds).toEqual([othersProject]);
  });
});
