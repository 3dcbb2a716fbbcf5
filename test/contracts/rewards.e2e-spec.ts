import fc from 'fast-check';
import { ContractsService } from '@techbridge/contracts';
import { RegistrationWorkflowService } from '../../libs/contracts/src/registration-workflow.service';
import { RewardService } from '../../libs/contracts/src/reward.service';
import { MovableClock } from '@techbridge/platform';
import { createTestApp, randomCreditCode, signUpOrganisation, TestApp } from '../support/test-app';
import { contractBody, makeWorld, registeredContract, submittedContract, transferInstitution, World } from './contracts-helpers';

describe('contracts: reward ledger (e2e)', () => {
  let t: TestApp;
  let w: World;
  const clock = new MovableClock('2026-06-15T02:00:00Z');

  beforeAll(async () => {
    t = await createTestApp({ worker: true, clock });
    w = await makeWorld(t);
  });
  afterAll(async () => {
    await t.close();
  });

  const deal = (transferId: string, technologyAmount: number, extra: Record<string, unknown> = {}) =>
    contractBody(w, { title: `奖励测试 ${technologyAmount}`, contractAmount: technologyAmount, technologyAmount, deductions: [], transferInstitutionId: transferId, signedOn: '2026-05-01', termFrom: '2026-05-01', ...extra });

  it('1‰ per institution and year, capped at 200,000 yuan: just under, at and over the cap; non-qualifying deals are left out; the accreditation award is paid once', async () => {
    const under = await transferInstitution(t.api, w.admin);
    const at = await transferInstitution(t.api, w.admin);
    const over = await transferInstitution(t.api, w.admin);
    const fresh = await transferInstitution(t.api, w.admin, 'provincial', '2026-03-01');
    const cUnder = await registeredContract(t, w.university, w.reviewer, deal(under.organisation.id, 199_999_000));
    const cAt = await registeredContract(t, w.university, w.reviewer, deal(at.organisation.id, 200_000_000));
    const cOver1 = await registeredContract(t, w.university, w.reviewer, deal(over.organisation.id, 150_000_000));
    const cOver2 = await registeredContract(t, w.university, w.reviewer, deal(over.organisation.id, 150_000_000.5));
    // Not qualifying: an enterprise seller; a buyer outside the province; still submitted (not registered).
    const seller = await signUpOrganisation(t.api, 'enterprise', { region: 'HE', divisionCode: '130105' });
    const notUniversity = await registeredContract(t, seller, w.reviewer, deal(under.organisation.id, 10_000_000));
    const outOfProvince = await registeredContract(t, w.university, w.reviewer, deal(under.organisation.id, 10_000_000, { buyer: { name: '北京某公司', creditCode: randomCreditCode('91110108'), region: 'BJ', legalPersonType: 'enterprise' } }));
    const pending = await submittedContract(t, w.university, deal(under.organisation.id, 10_000_000));
    expect(pending.status).toBe('under-review');

    const req = await t.api.post('contracts/rewards/computations', { year: 2026 }, { token: w.admin.accessToken });
    expect(req.status).toBe(202);
    await t.drain();
    const ledger = (await t.api.get('contracts/rewards/2026', { token: w.admin.accessToken })).body as any[];
    const line = (org: string, kind: string) => ledger.find((l) => l.institutionId === org && l.kind === kind);

    expect(line(under.organisation.id, 'facilitation')).toMatchObject({ basisAmount: 199_999_000, uncappedAmount: 199_999, amount: 199_999, capped: false });
    expect(line(under.organisation.id, 'facilitation').contracts.map((c: any) => c.contractId)).toEqual([cUnder.id]);
    expect(line(at.organisation.id, 'facilitation')).toMatchObject({ basisAmount: 200_000_000, amount: 200_000, capped: false });
    expect(line(at.organisation.id, 'facilitation').contracts.map((c: any) => c.registrationNumber)).toEqual([cAt.registrationNumber]);
    expect(line(over.organisation.id, 'facilitation')).toMatchObject({ basisAmount: 300_000_000.5, uncappedAmount: 300_000, amount: 200_000, capped: true });
    expect(line(over.organisation.id, 'facilitation').contracts.map((c: any) => c.contractId).sort()).toEqual([cOver1.id, cOver2.id].sort());
    // The registration institution registered all qualifying deals: capped as well.
    const reg = line(w.institution.organisation.id, 'registration');
    expect(reg).toMatchObject({ amount: 200_000, capped: true });
    const regIds = reg.contracts.map((c: any) => c.contractId);
    expect(regIds).toEqual(expect.arrayContaining([cUnder.id, cAt.id, cOver1.id, cOver2.id]));
    expect(regIds).not.toContain(notUniversity.id);
    expect(regIds).not.toContain(outOfProvince.id);
    expect(regIds).not.toContain(pending.id);
    // Municipal accreditation earns nothing; the new provincial one earns 300,000 once.
    expect(line(fresh.organisation.id, 'new-accreditation')).toMatchObject({ amount: 300_000, contracts: [] });
    expect(line(w.transfer.organisation.id, 'new-accreditation')).toBeUndefined();

    // Recomputing is idempotent: same lines, one accreditation award.
    await t.app.get(RewardService).computeRewards(2026);
    const again = await t.app.get(ContractsService).listRewards(2026);
    expect(again.map((l) => [l.institutionId, l.kind, l.amount]).sort()).toEqual(ledger.map((l) => [l.institutionId, l.kind, l.amount]).sort());
    const [{ n }] = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM reward_ledger_line WHERE kind = 'new-accreditation' AND institution_id = $1`, [fresh.organisation.id]);
    expect(n).toBe(1);
  });

  it('property: one registration number per contract, whatever the number of concurrent issuers', async () => {
    const service = t.app.get(RegistrationWorkflowService);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 5 }), async (issuers) => {
        const c = await submittedContract(t, w.university, deal(w.transfer.organisation.id, 1000));
        await t.api.post(`contracts/${c.id}/registration`, {}, { token: w.reviewer.accessToken });
        const results = await Promise.all(Array.from({ length: issuers }, () => service.issueRegistrationNumber(c.id)));
        await t.drain();
        const rows = await t.db.dataSource.query(`SELECT number FROM contract_registration_number WHERE contract_id = $1`, [c.id]);
        return rows.length === 1 && results.every((r) => r === rows[0].number);
      }),
      { numRuns: 5 },
    );
    const [{ dupes }] = await t.db.dataSource.query(`SELECT count(*)::int AS dupes FROM (SELECT number FROM contract_registration_number GROUP BY number HAVING count(*) > 1) d`);
    expect(dupes).toBe(0);
  });
});
