import { MovableClock, QueueName, safeJobId } from '@techbridge/platform';
import { createDemand } from '../demand/demand-helpers';
import { eventBody, publishAchievement, START } from '../roadshow/roadshow-helpers';
import { addMember, createTestApp, Session, signInAdmin, signUpOrganisation, TestApp, verifyOrganisation } from '../support/test-app';

const HOUR = 3600_000;
const PARK = 'gaobeidian-innovation';
const Q2 = { from: '2026-03-31T16:00:00Z', to: '2026-06-30T16:00:00Z' };

/**
 * Computed indicators fed by the roadshow and matching contexts, on records made through their own APIs and jobs:
 * a large roadshow held in 2026Q2 with two 1:1 meetings (one intention, one no-show), and the intention moving a
 * broker-pipeline match forward.
 */
describe('monitoring: roadshow and pipeline figures (e2e)', () => {
  let t: TestApp;
  let admin: Session;
  let broker: Session;
  let eventId: string;
  const meetingIds: Record<string, string> = {};
  const line = (r: any, park: string | null, indicator: string) => r.lines.find((l: any) => l.park === park && l.indicator === indicator && l.breakdown === '');

  beforeAll(async () => {
    t = await createTestApp({ worker: true, clock: new MovableClock(START) });
    admin = await signInAdmin(t.api);
    const tti = await signUpOrganisation(t.api, 'transfer-institution', { name: '京南技术转移中心（监测）' });
    await verifyOrganisation(t.api, tti.organisation.id);
    broker = await addMember(t.api, tti, ['broker']);
    const uni = await signUpOrganisation(t.api, 'university', { name: '北京监测测试大学', region: 'BJ' });
    const e0 = await signUpOrganisation(t.api, 'enterprise', { name: '监测洽谈企业甲' });
    const e1 = await signUpOrganisation(t.api, 'enterprise', { name: '监测洽谈企业乙' });
    const achievementId = await publishAchievement(t.api, uni, admin, { title: '氢燃料电池膜电极批量制备技术', industry: 'new-energy', field: 'hydrogen' });
    const demand = await createDemand(t.api, e0, {
      title: '氢燃料电池膜电极国产化', description: '我公司生产氢燃料电池电堆，膜电极依赖进口，需要可批量制备的膜电极技术，铂载量低、寿命长。', keywords: ['膜电极', '氢燃料电池'],
      industry: 'new-energy', field: 'hydrogen', park: PARK,
    });
    await t.drain();

    const created = await t.api.post('roadshows', eventBody({ large: true, maxMeetingsPerEnterprise: 1 }), { token: broker.accessToken });
    expect(created.status).toBe(201);
    eventId = created.body.id;
    await t.api.post(`roadshows/${eventId}/transitions`, { action: 'open-registration' }, { token: broker.accessToken });
    const pres = await t.api.post(`roadshows/${eventId}/presentations`, { achievementId }, { token: uni.accessToken });
    await t.api.post(`roadshows/${eventId}/presentations/${pres.body.id}/decision`, { decision: 'accept' }, { token: broker.accessToken });
    expect((await t.api.post(`roadshows/${eventId}/participants`, { demandIds: [demand.id] }, { token: e0.accessToken })).status).toBe(201);
    expect((await t.api.post(`roadshows/${eventId}/participants`, {}, { token: e1.accessToken })).status).toBe(201);
    for (const s of [e0, e1]) await t.api.post(`roadshows/${eventId}/meeting-requests`, { presentationId: pres.body.id, kind: 'must-meet' }, { token: s.accessToken });
    await t.api.post(`roadshows/${eventId}/transitions`, { action: 'close-registration' }, { token: broker.accessToken });
    await t.drain();

    const meetings = (await t.api.get(`roadshows/${eventId}/meetings`, { token: broker.accessToken })).body.filter((m: any) => m.status === 'scheduled');
    expect(meetings).toHaveLength(2);
    meetingIds.e0 = meetings.find((m: any) => m.enterpriseOrgId === e0.organisation.id).id;
    meetingIds.e1 = meetings.find((m: any) => m.enterpriseOrgId === e1.organisation.id).id;

    // A week after the event the follow-up marks it held; then the organiser records outcomes.
    const ev = (await t.api.get(`roadshows/${eventId}`)).body;
    t.clock.set(new Date(new Date(ev.endsAt).getTime() + 7 * 24 * HOUR).toISOString());
    await (await t.jobs.queue(QueueName.Roadshow).getJob(safeJobId(`roadshow:${eventId}:follow-up`)))!.promote();
    await t.drain();
    expect((await t.api.get(`roadshows/${eventId}`)).body.status).toBe('held');
    expect((await t.api.post(`roadshows/${eventId}/meetings/${meetingIds.e0}/outcome`, { outcome: 'intention' }, { token: broker.accessToken })).status).toBe(200);
    expect((await t.api.post(`roadshows/${eventId}/meetings/${meetingIds.e1}/outcome`, { outcome: 'no-show' }, { token: broker.accessToken })).status).toBe(200);
    await t.drain();
  });
  afterAll(async () => {
    await t.close();
  });

  it('events held, large roadshows, meetings that took place and intentions equal the roadshow records; pipeline steps equal the match history', async () => {
    expect((await t.api.post('monitoring/quarters', { quarter: '2026Q2' }, { token: admin.accessToken })).status).toBe(201);
    expect((await t.api.post('monitoring/quarters/2026Q2/publish', {}, { token: admin.accessToken })).status).toBe(200);
    const report = (await t.api.get('monitoring/reports/2026Q2', { token: admin.accessToken })).body;

    expect(line(report, PARK, 'events-held').value).toBe(1);
    expect(line(report, null, 'large-roadshows-held').value).toBe(1);
    expect(line(report, 'sjz-hitech', 'events-held').value).toBe(0);
    // The no-show is not a meeting that took place.
    expect(line(report, PARK, 'event-meetings').value).toBe(1);
    expect(line(report, PARK, 'event-intentions').value).toBe(1);
    const drill = await t.api.get('monitoring/reports/2026Q2/drill-down', { token: admin.accessToken, query: { indicator: 'event-intentions', park: PARK } });
    expect(drill.body.figure.records).toEqual([{ type: 'meeting', id: meetingIds.e0 }]);
    const eventDrill = await t.api.get('monitoring/reports/2026Q2/drill-down', { token: admin.accessToken, query: { indicator: 'large-roadshows-held' } });
    expect(eventDrill.body.figure.records).toEqual([{ type: 'roadshow-event', id: eventId }]);

    // Pipeline conversion, from the match records and their history in the quarter.
    const [truth] = await t.db.dataSource.query(
      `SELECT (SELECT count(*)::int FROM match WHERE created_at >= $1 AND created_at < $2) AS suggested,
              (SELECT count(DISTINCT match_id)::int FROM match_event WHERE to_status = 'contacted' AND occurred_at >= $1 AND occurred_at < $2) AS contacted,
              (SELECT count(*)::int FROM match_event WHERE to_status = 'signed' AND occurred_at >= $1 AND occurred_at < $2) AS signed`,
      [Q2.from, Q2.to],
    );
    expect(truth.contacted).toBe(1);
    expect(line(report, null, 'matches-suggested').value).toBe(truth.suggested);
    expect(line(report, null, 'matches-contacted').value).toBe(truth.contacted);
    expect(line(report, PARK, 'matches-contacted').value).toBe(truth.contacted);
    expect(line(report, null, 'matches-signed').value).toBe(truth.signed);

    const targets = (await t.api.get('monitoring/targets')).body;
    expect(targets.find((x: any) => x.code === 'large-roadshows')).toMatchObject({ actual: 1, target: 5, progress: 20, achieved: false });
  });
});
