import { MovableClock, QueueName, safeJobId } from '@techbridge/platform';
import { BrokersJobs } from '../../libs/brokers/src/brokers.jobs';
import { contractBody, transferInstitution } from '../contracts/contracts-helpers';
import { eventBody } from '../roadshow/roadshow-helpers';
import { TEST_COURSE_HOURS, testTrainingBase } from '../support/broker-certification';
import { addMember, createTestApp, Session, signInAdmin, signUpOrganisation, TestApp, verifyOrganisation } from '../support/test-app';

/**
 * Broker training and certification end to end: a verified training base trains and examines, the certificate makes
 * the broker role take effect (matches, events, contract credit), and suspension, revocation or expiry takes it away
 * on the very next request with the same token.
 */
describe('brokers: training, certificate lifecycle, broker powers follow certification (e2e)', () => {
  let t: TestApp;
  let admin: Session;
  let base: Session;
  let courseId: string;
  let institution: Session;
  let broker: Session;
  let university: Session;
  let enterprise: Session;
  let certificate: any;

  const thesaurus = (s: Session) => t.api.get('thesaurus', { token: s.accessToken });
  const organiseEvent = (s: Session) => t.api.post('roadshows', eventBody({ title: `经纪人组织的路演 ${Date.now()}` }), { token: s.accessToken });
  const asBase = (path: string, body: unknown = {}) => t.api.post(path, body, { token: base.accessToken });

  beforeAll(async () => {
    t = await createTestApp({ worker: true, clock: new MovableClock('2026-05-20T02:00:00Z') });
    admin = await signInAdmin(t.api);
    ({ base, courseId } = await testTrainingBase(t.api));
    institution = await transferInstitution(t.api, admin);
    broker = await addMember(t.api, institution, ['broker'], institution.organisation.id, { certified: false });
    university = await signUpOrganisation(t.api, 'university', { region: 'HE', divisionCode: '130102' });
    enterprise = await signUpOrganisation(t.api, 'enterprise', { region: 'HE', divisionCode: '130104' });
  }, 300_000);
  afterAll(async () => {
    await t.close();
  });

  it('a training base is an organisation type verified like the others; only a verified one opens courses, which are public', async () => {
    const pending = await signUpOrganisation(t.api, 'training-base');
    expect(pending.organisation).toMatchObject({ type: 'training-base' });
    const course = { title: '技术经纪人中级研修班', level: 'intermediate', hours: { general: 16, policy: 8, practice: 24, capability: 8 } };
    const early = await t.api.post('broker-courses', course, { token: pending.accessToken });
    expect(early.status).toBe(403);
    expect((await t.api.post('broker-courses', course, { token: enterprise.accessToken })).body.code).toBe('NOT_A_TRAINING_BASE');
    await verifyOrganisation(t.api, pending.organisation.id);
    const opened = await t.api.post('broker-courses', course, { token: pending.accessToken });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ level: 'intermediate', totalHours: 56, trainingBaseName: pending.organisation.name });
    expect((await t.api.post('broker-courses', { ...course, hours: { general: 0, policy: 0, practice: 0, capability: 0 } }, { token: pending.accessToken })).status).toBe(400);
    const listed = await t.api.get('broker-courses', { query: { trainingBaseId: pending.organisation.id } });
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((c: any) => c.id)).toEqual([opened.body.id]);
    expect((await t.api.get(`broker-courses/${opened.body.id}`)).body.hours).toEqual(course.hours);
  });

  it('an uncertified broker of a verified transfer institution holds no broker power, and is told why', async () => {
    const me = await t.api.get('me', { token: broker.accessToken });
    expect(me.body.user).toMatchObject({ roles: ['member', 'broker'], effectiveRoles: ['member'] });
    const denied = await thesaurus(broker);
    expect(denied.status).toBe(403);
    expect(denied.body.voidedRoles).toEqual([{ role: 'broker', reason: 'broker-not-certified' }]);
    expect((await organiseEvent(broker)).status).toBe(403);
    const credited = await t.api.post('contracts', contractBody({ enterprise, transfer: institution }, { brokerUserId: broker.user.id, signedOn: '2026-05-06', termFrom: '2026-05-06' }), { token: university.accessToken });
    expect(credited.status).toBe(400);
    expect(credited.body.code).toBe('NOT_A_BROKER');
  });

  it('enrolment → hours by module → exam → certificate; then the same token carries the broker powers', async () => {
    const enrolled = await t.api.post(`broker-courses/${courseId}/enrolments`, {}, { token: broker.accessToken });
    expect(enrolled.status).toBe(201);
    expect(enrolled.body).toMatchObject({ status: 'enrolled', requiredHours: TEST_COURSE_HOURS, loggedHours: { general: 0, policy: 0, practice: 0, capability: 0 } });
    const id = enrolled.body.id;
    expect((await t.api.post(`broker-courses/${courseId}/enrolments`, {}, { token: broker.accessToken })).status).toBe(409);

    // The exam needs every module's hours; the refusal names what is missing.
    await asBase(`broker-enrolments/${id}/hours`, { module: 'general', hours: TEST_COURSE_HOURS.general });
    const early = await asBase(`broker-enrolments/${id}/exam`, { score: 90 });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('TRAINING_HOURS_INCOMPLETE');
    expect(early.body.details.map((d: any) => d.field)).toEqual(['hours.policy', 'hours.practice', 'hours.capability']);
    // Only the course's base logs hours: the trainee is refused, another organisation cannot see the enrolment.
    expect((await t.api.post(`broker-enrolments/${id}/hours`, { module: 'policy', hours: 4 }, { token: broker.accessToken })).status).toBe(403);
    expect((await t.api.post(`broker-enrolments/${id}/hours`, { module: 'policy', hours: 4 }, { token: enterprise.accessToken })).status).toBe(404);
    expect((await asBase(`broker-enrolments/${id}/hours`, { module: 'ethics', hours: 4 })).status).toBe(400);
    for (const module of ['policy', 'practice', 'capability'] as const) await asBase(`broker-enrolments/${id}/hours`, { module, hours: TEST_COURSE_HOURS[module] });

    const failed = await asBase(`broker-enrolments/${id}/exam`, { score: 48 });
    expect(failed.body).toMatchObject({ status: 'failed', examScore: 48 });
    const tooEarly = await asBase(`broker-enrolments/${id}/certificate`);
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.body.currentState).toBe('failed');
    const passed = await asBase(`broker-enrolments/${id}/exam`, { score: 77 });
    expect(passed.body).toMatchObject({ status: 'passed', examScore: 77 });

    const issued = await asBase(`broker-enrolments/${id}/certificate`);
    expect(issued.status).toBe(201);
    certificate = issued.body;
    expect(certificate).toMatchObject({ number: expect.stringMatching(/^BRK-2026-\d{6}$/), level: 'junior', status: 'active', standing: 'valid', userId: broker.user.id, expiresAt: '2029-05-20T02:00:00.000Z' });
    expect((await asBase(`broker-enrolments/${id}/certificate`)).status).toBe(409);
    expect((await t.api.get(`broker-enrolments/${id}`, { token: broker.accessToken })).body).toMatchObject({ status: 'certified', certificateId: certificate.id });

    // The same access token as before: the role rule asks for the certificate on every request.
    expect((await thesaurus(broker)).status).toBe(200);
    expect((await t.api.get('me', { token: broker.accessToken })).body.user.effectiveRoles).toEqual(['member', 'broker']);
    expect((await organiseEvent(broker)).status).toBe(201);
    const credited = await t.api.post('contracts', contractBody({ enterprise, transfer: institution }, { brokerUserId: broker.user.id, signedOn: '2026-05-06', termFrom: '2026-05-06' }), { token: university.accessToken });
    expect(credited.status).toBe(201);
    // The holder finds it among their certificates; another organisation gets 404.
    expect((await t.api.get('broker-certificates', { token: broker.accessToken })).body.items.map((c: any) => c.number)).toEqual([certificate.number]);
    expect((await t.api.get(`broker-certificates/${certificate.id}`, { token: enterprise.accessToken })).status).toBe(404);
  });

  it('anyone looks a certificate up by number; it shows the standing, not account ids', async () => {
    const found = await t.api.get(`broker-certificates/lookup/${certificate.number}`);
    expect(found.status).toBe(200);
    expect(found.body).toEqual({
      number: certificate.number, holderName: certificate.holderName, trainingBaseName: base.organisation.name, level: 'junior', standing: 'valid', issuedAt: certificate.issuedAt, expiresAt: certificate.expiresAt,
    });
    expect((await t.api.get('broker-certificates/lookup/BRK-2026-999999')).status).toBe(404);
    expect((await t.api.get('broker-certificates/lookup/not-a-number')).status).toBe(400);
  });

  it('expiry is reminded by a delayed job with a deterministic id; a renewal re-arms it and the old reminder skips', async () => {
    await t.deliver();
    const queue = t.jobs.queue(QueueName.Lifecycle);
    const expiresMs = Date.parse(certificate.expiresAt);
    const job = await queue.getJob(safeJobId(`broker-certificate:${certificate.id}:expiry:${expiresMs}`));
    expect(job).toBeTruthy();
    expect(await job!.getState()).toBe('delayed');
    // Thirty days before the expiry (a few seconds of slack for the relay).
    expect(Math.abs(job!.opts.delay! - (expiresMs - 30 * 86_400_000 - t.clock.now().getTime()))).toBeLessThan(5_000);

    const jobs = t.app.get(BrokersJobs);
    expect(await jobs.remindExpiry(job!.data)).toBe('reminded');
    expect(await jobs.remindExpiry(job!.data)).toBe('reminded');
    const notices = (await t.api.get('notifications', { token: broker.accessToken, query: { pageSize: 100 } })).body.items.filter((n: any) => n.kind === 'broker.certificate-expiring');
    expect(notices).toHaveLength(1);

    const renewed = await asBase(`broker-certificates/${certificate.id}/renew`);
    expect(renewed.status).toBe(200);
    expect(renewed.body).toMatchObject({ renewals: 1, expiresAt: '2032-05-20T02:00:00.000Z' });
    expect(await jobs.remindExpiry(job!.data)).toBe('skipped');
    await t.deliver();
    expect(await queue.getJob(safeJobId(`broker-certificate:${certificate.id}:expiry:${Date.parse(renewed.body.expiresAt)}`))).toBeTruthy();
    certificate = renewed.body;
  });

  it('suspension, revocation and expiry take the broker powers away on the next request with the same token', async () => {
    expect((await thesaurus(broker)).status).toBe(200);
    // A trainee cannot act on their own certificate; the platform suspends it.
    expect((await t.api.post(`broker-certificates/${certificate.id}/suspend`, { reason: '自行暂停' }, { token: broker.accessToken })).status).toBe(403);
    const suspended = await t.api.post(`broker-certificates/${certificate.id}/suspend`, { reason: '涉嫌违规收费，调查期间暂停' }, { token: admin.accessToken });
    expect(suspended.body).toMatchObject({ status: 'suspended', standing: 'suspended', statusReason: '涉嫌违规收费，调查期间暂停' });
    const off = await thesaurus(broker);
    expect(off.status).toBe(403);
    expect(off.body.voidedRoles).toEqual([{ role: 'broker', reason: 'broker-not-certified' }]);
    expect((await t.api.get(`broker-certificates/lookup/${certificate.number}`)).body.standing).toBe('suspended');

    expect((await t.api.post(`broker-certificates/${certificate.id}/reinstate`, {}, { token: admin.accessToken })).body.standing).toBe('valid');
    expect((await thesaurus(broker)).status).toBe(200);

    // Revoked by the issuing base: final.
    const revoked = await asBase(`broker-certificates/${certificate.id}/revoke`, { reason: '伪造业绩材料' });
    expect(revoked.body).toMatchObject({ status: 'revoked', standing: 'revoked' });
    expect((await thesaurus(broker)).status).toBe(403);
    expect((await organiseEvent(broker)).status).toBe(403);
    const again = await asBase(`broker-certificates/${certificate.id}/reinstate`);
    expect(again.status).toBe(409);
    expect(again.body.currentState).toBe('revoked');
    expect((await t.api.get(`broker-certificates/lookup/${certificate.number}`)).body.standing).toBe('revoked');
    const notices = (await t.api.get('notifications', { token: broker.accessToken, query: { pageSize: 100 } })).body.items.map((n: any) => n.kind);
    expect(notices).toEqual(expect.arrayContaining(['broker.certificate-issued', 'broker.certificate-suspend', 'broker.certificate-revoke']));

    // Another broker, certified by the helper, loses the powers when the certificate runs out: no job needed.
    const colleague = await addMember(t.api, institution, ['broker']);
    expect((await thesaurus(colleague)).status).toBe(200);
    const now = t.clock.now();
    t.clock.advance(3 * 366 * 86_400_000);
    try {
      expect((await thesaurus(colleague)).body.voidedRoles).toEqual([{ role: 'broker', reason: 'broker-not-certified' }]);
      const mine = await t.api.get('broker-certificates', { token: colleague.accessToken });
      expect(mine.body.items[0].standing).toBe('expired');
    } finally {
      t.clock.set(now);
    }
    expect((await thesaurus(colleague)).status).toBe(200);
  });
});
