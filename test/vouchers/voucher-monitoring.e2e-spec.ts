import { MovableClock } from '@techbridge/platform';
import { createTestApp, Session, signInAdmin, signUpOrganisation, TestApp } from '../support/test-app';
import { createProgramme, invoiceNumber, issuedVoucher, PARK, registerProvider, uploadAllDocuments, verifiedParkAdmin } from './voucher-helpers';

const HOUR = 3_600_000;

/** Vouchers and instruments feed quarterly monitoring through their facades: issued, redeemed, cross-region, share rate. */
describe('vouchers and instruments in quarterly monitoring (e2e)', () => {
  let t: TestApp;
  let admin: Session;
  const line = (r: any, park: string | null, indicator: string, breakdown = '') => r.lines.find((l: any) => l.park === park && l.indicator === indicator && l.breakdown === breakdown);

  beforeAll(async () => {
    t = await createTestApp({ worker: true, clock: new MovableClock(new Date('2026-05-11T02:00:00Z')) });
    admin = await signInAdmin(t.api);
  });
  afterAll(() => t.close());

  it('reports vouchers issued and redeemed by park, the cross-region amount and the instruments’ share rate', async () => {
    const park = await verifiedParkAdmin(t.api);
    const p = await createProgramme(t, park);
    const { enterprise, voucher } = await issuedVoucher(t, park, p.id, 500_000);
    const beijing = await registerProvider(t.api, { region: 'BJ' });
    await t.api.post(`vouchers/${voucher.id}/reservation`, { providerId: beijing.provider.id, serviceCategory: 'technology-development', amountFen: 300_000, orderDescription: '工艺开发' }, { token: enterprise.accessToken });
    await t.api.post(`vouchers/${voucher.id}/delivery`, {}, { token: beijing.session.accessToken });
    await uploadAllDocuments(t.api, beijing.session, voucher.id);
    await t.api.post(`vouchers/${voucher.id}/claim`, { invoiceNumber: invoiceNumber(), invoiceFen: 300_000 }, { token: beijing.session.accessToken });
    await t.api.post(`vouchers/${voucher.id}/audit`, { decision: 'approve' }, { token: park.accessToken });
    expect((await t.api.post(`vouchers/${voucher.id}/payment`, {}, { token: park.accessToken })).body.status).toBe('paid');

    const owner = await signUpOrganisation(t.api, 'institute', { parkCode: PARK });
    const inst = (await t.api.post('instruments', {
      name: '核磁共振波谱仪', model: 'AVANCE III 600', originalValue: 6_000_000, location: '分析测试中心', approvalRequired: false,
      serviceItems: [{ name: '氢谱', unit: 'hour', internalPrice: 100, externalPrice: 300 }],
    }, { token: owner.accessToken })).body;
    const base = t.clock.now().getTime() + 48 * HOUR;
    const useFor = async (s: Session, h: number, hours: number) => {
      const b = await t.api.post(`instruments/${inst.id}/bookings`, { serviceItemId: inst.serviceItems[0].id, start: new Date(base + h * HOUR).toISOString(), end: new Date(base + (h + 5) * HOUR).toISOString() }, { token: s.accessToken });
      expect(b.status).toBe(201);
      expect((await t.api.post(`instrument-bookings/${b.body.id}/use`, { actualHours: hours }, { token: owner.accessToken })).status).toBe(200);
    };
    await useFor(enterprise, 0, 4);
    await useFor(owner, 10, 1);

    expect((await t.api.post('monitoring/quarters', { quarter: '2026Q2' }, { token: admin.accessToken })).status).toBe(201);
    expect((await t.api.post('monitoring/quarters/2026Q2/publish', {}, { token: admin.accessToken })).status).toBe(200);
    const report = (await t.api.get('monitoring/reports/2026Q2', { token: admin.accessToken })).body;
    expect(line(report, PARK, 'vouchers-issued').value).toBe(1);
    expect(line(report, PARK, 'vouchers-issued-amount').value).toBe(5000);
    expect(line(report, PARK, 'vouchers-redeemed-amount').value).toBe(3000);
    expect(line(report, PARK, 'vouchers-cross-region-amount').value).toBe(3000);
    expect(line(report, null, 'vouchers-cross-region-amount', 'flow:HE>BJ').value).toBe(3000);
    expect(line(report, PARK, 'instrument-effective-hours').value).toBe(5);
    expect(line(report, PARK, 'instrument-external-hours').value).toBe(4);
    expect(line(report, PARK, 'instrument-share-rate').value).toBe(80);
    const indicators = (await t.api.get('monitoring/indicators', { token: admin.accessToken })).body;
    const shareRate = (Array.isArray(indicators) ? indicators : indicators.items).find((i: any) => i.code === 'instrument-share-rate');
    expect(shareRate).toBeTruthy();
  });
});
