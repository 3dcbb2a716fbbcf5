import { MovableClock, QueueName, safeJobId } from '@techbridge/platform';
import { addMember, createTestApp, Session, signInAdmin, signUpOrganisation, TestApp, verifyOrganisation } from '../support/test-app';
import { eventBody, START } from './roadshow-helpers';

describe('roadshow: event lifecycle, bad input, yearly plan, capacity and waiting list (e2e)', () => {
  let t: TestApp;
  let admin: Session;
  let tti: Session; // transfer institution administrator
  let broker: Session;
  const enterprises: Session[] = [];
  beforeAll(async () => {
    t = await createTestApp({ worker: true, clock: new MovableClock(START) });
    admin = await signInAdmin(t.api);
    tti = await signUpOrganisation(t.api, 'transfer-institution', { name: '京南技术转移中心' });
    await verifyOrganisation(t.api, tti.organisation.id);
    broker = await addMember(t.api, tti, ['broker']);
    for (let i = 0; i < 4; i++) enterprises.push(await signUpOrganisation(t.api, 'enterprise', { name: `路演测试企业${i}` }));
  });
  afterAll(async () => {
    await t.close();
  });

  it('bad input names the field: overlapping days, zero tables, a slot longer than the hours, registration after the start', async () => {
    const overlap = await t.api.post('roadshows', eventBody({ days: [{ date: '2026-06-10', opensAt: '09:00', closesAt: '12:00' }, { date: '2026-06-10', opensAt: '11:00', closesAt: '15:00' }] }), { token: broker.accessToken });
    expect(overlap.status).toBe(400);
    expect(overlap.body.details.map((d: any) => d.field)).toContain('days[1]');

    const zeroTables = await t.api.post('roadshows', eventBody({ tableCount: 0 }), { token: broker.accessToken });
    expect(zeroTables.status).toBe(400);
    expect(zeroTables.body.details.map((d: any) => d.field)).toContain('tableCount');

    const longSlot = await t.api.post('roadshows', eventBody({ slotMinutes: 240 }), { token: broker.accessToken });
    expect(longSlot.status).toBe(400);
    expect(longSlot.body.details).toEqual([expect.objectContaining({ field: 'slotMinutes', code: 'slotLongerThanDay' })]);

    const lateWindow = await t.api.post('roadshows', eventBody({ registrationClosesAt: '2026-06-11T00:00:00.000Z' }), { token: broker.accessToken });
    expect(lateWindow.status).toBe(400);
    expect(lateWindow.body.details.map((d: any) => d.field)).toContain('registrationClosesAt');

    const noPlace = await t.api.post('roadshows', eventBody({ venue: undefined }), { token: broker.accessToken });
    expect(noPlace.status).toBe(400);
    expect(noPlace.body.details.map((d: any) => d.field)).toContain('venue');

    // An enterprise does not organise roadshows.
    expect((await t.api.post('roadshows', eventBody(), { token: enterprises[0].accessToken })).status).toBe(403);
  });

  it('planned → registration-open → scheduled → held → closed; illegal steps are 409 with the current state; drafts are private', async () => {
    const created = await t.api.post('roadshows', eventBody(), { token: broker.accessToken });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'planned', slotCount: 9, tableCount: 2, allowedActions: ['open-registration', 'cancel'] });
    const id = created.body.id;

    // A planned event is the organiser's draft.
    expect((await t.api.get(`roadshows/${id}`)).status).toBe(404);
    expect((await t.api.get(`roadshows/${id}`, { token: enterprises[0].accessToken })).status).toBe(404);
    expect((await t.api.get(`roadshows/${id}`, { token: tti.accessToken })).status).toBe(200);

    const early = await t.api.post(`roadshows/${id}/transitions`, { action: 'close' }, { token: broker.accessToken });
    expect(early.status).toBe(409);
    expect(early.body.currentState).toBe('planned');
    const bogus = await t.api.post(`roadshows/${id}/transitions`, { action: 'publish' }, { token: broker.accessToken });
    expect(bogus.status).toBe(400);
    expect(bogus.body.details.map((d: any) => d.field)).toContain('action');
    // Someone else's event is not theirs to move.
    expect((await t.api.post(`roadshows/${id}/transitions`, { action: 'open-registration' }, { token: enterprises[0].accessToken })).status).toBe(404);

    const open = await t.api.post(`roadshows/${id}/transitions`, { action: 'open-registration' }, { token: broker.accessToken });
    expect(open.status).toBe(200);
    expect(open.body.status).toBe('registration-open');
    await t.drain();
    // The window closes itself: a delayed job at registrationClosesAt.
    const closeJob = await t.jobs.queue(QueueName.Roadshow).getJob(safeJobId(`roadshow:${id}:close-registration`));
    expect(closeJob?.opts.delay).toBe(new Date('2026-06-08T00:00:00.000Z').getTime() - new Date(START).getTime());
    expect((await t.api.get(`roadshows/${id}`)).status).toBe(200);

    const held = await t.api.post(`roadshows/${id}/transitions`, { action: 'mark-held' }, { token: broker.accessToken });
    expect(held.status).toBe(409);
    expect(held.body.currentState).toBe('registration-open');

    const closed = await t.api.post(`roadshows/${id}/transitions`, { action: 'close-registration' }, { token: broker.accessToken });
    expect(closed.body.status).toBe('scheduled');
    await t.drain();
    // The delayed close job now finds the event moved on and does nothing.
    t.clock.set('2026-06-10T00:00:00.000Z');
    expect((await t.api.post(`roadshows/${id}/transitions`, { action: 'mark-held' }, { token: broker.accessToken })).status).toBe(409);
    t.clock.set('2026-06-10T02:00:00.000Z');
    const heldNow = await t.api.post(`roadshows/${id}/transitions`, { action: 'mark-held' }, { token: broker.accessToken });
    expect(heldNow.body.status).toBe('held');
    const cancelHeld = await t.api.post(`roadshows/${id}/transitions`, { action: 'cancel' }, { token: broker.accessToken });
    expect(cancelHeld.status).toBe(409);
    expect(cancelHeld.body.currentState).toBe('held');
    const done = await t.api.post(`roadshows/${id}/transitions`, { action: 'close' }, { token: broker.accessToken });
    expect(done.body).toMatchObject({ status: 'closed', allowedActions: [] });
    t.clock.set(START);
  });

  it('the registration window closes itself when its delayed job runs', async () => {
    const created = await t.api.post('roadshows', eventBody({ title: '自动截止测试' }), { token: broker.accessToken });
    const id = created.body.id;
    await t.api.post(`roadshows/${id}/transitions`, { action: 'open-registration' }, { token: broker.accessToken });
    await t.drain();
    const job = await t.jobs.queue(QueueName.Roadshow).getJob(safeJobId(`roadshow:${id}:close-registration`));
    // Run it early: the handler sees the window still open and leaves the event alone.
    await job!.promote();
    await t.drain();
    expect((await t.api.get(`roadshows/${id}`)).body.status).toBe('registration-open');
    // It re-arms itself for the rest of the window.
    const rearmed = (await t.jobs.queue(QueueName.Roadshow).getDelayed()).filter((j) => j.name === 'roadshow.close-registration' && j.data.eventId === id);
    expect(rearmed).toHaveLength(1);
    expect(rearmed[0].opts.delay).toBe(new Date('2026-06-08T00:00:00.000Z').getTime() - new Date(START).getTime());
    // At the end of the window the job closes registration and the agenda job follows.
    t.clock.set('2026-06-08T00:00:01.000Z');
    await rearmed[0].promote();
    await t.drain();
    const after = await t.api.get(`roadshows/${id}`);
    expect(after.body.status).toBe('scheduled');
    expect(after.body.agendaBuiltAt).toBeTruthy();
    t.clock.set(START);
  });

  it('capacity and waiting list: full → waitlisted in order, refuse on request, promotion on cancellation, closed window is 409', async () => {
    const created = await t.api.post('roadshows', eventBody({ title: '容量测试', capacity: 2 }), { token: broker.accessToken });
    const id = created.body.id;
    const [e0, e1, e2, e3] = enterprises;
    const before = await t.api.post(`roadshows/${id}/participants`, {}, { token: e0.accessToken });
    // Not yet open (and a draft, so invisible): nothing to register for.
    expect(before.status).toBe(404);
    await t.api.post(`roadshows/${id}/transitions`, { action: 'open-registration' }, { token: broker.accessToken });

    const r0 = await t.api.post(`roadshows/${id}/participants`, { industries: ['new-energy'] }, { token: e0.accessToken });
    expect(r0.status).toBe(201);
    expect(r0.body).toMatchObject({ status: 'registered', waitlistPosition: null, industries: ['new-energy'] });
    expect((await t.api.post(`roadshows/${id}/participants`, {}, { token: e0.accessToken })).status).toBe(409);
    expect((await t.api.post(`roadshows/${id}/participants`, {}, { token: e1.accessToken })).body.status).toBe('registered');
    const w2 = await t.api.post(`roadshows/${id}/participants`, {}, { token: e2.accessToken });
    expect(w2.body).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    const refuse = await t.api.post(`roadshows/${id}/participants`, { waitlist: false }, { token: e3.accessToken });
    expect(refuse.status).toBe(409);
    expect(refuse.body.details[0].field).toBe('capacity');
    const w3 = await t.api.post(`roadshows/${id}/participants`, {}, { token: e3.accessToken });
    expect(w3.body).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });
    // Only enterprises register; a slot index beyond the event's slots names the field.
    expect((await t.api.post(`roadshows/${id}/participants`, {}, { token: tti.accessToken })).status).toBe(403);

    const ev = await t.api.get(`roadshows/${id}`);
    expect(ev.body).toMatchObject({ registeredCount: 2, waitlistCount: 2 });

    const withdraw = await t.api.delete(`roadshows/${id}/participants/me`, { token: e0.accessToken });
    expect(withdraw.body.status).toBe('cancelled');
    expect((await t.api.get(`roadshows/${id}/participants/me`, { token: e2.accessToken })).body).toMatchObject({ status: 'registered', waitlistPosition: null });
    expect((await t.api.get(`roadshows/${id}/participants/me`, { token: e3.accessToken })).body).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    const [{ n }] = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM notification WHERE kind = 'roadshow.promoted' AND recipient_org_id = $1`, [e2.organisation.id]);
    expect(n).toBe(1);
    const list = await t.api.get(`roadshows/${id}/participants`, { token: broker.accessToken });
    expect(list.body.total).toBe(3);
    expect((await t.api.get(`roadshows/${id}/participants`, { token: e1.accessToken })).status).toBe(403);

    // The window has passed: 409 naming the window, with the state.
    t.clock.set('2026-06-08T00:00:00.000Z');
    const late = await t.api.post(`roadshows/${id}/participants`, {}, { token: e0.accessToken });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ currentState: 'registration-open' });
    expect(late.body.details[0].field).toBe('registrationClosesAt');
    t.clock.set(START);
  });

  it('yearly plan shows whether the zone reaches five large events; cancelled ones do not count', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const month = String(3 + i * 2).padStart(2, '0');
      const res = await t.api.post(
        'roadshows',
        eventBody({ title: `大型路演${i}`, large: true, days: [{ date: `2027-${month}-15`, opensAt: '09:00', closesAt: '17:00' }], registrationOpensAt: '2027-01-01T00:00:00.000Z', registrationClosesAt: `2027-${month}-10T00:00:00.000Z` }),
        { token: broker.accessToken },
      );
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    }
    const plan = await t.api.get('roadshows/plan', { query: { year: 2027 }, token: broker.accessToken });
    expect(plan.status).toBe(200);
    expect(plan.body).toMatchObject({ year: 2027, target: 5, largeEvents: 5, reachesTarget: true, shortfall: 0 });
    expect(plan.body.months[2].events.map((e: any) => e.title)).toEqual(['大型路演0']);
    await t.api.post(`roadshows/${ids[0]}/transitions`, { action: 'cancel', reason: '场地调整' }, { token: broker.accessToken });
    const after = await t.api.get('roadshows/plan', { query: { year: 2027 }, token: broker.accessToken });
    expect(after.body).toMatchObject({ largeEvents: 4, reachesTarget: false, shortfall: 1 });
    // The public sees only events past the draft stage.
    expect((await t.api.get('roadshows/plan', { query: { year: 2027 } })).body.largeEvents).toBe(0);
    expect((await t.api.get('roadshows/plan', { query: { year: 1999 } })).status).toBe(400);
  });
});
