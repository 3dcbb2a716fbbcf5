import { MovableClock } from '@techbridge/platform';
import { createTestApp, randomCreditCode, Session, signUpOrganisation, TestApp } from '../support/test-app';
import { contractBody, makeWorld, registeredContract, transferInstitution, World } from '../contracts/contracts-helpers';

const A = 'sjz-hitech';

describe('monitoring: rewards accrued from the reward ledger (e2e)', () => {
  let t: TestApp;
  let w: World;
  let buyerInA: Session;
  const line = (r: any, park: string | null, indicator: string, breakdown = '') => r.lines.find((l: any) => l.park === park && l.indicator === indicator && l.breakdown === breakdown);

  beforeAll(async () => {
    t = await createTestApp({ worker: true, clock: new MovableClock('2026-07-10T02:00:00Z') });
    w = await makeWorld(t);
    buyerInA = await signUpOrganisation(t.api, 'enterprise', { region: 'HE', parkCode: A });
  });
  afterAll(async () => {
    await t.close();
  });

  it('spreads each ledger line over its contracts by park and quarter; the accreditation award counts for the zone; drill-down names lines and contracts', async () => {
    const deal = (title: string, amount: number, buyer: Session | null) =>
      contractBody(w, {
        title, contractAmount: amount, technologyAmount: amount, deductions: [], signedOn: '2026-07-01', termFrom: '2026-07-01',
        buyer: buyer
          ? { organisationId: buyer.organisation.id, name: buyer.organisation.name, creditCode: randomCreditCode(), region: 'HE', legalPersonType: 'enterprise' }
          // A buyer that is not on the platform: no park known, counts for the zone only.
          : { name: '河北某未入驻企业', creditCode: randomCreditCode(), region: 'HE', legalPersonType: 'enterprise' },
      });
    // 2026Q3: one deal with a park-A buyer, one with a buyer of unknown park; 2026Q4: another park-A deal.
    const c1 = await registeredContract(t, w.university, w.reviewer, deal('园区A企业合同', 1_000_000, buyerInA));
    const c2 = await registeredContract(t, w.university, w.reviewer, deal('未入驻企业合同', 2_000_000, null));
    expect(c1.parkCode).toBe(A);
    expect(c2.parkCode).toBeNull();
    const fresh = await transferInstitution(t.api, w.admin, 'provincial', '2026-08-01');
    t.clock.set('2026-10-12T02:00:00Z');
    const c3 = await registeredContract(t, w.university, w.reviewer, deal('第四季度合同', 3_000_000, buyerInA));

    expect((await t.api.post('contracts/rewards/computations', { year: 2026 }, { token: w.admin.accessToken })).status).toBe(202);
    await t.drain();
    const ledger = (await t.api.get('contracts/rewards/2026', { token: w.admin.accessToken })).body as any[];
    const facilitation = ledger.find((l) => l.institutionId === w.transfer.organisation.id && l.kind === 'facilitation');
    const registration = ledger.find((l) => l.institutionId === w.institution.organisation.id && l.kind === 'registration');
    const award = ledger.find((l) => l.institutionId === fresh.organisation.id && l.kind === 'new-accreditation');
    // 1‰ of 6,000,000 each; the award is 300,000.
    expect([facilitation.amount, registration.amount, award.amount]).toEqual([6000, 6000, 300_000]);

    expect((await t.api.post('monitoring/quarters', { quarter: '2026Q3' }, { token: w.admin.accessToken })).status).toBe(201);
    const preview = (await t.api.get('monitoring/quarters/2026Q3/preview', { token: w.admin.accessToken })).body;
    // Park A: c1's thousandth of each line (1,000 + 1,000). Zone: c1 and c2 (3,000 + 3,000) plus the award accredited in August.
    expect(line(preview, A, 'rewards-accrued').value).toBe(2000);
    expect(line(preview, null, 'rewards-accrued').value).toBe(306_000);
    expect(line(preview, null, 'rewards-accrued', 'kind:facilitation').value).toBe(3000);
    expect(line(preview, null, 'rewards-accrued', 'kind:new-accreditation').value).toBe(300_000);
    expect(line(preview, 'bd-hitech', 'rewards-accrued').value).toBe(0);

    expect((await t.api.post('monitoring/quarters/2026Q3/publish', {}, { token: w.admin.accessToken })).status).toBe(200);
    const drill = await t.api.get('monitoring/reports/2026Q3/drill-down', { token: w.admin.accessToken, query: { indicator: 'rewards-accrued', park: A } });
    expect(drill.status).toBe(200);
    expect(drill.body.figure.value).toBe(2000);
    const ids = (type: string) => drill.body.figure.records.filter((r: any) => r.type === type).map((r: any) => r.id).sort();
    expect(ids('technology-contract')).toEqual([c1.id]);
    expect(ids('reward-ledger-line')).toEqual([facilitation.id, registration.id].sort());
    const zone = (await t.api.get('monitoring/reports/2026Q3/drill-down', { token: w.admin.accessToken, query: { indicator: 'rewards-accrued' } })).body.figure.records;
    expect(zone.filter((r: any) => r.type === 'technology-contract').map((r: any) => r.id).sort()).toEqual([c1.id, c2.id].sort());
    expect(zone.map((r: any) => r.id)).toContain(award.id);
    expect(zone.map((r: any) => r.id)).not.toContain(c3.id);

    // The fourth quarter receives c3's share only, and the year adds up to the ledger.
    expect((await t.api.post('monitoring/quarters', { quarter: '2026Q4' }, { token: w.admin.accessToken })).status).toBe(201);
    const q4 = (await t.api.get('monitoring/quarters/2026Q4/preview', { token: w.admin.accessToken })).body;
    expect(line(q4, A, 'rewards-accrued').value).toBe(6000);
    expect(line(q4, null, 'rewards-accrued').value + line(preview, null, 'rewards-accrued').value).toBe(ledger.reduce((a, l) => a + l.amount, 0));
  });
});
