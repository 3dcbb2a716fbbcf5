import { MovableClock } from '@techbridge/platform';
import { contractBody, makeWorld, registeredContract, submittedContract, World } from '../contracts/contracts-helpers';
import { addMember, createTestApp, Session, signUpOrganisation, TestApp, verifyOrganisation } from '../support/test-app';

/**
 * Each park's three lists: the park administration keeps them (planned → in progress → done / dropped, quarterly
 * updates); a landed deal counts only when it links to a registered contract of that park (or an accepted project of
 * that park), and the completion is public.
 */
describe('programmes: three lists per park and year (e2e)', () => {
  let t: TestApp;
  let w: World;
  let park: Session;
  let otherPark: Session;
  const YEAR = 2026;

  const add = (s: Session, body: Record<string, unknown>, code = 'bd-hitech') => t.api.post(`parks/${code}/three-lists/${YEAR}/items`, body, { token: s.accessToken });
  const step = (s: Session, id: string, body: Record<string, unknown>) => t.api.post(`three-list-items/${id}/steps`, body, { token: s.accessToken });
  const completion = async () => (await t.api.get(`parks/bd-hitech/three-lists/${YEAR}/completion`)).body;

  beforeAll(async () => {
    t = await createTestApp({ worker: true, clock: new MovableClock('2026-10-12T02:00:00Z') });
    w = await makeWorld(t);
    park = await signUpOrganisation(t.api, 'park-administration', { parkCode: 'bd-hitech' });
    await verifyOrganisation(t.api, park.organisation.id);
    otherPark = await signUpOrganisation(t.api, 'park-administration', { parkCode: 'sjz-hitech' });
    await verifyOrganisation(t.api, otherPark.organisation.id);
  }, 300_000);
  afterAll(async () => {
    await t.close();
  });

  it('only the park’s verified administration keeps its lists; a key measure needs an owner and a due date', async () => {
    expect((await add(otherPark, { kind: 'docking', title: '对接氢能储运成果' })).status).toBe(403);
    expect((await add(w.enterprise, { kind: 'docking', title: '对接氢能储运成果' })).status).toBe(403);
    const pending = await signUpOrganisation(t.api, 'park-administration', { parkCode: 'bd-hitech' });
    expect((await add(pending, { kind: 'docking', title: '对接氢能储运成果' })).status).toBe(403);
    const measure = await add(park, { kind: 'measure', title: '设立成果转化专项资金' });
    expect(measure.status).toBe(400);
    expect(measure.body.details[0].field).toBe('owner');
    const ok = await add(park, { kind: 'measure', title: '设立成果转化专项资金', owner: '园区财政局', dueDate: '2026-12-31' });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ kind: 'measure', status: 'planned', owner: '园区财政局', dueDate: '2026-12-31', counts: false });
    // A plain member of the administration keeps the lists too (the lists are the organisation's).
    const clerk = await addMember(t.api, park, ['member']);
    expect((await add(clerk, { kind: 'docking', title: '对接京津高校新材料成果' })).status).toBe(201);
    // Another administration cannot touch an item; the lifecycle refuses skipping a step.
    expect((await step(otherPark, ok.body.id, { action: 'start' })).status).toBe(404);
    const skip = await step(park, ok.body.id, { action: 'complete' });
    expect(skip.status).toBe(409);
    expect(skip.body.currentState).toBe('planned');
  });

  it('a landed deal counts only when it links to a registered contract of this park', async () => {
    const landing = (await add(park, { kind: 'landing', title: '储氢合金专利许可落地' })).body;
    await step(park, landing.id, { action: 'start', quarter: '2026Q3', note: '已签约，待登记' });
    const unlinked = await step(park, landing.id, { action: 'complete', quarter: '2026Q4' });
    expect(unlinked.body).toMatchObject({ status: 'done', linked: false, counts: false, lastQuarter: '2026Q4' });
    const before = await completion();
    expect(before.lists.find((l: any) => l.kind === 'landing')).toMatchObject({ planned: 1, done: 1, counted: 0, ratio: 0 });

    // A contract in the park that is only submitted does not count; registered it does (checked when read).
    const submitted = await submittedContract(t, w.university, contractBody(w, { title: '待登记合同', parkCode: 'bd-hitech', signedOn: '2026-10-01', termFrom: '2026-10-01' }));
    const second = (await add(park, { kind: 'landing', title: '待登记合同落地', contractId: submitted.id })).body;
    expect(second).toMatchObject({ linked: false });
    const registered = await registeredContract(t, w.university, w.reviewer, contractBody(w, { title: '储氢合金专利实施许可', parkCode: 'bd-hitech', signedOn: '2026-10-01', termFrom: '2026-10-01' }));
    const elsewhere = await registeredContract(t, w.university, w.reviewer, contractBody(w, { title: '石家庄园区合同', parkCode: 'sjz-hitech', signedOn: '2026-10-01', termFrom: '2026-10-01' }));
    // A done item takes no more quarterly updates.
    expect((await step(park, landing.id, { action: 'update', note: '关联合同' })).status).toBe(409);
    // A contract registered in another park proves nothing here.
    const third = (await add(park, { kind: 'landing', title: '外园区合同', contractId: elsewhere.id })).body;
    expect(third.linked).toBe(false);
    const fourth = (await add(park, { kind: 'landing', title: '储氢合金专利实施许可落地', contractId: registered.id })).body;
    expect(fourth.linked).toBe(true);
    await step(park, fourth.id, { action: 'start' });
    expect((await step(park, fourth.id, { action: 'complete', quarter: '2026Q4', note: '合同已登记' })).body).toMatchObject({ status: 'done', counts: true });
    await step(park, third.id, { action: 'start' });
    expect((await step(park, third.id, { action: 'complete' })).body.counts).toBe(false);
    await step(park, second.id, { action: 'drop', note: '合同撤回' });

    const after = await completion();
    expect(after.lists.find((l: any) => l.kind === 'landing')).toEqual({ kind: 'landing', planned: 3, done: 3, counted: 1, ratio: 0.3333 });
    // Overall: measure (planned), docking (planned), three landings with one counted: 1 / 5.
    expect(after.overall).toBe(0.2);
    const full = await t.api.get(`parks/bd-hitech/three-lists/${YEAR}`);
    expect(full.body.items).toHaveLength(6);
    expect((await t.api.get(`parks/nowhere/three-lists/${YEAR}`)).status).toBe(400);
  });

  it("feeds monitoring: the quarter's preview carries each park's completion and the portfolio count", async () => {
    expect((await t.api.post('monitoring/quarters', { quarter: '2026Q3' }, { token: w.admin.accessToken })).status).toBe(201);
    const preview = await t.api.get('monitoring/quarters/2026Q3/preview', { token: w.admin.accessToken, query: { park: 'bd-hitech' } });
    expect(preview.status).toBe(200);
    const line = (indicator: string) => preview.body.lines.find((l: any) => l.indicator === indicator && l.park === 'bd-hitech' && l.breakdown === '');
    expect(line('three-list-completion')).toMatchObject({ value: 20, unit: 'percent', recordCount: 6 });
    expect(line('major-projects-in-portfolio')).toMatchObject({ value: 0 });
    const indicators = await t.api.get('monitoring/indicators', { token: w.admin.accessToken });
    expect(indicators.body.map((i: any) => i.code)).toEqual(expect.arrayContaining(['three-list-completion', 'major-projects-in-portfolio']));
  });

  it('a landed deal also counts when it links to an accepted major project of this park, not one still under way', async () => {
    const project = await t.api.post('major-projects', { title: '储氢合金产业化示范项目', summary: '依托储氢合金专利建设示范产线并实现量产。', proposedLevel: 'city' }, { token: park.accessToken });
    expect(project.status).toBe(201);
    const id = project.body.id;
    for (const action of ['shortlist', 'start-notice']) await t.api.post(`major-projects/${id}/transitions`, { action }, { token: w.admin.accessToken });
    const now = t.clock.now();
    t.clock.advance(8 * 86_400_000);
    try {
      expect((await t.api.post(`major-projects/${id}/approval`, { year: YEAR, level: 'city' }, { token: w.admin.accessToken })).status).toBe(200);
      const item = (await add(park, { kind: 'landing', title: '储氢合金示范项目落地', projectId: id })).body;
      await step(park, item.id, { action: 'start' });
      expect((await step(park, item.id, { action: 'complete' })).body).toMatchObject({ linked: false, counts: false });
      await t.api.post(`major-projects/${id}/mid-term-check`, { passed: true, note: '进度符合计划' }, { token: w.admin.accessToken });
      await t.api.post(`major-projects/${id}/transitions`, { action: 'accept', note: '通过验收' }, { token: w.admin.accessToken });
      const items = (await t.api.get(`parks/bd-hitech/three-lists/${YEAR}`)).body.items;
      expect(items.find((i: any) => i.id === item.id)).toMatchObject({ linked: true, counts: true });
      // The same project cited by another park's list proves nothing there.
      const foreign = (await add(otherPark, { kind: 'landing', title: '引用外园区项目', projectId: id }, 'sjz-hitech')).body;
      expect(foreign.linked).toBe(false);
    } finally {
      t.clock.set(now);
    }
  });
});
