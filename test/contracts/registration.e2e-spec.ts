import { ContractsService } from '@techbridge/contracts';
import { RegistrationWorkflowService } from '../../libs/contracts/src/registration-workflow.service';
import { MovableClock, QueueName } from '@techbridge/platform';
import { addMember, createTestApp, randomCreditCode, signUpOrganisation, TestApp } from '../support/test-app';
import { contractBody, makeWorld, pdfUpload, registeredContract, submittedContract, World } from './contracts-helpers';
// pdf-parse's index runs a self-test when required directly; the library file is the parser itself.
const pdfParse: (b: Buffer) => Promise<{ text: string }> = require('pdf-parse/lib/pdf-parse.js');

describe('contracts: registration workflow (e2e)', () => {
  let t: TestApp;
  let w: World;
  // Monday 28 September 2026, 10:00 in Beijing: the Mid-Autumn and National Day holidays are just ahead.
  const clock = new MovableClock('2026-09-28T02:00:00Z');

  beforeAll(async () => {
    t = await createTestApp({ worker: true, clock });
    w = await makeWorld(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses bad contracts with a 4xx naming the field', async () => {
    const token = w.university.accessToken;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ technologyAmount: 1_200_000, deductions: [] }, 'technologyAmount'],
      [{ signedOn: '2026-09-29' }, 'signedOn'],
      [{ buyer: { name: w.university.organisation.name, creditCode: (w.university.organisation as any).creditCode, region: 'HE', legalPersonType: 'university' } }, 'buyer'],
      [{ type: 'service-brokerage', licenseScope: undefined }, 'type'],
      [{ deductions: [{ kind: 'equipment', amount: 1 }] }, 'deductions'],
      [{ licenseScope: undefined }, 'licenseScope'],
      [{ buyer: { name: '某企业', creditCode: '91130100MA0000000X', region: 'HE', legalPersonType: 'enterprise' } }, 'buyer.creditCode'],
    ];
    for (const [override, field] of cases) {
      const res = await t.api.post('contracts', contractBody(w, override), { token });
      expect({ field, status: res.status }).toEqual({ field, status: 400 });
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    const [{ n }] = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM technology_contract`);
    expect(n).toBe(0);
  });

  it('submit → checks → routed → returned with reasons → corrected and resubmitted (clock restarts) → registered; a second submission is 409', async () => {
    const created = await t.api.post('contracts', contractBody(w), { token: w.university.accessToken });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', contractAmount: 1_000_000, technologyAmount: 880_000, direction: 'within-province' });
    const id = created.body.id;

    // Without the signed PDF the automatic checks return it.
    expect((await t.api.post(`contracts/${id}/submission`, {}, { token: w.university.accessToken })).status).toBe(202);
    await t.drain();
    let c = (await t.api.get(`contracts/${id}`, { token: w.university.accessToken })).body;
    expect(c.status).toBe('returned');
    expect(c.checkProblems.map((p: { field: string }) => p.field)).toContain('attachment');

    const up = pdfUpload();
    expect((await t.api.post(`contracts/${id}/attachment`, up.body, { token: w.university.accessToken, headers: up.headers })).status).toBe(201);
    const notPdf = pdfUpload(Buffer.from('hello'), 'x.pdf');
    expect((await t.api.post(`contracts/${id}/attachment`, notPdf.body, { token: w.university.accessToken, headers: notPdf.headers })).status).toBe(400);
    expect((await t.api.post(`contracts/${id}/submission`, {}, { token: w.university.accessToken })).status).toBe(202);
    await t.drain();
    c = (await t.api.get(`contracts/${id}`, { token: w.university.accessToken })).body;
    expect(c.status).toBe('under-review');
    // A second submission is refused. Asked once the checks have settled: right after a 202 the worker may already
    // have moved the contract on (to returned, from which submitting again is legal), so "submitted" is no fixed point.
    const second = await t.api.post(`contracts/${id}/submission`, {}, { token: w.university.accessToken });
    expect(second.status).toBe(409);
    expect(second.body.currentState).toBe('under-review');
    expect(c.registrationInstitutionId).toBe(w.institution.organisation.id);
    expect(c.policyVersion).toBe('draft-2024-12');
    expect(c.deadlineAt).toBe('2026-10-23T09:00:00.000Z');

    // A reviewer of another institution does not even see it.
    expect((await t.api.post(`contracts/${id}/registration`, {}, { token: w.otherReviewer.accessToken })).status).toBe(404);
    expect((await t.api.get(`contracts/${id}`, { token: w.otherReviewer.accessToken })).status).toBe(404);
    // A stranger neither.
    const stranger = await signUpOrganisation(t.api, 'enterprise');
    expect((await t.api.get(`contracts/${id}`, { token: stranger.accessToken })).status).toBe(404);

    const ret = await t.api.post(`contracts/${id}/return`, { reasons: [{ field: 'technologyAmount', message: '请补充设备清单' }] }, { token: w.reviewer.accessToken });
    expect(ret.status).toBe(200);
    expect(ret.body.status).toBe('returned');
    expect((await t.api.post(`contracts/${id}/registration`, {}, { token: w.reviewer.accessToken })).body.currentState).toBe('returned');

    const patched = await t.api.patch(`contracts/${id}`, { deductions: [{ kind: 'equipment', amount: 120_000, note: '设备清单已补' }] }, { token: w.university.accessToken });
    expect(patched.status).toBe(200);
    // Resubmitted a week later (after the holiday): the deadline is counted again from then.
    clock.set('2026-10-09T02:00:00Z');
    expect((await t.api.post(`contracts/${id}/submission`, {}, { token: w.university.accessToken })).status).toBe(202);
    await t.drain();
    c = (await t.api.get(`contracts/${id}`, { token: w.university.accessToken })).body;
    expect(c).toMatchObject({ status: 'under-review', submissionCount: 3 });
    // 15 working days after Friday 9 October, Saturday 10 October (调休) counting as one: Thursday 29 October.
    expect(c.deadlineAt).toBe('2026-10-29T09:00:00.000Z');

    const reg = await t.api.post(`contracts/${id}/registration`, {}, { token: w.reviewer.accessToken });
    expect(reg.status).toBe(202);
    expect(reg.body.status).toBe('registering');
    await t.drain();
    c = (await t.api.get(`contracts/${id}`, { token: w.university.accessToken })).body;
    expect(c.status).toBe('registered');
    expect(c.registrationNumber).toMatch(/^\d{16}$/);
    expect(c.registrationNumber.startsWith('2026')).toBe(true);
    // The buyer sees the registered contract too.
    expect((await t.api.get(`contracts/${id}`, { token: w.enterprise.accessToken })).body.registrationNumber).toBe(c.registrationNumber);

    const events = (await t.api.get(`contracts/${id}/events`, { token: w.university.accessToken })).body.map((e: { action: string }) => e.action);
    expect(events).toEqual(['submit', 'checks-failed', 'submit', 'routed', 'return', 'submit', 'routed', 'register', 'registered']);
    const notes = await t.db.dataSource.query(`SELECT kind FROM notification WHERE organisation_id = $1 OR user_id IN (SELECT id FROM app_user WHERE organisation_id = $1)`, [w.university.organisation.id]).catch(() => []);
    expect(Array.isArray(notes)).toBe(true);
    clock.set('2026-09-28T02:00:00Z');
  });

  it('a reviewer refuses a contract that is not a technology contract', async () => {
    const c = await submittedContract(t, w.university, contractBody(w, { title: '设备采购合同', type: 'service', licenseScope: undefined }));
    expect(c.status).toBe('under-review');
    const ref = await t.api.post(`contracts/${c.id}/refusal`, { reason: '标的为普通设备买卖，不属于技术合同' }, { token: w.reviewer.accessToken });
    expect(ref.status).toBe(200);
    expect(ref.body).toMatchObject({ status: 'refused', refusalReason: '标的为普通设备买卖，不属于技术合同', registrationNumber: null });
    expect((await t.api.post(`contracts/${c.id}/submission`, {}, { token: w.university.accessToken })).status).toBe(409);
    expect((await t.api.get(`contracts/${c.id}/certificate.pdf`, { token: w.university.accessToken })).status).toBe(409);
  });

  it('enqueues the reminder 2 working days before and the escalation at the deadline, across the National Day holiday; a reminder of a moved-on submission does nothing', async () => {
    clock.set('2026-09-28T02:00:00Z');
    const c = await submittedContract(t, w.university, contractBody(w, { title: '期限测试合同' }));
    expect(c.deadlineAt).toBe('2026-10-23T09:00:00.000Z');
    const q = t.jobs.queue(QueueName.Contracts);
    const remind = await q.getJob(`contract_${c.id}_remind_1`);
    const escalate = await q.getJob(`contract_${c.id}_escalate_1`);
    const now = Date.parse('2026-09-28T02:00:00Z');
    // Reminder: Wednesday 21 October 09:00 Beijing; escalation: Friday 23 October 17:00 Beijing.
    expect(remind!.opts.delay).toBe(Date.parse('2026-10-21T01:00:00Z') - now);
    expect(escalate!.opts.delay).toBe(Date.parse('2026-10-23T09:00:00Z') - now);
    // Naive weekday counting would have said 19 October: the holiday is what moves it.
    expect(escalate!.opts.delay).toBeGreaterThan(Date.parse('2026-10-19T09:00:00Z') - now);

    await remind!.promote();
    await t.drain();
    expect((await t.api.get(`contracts/${c.id}/events`, { token: w.university.accessToken })).body.map((x: any) => x.action)).toContain('deadline-reminder');

    // After a return the escalation of that submission has nothing to do.
    await t.api.post(`contracts/${c.id}/return`, { reasons: [{ message: '补充材料' }] }, { token: w.reviewer.accessToken });
    await escalate!.promote();
    await t.drain();
    expect(await escalate!.getState()).toBe('completed');
    expect((await q.getJob(escalate!.id!))!.returnvalue).toBe(false);
    const events = (await t.api.get(`contracts/${c.id}/events`, { token: w.university.accessToken })).body.map((e: { action: string }) => e.action);
    expect(events).not.toContain('deadline-escalation');
  });

  it('custom holiday calendar entries move the deadline (administrators edit the calendar)', async () => {
    clock.set('2026-11-02T02:00:00Z');
    expect((await t.api.put('contracts/holidays/2026-11-03', { kind: 'holiday', name: '测试假日' }, { token: w.admin.accessToken })).status).toBe(200);
    const c = await submittedContract(t, w.university, contractBody(w, { title: '日历测试合同' }));
    // 15 working days after Monday 2 November, skipping Tuesday 3 November: Tuesday 24 November.
    expect(c.deadlineAt).toBe('2026-11-24T09:00:00.000Z');
    expect((await t.api.delete('contracts/holidays/2026-11-03', { token: w.admin.accessToken })).status).toBe(204);
    const hols = await t.api.get('contracts/holidays', { token: w.university.accessToken, query: { year: 2026 } });
    expect(hols.body.filter((h: { name: string }) => h.name === '国庆节')).toHaveLength(7);
    clock.set('2026-09-28T02:00:00Z');
  });

  it('a worker that dies after issuing the number, before acknowledging the job, leaves exactly one number after the retry', async () => {
    const workflow = t.app.get(RegistrationWorkflowService);
    const issue = workflow.issueRegistrationNumber.bind(workflow);
    let crashes = 0;
    // The job's first run dies after the number is committed, before the job is acknowledged.
    const crashAfterCommit = jest.spyOn(workflow, 'issueRegistrationNumber').mockImplementation(async (contractId: string) => {
      const number = await issue(contractId);
      if (number && crashes++ === 0) throw new Error('simulated worker crash after commit');
      return number;
    });
    try {
      const c = await submittedContract(t, w.university, contractBody(w, { title: '崩溃测试合同' }));
      expect((await t.api.post(`contracts/${c.id}/registration`, {}, { token: w.reviewer.accessToken })).status).toBe(202);
      await t.drain();
      // drain() runs the retry at once (no backoff wait): the job has completed on its second attempt.
      const job = await t.jobs.queue(QueueName.Contracts).getJob(`contract_${c.id}_register`);
      expect(await job!.getState()).toBe('completed');
      const reloaded = await t.jobs.queue(QueueName.Contracts).getJob(job!.id!);
      expect(reloaded!.attemptsMade).toBeGreaterThanOrEqual(1);
      expect(crashes).toBeGreaterThanOrEqual(2);
      const rows = await t.db.dataSource.query(`SELECT number FROM contract_registration_number WHERE contract_id = $1`, [c.id]);
      expect(rows).toHaveLength(1);
      const after = (await t.api.get(`contracts/${c.id}`, { token: w.university.accessToken })).body;
      expect(after.registrationNumber).toBe(rows[0].number);
    } finally {
      crashAfterCommit.mockRestore();
    }
  });

  it('concurrent and repeated issuing yields one number per contract, and numbers stay sequential per institution and year', async () => {
    const service = t.app.get(RegistrationWorkflowService);
    const c = await submittedContract(t, w.university, contractBody(w, { title: '并发测试合同' }));
    // Put it into 'registering' without the job, then race several issuers and the job itself.
    await t.api.post(`contracts/${c.id}/registration`, {}, { token: w.reviewer.accessToken });
    const results = await Promise.all(Array.from({ length: 6 }, () => service.issueRegistrationNumber(c.id)));
    await t.drain();
    const numbers = new Set(results);
    expect(numbers.size).toBe(1);
    const rows = await t.db.dataSource.query(`SELECT number FROM contract_registration_number WHERE contract_id = $1`, [c.id]);
    expect(rows).toHaveLength(1);
    const all = await t.db.dataSource.query(
      `SELECT n.sequence, c.last_value FROM contract_registration_number n JOIN registration_number_counter c ON c.institution_id = n.institution_id AND c.year = n.year
        WHERE n.institution_id = $1 ORDER BY n.sequence`,
      [w.institution.organisation.id],
    );
    expect(all.map((r: { sequence: number }) => r.sequence)).toEqual(all.map((_: unknown, i: number) => i + 1));
    expect(all[0].last_value).toBe(all.length);
  });

  it('the certificate PDF carries the registration number and the parties as text', async () => {
    const c = await registeredContract(t, w.university, w.reviewer, contractBody(w, { title: '证书测试合同' }));
    const res = await t.api.get(`contracts/${c.id}/certificate.pdf`, { token: w.enterprise.accessToken });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    const { text } = await pdfParse(res.raw);
    expect(text).toContain(c.registrationNumber);
    expect(text).toContain('技术合同登记证明');
    expect(text).toContain(w.university.organisation.name);
    expect(text).toContain('880,000.00');
    expect((await t.api.get(`contracts/${c.id}/certificate.pdf`, { token: w.otherReviewer.accessToken })).status).toBe(404);
  });

  it('amount corrections after registration keep a history', async () => {
    const c = await registeredContract(t, w.university, w.reviewer, contractBody(w, { title: '更正测试合同' }));
    const bad = await t.api.post(`contracts/${c.id}/amount-corrections`, { contractAmount: 1_000_000, technologyAmount: 1_100_000, reason: '错误' }, { token: w.reviewer.accessToken });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('technologyAmount');
    const ok = await t.api.post(
      `contracts/${c.id}/amount-corrections`,
      { contractAmount: 1_050_000, technologyAmount: 930_000, deductions: [{ kind: 'equipment', amount: 120_000 }], reason: '补充协议' },
      { token: w.reviewer.accessToken },
    );
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ contractAmount: 1_050_000, technologyAmount: 930_000, registrationNumber: c.registrationNumber });
    const hist = (await t.api.get(`contracts/${c.id}/amount-corrections`, { token: w.university.accessToken })).body;
    expect(hist).toEqual([expect.objectContaining({ oldContractAmount: 1_000_000, newContractAmount: 1_050_000, oldTechnologyAmount: 880_000, newTechnologyAmount: 930_000 })]);
    expect((await t.api.post(`contracts/${c.id}/amount-corrections`, { contractAmount: 1, technologyAmount: 1, reason: '越权' }, { token: w.otherReviewer.accessToken })).status).toBe(404);
  });

  it('brokers: profile, tier and performance from registered contracts', async () => {
    const broker = await addMember(t.api, w.transfer, ['broker']);
    const set = await t.api.put(`contracts/brokers/${broker.user.id}`, { tier: 'senior', filingNumber: `JJR-${Date.now()}`, professionalTitle: '高级工程师', institutionId: w.transfer.organisation.id }, { token: w.transfer.accessToken });
    expect(set.status).toBe(200);
    expect((await t.api.put(`contracts/brokers/${broker.user.id}`, { tier: 'expert', filingNumber: 'x-1' }, { token: w.transfer.accessToken })).status).toBe(400);
    expect((await t.api.put(`contracts/brokers/${broker.user.id}`, { tier: 'junior', filingNumber: 'x-12' }, { token: w.university.accessToken })).status).toBe(404);
    await registeredContract(t, w.university, w.reviewer, contractBody(w, { title: '经纪人业绩合同', brokerUserId: broker.user.id }));
    const b = (await t.api.get(`contracts/brokers/${broker.user.id}`, { token: w.university.accessToken })).body;
    expect(b).toMatchObject({ tier: 'senior', professionalTitle: '高级工程师', performance: { contractsRegistered: 1, technologyAmount: 880_000, contractAmount: 1_000_000 } });
    // The broker sees the contract they followed (and, as a member of the facilitating institution, its other deals).
    const list = await t.api.get('contracts', { token: broker.accessToken, query: { status: 'registered', pageSize: 100 } });
    expect(list.status).toBe(200);
    expect(list.body.items.map((x: { title: string }) => x.title)).toContain('经纪人业绩合同');
    const stranger = await signUpOrganisation(t.api, 'enterprise');
    expect((await t.api.get('contracts', { token: stranger.accessToken })).body.total).toBe(0);
    const queue = await t.api.get('contracts', { token: w.reviewer.accessToken, query: { scope: 'review', status: 'registered' } });
    expect(queue.body.total).toBeGreaterThanOrEqual(1);
    const inst = (await t.api.get(`contracts/institutions/${w.institution.organisation.id}`, { token: w.university.accessToken })).body;
    expect(inst.registration.coveredDivisions).toEqual(['1301']);
  });

  it('statistics feed: registered contracts by direction and quarter (facade and endpoint)', async () => {
    const bj = await signUpOrganisation(t.api, 'university', { region: 'BJ', divisionCode: '110108' });
    await registeredContract(t, bj, w.otherReviewer, contractBody(w, { title: '京津吸纳合同', contractAmount: 500_000, technologyAmount: 500_000, deductions: [] }));
    const feed = await t.app.get(ContractsService).registeredContractStats({ from: '2026-01-01', to: '2026-12-31', groupBy: 'direction' });
    const absorbed = feed.rows.find((r) => r.key === 'absorbed-bj-tj');
    expect(absorbed).toEqual({ key: 'absorbed-bj-tj', contracts: 1, contractAmount: 500_000, technologyAmount: 500_000 });
    expect(feed.rows.find((r) => r.key === 'within-province')!.contracts).toBeGreaterThanOrEqual(3);
    const api = await t.api.get('contracts/statistics', { token: w.reviewer.accessToken, query: { from: '2026-01-01', to: '2026-12-31', groupBy: 'quarter' } });
    expect(api.status).toBe(200);
    expect(api.body.total.contracts).toBe(feed.total.contracts);
    expect(api.body.rows.every((r: { key: string }) => /^2026-Q[1-4]$/.test(r.key))).toBe(true);
    expect((await t.api.get('contracts/statistics', { token: w.reviewer.accessToken, query: { from: '2026-01-01', to: '2026-12-31', groupBy: 'colour' } })).status).toBe(400);
    void randomCreditCode;
  });
});
