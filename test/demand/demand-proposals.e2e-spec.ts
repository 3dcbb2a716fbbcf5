import { QueueName, safeJobId } from '@techbridge/platform';
import { jobPayload } from '@techbridge/testing';
import { DemandJobs } from '../../libs/demand/src/demand.jobs';
import { addMember, createTestApp, Session, signUpOrganisation, TestApp, verifyOrganisation } from '../support/test-app';
import { createDemand, dateIn, proposalBody } from './demand-helpers';

describe('demands: solution proposals and expiry (e2e)', () => {
  let t: TestApp;
  let enterprise: Session;
  let stranger: Session;
  let uni1: Session;
  let uni2: Session;
  let institute: Session;
  let assignedBroker: Session;
  let otherBroker: Session;

  beforeAll(async () => {
    t = await createTestApp();
    enterprise = await signUpOrganisation(t.api, 'enterprise', { parkCode: 'bd-hitech' });
    stranger = await signUpOrganisation(t.api, 'enterprise');
    uni1 = await signUpOrganisation(t.api, 'university');
    uni2 = await signUpOrganisation(t.api, 'university');
    institute = await signUpOrganisation(t.api, 'institute');
    const tti = await signUpOrganisation(t.api, 'transfer-institution');
    await verifyOrganisation(t.api, tti.organisation.id);
    assignedBroker = await addMember(t.api, tti, ['broker']);
    otherBroker = await addMember(t.api, tti, ['broker']);
  });
  afterAll(async () => {
    await t.close();
  });

  async function notificationsOf(s: Session, kind: string): Promise<any[]> {
    const res = await t.api.get('notifications', { token: s.accessToken, query: { pageSize: 100 } });
    return res.body.items.filter((n: any) => n.kind === kind);
  }

  it('submit → shortlist → award: the demand goes to in-negotiation and the other proposals are declined', async () => {
    const d = await createDemand(t.api, enterprise, { deadline: dateIn(t.clock.now(), 20) });
    const brokerRes = await t.api.post(`demands/${d.id}/brokers`, { userId: assignedBroker.user.id }, { token: enterprise.accessToken });
    expect(brokerRes.status).toBe(201);
    expect((await t.api.post(`demands/${d.id}/brokers`, { userId: uni1.user.id }, { token: enterprise.accessToken })).status).toBe(400);
    expect((await t.api.post(`demands/${d.id}/brokers`, { userId: otherBroker.user.id }, { token: stranger.accessToken })).status).toBe(404);

    const p1 = await t.api.post(`demands/${d.id}/proposals`, proposalBody(), { token: uni1.accessToken });
    expect(p1.status).toBe(201);
    expect(p1.body.status).toBe('submitted');
    const p2 = await t.api.post(`demands/${d.id}/proposals`, proposalBody({ price: 1_800_000 }), { token: uni2.accessToken });
    const p3 = await t.api.post(`demands/${d.id}/proposals`, proposalBody({ price: null }), { token: institute.accessToken });
    expect([p2.status, p3.status]).toEqual([201, 201]);
    expect((await t.api.post(`demands/${d.id}/proposals`, proposalBody(), { token: uni1.accessToken })).status).toBe(409);
    expect((await t.api.post(`demands/${d.id}/proposals`, proposalBody(), { token: stranger.accessToken })).status).toBe(403);
    expect((await notificationsOf(enterprise, 'demand.proposal-submitted')).length).toBe(3);

    // Who sees what: the enterprise and the assigned broker see all three, a proposer its own, anyone else nothing.
    expect((await t.api.get(`demands/${d.id}/proposals`, { token: enterprise.accessToken })).body).toHaveLength(3);
    expect((await t.api.get(`demands/${d.id}/proposals`, { token: assignedBroker.accessToken })).body).toHaveLength(3);
    expect((await t.api.get(`demands/${d.id}/proposals`, { token: uni1.accessToken })).body.map((p: any) => p.id)).toEqual([p1.body.id]);
    expect((await t.api.get(`demands/${d.id}/proposals`, { token: otherBroker.accessToken })).body).toEqual([]);
    expect((await t.api.get(`proposals/${p1.body.id}`, { token: uni2.accessToken })).status).toBe(404);
    expect((await t.api.get(`proposals/${p1.body.id}`, { token: otherBroker.accessToken })).status).toBe(404);
    expect((await t.api.get(`proposals/${p1.body.id}`, { token: assignedBroker.accessToken })).status).toBe(200);

    // Only the enterprise decides: to everyone else, including the proposer and the broker, it is 404.
    for (const s of [stranger, uni1, assignedBroker]) {
      expect((await t.api.post(`proposals/${p1.body.id}/award`, {}, { token: s.accessToken })).status).toBe(404);
    }
    expect((await t.api.post(`proposals/${p3.body.id}/decline`, {}, { token: enterprise.accessToken })).status).toBe(400);
    const declined = await t.api.post(`proposals/${p3.body.id}/decline`, { reason: '报价不明确' }, { token: enterprise.accessToken });
    expect(declined.body).toEqual(expect.objectContaining({ status: 'declined', declineReason: '报价不明确' }));
    expect((await t.api.post(`proposals/${p1.body.id}/shortlist`, {}, { token: enterprise.accessToken })).body.status).toBe('shortlisted');
    const awarded = await t.api.post(`proposals/${p1.body.id}/award`, {}, { token: enterprise.accessToken });
    expect(awarded.status).toBe(200);
    expect(awarded.body.status).toBe('awarded');

    const demand = await t.api.get(`demands/${d.id}`, { token: enterprise.accessToken });
    expect(demand.body.status).toBe('in-negotiation');
    const other = await t.api.get(`proposals/${p2.body.id}`, { token: uni2.accessToken });
    expect(other.body).toEqual(expect.objectContaining({ status: 'declined', declineReason: 'another proposal awarded' }));
    expect((await notificationsOf(uni1, 'demand.proposal-awarded')).length).toBe(1);
    expect((await notificationsOf(uni2, 'demand.proposal-declined')).length).toBe(1);
    expect((await notificationsOf(institute, 'demand.proposal-declined')).length).toBe(1);

    // Decided proposals and a demand in negotiation refuse further steps with 409.
    const twice = await t.api.post(`proposals/${p2.body.id}/award`, {}, { token: enterprise.accessToken });
    expect(twice.status).toBe(409);
    const late = await t.api.post(`demands/${d.id}/proposals`, proposalBody(), { token: institute.accessToken });
    expect(late.status).toBe(409);
    expect(late.body.currentState).toBe('in-negotiation');
    expect((await t.api.post(`demands/${d.id}/solve`, {}, { token: enterprise.accessToken })).body.status).toBe('solved');
  });

  it('refuses proposals on an unpublished demand (404: a draft is not revealed), after the deadline (409), and bad proposals (400)', async () => {
    const draft = await createDemand(t.api, enterprise, {}, false);
    const onDraft = await t.api.post(`demands/${draft.id}/proposals`, proposalBody(), { token: uni1.accessToken });
    expect(onDraft.status).toBe(404);
    expect(onDraft.body.currentState).toBeUndefined();

    const d = await createDemand(t.api, enterprise, { deadline: dateIn(t.clock.now(), 5) });
    const bad = await t.api.post(`demands/${d.id}/proposals`, proposalBody({ price: -5, approach: 'short' }), { token: uni1.accessToken });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((x: any) => x.field)).toEqual(expect.arrayContaining(['price', 'approach']));
    const foreignAchievement = await t.api.post(`demands/${d.id}/proposals`, proposalBody({ achievementIds: ['00000000-0000-4000-8000-000000000000'] }), { token: uni1.accessToken });
    expect(foreignAchievement.status).toBe(400);
    expect(foreignAchievement.body.details[0].field).toBe('achievementIds[0]');

    t.clock.advance(7 * 86_400_000);
    try {
      const late = await t.api.post(`demands/${d.id}/proposals`, proposalBody(), { token: uni1.accessToken });
      expect(late.status).toBe(409);
      expect(late.body.code).toBe('DEADLINE_PASSED');
    } finally {
      t.clock.advance(-7 * 86_400_000);
    }
  });

  it('expires at the deadline through a delayed job; a moved deadline re-schedules and the old job skips', async () => {
    const now = t.clock.now();
    const d = await createDemand(t.api, enterprise, { deadline: dateIn(now, 10) });
    await t.deliver();
    const deadlineMs = Date.parse(d.deadlineAt);
    const queue = t.jobs.queue(QueueName.Lifecycle);
    const job = await queue.getJob(safeJobId(`demand:${d.id}:expire:${deadlineMs}`));
    expect(job).toBeTruthy();
    expect(await job!.getState()).toBe('delayed');
    // The delay is the time from publication to the deadline (a few seconds of slack for the relay).
    expect(Math.abs(job!.opts.delay! - (deadlineMs - now.getTime()))).toBeLessThan(5_000);
    // Publication also asked the matching context, through the outbox, to compute this demand's matches.
    const matching = await t.jobs.queue(QueueName.Matching).getJob(safeJobId(`demand:${d.id}:matches:${d.version}`));
    expect(matching?.name).toBe('matching.compute-demand-matches');
    expect(jobPayload(matching?.data)).toEqual({ demandId: d.id });

    // Move the deadline: a new delayed job for the new instant.
    const moved = await t.api.patch(`demands/${d.id}`, { deadline: dateIn(now, 20) }, { token: enterprise.accessToken });
    expect(moved.status).toBe(200);
    await t.deliver();
    const newDeadlineMs = Date.parse(moved.body.deadlineAt);
    expect(await queue.getJob(safeJobId(`demand:${d.id}:expire:${newDeadlineMs}`))).toBeTruthy();

    const jobs = t.app.get(DemandJobs);
    // Before any deadline: nothing happens.
    expect(await jobs.expire({ demandId: d.id })).toEqual({ outcome: 'skipped' });
    // The old job fires at the old deadline: the demand has moved on (new deadline), so it skips.
    t.clock.set(new Date(deadlineMs + 1000));
    expect(await jobs.expire({ demandId: d.id })).toEqual({ outcome: 'skipped' });
    t.clock.set(new Date(newDeadlineMs + 1000));
    try {
      expect(await jobs.expire({ demandId: d.id })).toEqual({ outcome: 'expired' });
      expect(await jobs.expire({ demandId: d.id })).toEqual({ outcome: 'skipped' });
      const after = await t.api.get(`demands/${d.id}`, { token: enterprise.accessToken });
      expect(after.body.status).toBe('expired');
      expect((await notificationsOf(enterprise, 'demand.expired')).length).toBe(1);
      await t.deliver();
      const search = await t.api.get('search/demands', { token: enterprise.accessToken, query: { q: d.title } });
      expect(search.body.items.map((i: any) => i.id)).not.toContain(d.id);
    } finally {
      t.clock.set(now);
    }
  });

  it('keeps a demand with open proposals published after its deadline so the enterprise can still award', async () => {
    const now = t.clock.now();
    const d = await createDemand(t.api, enterprise, { deadline: dateIn(now, 3) });
    const p = await t.api.post(`demands/${d.id}/proposals`, proposalBody(), { token: uni2.accessToken });
    t.clock.set(new Date(Date.parse(d.deadlineAt) + 1000));
    try {
      expect(await t.app.get(DemandJobs).expire({ demandId: d.id })).toEqual({ outcome: 'awaiting-decision' });
      expect((await t.api.post(`proposals/${p.body.id}/award`, {}, { token: enterprise.accessToken })).status).toBe(200);
      expect((await t.api.get(`demands/${d.id}`)).body.status).toBe('in-negotiation');
    } finally {
      t.clock.set(now);
    }
  });
});
