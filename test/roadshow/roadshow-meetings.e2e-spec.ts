import { MovableClock, QueueName, safeJobId } from '@techbridge/platform';
import { jobPayload } from '@techbridge/testing';
import { addMember, createTestApp, Session, signInAdmin, signUpOrganisation, TestApp, verifyOrganisation } from '../support/test-app';
import { createDemand } from '../demand/demand-helpers';
import { eventBody, publishAchievement, START } from './roadshow-helpers';

const HOUR = 3600_000;
const reminderId = (meetingId: string, lead: '24h' | '1h') => safeJobId(`roadshow:meeting:${meetingId}:remind-${lead}`);

function overlaps(a: { startsAt: string; endsAt: string }, b: { startsAt: string; endsAt: string }): boolean {
  return a.startsAt < b.endsAt && b.startsAt < a.endsAt;
}

describe('roadshow: presentations, agenda, 1:1 scheduling, reminders, re-planning, follow-up and report (e2e)', () => {
  let t: TestApp;
  let admin: Session;
  let tti: Session;
  let broker: Session;
  let u1: Session;
  let u2: Session;
  let u3: Session;
  const e: Session[] = [];
  let eventId: string;
  const pres: Record<string, string> = {};
  let meetings: any[] = [];
  let demandId: string;
  const achievements: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp({ worker: true, clock: new MovableClock(START) });
    admin = await signInAdmin(t.api);
    tti = await signUpOrganisation(t.api, 'transfer-institution', { name: '京南技术转移中心' });
    await verifyOrganisation(t.api, tti.organisation.id);
    broker = await addMember(t.api, tti, ['broker']);
    u1 = await signUpOrganisation(t.api, 'university', { name: '北京测试大学', region: 'BJ' });
    u2 = await signUpOrganisation(t.api, 'university', { name: '天津测试大学', region: 'TJ' });
    u3 = await signUpOrganisation(t.api, 'institute', { name: '河北测试研究院', region: 'HE' });
    for (let i = 0; i < 4; i++) e.push(await signUpOrganisation(t.api, 'enterprise', { name: `洽谈测试企业${i}` }));
  });
  afterAll(async () => {
    await t.close();
  });

  it('owners apply, the organiser invites and decides; only allowed steps', async () => {
    const A1 = await publishAchievement(t.api, u1, admin, { title: '氢燃料电池膜电极批量制备技术', industry: 'new-energy', field: 'hydrogen' });
    const A2 = await publishAchievement(t.api, u1, admin, { title: '工业互联网边缘计算网关', industry: 'digital', field: 'cloud-computing', keywords: ['边缘计算'] });
    const B1 = await publishAchievement(t.api, u2, admin, { title: '钠离子电池正极材料', industry: 'new-energy', field: 'energy-storage' });
    const C1 = await publishAchievement(t.api, u3, admin, { title: '工业视觉缺陷检测算法', industry: 'digital', field: 'artificial-intelligence', keywords: ['机器视觉'] });
    Object.assign(achievements, { A1, A2, B1, C1 });
    const created = await t.api.post('roadshows', eventBody({ maxMeetingsPerEnterprise: 1 }), { token: broker.accessToken });
    expect(created.status).toBe(201);
    eventId = created.body.id;
    await t.api.post(`roadshows/${eventId}/transitions`, { action: 'open-registration' }, { token: broker.accessToken });

    const a1 = await t.api.post(`roadshows/${eventId}/presentations`, { achievementId: A1 }, { token: u1.accessToken });
    expect(a1.status).toBe(201);
    expect(a1.body).toMatchObject({ status: 'applied', origin: 'application', industry: 'new-energy', presenterOrgId: u1.organisation.id });
    pres.A1 = a1.body.id;
    // Someone else's achievement cannot be presented; the same one twice is a conflict.
    const foreign = await t.api.post(`roadshows/${eventId}/presentations`, { achievementId: B1 }, { token: u1.accessToken });
    expect(foreign.status).toBe(400);
    expect(foreign.body.details[0].field).toBe('achievementId');
    expect((await t.api.post(`roadshows/${eventId}/presentations`, { achievementId: A1 }, { token: u1.accessToken })).status).toBe(409);
    pres.A2 = (await t.api.post(`roadshows/${eventId}/presentations`, { achievementId: A2 }, { token: u1.accessToken })).body.id;
    pres.B1 = (await t.api.post(`roadshows/${eventId}/presentations`, { achievementId: B1 }, { token: u2.accessToken })).body.id;
    const invite = await t.api.post(`roadshows/${eventId}/invitations`, { achievementId: C1 }, { token: broker.accessToken });
    expect(invite.body).toMatchObject({ status: 'invited', presenterOrgId: u3.organisation.id });
    pres.C1 = invite.body.id;

    // An applicant cannot accept its own application; the organiser cannot accept an invitation on the owner's behalf.
    const selfAccept = await t.api.post(`roadshows/${eventId}/presentations/${pres.A1}/decision`, { decision: 'accept' }, { token: u1.accessToken });
    expect(selfAccept.status).toBe(409);
    expect(selfAccept.body.currentState).toBe('applied');
    expect((await t.api.post(`roadshows/${eventId}/presentations/${pres.C1}/decision`, { decision: 'accept' }, { token: broker.accessToken })).status).toBe(409);
    for (const k of ['A1', 'A2', 'B1']) {
      const r = await t.api.post(`roadshows/${eventId}/presentations/${pres[k]}/decision`, { decision: 'accept' }, { token: broker.accessToken });
      expect(r.body.status).toBe('accepted');
    }
    expect((await t.api.post(`roadshows/${eventId}/presentations/${pres.C1}/decision`, { decision: 'accept' }, { token: u3.accessToken })).body.status).toBe('accepted');
    const programme = await t.api.get(`roadshows/${eventId}/presentations`);
    expect(programme.body).toHaveLength(4);
  });

  it('enterprises register and rank presenters; the organiser adds suggestions from match scores', async () => {
    const demand = await createDemand(t.api, e[0], {
      title: '氢燃料电池膜电极国产化',
      description: '我公司生产氢燃料电池电堆，膜电极依赖进口，成本高、交期长，需要可批量制备的膜电极技术，铂载量低、寿命长，愿意技术转让或联合开发。',
      keywords: ['膜电极', '氢燃料电池'],
      industry: 'new-energy',
      field: 'hydrogen',
      park: 'gaobeidian-innovation',
    });
    demandId = demand.id;
    // Only an enterprise's own demands can be brought along.
    const foreignDemand = await t.api.post(`roadshows/${eventId}/participants`, { demandIds: [demandId] }, { token: e[1].accessToken });
    expect(foreignDemand.status).toBe(400);
    expect(foreignDemand.body.details[0].field).toBe('demandIds[0]');
    // e0 can only meet late in the morning (slots 4-8 = 10:20-12:00).
    expect((await t.api.post(`roadshows/${eventId}/participants`, { industries: ['new-energy'], demandIds: [demandId], availableSlots: [4, 5, 6, 7, 8] }, { token: e[0].accessToken })).status).toBe(201);
    const badSlot = await t.api.post(`roadshows/${eventId}/participants`, { availableSlots: [0, 99] }, { token: e[1].accessToken });
    expect(badSlot.status).toBe(400);
    expect(badSlot.body.details[0].field).toBe('availableSlots[1]');
    for (const s of e.slice(1)) expect((await t.api.post(`roadshows/${eventId}/participants`, {}, { token: s.accessToken })).status).toBe(201);

    const req = (s: Session, presentationId: string, kind: string) => t.api.post(`roadshows/${eventId}/meeting-requests`, { presentationId, kind }, { token: s.accessToken });
    expect((await req(e[0], pres.A1, 'must-meet')).status).toBe(201);
    expect((await req(e[1], pres.A1, 'must-meet')).status).toBe(201);
    expect((await req(e[1], pres.B1, 'would-like')).status).toBe(201);
    expect((await req(e[2], pres.A2, 'would-like')).status).toBe(201);
    expect((await req(e[2], pres.A2, 'wish')).status).toBe(400);
    // Not a participant: no requests.
    expect((await req(u2, pres.A1, 'must-meet')).status).toBe(403);

    const sugg = await t.api.post(`roadshows/${eventId}/meeting-suggestions`, { suggestions: [{ enterpriseOrgId: e[3].organisation.id, presentationId: pres.B1, score: 80 }, { enterpriseOrgId: e[0].organisation.id, presentationId: pres.A1, score: 90 }] }, { token: broker.accessToken });
    expect(sugg.status).toBe(201);
    // The enterprise's own must-meet for (e0, A1) is kept; only the new pair is added, below any wish.
    expect(sugg.body).toHaveLength(1);
    expect(sugg.body[0]).toMatchObject({ kind: 'suggestion', priority: 0.8, matchScore: 80 });
    // Without explicit pairs the matching engine scores e0's demand against every accepted achievement.
    const auto = await t.api.post(`roadshows/${eventId}/meeting-suggestions`, { minScore: 0 }, { token: broker.accessToken });
    expect(auto.status).toBe(201);
    expect(auto.body.every((r: any) => r.enterpriseOrgId === e[0].organisation.id && r.kind === 'suggestion' && r.priority <= 1)).toBe(true);
    // (e0, A1) is already e0's own must-meet and stays so; the others become suggestions.
    expect(auto.body.map((r: any) => r.presentationId).sort()).toEqual([pres.A2, pres.B1, pres.C1].sort());
    // Withdraw them again (as an organiser would after review) so the schedule below stays small and readable.
    // Another enterprise cannot see them (404); the organiser cannot withdraw an enterprise's own wish (403).
    const mustMeet = (await t.api.get(`roadshows/${eventId}/meeting-requests`, { token: e[1].accessToken })).body.find((r: any) => r.kind === 'must-meet');
    expect((await t.api.delete(`roadshows/${eventId}/meeting-requests/${auto.body[0].id}`, { token: e[2].accessToken })).status).toBe(404);
    const notTheirs = await t.api.delete(`roadshows/${eventId}/meeting-requests/${mustMeet.id}`, { token: broker.accessToken });
    expect(notTheirs.status).toBe(403);
    expect(notTheirs.body.error).toBeDefined();
    for (const r of auto.body) {
      const withdrawn = await t.api.delete(`roadshows/${eventId}/meeting-requests/${r.id}`, { token: broker.accessToken });
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body).toEqual({ requestId: r.id, outcome: 'deleted', replan: null });
    }
    // Before scheduling a withdrawal is a plain delete: withdrawing again finds nothing.
    expect((await t.api.delete(`roadshows/${eventId}/meeting-requests/${auto.body[0].id}`, { token: broker.accessToken })).status).toBe(404);
    expect((await t.api.get(`roadshows/${eventId}/meeting-requests`, { token: broker.accessToken })).body).toHaveLength(5);
    expect((await t.api.get(`roadshows/${eventId}/meeting-requests`, { token: e[1].accessToken })).body).toHaveLength(2);
  });

  it('closing registration builds the agenda by theme (no presenter in parallel sessions), then schedules meetings deterministically', async () => {
    const closed = await t.api.post(`roadshows/${eventId}/transitions`, { action: 'close-registration' }, { token: broker.accessToken });
    expect(closed.body.status).toBe('scheduled');
    await t.drain();

    const agenda = await t.api.get(`roadshows/${eventId}/agenda`);
    expect(agenda.body.builtAt).toBeTruthy();
    expect(agenda.body.unplaced).toEqual([]);
    for (const s of agenda.body.sessions) expect(new Set(s.presentations.map((p: any) => p.industry))).toEqual(new Set([s.theme]));
    const energy = agenda.body.sessions.find((s: any) => s.theme === 'new-energy');
    const digital = agenda.body.sessions.find((s: any) => s.theme === 'digital');
    expect(energy.presentations.map((p: any) => p.id).sort()).toEqual([pres.A1, pres.B1].sort());
    // u1 presents in both themes: the two sessions must not run in parallel.
    expect(overlaps(energy, digital)).toBe(false);

    const event = await t.api.get(`roadshows/${eventId}`);
    expect(event.body.meetingsScheduledAt).toBeTruthy();
    const all = await t.api.get(`roadshows/${eventId}/meetings`, { token: broker.accessToken });
    meetings = all.body;
    // Each enterprise has one meeting (capacity 1): e0-u1, e1-u1 (must-meet beats would-like), e2-u1, e3-u2.
    expect(meetings).toHaveLength(4);
    const byEnterprise = new Map(meetings.map((m: any) => [m.enterpriseOrgId, m]));
    expect(byEnterprise.get(e[1].organisation.id).presentationId).toBe(pres.A1);
    expect(byEnterprise.get(e[3].organisation.id).presentationId).toBe(pres.B1);
    // Nobody double-booked, tables within the count, e0 within its availability.
    const seen = new Set<string>();
    for (const m of meetings) {
      for (const key of [`${m.enterpriseOrgId}@${m.slotIndex}`, `${m.presenterOrgId}@${m.slotIndex}`, `table${m.table}@${m.slotIndex}`]) {
        expect(seen.has(key)).toBe(false);
        seen.add(key);
      }
      expect(m.table).toBeGreaterThanOrEqual(1);
      expect(m.table).toBeLessThanOrEqual(2);
    }
    expect(byEnterprise.get(e[0].organisation.id).slotIndex).toBeGreaterThanOrEqual(4);
    // Presenters never meet while presenting.
    const talks = agenda.body.sessions.flatMap((s: any) => s.presentations);
    for (const m of meetings) for (const p of talks.filter((x: any) => x.presenterOrgId === m.presenterOrgId)) expect(overlaps(m, p)).toBe(false);
    // Re-running the scheduler on the same input gives the same schedule.
    const again = await t.api.get(`roadshows/${eventId}/schedule-preview`, { token: broker.accessToken });
    const third = await t.api.get(`roadshows/${eventId}/schedule-preview`, { token: broker.accessToken });
    expect(third.body.meetings).toEqual(again.body.meetings);
    expect(again.body.meetings.map((m: any) => `${m.requestId}/${m.slotIndex}/${m.table}`).sort()).toEqual(meetings.map((m: any) => `${m.requestId}/${m.slotIndex}/${m.table}`).sort());
    expect(again.body.stats.ratio).toBe(1);

    const [{ n }] = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM notification WHERE kind = 'roadshow.schedule-ready' AND data->>'eventId' = $1`, [eventId]);
    expect(n).toBe(6); // 4 enterprises, u1, u2 (u3 has no meeting and presents only: it is told by the agenda notice)
  });

  it('each meeting has reminders 24 h and 1 h before, with exact delays on the movable clock', async () => {
    const queue = t.jobs.queue(QueueName.Roadshow);
    for (const m of meetings) {
      const j24 = await queue.getJob(reminderId(m.id, '24h'));
      const j1 = await queue.getJob(reminderId(m.id, '1h'));
      expect(await j24!.getState()).toBe('delayed');
      expect(j24!.opts.delay).toBe(new Date(m.startsAt).getTime() - 24 * HOUR - new Date(START).getTime());
      expect(j1!.opts.delay).toBe(new Date(m.startsAt).getTime() - HOUR - new Date(START).getTime());
      expect(jobPayload(j1!.data)).toEqual({ meetingId: m.id, lead: '1h' });
    }
    // Fire one reminder now: both parties of that meeting are told, nobody else.
    const target = meetings[0];
    await (await queue.getJob(reminderId(target.id, '24h')))!.promote();
    await t.drain();
    const rows = await t.db.dataSource.query(`SELECT recipient_org_id FROM notification WHERE kind = 'roadshow.meeting-reminder' ORDER BY 1`);
    expect(rows.map((r: any) => r.recipient_org_id).sort()).toEqual([target.enterpriseOrgId, target.presenterOrgId].sort());
  });

  it('each participant gets its schedule as JSON and as an ICS calendar', async () => {
    const mine = await t.api.get(`roadshows/${eventId}/my-schedule`, { token: e[0].accessToken });
    expect(mine.body.meetings).toHaveLength(1);
    const ics = await t.api.get(`roadshows/${eventId}/my-schedule.ics`, { token: e[0].accessToken });
    expect(ics.status).toBe(200);
    expect(String(ics.headers['content-type'])).toContain('text/calendar');
    const text: string = ics.body;
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    const start = new Date(mine.body.meetings[0].startsAt).toISOString().replace(/[-:]/g, '').replace('.000', '');
    expect(text).toContain(`DTSTART:${start}`);
    // The presenter's calendar has its meetings and its two presentations.
    const u1Ics: string = (await t.api.get(`roadshows/${eventId}/my-schedule.ics`, { token: u1.accessToken })).body;
    expect(u1Ics.match(/BEGIN:VEVENT/g)).toHaveLength(3 + 2);
    // u3 presents but has no meetings: its calendar holds its presentation only.
    const outsider: string = (await t.api.get(`roadshows/${eventId}/my-schedule.ics`, { token: u3.accessToken })).body;
    expect(outsider.match(/BEGIN:VEVENT/g)).toHaveLength(1);
  });

  it('a cancellation re-plans only the meetings it touches and notifies only those concerned', async () => {
    const before = (await t.api.get(`roadshows/${eventId}/meetings`, { token: broker.accessToken })).body;
    const target = before.find((m: any) => m.enterpriseOrgId === e[1].organisation.id);
    await t.db.dataSource.query(`DELETE FROM notification WHERE kind LIKE 'roadshow.meeting-%'`);

    // A stranger cannot see (or cancel) someone else's meeting.
    expect((await t.api.post(`roadshows/${eventId}/meetings/${target.id}/cancel`, {}, { token: e[2].accessToken })).status).toBe(404);
    const res = await t.api.post(`roadshows/${eventId}/meetings/${target.id}/cancel`, { reason: '时间冲突' }, { token: e[1].accessToken });
    expect(res.status).toBe(200);
    expect(res.body.cancelledMeetingIds).toEqual([target.id]);
    // e1's capacity is free again: its would-like meeting with u2 is placed, nothing else moves.
    expect(res.body.addedMeetings).toHaveLength(1);
    expect(res.body.addedMeetings[0]).toMatchObject({ enterpriseOrgId: e[1].organisation.id, presenterOrgId: u2.organisation.id, presentationId: pres.B1 });
    expect(res.body.notifiedOrgIds).toEqual([e[1].organisation.id, u1.organisation.id, u2.organisation.id].sort());

    const after = (await t.api.get(`roadshows/${eventId}/meetings`, { token: broker.accessToken })).body;
    for (const m of before.filter((x: any) => x.id !== target.id)) {
      const same = after.find((x: any) => x.id === m.id);
      expect(same).toMatchObject({ status: 'scheduled', slotIndex: m.slotIndex, table: m.table, startsAt: m.startsAt });
    }
    expect(after.find((x: any) => x.id === target.id).status).toBe('cancelled');
    const live = after.filter((x: any) => x.status === 'scheduled');
    const keys = live.flatMap((m: any) => [`${m.enterpriseOrgId}@${m.slotIndex}`, `${m.presenterOrgId}@${m.slotIndex}`, `t${m.table}@${m.slotIndex}`]);
    expect(new Set(keys).size).toBe(keys.length);

    const notified = await t.db.dataSource.query(`SELECT DISTINCT recipient_org_id FROM notification WHERE kind LIKE 'roadshow.meeting-%'`);
    expect(notified.map((r: any) => r.recipient_org_id).sort()).toEqual(res.body.notifiedOrgIds);

    // The cancelled meeting's reminders are gone; the new meeting has its own.
    const queue = t.jobs.queue(QueueName.Roadshow);
    expect(await queue.getJob(reminderId(target.id, '1h'))).toBeUndefined();
    expect(await queue.getJob(reminderId(target.id, '24h'))).toBeUndefined();
    await t.drain();
    const added = res.body.addedMeetings[0];
    expect((await queue.getJob(reminderId(added.id, '1h')))!.opts.delay).toBe(new Date(added.startsAt).getTime() - HOUR - new Date(START).getTime());

    // Cancelling again is a conflict with the state.
    const twice = await t.api.post(`roadshows/${eventId}/meetings/${target.id}/cancel`, {}, { token: e[1].accessToken });
    expect(twice.status).toBe(409);
    expect(twice.body.currentState).toBe('cancelled');
  });

  it('a participant who withdraws frees its meetings; only its counterpart is told', async () => {
    await t.db.dataSource.query(`DELETE FROM notification WHERE kind LIKE 'roadshow.meeting-%'`);
    const before = (await t.api.get(`roadshows/${eventId}/meetings`, { token: broker.accessToken })).body.filter((m: any) => m.status === 'scheduled');
    const mine = before.filter((m: any) => m.enterpriseOrgId === e[3].organisation.id);
    expect(mine).toHaveLength(1);
    const res = await t.api.delete(`roadshows/${eventId}/participants/me`, { token: e[3].accessToken });
    expect(res.status).toBe(200);
    const after = (await t.api.get(`roadshows/${eventId}/meetings`, { token: broker.accessToken })).body;
    expect(after.find((m: any) => m.id === mine[0].id).status).toBe('cancelled');
    for (const m of before.filter((x: any) => x.id !== mine[0].id)) expect(after.find((x: any) => x.id === m.id)).toMatchObject({ status: 'scheduled', slotIndex: m.slotIndex, table: m.table });
    const notified = await t.db.dataSource.query(`SELECT DISTINCT recipient_org_id FROM notification WHERE kind LIKE 'roadshow.meeting-%'`);
    expect(notified.map((r: any) => r.recipient_org_id)).toEqual([u2.organisation.id]);
  });

  it('7 days after the event the broker is asked for outcomes; outcomes are recorded and reported', async () => {
    const queue = t.jobs.queue(QueueName.Roadshow);
    const follow = await queue.getJob(safeJobId(`roadshow:${eventId}:follow-up`));
    const ev = (await t.api.get(`roadshows/${eventId}`)).body;
    expect(follow!.opts.delay).toBe(new Date(ev.endsAt).getTime() + 7 * 24 * HOUR - new Date(START).getTime());

    const live = (await t.api.get(`roadshows/${eventId}/meetings`, { token: broker.accessToken })).body.filter((m: any) => m.status === 'scheduled');
    // Before the meeting there is no outcome to record.
    const tooEarly = await t.api.post(`roadshows/${eventId}/meetings/${live[0].id}/outcome`, { outcome: 'intention' }, { token: broker.accessToken });
    expect(tooEarly.status).toBe(409);

    t.clock.set(new Date(new Date(ev.endsAt).getTime() + 7 * 24 * HOUR).toISOString());
    await follow!.promote();
    await t.drain();
    expect((await t.api.get(`roadshows/${eventId}`)).body.status).toBe('held');
    // Once the event has taken place a request can no longer be withdrawn.
    const [heldRequest] = (await t.api.get(`roadshows/${eventId}/meeting-requests`, { token: e[0].accessToken })).body;
    const late = await t.api.delete(`roadshows/${eventId}/meeting-requests/${heldRequest.id}`, { token: e[0].accessToken });
    expect(late.status).toBe(409);
    expect(late.body.currentState).toBe('held');
    const [ask] = await t.db.dataSource.query(`SELECT recipient_user_id, data FROM notification WHERE kind = 'roadshow.follow-up'`);
    expect(ask.recipient_user_id).toBe(broker.user.id);
    expect(ask.data.pending).toBe(live.length);

    const noReason = await t.api.post(`roadshows/${eventId}/meetings/${live[0].id}/outcome`, { outcome: 'no-interest' }, { token: broker.accessToken });
    expect(noReason.status).toBe(400);
    expect(noReason.body.details[0].field).toBe('reason');
    // e0 met u1 about A1 and brought a demand: its intention moves that pair forward in the broker pipeline.
    const e0Meeting = live.find((m: any) => m.enterpriseOrgId === e[0].organisation.id);
    const others = live.filter((m: any) => m.id !== e0Meeting.id);
    const intention = await t.api.post(`roadshows/${eventId}/meetings/${e0Meeting.id}/outcome`, { outcome: 'intention' }, { token: broker.accessToken });
    expect(intention.body.outcome).toBe('intention');
    expect(intention.body.advancedMatchIds).toHaveLength(1);
    const [match] = await t.db.dataSource.query(`SELECT demand_id, achievement_id, status, broker_user_id FROM match WHERE id = $1`, [intention.body.advancedMatchIds[0]]);
    expect(match).toMatchObject({ demand_id: demandId, status: 'contacted', broker_user_id: broker.user.id });
    expect((await t.api.post(`roadshows/${eventId}/meetings/${others[0].id}/outcome`, { outcome: 'no-interest', reason: '技术成熟度不足' }, { token: broker.accessToken })).status).toBe(200);
    expect((await t.api.post(`roadshows/${eventId}/meetings/${others[1].id}/outcome`, { outcome: 'no-show' }, { token: broker.accessToken })).status).toBe(200);
    // Only the organiser records outcomes.
    expect((await t.api.post(`roadshows/${eventId}/meetings/${live[0].id}/outcome`, { outcome: 'no-show' }, { token: e[0].accessToken })).status).toBe(403);

    const report = await t.api.get(`roadshows/${eventId}/report`, { token: broker.accessToken });
    expect(report.body).toMatchObject({
      status: 'held',
      presentations: { applied: 3, accepted: 4, declined: 0, placed: 4 },
      participants: { registered: 3, waitlisted: 0, cancelled: 1 },
      meetings: { scheduled: live.length, cancelled: 2, held: 2, noShows: 1, intentions: 1, noInterest: 1, outcomePending: live.length - 3 },
      matchesMovedForward: 1,
      noInterestReasons: [{ meetingId: others[0].id, reason: '技术成熟度不足' }],
    });
    expect((await t.api.get(`roadshows/${eventId}/report`, { token: e[0].accessToken })).status).toBe(403);
    expect((await t.api.post(`roadshows/${eventId}/transitions`, { action: 'close' }, { token: broker.accessToken })).body.status).toBe('closed');
  });

  it('cancelling a scheduled event cancels its meetings, removes their reminders and tells everyone involved', async () => {
    const created = await t.api.post(
      'roadshows',
      eventBody({ title: '取消测试', days: [{ date: '2026-07-10', opensAt: '09:00', closesAt: '11:00' }], registrationOpensAt: '2026-06-01T00:00:00.000Z', registrationClosesAt: '2026-07-08T00:00:00.000Z' }),
      { token: broker.accessToken },
    );
    const id = created.body.id;
    await t.api.post(`roadshows/${id}/transitions`, { action: 'open-registration' }, { token: broker.accessToken });
    const p = await t.api.post(`roadshows/${id}/presentations`, { achievementId: achievements.A1 }, { token: u1.accessToken });
    await t.api.post(`roadshows/${id}/presentations/${p.body.id}/decision`, { decision: 'accept' }, { token: broker.accessToken });
    await t.api.post(`roadshows/${id}/participants`, {}, { token: e[0].accessToken });
    await t.api.post(`roadshows/${id}/meeting-requests`, { presentationId: p.body.id, kind: 'must-meet' }, { token: e[0].accessToken });
    await t.api.post(`roadshows/${id}/transitions`, { action: 'close-registration' }, { token: broker.accessToken });
    await t.drain();
    const [meeting] = (await t.api.get(`roadshows/${id}/meetings`, { token: broker.accessToken })).body;
    const queue = t.jobs.queue(QueueName.Roadshow);
    expect(await queue.getJob(reminderId(meeting.id, '24h'))).toBeDefined();

    const cancelled = await t.api.post(`roadshows/${id}/transitions`, { action: 'cancel', reason: '场馆检修' }, { token: broker.accessToken });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: '场馆检修' });
    expect((await t.api.get(`roadshows/${id}/meetings`, { token: broker.accessToken })).body[0].status).toBe('cancelled');
    expect(await queue.getJob(reminderId(meeting.id, '24h'))).toBeUndefined();
    expect(await queue.getJob(reminderId(meeting.id, '1h'))).toBeUndefined();
    const told = await t.db.dataSource.query(`SELECT recipient_org_id FROM notification WHERE kind = 'roadshow.cancelled' AND dedupe_key LIKE $1`, [`roadshow:${id}:%`]);
    expect(told.map((r: any) => r.recipient_org_id).sort()).toEqual([e[0].organisation.id, u1.organisation.id].sort());
    const again = await t.api.post(`roadshows/${id}/transitions`, { action: 'open-registration' }, { token: broker.accessToken });
    expect(again.status).toBe(409);
    expect(again.body.currentState).toBe('cancelled');
  });

  it('withdrawing a meeting request after scheduling cancels only its meeting and re-plans the freed capacity', async () => {
    const created = await t.api.post(
      'roadshows',
      eventBody({ title: '撤回预约测试', maxMeetingsPerEnterprise: 1, days: [{ date: '2026-07-20', opensAt: '09:00', closesAt: '12:00' }], registrationOpensAt: '2026-06-01T00:00:00.000Z', registrationClosesAt: '2026-07-18T00:00:00.000Z' }),
      { token: broker.accessToken },
    );
    const id = created.body.id;
    await t.api.post(`roadshows/${id}/transitions`, { action: 'open-registration' }, { token: broker.accessToken });
    const pA = (await t.api.post(`roadshows/${id}/presentations`, { achievementId: achievements.A1 }, { token: u1.accessToken })).body.id;
    const pB = (await t.api.post(`roadshows/${id}/presentations`, { achievementId: achievements.B1 }, { token: u2.accessToken })).body.id;
    for (const p of [pA, pB]) await t.api.post(`roadshows/${id}/presentations/${p}/decision`, { decision: 'accept' }, { token: broker.accessToken });
    for (const s of e.slice(0, 3)) expect((await t.api.post(`roadshows/${id}/participants`, {}, { token: s.accessToken })).status).toBe(201);
    const req = async (s: Session, presentationId: string, kind: string) => (await t.api.post(`roadshows/${id}/meeting-requests`, { presentationId, kind }, { token: s.accessToken })).body;
    const e0A = await req(e[0], pA, 'must-meet');
    const e0B = await req(e[0], pB, 'would-like');
    await req(e[1], pA, 'would-like');
    const [sugg] = (await t.api.post(`roadshows/${id}/meeting-suggestions`, { suggestions: [{ enterpriseOrgId: e[2].organisation.id, presentationId: pB, score: 80 }] }, { token: broker.accessToken })).body;
    // An enterprise's withdrawal before scheduling is a plain delete.
    const e1B = await req(e[1], pB, 'would-like');
    expect((await t.api.delete(`roadshows/${id}/meeting-requests/${e1B.id}`, { token: e[1].accessToken })).body).toMatchObject({ outcome: 'deleted', replan: null });
    const [{ n }] = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM roadshow_meeting_request WHERE id = $1`, [e1B.id]);
    expect(n).toBe(0);

    await t.api.post(`roadshows/${id}/transitions`, { action: 'close-registration' }, { token: broker.accessToken });
    await t.drain();
    const before = (await t.api.get(`roadshows/${id}/meetings`, { token: broker.accessToken })).body;
    const meetingOf = (requestId: string) => before.find((x: any) => x.requestId === requestId);
    // One meeting per enterprise: e0 meets A (must-meet beats would-like), e1 meets A, e2 meets B (the suggestion).
    expect(before).toHaveLength(3);
    expect(meetingOf(e0A.id)).toBeDefined();
    expect(meetingOf(sugg.id)).toBeDefined();
    const queue = t.jobs.queue(QueueName.Roadshow);

    // Permissions hold after scheduling too.
    expect((await t.api.delete(`roadshows/${id}/meeting-requests/${e0A.id}`, { token: broker.accessToken })).status).toBe(403);
    expect((await t.api.delete(`roadshows/${id}/meeting-requests/${e0A.id}`, { token: e[1].accessToken })).status).toBe(404);

    // The organiser withdraws its suggestion: that meeting goes; e2 has nothing else to meet, so nothing is added.
    const s1 = await t.api.delete(`roadshows/${id}/meeting-requests/${sugg.id}`, { token: broker.accessToken });
    expect(s1.status).toBe(200);
    expect(s1.body).toMatchObject({ requestId: sugg.id, outcome: 'cancelled', replan: { cancelledMeetingIds: [meetingOf(sugg.id).id], addedMeetings: [] } });
    expect(s1.body.replan.notifiedOrgIds).toEqual([e[2].organisation.id, u2.organisation.id].sort());

    // e0 withdraws its must-meet: its meeting with A goes and its would-like with B takes the freed capacity.
    const s2 = await t.api.delete(`roadshows/${id}/meeting-requests/${e0A.id}`, { token: e[0].accessToken });
    expect(s2.status).toBe(200);
    expect(s2.body.outcome).toBe('cancelled');
    expect(s2.body.replan.cancelledMeetingIds).toEqual([meetingOf(e0A.id).id]);
    expect(s2.body.replan.addedMeetings).toHaveLength(1);
    expect(s2.body.replan.addedMeetings[0]).toMatchObject({ requestId: e0B.id, enterpriseOrgId: e[0].organisation.id, presenterOrgId: u2.organisation.id });

    // Every other meeting stays where it was; the removed meetings' reminders are gone.
    const after = (await t.api.get(`roadshows/${id}/meetings`, { token: broker.accessToken })).body;
    const untouched = before.filter((x: any) => ![meetingOf(e0A.id).id, meetingOf(sugg.id).id].includes(x.id));
    expect(untouched).toHaveLength(1);
    for (const m of untouched) expect(after.find((x: any) => x.id === m.id)).toMatchObject({ status: 'scheduled', slotIndex: m.slotIndex, table: m.table });
    for (const gone of [meetingOf(e0A.id), meetingOf(sugg.id)]) {
      expect(after.find((x: any) => x.id === gone.id).status).toBe('cancelled');
      expect(await queue.getJob(reminderId(gone.id, '24h'))).toBeUndefined();
    }
    // The cancelled request is kept for the record but no longer pending; withdrawing it again is a conflict.
    expect((await t.api.get(`roadshows/${id}/meeting-requests`, { token: e[0].accessToken })).body.map((r: any) => r.id)).toEqual([e0B.id]);
    const twice = await t.api.delete(`roadshows/${id}/meeting-requests/${e0A.id}`, { token: e[0].accessToken });
    expect(twice.status).toBe(409);
    expect(twice.body.currentState).toBe('cancelled');
  });
});
