import { Session, signUpOrganisation, TestApp, createTestApp } from '../support/test-app';
import { applyFor, createProgramme, invoiceNumber, issuedVoucher, ledgerOf, PARK, PASSING_EVIDENCE, registerProvider, uploadAllDocuments, verifiedParkAdmin } from './voucher-helpers';

describe('vouchers: programmes and the lifecycle', () => {
  let t: TestApp;
  let park: Session;

  beforeAll(async () => {
    t = await createTestApp({ worker: true });
    park = await verifiedParkAdmin(t.api);
  });
  afterAll(() => t.close());

  it('only the platform or a verified park administration sets up programmes; statutory testing is refused', async () => {
    const unverified = await signUpOrganisation(t.api, 'park-administration', { parkCode: PARK });
    await expect(createProgramme(t, unverified)).rejects.toThrow(/403/);
    const enterprise = await signUpOrganisation(t.api, 'enterprise');
    await expect(createProgramme(t, enterprise)).rejects.toThrow(/403/);
    const statutory = await t.api.post('voucher-programmes', { ...(await createProgrammeBody()), categories: ['statutory-testing'] }, { token: park.accessToken });
    expect(statutory.status).toBe(400);
    expect(statutory.body.details[0]).toMatchObject({ field: 'categories', code: 'VOUCHER_STATUTORY_TESTING' });
    const p = await createProgramme(t, park);
    expect(p.parkCode).toBe(PARK);
    expect(p.rules.map((r: any) => r.rule).sort()).toEqual(['ip-rights-min', 'rd-share-min', 'sme-revenue-max', 'sme-staff-max']);
    expect(await ledgerOf(t.api, park, p.id)).toMatchObject({ budgetFen: 10_000_000, totalFen: 10_000_000, availableFen: 10_000_000 });
  });

  async function createProgrammeBody() {
    const now = t.clock.now().getTime();
    return {
      name: 'x programme', budgetFen: 1000, yearlyCapFen: 1000, faceValuesFen: [100], validityDays: 10, categories: ['evaluation'], rules: [],
      rounds: [{ opensAt: new Date(now).toISOString(), closesAt: new Date(now + 1000).toISOString(), quotaFen: 1000 }],
    };
  }

  it('screens automatically against the rule rows: a failed rule refuses with its figure', async () => {
    const p = await createProgramme(t, park);
    const enterprise = await signUpOrganisation(t.api, 'enterprise');
    const res = await t.api.post('vouchers', { programmeId: p.id, requestedFen: 500_000, legalRepresentative: '李四', evidence: { ...PASSING_EVIDENCE, ipRights: 0, staff: 900 } }, { token: enterprise.accessToken });
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('refused');
    const failed = res.body.screening.filter((o: any) => !o.passed);
    expect(failed).toEqual(expect.arrayContaining([{ rule: 'ip-rights-min', figure: 1, value: 0, passed: false }, { rule: 'sme-staff-max', figure: 500, value: 900, passed: false }]));
    // Figures are configurable: lowering the IP threshold to 0 and raising staff lets the next application through.
    const rules = await t.api.put(`voucher-programmes/${p.id}/rules`, { rules: [{ rule: 'sme-staff-max', figure: 1000 }, { rule: 'ip-rights-min', figure: 0 }] }, { token: park.accessToken });
    expect(rules.status).toBe(200);
    const again = await t.api.post('vouchers', { programmeId: p.id, requestedFen: 500_000, legalRepresentative: '李四', evidence: { ...PASSING_EVIDENCE, ipRights: 0, staff: 900 } }, { token: enterprise.accessToken });
    expect(again.body.status).toBe('screened');
    // A face value not on offer is a 400 naming the field.
    const odd = await t.api.post('vouchers', { programmeId: p.id, requestedFen: 123, legalRepresentative: '李四', evidence: PASSING_EVIDENCE }, { token: (await signUpOrganisation(t.api, 'enterprise')).accessToken });
    expect(odd.status).toBe(400);
    expect(odd.body.details[0].field).toBe('requestedFen');
  });

  it('walks application → issued → reserved → delivered → claimed → audited → paid, the ledger balanced at every step', async () => {
    const p = await createProgramme(t, park);
    const { enterprise, voucher } = await issuedVoucher(t, park, p.id, 1_000_000);
    expect(voucher).toMatchObject({ status: 'issued', amountFen: 1_000_000 });
    expect(Date.parse(voucher.expiresAt) - Date.parse(voucher.issuedAt)).toBe(180 * 86_400_000);
    expect((await ledgerOf(t.api, park, p.id)).balances).toMatchObject({ pool: 9_000_000, issued: 1_000_000 });

    const { session: lab, provider } = await registerProvider(t.api);
    const reserved = await t.api.post(`vouchers/${voucher.id}/reservation`, { providerId: provider.id, serviceCategory: 'testing-inspection', amountFen: 800_000, orderDescription: '材料性能检测' }, { token: enterprise.accessToken });
    expect(reserved.status).toBe(200);
    expect(reserved.body).toMatchObject({ status: 'reserved', reservedFen: 800_000, providerId: provider.id });
    expect((await ledgerOf(t.api, park, p.id)).balances).toMatchObject({ issued: 200_000, reserved: 800_000 });
    // Someone else's voucher is not even visible.
    const stranger = await signUpOrganisation(t.api, 'enterprise');
    expect((await t.api.get(`vouchers/${voucher.id}`, { token: stranger.accessToken })).status).toBe(404);
    // The holder cannot claim, the provider cannot pay.
    expect((await t.api.post(`vouchers/${voucher.id}/delivery`, {}, { token: enterprise.accessToken })).status).toBe(403);

    expect((await t.api.post(`vouchers/${voucher.id}/delivery`, {}, { token: lab.accessToken })).body.status).toBe('delivered');
    const early = await t.api.post(`vouchers/${voucher.id}/claim`, { invoiceNumber: invoiceNumber(), invoiceFen: 900_000 }, { token: lab.accessToken });
    expect(early.status).toBe(409);
    expect(early.body.missing).toEqual(['contract', 'invoice', 'payment-proof', 'service-report']);
    await uploadAllDocuments(t.api, lab, voucher.id);
    const claimed = await t.api.post(`vouchers/${voucher.id}/claim`, { invoiceNumber: invoiceNumber(), invoiceFen: 900_000 }, { token: lab.accessToken });
    expect(claimed.status).toBe(200);
    expect(claimed.body).toMatchObject({ status: 'claimed', documents: ['contract', 'invoice', 'payment-proof', 'service-report'] });
    expect((await t.api.post(`vouchers/${voucher.id}/payment`, {}, { token: park.accessToken })).body).toMatchObject({ statusCode: 409, currentState: 'claimed' });
    expect((await t.api.post(`vouchers/${voucher.id}/audit`, { decision: 'approve' }, { token: lab.accessToken })).status).toBe(403);
    expect((await t.api.post(`vouchers/${voucher.id}/audit`, { decision: 'approve', note: '材料齐全' }, { token: park.accessToken })).body.status).toBe('audited');
    const paid = await t.api.post(`vouchers/${voucher.id}/payment`, {}, { token: park.accessToken });
    expect(paid.body.status).toBe('paid');
    const ledger = await ledgerOf(t.api, park, p.id);
    // The unused 200,000 returns for issuing again.
    expect(ledger.balances).toMatchObject({ pool: 9_000_000, issued: 0, reserved: 0, paid: 800_000, returned: 200_000 });
    expect(ledger.totalFen).toBe(10_000_000);
    const entries = await t.api.get(`voucher-programmes/${p.id}/ledger/entries`, { token: park.accessToken });
    expect(entries.body.items.map((e: any) => e.kind).sort()).toEqual(['issue', 'open', 'pay', 'reserve', 'return']);

    // Each side heard of its step.
    const kinds = async (s: Session) => (await t.api.get('notifications', { token: s.accessToken, query: { pageSize: 50 } })).body.items.map((n: any) => n.kind);
    expect(await kinds(enterprise)).toContain('voucher.issued');
    expect(await kinds(park)).toContain('voucher.claimed');
    expect(await kinds(lab)).toEqual(expect.arrayContaining(['voucher.audited', 'voucher.paid']));

    // The holder rates the provider once; the directory shows it.
    expect((await t.api.post(`vouchers/${voucher.id}/rating`, { rating: 4 }, { token: enterprise.accessToken })).status).toBe(200);
    expect((await t.api.post(`vouchers/${voucher.id}/rating`, { rating: 5 }, { token: enterprise.accessToken })).status).toBe(409);
    expect((await t.api.get(`service-providers/${provider.id}`)).body).toMatchObject({ rating: 4, ratingCount: 1 });
    const mine = await t.api.get('vouchers', { token: lab.accessToken, query: { as: 'provider' } });
    expect(mine.body.items.map((v: any) => v.id)).toEqual([voucher.id]);
  });

  it('staff refuse a screened application: the round quota and the yearly cap are given back', async () => {
    const p = await createProgramme(t, park, { rounds: [{ opensAt: new Date(t.clock.now().getTime() - 1000).toISOString(), closesAt: new Date(t.clock.now().getTime() + 86_400_000).toISOString(), quotaFen: 500_000 }] });
    const a = await signUpOrganisation(t.api, 'enterprise');
    const first = await applyFor(t.api, a, p.id);
    expect(first.body.status).toBe('screened');
    const b = await signUpOrganisation(t.api, 'enterprise');
    expect((await applyFor(t.api, b, p.id)).body).toMatchObject({ code: 'VOUCHER_ROUND_EXHAUSTED', remainingFen: 0 });
    expect((await t.api.post(`vouchers/${first.body.id}/refuse`, { note: '材料不实' }, { token: park.accessToken })).body.status).toBe('refused');
    expect((await applyFor(t.api, b, p.id)).body.status).toBe('screened');
  });

  it('a rejected claim returns the money for issuing again', async () => {
    const p = await createProgramme(t, park);
    const { enterprise, voucher } = await issuedVoucher(t, park, p.id);
    const { session: lab, provider } = await registerProvider(t.api);
    await t.api.post(`vouchers/${voucher.id}/reservation`, { providerId: provider.id, serviceCategory: 'evaluation', amountFen: 100, orderDescription: '评估' }, { token: enterprise.accessToken })
      .then((r) => expect(r.body.code).toBe('VOUCHER_CATEGORY_NOT_ELIGIBLE'));
    await t.api.post(`vouchers/${voucher.id}/reservation`, { providerId: provider.id, serviceCategory: 'testing-inspection', amountFen: 500_000, orderDescription: '检测' }, { token: enterprise.accessToken });
    await t.api.post(`vouchers/${voucher.id}/delivery`, {}, { token: lab.accessToken });
    await uploadAllDocuments(t.api, lab, voucher.id);
    await t.api.post(`vouchers/${voucher.id}/claim`, { invoiceNumber: invoiceNumber(), invoiceFen: 500_000 }, { token: lab.accessToken });
    expect((await t.api.post(`vouchers/${voucher.id}/audit`, { decision: 'reject', note: '服务报告不符' }, { token: park.accessToken })).body.status).toBe('rejected');
    expect((await ledgerOf(t.api, park, p.id)).balances).toMatchObject({ pool: 9_500_000, returned: 500_000, reserved: 0 });
  });
});
