import { randomBytes, randomUUID } from 'node:crypto';
import { multipartFile } from '../catalog/multipart';
import { addMember, createTestApp, Session, signInAdmin, signUpOrganisation, TestApp } from '../support/test-app';
import { createProgramme, invoiceNumber, issuedVoucher, ledgerOf, PARK, uploadAllDocuments, verifiedParkAdmin } from '../vouchers/voucher-helpers';

const HOUR = 3_600_000;

describe('shared instruments: bookings, payment by voucher, post-use subsidy', () => {
  let t: TestApp;
  let owner: Session;
  let instrument: any;
  let base: number;

  /** A period `h` hours after the base, `len` hours long. */
  const slot = (h: number, len = 2) => ({ start: new Date(base + h * HOUR).toISOString(), end: new Date(base + (h + len) * HOUR).toISOString() });
  const book = (s: Session, h: number, len = 2, instrumentId = instrument.id) =>
    t.api.post(`instruments/${instrumentId}/bookings`, { serviceItemId: instrument.serviceItems[0].id, ...slot(h, len) }, { token: s.accessToken });

  beforeAll(async () => {
    t = await createTestApp({ worker: true });
    base = Math.ceil(t.clock.now().getTime() / HOUR) * HOUR + 48 * HOUR;
    owner = await signUpOrganisation(t.api, 'institute', { parkCode: PARK });
    const res = await t.api.post('instruments', {
      name: '场发射扫描电子显微镜', model: 'SU8020', originalValue: 3_800_000, location: '材料楼 101', approvalRequired: true,
      serviceItems: [{ name: '形貌观察', unit: 'hour', internalPrice: 200, externalPrice: 450 }],
    }, { token: owner.accessToken });
    expect(res.status).toBe(201);
    instrument = res.body;
  });
  afterAll(() => t.close());

  it('two overlapping bookings sent at once: exactly one commits, the other is a 409', async () => {
    const a = await signUpOrganisation(t.api, 'enterprise');
    const b = await signUpOrganisation(t.api, 'enterprise');
    const [ra, rb] = await Promise.all([book(a, 100, 3), book(b, 101, 3)]);
    expect([ra.status, rb.status].sort()).toEqual([201, 409]);
    const lost = ra.status === 409 ? ra : rb;
    expect(lost.body.code).toBe('INSTRUMENT_BOOKING_OVERLAP');
    // Many at once, same slot: still one.
    const racers = await Promise.all(Array.from({ length: 8 }, () => signUpOrganisation(t.api, 'enterprise')));
    const results = await Promise.all(racers.map((s) => book(s, 110, 1)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(7);
    // Adjacent periods do not overlap; a cancelled booking frees its period.
    expect((await book(a, 104, 1)).status).toBe(201);
    const won = ra.status === 201 ? ra : rb;
    const winner = ra.status === 201 ? a : b;
    expect((await t.api.post(`instrument-bookings/${won.body.id}/cancellation`, {}, { token: winner.accessToken })).body.status).toBe('cancelled');
    expect((await book(b, 101, 2)).status).toBe(201);
    const cal = await t.api.get(`instruments/${instrument.id}/calendar`, { query: { from: new Date(base + 99 * HOUR).toISOString(), to: new Date(base + 112 * HOUR).toISOString() } });
    expect(cal.body.taken.map((x: any) => x.start)).toEqual([slot(101).start, slot(104).start, slot(110).start]);
  });

  it('refuses a booking needing training until the training record exists, and outside opening hours', async () => {
    const res = await t.api.post('instruments', {
      name: '透射电镜', model: 'JEM-2100', originalValue: 5_000_000, location: '材料楼 102', trainingRequired: true, approvalRequired: false,
      serviceItems: [{ name: '高分辨成像', unit: 'hour', internalPrice: 300, externalPrice: 600 }],
      availability: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, from: '00:00', to: '24:00' })),
    }, { token: owner.accessToken });
    const tem = res.body;
    const user = await signUpOrganisation(t.api, 'enterprise');
    const req = () => t.api.post(`instruments/${tem.id}/bookings`, { serviceItemId: tem.serviceItems[0].id, ...slot(200, 1) }, { token: user.accessToken });
    expect((await req()).body).toMatchObject({ statusCode: 409, code: 'INSTRUMENT_TRAINING_REQUIRED' });
    expect((await t.api.post(`instruments/${tem.id}/trainings`, { userId: user.user.id, trainedOn: '2026-01-05' }, { token: user.accessToken })).status).toBe(403);
    expect((await t.api.post(`instruments/${tem.id}/trainings`, { userId: user.user.id, trainedOn: '2026-01-05' }, { token: owner.accessToken })).status).toBe(201);
    const ok = await req();
    expect(ok.status).toBe(201);
    // No approval needed: approved at once.
    expect(ok.body.status).toBe('approved');
    // A 25-hour booking cannot fit one day's window.
    const long = await t.api.post(`instruments/${tem.id}/bookings`, { serviceItemId: tem.serviceItems[0].id, ...slot(300, 25) }, { token: user.accessToken });
    expect(long.body.details[0]).toMatchObject({ field: 'start', code: 'INSTRUMENT_OUTSIDE_AVAILABILITY' });
  });

  it('an enterprise books, uses and pays with a voucher; the owner claims as provider; staff audit and pay; subsidy figures and CSV follow', async () => {
    const park = await verifiedParkAdmin(t.api);
    const p = await createProgramme(t, park);
    const { enterprise, voucher } = await issuedVoucher(t, park, p.id, 1_000_000);
    // The owner accepts vouchers as a registered provider of testing services.
    const reg = await t.api.post('service-providers', { legalRepresentative: '陈院长', categories: ['testing-inspection'] }, { token: owner.accessToken });
    expect(reg.status).toBe(201);

    const booked = await book(enterprise, 20, 3);
    expect(booked.body).toMatchObject({ status: 'requested', external: true });
    const id = booked.body.id;
    expect((await t.api.post(`instrument-bookings/${id}/approval`, {}, { token: enterprise.accessToken })).status).toBe(403);
    const notices = (await t.api.get('notifications', { token: owner.accessToken, query: { pageSize: 50 } })).body.items;
    expect(notices.map((n: any) => n.kind)).toContain('instrument.booked');
    expect((await t.api.post(`instrument-bookings/${id}/approval`, {}, { token: owner.accessToken })).body.status).toBe('approved');
    expect((await t.api.post(`instrument-bookings/${id}/payment`, { method: 'voucher', voucherId: voucher.id }, { token: enterprise.accessToken })).body).toMatchObject({ statusCode: 409, currentState: 'approved' });
    const used = await t.api.post(`instrument-bookings/${id}/use`, { actualHours: 2.5 }, { token: owner.accessToken });
    expect(used.body).toMatchObject({ status: 'used', actualHours: 2.5, amount: 1125 });
    const paid = await t.api.post(`instrument-bookings/${id}/payment`, { method: 'voucher', voucherId: voucher.id }, { token: enterprise.accessToken });
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({ status: 'paid', paymentMethod: 'voucher', voucherId: voucher.id });
    const v = (await t.api.get(`vouchers/${voucher.id}`, { token: owner.accessToken })).body;
    expect(v).toMatchObject({ status: 'delivered', reservedFen: 112_500, serviceCategory: 'testing-inspection', orderRef: `instrument-booking:${id}` });

    await uploadAllDocuments(t.api, owner, voucher.id);
    expect((await t.api.post(`vouchers/${voucher.id}/claim`, { invoiceNumber: invoiceNumber(), invoiceFen: 112_500 }, { token: owner.accessToken })).body.status).toBe('claimed');
    expect((await t.api.post(`vouchers/${voucher.id}/audit`, { decision: 'approve' }, { token: park.accessToken })).body.status).toBe('audited');
    expect((await t.api.post(`vouchers/${voucher.id}/payment`, {}, { token: park.accessToken })).body.status).toBe('paid');
    expect((await ledgerOf(t.api, park, p.id)).balances).toMatchObject({ paid: 112_500, returned: 887_500 });
    expect((await t.api.post(`instrument-bookings/${id}/rating`, { rating: 5 }, { token: enterprise.accessToken })).body.status).toBe('rated');

    // An internal booking paid in cash, and a no-show: the share rate counts used hours only.
    const colleague = await addMember(t.api, owner, ['member']);
    const internal = await book(colleague, 30, 2);
    expect(internal.body.external).toBe(false);
    await t.api.post(`instrument-bookings/${internal.body.id}/approval`, {}, { token: owner.accessToken });
    expect((await t.api.post(`instrument-bookings/${internal.body.id}/use`, { actualHours: 1.5 }, { token: owner.accessToken })).body.amount).toBe(300);
    expect((await t.api.post(`instrument-bookings/${internal.body.id}/payment`, { method: 'cash' }, { token: owner.accessToken })).body.status).toBe('paid');
    const absent = await book(enterprise, 40, 1);
    await t.api.post(`instrument-bookings/${absent.body.id}/approval`, {}, { token: owner.accessToken });
    // Cash is recorded by the owner, never by the booker.
    expect((await t.api.post(`instrument-bookings/${absent.body.id}/payment`, { method: 'cash' }, { token: enterprise.accessToken })).status).toBe(403);
    expect((await t.api.post(`instrument-bookings/${absent.body.id}/no-show`, {}, { token: owner.accessToken })).body.status).toBe('no-show');

    const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date(base + 20 * HOUR)));
    const claim = await t.api.post('instrument-subsidy-claims', { year }, { token: owner.accessToken });
    expect(claim.status).toBe(201);
    expect(claim.body).toMatchObject({ bookings: 2, effectiveHours: 4, externalHours: 2.5, shareRate: 0.625, externalRevenue: 1125 });
    expect((await t.api.post('instrument-subsidy-claims', { year }, { token: enterprise.accessToken })).body.bookings).toBe(0);
    const csv = await t.api.get(`instrument-subsidy-claims/${claim.body.id}/csv`, { token: owner.accessToken });
    expect(csv.status).toBe(200);
    expect(String(csv.headers['content-type'])).toContain('text/csv');
    const lines = csv.raw.toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[1]).toBe('"场发射扫描电子显微镜","SU8020","2","4.00","2.50","0.6250","1125.00"');
    expect(lines[2]).toContain('"合计 total"');
    expect((await t.api.get(`instrument-subsidy-claims/${claim.body.id}/csv`, { token: enterprise.accessToken })).status).toBe(404);
  });

  it('photos can be viewed: the uploaded bytes come back with their type; a withdrawn instrument\'s only to its owner', async () => {
    const res = await t.api.post('instruments', {
      name: '原子力显微镜', model: 'Dimension Icon', originalValue: 2_100_000, location: '材料楼 105',
      serviceItems: [{ name: '表面形貌', unit: 'hour', internalPrice: 180, externalPrice: 420 }],
    }, { token: owner.accessToken });
    const afm = res.body;
    // A PNG signature then random bytes: what comes back must be exactly these.
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(4096)]);
    const { body, headers } = multipartFile('file', '原子力显微镜.png', 'image/png', png);
    const up = await t.api.post(`instruments/${afm.id}/photos`, body, { token: owner.accessToken, headers });
    expect(up.status).toBe(200);
    expect(up.body.photos).toEqual(['原子力显微镜.png']);
    expect(up.body.photoIds).toHaveLength(1);
    const url = `instruments/${afm.id}/photos/${up.body.photoIds[0]}`;

    // Public while the instrument is in the directory.
    const seen = await t.api.get(url);
    expect(seen.status).toBe(200);
    expect(seen.headers['content-type']).toBe('image/png');
    expect(Number(seen.headers['content-length'])).toBe(png.length);
    expect(seen.headers['content-disposition']).toContain("filename*=UTF-8''%E5%8E%9F");
    expect(Buffer.compare(seen.raw, png)).toBe(0);
    expect((await t.api.get(`instruments/${afm.id}`)).body.photoIds).toEqual(up.body.photoIds);
    expect((await t.api.get(`instruments/${afm.id}/photos/${randomUUID()}`)).body).toMatchObject({ statusCode: 404, code: 'INSTRUMENT_PHOTO_NOT_FOUND' });
    expect((await t.api.get(`instruments/${afm.id}/photos/not-a-uuid`)).status).toBe(400);

    // Withdrawn from sharing: others (signed in or not) get a 404; the owner still sees it.
    expect((await t.api.post(`instruments/${afm.id}/withdrawal`, {}, { token: owner.accessToken })).body.status).toBe('withdrawn');
    expect((await t.api.get(url)).body).toMatchObject({ statusCode: 404, code: 'INSTRUMENT_NOT_FOUND' });
    const stranger = await signUpOrganisation(t.api, 'enterprise');
    expect((await t.api.get(url, { token: stranger.accessToken })).status).toBe(404);
    const own = await t.api.get(url, { token: owner.accessToken });
    expect(own.status).toBe(200);
    expect(Buffer.compare(own.raw, png)).toBe(0);
  });

  it('the owner or platform staff withdraw and share again: hidden and unbookable while withdrawn, approved bookings stay, illegal steps 409', async () => {
    const res = await t.api.post('instruments', {
      name: '拉曼光谱仪', model: 'LabRAM HR', originalValue: 1_600_000, location: '材料楼 106', approvalRequired: true,
      serviceItems: [{ name: '拉曼光谱', unit: 'hour', internalPrice: 150, externalPrice: 380 }],
    }, { token: owner.accessToken });
    const raman = res.body;
    const bookRaman = (s: Session, h: number) => t.api.post(`instruments/${raman.id}/bookings`, { serviceItemId: raman.serviceItems[0].id, ...slot(h) }, { token: s.accessToken });
    const user = await signUpOrganisation(t.api, 'enterprise');
    const approved = (await bookRaman(user, 200)).body;
    expect((await t.api.post(`instrument-bookings/${approved.id}/approval`, {}, { token: owner.accessToken })).body.status).toBe('approved');
    const listed = async () => (await t.api.get('instruments', { query: { q: 'LabRAM', pageSize: 50 } })).body.items.map((i: any) => i.id);
    expect(await listed()).toEqual([raman.id]);

    // Another organisation may not withdraw it (403), and sharing an instrument already shared is an illegal step.
    expect((await t.api.post(`instruments/${raman.id}/withdrawal`, {}, { token: user.accessToken })).status).toBe(403);
    const again = await t.api.post(`instruments/${raman.id}/sharing`, {}, { token: owner.accessToken });
    expect(again.status).toBe(409);
    expect(again.body.currentState).toBe('active');

    const out = await t.api.post(`instruments/${raman.id}/withdrawal`, {}, { token: owner.accessToken });
    expect(out.status).toBe(200);
    expect(out.body.status).toBe('withdrawn');
    expect((await t.api.post(`instruments/${raman.id}/withdrawal`, {}, { token: owner.accessToken })).body).toMatchObject({ statusCode: 409, currentState: 'withdrawn' });
    // Hidden: 404 for anonymous callers and other organisations (also for steps they could not take anyway), gone from the list.
    expect((await t.api.get(`instruments/${raman.id}`)).body).toMatchObject({ statusCode: 404, code: 'INSTRUMENT_NOT_FOUND' });
    expect((await t.api.get(`instruments/${raman.id}`, { token: user.accessToken })).status).toBe(404);
    expect((await t.api.post(`instruments/${raman.id}/sharing`, {}, { token: user.accessToken })).status).toBe(404);
    expect(await listed()).toEqual([]);
    expect((await t.api.get(`instruments/${raman.id}`, { token: owner.accessToken })).body.status).toBe('withdrawn');
    // No new bookings; the approved one stays and is used as agreed.
    expect((await bookRaman(user, 210)).body).toMatchObject({ statusCode: 409, code: 'INSTRUMENT_WITHDRAWN' });
    expect((await t.api.get(`instrument-bookings/${approved.id}`, { token: user.accessToken })).body.status).toBe('approved');
    expect((await t.api.post(`instrument-bookings/${approved.id}/use`, { actualHours: 2 }, { token: owner.accessToken })).body.status).toBe('used');

    // Platform staff may see and share it again; then it is public and bookable once more.
    const staff = await signInAdmin(t.api);
    expect((await t.api.get(`instruments/${raman.id}`, { token: staff.accessToken })).status).toBe(200);
    expect((await t.api.post(`instruments/${raman.id}/sharing`, {}, { token: staff.accessToken })).body.status).toBe('active');
    expect((await t.api.get(`instruments/${raman.id}`)).status).toBe(200);
    expect(await listed()).toEqual([raman.id]);
    expect((await bookRaman(user, 220)).status).toBe(201);
    const audit = await t.db.dataSource.query(`SELECT action FROM audit_entry WHERE entity_id = $1 ORDER BY id`, [raman.id]);
    expect(audit.map((a: any) => a.action)).toEqual(['instrument.register', 'instrument.withdraw', 'instrument.share']);
  });
});
