import { QueueName, safeJobId } from '@techbridge/platform';
import { createTestApp, Session, signInAdmin, signUpOrganisation, TestApp } from '../support/test-app';
import { applyFor, createProgramme, DAY, invoiceNumber, issuedVoucher, ledgerOf, PARK, registerProvider, uploadAllDocuments, verifiedParkAdmin } from './voucher-helpers';

/** Every fraud rule, the yearly cap, expiry through the scheduled job, mutual recognition, and the database's own guards on the ledger. */
describe('vouchers: fraud controls, cap, expiry, mutual recognition', () => {
  let t: TestApp;
  let park: Session;
  let admin: Session;

  beforeAll(async () => {
    t = await createTestApp({ worker: true });
    park = await verifiedParkAdmin(t.api);
    admin = await signInAdmin(t.api);
  });
  afterAll(() => t.close());

  const reserve = (voucherId: string, enterprise: Session, providerId: string, amountFen = 300_000) =>
    t.api.post(`vouchers/${voucherId}/reservation`, { providerId, serviceCategory: 'testing-inspection', amountFen, orderDescription: '检测服务' }, { token: enterprise.accessToken });

  async function deliveredVoucher(p: any) {
    const { enterprise, voucher } = await issuedVoucher(t, park, p.id);
    const { session: lab, provider } = await registerProvider(t.api);
    expect((await reserve(voucher.id, enterprise, provider.id)).status).toBe(200);
    await t.api.post(`vouchers/${voucher.id}/delivery`, {}, { token: lab.accessToken });
    await uploadAllDocuments(t.api, lab, voucher.id);
    return { enterprise, voucher, lab, provider };
  }

  it('refuses related parties naming the relation: same legal representative, shareholder relation', async () => {
    const p = await createProgramme(t, park);
    const { enterprise, voucher } = await issuedVoucher(t, park, p.id, 500_000, '周同人');
    const sameRep = await registerProvider(t.api, { legalRepresentative: '周 同人' });
    const r1 = await reserve(voucher.id, enterprise, sameRep.provider.id);
    expect(r1.status).toBe(409);
    expect(r1.body).toMatchObject({ code: 'VOUCHER_RELATED_PARTY', relation: 'same-legal-representative' });
    expect(r1.body.message).toContain('法定代表人相同');

    const held = await registerProvider(t.api);
    const me = (await t.api.get('me', { token: enterprise.accessToken })).body.organisation;
    const labOrg = (await t.api.get('me', { token: held.session.accessToken })).body.organisation;
    // Only staff keep the relation data.
    expect((await t.api.post('voucher-party-relations', { shareholderCreditCode: me.creditCode, heldCreditCode: labOrg.creditCode }, { token: enterprise.accessToken })).status).toBe(403);
    const rel = await t.api.post('voucher-party-relations', { shareholderCreditCode: me.creditCode, heldCreditCode: labOrg.creditCode, note: '持股 30%' }, { token: park.accessToken });
    expect(rel.status).toBe(201);
    const r2 = await reserve(voucher.id, enterprise, held.provider.id);
    expect(r2.body).toMatchObject({ statusCode: 409, relation: 'shareholder' });
    expect((await t.api.get('voucher-party-relations', { token: park.accessToken })).body.items.map((r: any) => r.id)).toContain(rel.body.id);

    // The same credit code: a provider registered with the enterprise's own organisation.
    const own = await t.api.post('service-providers', { legalRepresentative: '另一人', categories: ['testing-inspection'] }, { token: enterprise.accessToken });
    expect(own.status).toBe(201);
    expect((await reserve(voucher.id, enterprise, own.body.id)).body).toMatchObject({ statusCode: 409, relation: 'same-credit-code' });
    // An unrelated provider is accepted.
    const clean = await registerProvider(t.api);
    expect((await reserve(voucher.id, enterprise, clean.provider.id)).status).toBe(200);
  });

  it('refuses blacklisted providers; only platform administrators blacklist', async () => {
    const p = await createProgramme(t, park);
    const { enterprise, voucher } = await issuedVoucher(t, park, p.id);
    const { provider } = await registerProvider(t.api);
    expect((await t.api.post(`service-providers/${provider.id}/blacklist`, { reason: '虚假报告' }, { token: park.accessToken })).status).toBe(403);
    expect((await t.api.post(`service-providers/${provider.id}/blacklist`, { reason: '虚假报告' }, { token: admin.accessToken })).body.blacklisted).toBe(true);
    expect((await reserve(voucher.id, enterprise, provider.id)).body).toMatchObject({ statusCode: 409, code: 'VOUCHER_PROVIDER_BLACKLISTED' });
    // Blacklisted providers leave the directory.
    const listed = await t.api.get('service-providers', { query: { category: 'testing-inspection', pageSize: 100 } });
    expect(listed.body.items.map((x: any) => x.id)).not.toContain(provider.id);
  });

  it('programme administrators lift a blacklisting with a reason and delete a recorded relation, both audited; others get 404', async () => {
    const p = await createProgramme(t, park);
    const { enterprise, voucher } = await issuedVoucher(t, park, p.id);
    const { session: lab, provider } = await registerProvider(t.api);
    const auditOf = (id: string) => t.db.dataSource.query(`SELECT action, changes FROM audit_entry WHERE entity_id = $1 ORDER BY id`, [id]);
    // Not blacklisted yet: lifting is an illegal step.
    expect((await t.api.post(`service-providers/${provider.id}/blacklist-lifting`, { reason: '复核无误' }, { token: park.accessToken })).body).toMatchObject({ statusCode: 409, currentState: 'not-blacklisted' });
    await t.api.post(`service-providers/${provider.id}/blacklist`, { reason: '虚假报告' }, { token: admin.accessToken });
    expect((await reserve(voucher.id, enterprise, provider.id)).body.code).toBe('VOUCHER_PROVIDER_BLACKLISTED');
    // The enterprise, the provider itself and an unverified park administration are not programme administrators.
    const unverifiedPark = await signUpOrganisation(t.api, 'park-administration', { parkCode: PARK });
    for (const s of [enterprise, lab, unverifiedPark]) {
      expect((await t.api.post(`service-providers/${provider.id}/blacklist-lifting`, { reason: '复核无误' }, { token: s.accessToken })).body).toMatchObject({ statusCode: 404, code: 'VOUCHER_PROVIDER_NOT_FOUND' });
    }
    expect((await t.api.post(`service-providers/${provider.id}/blacklist-lifting`, {}, { token: park.accessToken })).status).toBe(400);
    const lifted = await t.api.post(`service-providers/${provider.id}/blacklist-lifting`, { reason: '复核认定报告真实' }, { token: park.accessToken });
    expect(lifted.status).toBe(200);
    expect(lifted.body.blacklisted).toBe(false);
    expect((await reserve(voucher.id, enterprise, provider.id)).status).toBe(200);
    expect((await t.api.get('service-providers', { query: { category: 'testing-inspection', pageSize: 100 } })).body.items.map((x: any) => x.id)).toContain(provider.id);
    const providerAudit = await auditOf(provider.id);
    expect(providerAudit.map((a: any) => a.action)).toEqual(['voucher-provider.register', 'voucher-provider.blacklist', 'voucher-provider.lift-blacklist']);
    expect(providerAudit[2].changes).toMatchObject({ reason: '复核认定报告真实', blacklistReason: '虚假报告' });
    await t.api.post(`vouchers/${voucher.id}/release`, {}, { token: enterprise.accessToken });

    // A relation recorded in error: deleted by an administrator, the related-party refusal goes with it.
    const held = await registerProvider(t.api);
    const me = (await t.api.get('me', { token: enterprise.accessToken })).body.organisation;
    const labOrg = (await t.api.get('me', { token: held.session.accessToken })).body.organisation;
    const rel = (await t.api.post('voucher-party-relations', { shareholderCreditCode: me.creditCode, heldCreditCode: labOrg.creditCode, note: '误录' }, { token: park.accessToken })).body;
    expect((await reserve(voucher.id, enterprise, held.provider.id)).body).toMatchObject({ statusCode: 409, relation: 'shareholder' });
    for (const s of [enterprise, held.session, unverifiedPark]) {
      expect((await t.api.delete(`voucher-party-relations/${rel.id}`, { token: s.accessToken })).body).toMatchObject({ statusCode: 404, code: 'VOUCHER_PARTY_RELATION_NOT_FOUND' });
    }
    const removed = await t.api.delete(`voucher-party-relations/${rel.id}`, { token: admin.accessToken });
    expect(removed.status).toBe(200);
    expect(removed.body.id).toBe(rel.id);
    expect((await t.api.delete(`voucher-party-relations/${rel.id}`, { token: admin.accessToken })).status).toBe(404);
    expect((await t.api.get('voucher-party-relations', { token: park.accessToken, query: { pageSize: 100 } })).body.items.map((r: any) => r.id)).not.toContain(rel.id);
    expect((await reserve(voucher.id, enterprise, held.provider.id)).status).toBe(200);
    const relationAudit = await auditOf(rel.id);
    expect(relationAudit.map((a: any) => a.action)).toEqual(['voucher-relation.record', 'voucher-relation.delete']);
    expect(relationAudit[1].changes).toMatchObject({ shareholderCreditCode: me.creditCode, heldCreditCode: labOrg.creditCode });
  });

  it('one claim per invoice: a second claim on the same invoice is a 409', async () => {
    const p = await createProgramme(t, park);
    const a = await deliveredVoucher(p);
    const b = await deliveredVoucher(p);
    const invoice = invoiceNumber();
    expect((await t.api.post(`vouchers/${a.voucher.id}/claim`, { invoiceNumber: invoice, invoiceFen: 300_000 }, { token: a.lab.accessToken })).status).toBe(200);
    const dup = await t.api.post(`vouchers/${b.voucher.id}/claim`, { invoiceNumber: invoice.toLowerCase(), invoiceFen: 300_000 }, { token: b.lab.accessToken });
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ code: 'VOUCHER_DUPLICATE_INVOICE', details: [{ field: 'invoiceNumber' }] });
    expect((await t.api.get(`vouchers/${b.voucher.id}`, { token: b.lab.accessToken })).body.status).toBe('delivered');
  });

  it('the yearly cap per enterprise: 409 with the remaining amount', async () => {
    const p = await createProgramme(t, park, { yearlyCapFen: 1_500_000 });
    const { enterprise, voucher } = await issuedVoucher(t, park, p.id, 1_000_000);
    expect(voucher.status).toBe('issued');
    const over = await applyFor(t.api, enterprise, p.id, 1_000_000);
    expect(over.status).toBe(409);
    expect(over.body).toMatchObject({ code: 'VOUCHER_YEARLY_CAP_REACHED', remainingFen: 500_000 });
    expect(over.body.message).toContain('500000');
    expect((await applyFor(t.api, enterprise, p.id, 500_000)).body.status).toBe('screened');
  });

  it('collusion found on audit voids the voucher and blacklists the provider', async () => {
    const p = await createProgramme(t, park);
    const { voucher, lab, provider } = await deliveredVoucher(p);
    await t.api.post(`vouchers/${voucher.id}/claim`, { invoiceNumber: invoiceNumber(), invoiceFen: 300_000 }, { token: lab.accessToken });
    const voided = await t.api.post(`vouchers/${voucher.id}/audit`, { decision: 'collusion', note: '服务未实际发生' }, { token: park.accessToken });
    expect(voided.body.status).toBe('voided');
    expect((await t.api.get(`service-providers/${provider.id}`)).body.blacklisted).toBe(true);
    const ledger = await ledgerOf(t.api, park, p.id);
    expect(ledger.balances).toMatchObject({ voided: 500_000, issued: 0, reserved: 0, pool: 9_500_000 });
    expect(ledger.totalFen).toBe(10_000_000);
  });

  it('expiry returns the money through the scheduled job (deterministic id, idempotent)', async () => {
    const p = await createProgramme(t, park, { validityDays: 30 });
    const { voucher } = await issuedVoucher(t, park, p.id);
    // Every outbox row delivered, the ones another relay pass had leased included (drainUntilEmpty alone returns when
    // it claims nothing, possibly while a running pass is still enqueuing the expiry job).
    await t.drain();
    const job = await t.jobs.queue(QueueName.Lifecycle).getJob(safeJobId(`voucher:${voucher.id}:expire`));
    expect(job).toBeTruthy();
    expect(await job!.getState()).toBe('delayed');
    expect(Math.abs(job!.opts.delay! - 30 * DAY)).toBeLessThan(10_000);
    const before = t.clock.now();
    t.clock.set(new Date(Date.parse(voucher.expiresAt) + 1000));
    try {
      // Run the real job now instead of waiting 30 days.
      await job!.promote();
      await t.drain();
      expect((await t.api.get(`vouchers/${voucher.id}`, { token: park.accessToken })).body.status).toBe('expired');
      const ledger = await ledgerOf(t.api, park, p.id);
      expect(ledger.balances).toMatchObject({ issued: 0, returned: 500_000 });
      expect(ledger.availableFen).toBe(10_000_000);
      // A second run finds nothing to do.
      const { VouchersJobs } = await import('../../libs/vouchers/src/vouchers.jobs');
      expect(await t.app.get(VouchersJobs).expire({ voucherId: voucher.id })).toEqual({ outcome: 'skipped' });
      expect((await ledgerOf(t.api, park, p.id)).balances.returned).toBe(500_000);
    } finally {
      t.clock.set(before);
    }
  });

  it('an expired voucher stops counting against the yearly cap: a new application within the cap then succeeds', async () => {
    const before = t.clock.now();
    // Issue and expiry in one calendar year (the cap is yearly), whatever day the suite runs.
    t.clock.set(new Date('2026-05-04T02:00:00Z'));
    try {
      const p = await createProgramme(t, park, { yearlyCapFen: 1_000_000, validityDays: 30 });
      const { enterprise, voucher } = await issuedVoucher(t, park, p.id, 1_000_000);
      await t.drain();
      const job = await t.jobs.queue(QueueName.Lifecycle).getJob(safeJobId(`voucher:${voucher.id}:expire`));
      expect(await job!.getState()).toBe('delayed');
      t.clock.set(new Date(Date.parse(voucher.expiresAt) + 1000));
      // Same instant, before the job runs: the issued voucher still fills the cap.
      const refused = await applyFor(t.api, enterprise, p.id, 500_000);
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ code: 'VOUCHER_YEARLY_CAP_REACHED', remainingFen: 0 });
      await job!.promote();
      await t.drain();
      expect((await t.api.get(`vouchers/${voucher.id}`, { token: park.accessToken })).body.status).toBe('expired');
      const again = await applyFor(t.api, enterprise, p.id, 1_000_000);
      expect(again.status).toBe(201);
      expect(again.body.status).toBe('screened');
      // The new voucher takes the whole cap again: a further 500,000 is refused with nothing remaining.
      const issued = await t.api.post(`vouchers/${again.body.id}/issue`, {}, { token: park.accessToken });
      expect(issued.body.status).toBe('issued');
      expect((await applyFor(t.api, enterprise, p.id, 500_000)).body).toMatchObject({ code: 'VOUCHER_YEARLY_CAP_REACHED', remainingFen: 0 });
    } finally {
      t.clock.set(before);
    }
  });

  it('money an expired or voided voucher gives back frees its round: a full round takes new applications, still never over its quota when raced', async () => {
    const before = t.clock.now();
    t.clock.set(new Date('2026-05-04T02:00:00Z'));
    try {
      const roundOf = async (programmeId: string) => Number((await t.db.dataSource.query(`SELECT issued_fen FROM voucher_round WHERE programme_id = $1`, [programmeId]))[0].issued_fen);
      const p = await createProgramme(t, park, { validityDays: 30, rounds: [{ opensAt: new Date(t.clock.now().getTime() - DAY).toISOString(), closesAt: new Date(t.clock.now().getTime() + 60 * DAY).toISOString(), quotaFen: 1_000_000 }] });
      const { voucher } = await issuedVoucher(t, park, p.id, 1_000_000);
      await t.drain();
      const job = await t.jobs.queue(QueueName.Lifecycle).getJob(safeJobId(`voucher:${voucher.id}:expire`));
      const late = await Promise.all(Array.from({ length: 6 }, () => signUpOrganisation(t.api, 'enterprise', { parkCode: PARK })));
      t.clock.set(new Date(Date.parse(voucher.expiresAt) + 1000));
      // Past the expiry but before the job: the round is still full.
      expect((await applyFor(t.api, late[0], p.id, 500_000)).body).toMatchObject({ code: 'VOUCHER_ROUND_EXHAUSTED', remainingFen: 0 });
      await job!.promote();
      await t.drain();
      expect((await t.api.get(`vouchers/${voucher.id}`, { token: park.accessToken })).body.status).toBe('expired');
      expect(await roundOf(p.id)).toBe(0);
      // Six enterprises race for the 1,000,000 given back in 500,000 vouchers: exactly two get it, never more than the quota.
      const raced = await Promise.all(late.map((e) => applyFor(t.api, e, p.id, 500_000)));
      expect(raced.filter((r) => r.status === 201 && r.body.status === 'screened')).toHaveLength(2);
      expect(raced.filter((r) => r.status === 409).map((r) => r.body.code)).toEqual(Array(4).fill('VOUCHER_ROUND_EXHAUSTED'));
      expect(await roundOf(p.id)).toBe(1_000_000);
    } finally {
      t.clock.set(before);
    }

    // Collusion voids a voucher: its whole amount goes back to the round too.
    const q = await createProgramme(t, park, { faceValuesFen: [500_000], rounds: [{ opensAt: new Date(t.clock.now().getTime() - DAY).toISOString(), closesAt: new Date(t.clock.now().getTime() + 60 * DAY).toISOString(), quotaFen: 500_000 }] });
    const { voucher: colluded, lab } = await deliveredVoucher(q);
    const waiting = await signUpOrganisation(t.api, 'enterprise', { parkCode: PARK });
    expect((await applyFor(t.api, waiting, q.id, 500_000)).body).toMatchObject({ code: 'VOUCHER_ROUND_EXHAUSTED', remainingFen: 0 });
    await t.api.post(`vouchers/${colluded.id}/claim`, { invoiceNumber: invoiceNumber(), invoiceFen: 300_000 }, { token: lab.accessToken });
    expect((await t.api.post(`vouchers/${colluded.id}/audit`, { decision: 'collusion' }, { token: park.accessToken })).body.status).toBe('voided');
    expect((await applyFor(t.api, waiting, q.id, 500_000)).body.status).toBe('screened');
  });

  it('a voided voucher stops counting against the yearly cap; a paid one counts only what was paid', async () => {
    const p = await createProgramme(t, park, { yearlyCapFen: 500_000, faceValuesFen: [500_000] });
    const { enterprise, voucher, lab } = await deliveredVoucher(p);
    expect((await applyFor(t.api, enterprise, p.id, 500_000)).body).toMatchObject({ code: 'VOUCHER_YEARLY_CAP_REACHED', remainingFen: 0 });
    await t.api.post(`vouchers/${voucher.id}/claim`, { invoiceNumber: invoiceNumber(), invoiceFen: 300_000 }, { token: lab.accessToken });
    expect((await t.api.post(`vouchers/${voucher.id}/audit`, { decision: 'collusion' }, { token: park.accessToken })).body.status).toBe('voided');
    expect((await applyFor(t.api, enterprise, p.id, 500_000)).body.status).toBe('screened');

    // Paid 300,000 of 500,000: the unused 200,000 returns to the pool and to the enterprise's cap.
    const q = await createProgramme(t, park, { yearlyCapFen: 700_000, faceValuesFen: [400_000, 500_000] });
    const paid = await deliveredVoucher(q);
    await t.api.post(`vouchers/${paid.voucher.id}/claim`, { invoiceNumber: invoiceNumber(), invoiceFen: 300_000 }, { token: paid.lab.accessToken });
    expect((await applyFor(t.api, paid.enterprise, q.id, 400_000)).body).toMatchObject({ code: 'VOUCHER_YEARLY_CAP_REACHED', remainingFen: 200_000 });
    await t.api.post(`vouchers/${paid.voucher.id}/audit`, { decision: 'approve' }, { token: park.accessToken });
    expect((await t.api.post(`vouchers/${paid.voucher.id}/payment`, {}, { token: park.accessToken })).body.status).toBe('paid');
    const after = await applyFor(t.api, paid.enterprise, q.id, 400_000);
    expect(after.status).toBe(201);
    expect(after.body.status).toBe('screened');
  });

  it('mutual recognition: a Beijing provider is accepted; a Tianjin voucher is recorded under an agreement and redeemed; statistics show the flow', async () => {
    const now = t.clock.now();
    const day = (d: number) => new Date(now.getTime() + d * DAY).toISOString().slice(0, 10);
    // Without an agreement a Tianjin programme cannot be recorded.
    const none = await t.api.post('voucher-programmes', { ...programmeBody(now), issuingRegion: 'TJ' }, { token: admin.accessToken });
    expect(none.body).toMatchObject({ statusCode: 409, code: 'VOUCHER_NO_RECOGNITION_AGREEMENT' });
    const agreement = await t.api.post('voucher-recognition-agreements', { region: 'TJ', partner: '天津市科学技术局', validFrom: day(-10), validTo: day(365) }, { token: admin.accessToken });
    expect(agreement.status).toBe(201);
    const tj = await t.api.post('voucher-programmes', { ...programmeBody(now), issuingRegion: 'TJ', agreementId: agreement.body.id }, { token: admin.accessToken });
    expect(tj.status).toBe(201);
    const enterprise = await signUpOrganisation(t.api, 'enterprise');
    const recorded = await t.api.post(`voucher-programmes/${tj.body.id}/recorded-vouchers`, {
      enterpriseOrgId: enterprise.organisation.id, externalNumber: 'TJ-2026-0001', amountFen: 400_000, expiresAt: new Date(now.getTime() + 90 * DAY).toISOString(), legalRepresentative: '孙津',
    }, { token: admin.accessToken });
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({ status: 'issued', externalNumber: 'TJ-2026-0001', amountFen: 400_000 });
    // Enterprises do not apply to a partner's programme here.
    expect((await applyFor(t.api, enterprise, tj.body.id, 500_000)).body.code).toBe('VOUCHER_PROGRAMME_CLOSED');

    const beijing = await registerProvider(t.api, { region: 'BJ' });
    expect(beijing.provider.region).toBe('BJ');
    const other = await signUpOrganisation(t.api, 'enterprise', { region: 'other' });
    expect((await t.api.post('service-providers', { legalRepresentative: '钱某', categories: ['evaluation'] }, { token: other.accessToken })).status).toBe(403);

    const v = recorded.body;
    expect((await reserve(v.id, enterprise, beijing.provider.id, 400_000)).status).toBe(200);
    await t.api.post(`vouchers/${v.id}/delivery`, {}, { token: beijing.session.accessToken });
    await uploadAllDocuments(t.api, beijing.session, v.id);
    await t.api.post(`vouchers/${v.id}/claim`, { invoiceNumber: invoiceNumber(), invoiceFen: 450_000 }, { token: beijing.session.accessToken });
    await t.api.post(`vouchers/${v.id}/audit`, { decision: 'approve' }, { token: admin.accessToken });
    expect((await t.api.post(`vouchers/${v.id}/payment`, {}, { token: admin.accessToken })).body.status).toBe('paid');

    const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(t.clock.now()));
    const stats = await t.api.get('voucher-statistics', { token: park.accessToken, query: { year } });
    expect(stats.status).toBe(200);
    expect(stats.body.crossRegion).toEqual(expect.arrayContaining([{ programmeRegion: 'TJ', providerRegion: 'BJ', count: 1, amountFen: 400_000 }]));
    expect((await t.api.get('voucher-statistics', { token: enterprise.accessToken, query: { year } })).status).toBe(403);
  });

  it('the database keeps every balance >= 0 and every entry balanced, whatever the code does', async () => {
    const p = await createProgramme(t, park);
    const ds = t.db.dataSource;
    await expect(ds.query(`UPDATE voucher_ledger_account SET balance_fen = balance_fen - 10000001 WHERE programme_id = $1 AND kind = 'pool'`, [p.id]))
      .rejects.toThrow(/voucher_ledger_account_balance_check/);
    const qr = ds.createQueryRunner();
    await qr.connect();
    try {
      await qr.startTransaction();
      const [entry] = await qr.query(`INSERT INTO voucher_ledger_entry (programme_id, kind, amount_fen) VALUES ($1, 'issue', 5) RETURNING id`, [p.id]);
      const [pool] = await qr.query(`SELECT id FROM voucher_ledger_account WHERE programme_id = $1 AND kind = 'pool'`, [p.id]);
      await qr.query(`INSERT INTO voucher_ledger_posting (entry_id, account_id, amount_fen) VALUES ($1, $2, -5)`, [entry.id, pool.id]);
      await expect(qr.commitTransaction()).rejects.toThrow(/does not balance/);
    } finally {
      if (qr.isTransactionActive) await qr.rollbackTransaction();
      await qr.release();
    }
  });
});

function programmeBody(now: Date) {
  return {
    name: '天津市科技创新券（互认）', budgetFen: 5_000_000, yearlyCapFen: 1_000_000, faceValuesFen: [400_000], validityDays: 90, categories: ['testing-inspection', 'technology-development'],
    rules: [], rounds: [{ opensAt: new Date(now.getTime() - DAY).toISOString(), closesAt: new Date(now.getTime() + 90 * DAY).toISOString(), quotaFen: 5_000_000 }],
  };
}
