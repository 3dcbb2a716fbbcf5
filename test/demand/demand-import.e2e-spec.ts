import { ImportService } from '@techbridge/catalog';
import { completeCreditCode } from '@techbridge/platform';
import { createTestApp, randomCreditCode, Session, signInAdmin, signUpOrganisation, TestApp } from '../support/test-app';
import { dateIn } from './demand-helpers';

describe('demands: bulk import through the generic import framework (e2e)', () => {
  let t: TestApp;
  let admin: Session;
  const source = `hebei-campaign-${Date.now()}`;
  const steelCode = completeCreditCode('91130100MA0GANG01');

  beforeAll(async () => {
    t = await createTestApp();
    admin = await signInAdmin(t.api);
  });
  afterAll(async () => {
    await t.close();
  });

  function line(n: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      externalId: `D-${n}`,
      source,
      title: `高炉煤气余热回收效率低-${n}`,
      description: '高炉煤气余压余热回收系统效率偏低，冬季管网冷凝水多，需要提高回收效率的技术方案。',
      keywords: ['余热回收'],
      industry: 'energy-saving-environmental',
      field: 'energy-efficiency',
      minTrl: 5,
      budget: 800000,
      cooperationModes: ['transfer'],
      park: 'sjz-hitech',
      deadline: dateIn(t.clock.now(), 60),
      visibility: 'members',
      enterprise: { name: '河北京南钢铁有限公司', creditCode: steelCode, qualifications: ['high-tech'] },
      ...overrides,
    };
  }

  async function runImport(token: string, lines: unknown[], publish: boolean): Promise<any> {
    const body = lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n';
    const started = await t.api.post('imports/demands', body, { token, headers: { 'content-type': 'application/x-ndjson' }, query: publish ? { publish: true } : {} });
    expect(started.status).toBe(202);
    // The job body, as the worker runs it (the outbox has queued the job; running it here keeps the test deterministic).
    await t.app.get(ImportService).run(started.body.id);
    await t.deliver();
    const status = await t.api.get(`imports/${started.body.id}`, { token });
    expect(status.status).toBe(200);
    return status.body;
  }

  it('imports good lines, reports bad ones per line and field, and re-import updates by source + externalId', async () => {
    const first = await runImport(admin.accessToken, [
      line(1),
      line(2, { enterprise: { name: '河北京南钢铁有限公司', creditCode: steelCode } }),
      line(3, { minTrl: 0 }),
      line(4, { enterprise: { name: '某公司', creditCode: '91130100MA0GANG01X' } }),
      line(5, { deadline: '2020-01-01' }),
      '{not json',
      line(7, { budget: -3 }),
      line(8, { industry: 'space-mining' }),
    ], true);
    expect(first).toEqual(expect.objectContaining({ kind: 'demands', status: 'done', total: 8, created: 2, updated: 0, failed: 6 }));
    const errorAt = (ln: number) => first.errors.filter((e: any) => e.line === ln).map((e: any) => e.field);
    expect(errorAt(3)).toContain('minTrl');
    expect(errorAt(4)).toContain('enterprise.creditCode');
    expect(errorAt(5)).toContain('deadline');
    expect(errorAt(6)).toEqual(['']);
    expect(errorAt(7)).toContain('budget');
    expect(errorAt(8)).toContain('industry');

    const lookup = await t.api.get('demands', { token: admin.accessToken, query: { source, externalId: 'D-1' } });
    expect(lookup.body.total).toBe(1);
    const d1 = lookup.body.items[0];
    expect(d1).toEqual(expect.objectContaining({ status: 'published', visibility: 'members', minTrl: 5, budget: 800000 }));
    expect(d1.enterprise).toEqual(expect.objectContaining({ name: '河北京南钢铁有限公司', creditCode: steelCode, region: 'HE', qualifications: ['high-tech'] }));
    // Both lines resolved to one (unclaimed) enterprise organisation.
    const d2 = (await t.api.get('demands', { token: admin.accessToken, query: { source, externalId: 'D-2' } })).body.items[0];
    expect(d2.enterprise.id).toBe(d1.enterprise.id);
    // Visibility applies to imported demands too: anonymous sees the lookup redacted.
    const anon = await t.api.get('demands', { query: { source, externalId: 'D-1' } });
    expect(anon.body.items[0]).toEqual(expect.objectContaining({ redacted: true, title: d1.title }));

    const second = await runImport(admin.accessToken, [line(1, { title: '高炉煤气余热回收效率低（修订）', budget: 900000 }), line(9)], true);
    expect(second).toEqual(expect.objectContaining({ status: 'done', created: 1, updated: 1, failed: 0 }));
    const after = (await t.api.get('demands', { token: admin.accessToken, query: { source, externalId: 'D-1' } })).body.items[0];
    expect(after.id).toBe(d1.id);
    expect(after).toEqual(expect.objectContaining({ title: '高炉煤气余热回收效率低（修订）', budget: 900000 }));
    expect(after.version).toBeGreaterThan(d1.version);
    const search = await t.api.get('search/demands', { token: admin.accessToken, query: { q: '修订' } });
    expect(search.body.items.map((i: any) => i.id)).toEqual([d1.id]);
  });

  it("an enterprise imports only its own demands, as drafts", async () => {
    const ent = await signUpOrganisation(t.api, 'enterprise');
    const mine = line(1, { source: `own-${Date.now()}`, enterprise: { name: ent.organisation.name } });
    const foreign = line(2, { source: `own-${Date.now()}`, enterprise: { name: '别人家的公司', creditCode: randomCreditCode() } });
    const res = await runImport(ent.accessToken, [mine, foreign], true);
    expect(res).toEqual(expect.objectContaining({ status: 'done', created: 1, failed: 1 }));
    expect(res.errors[0]).toEqual(expect.objectContaining({ line: 2, field: 'enterprise.creditCode' }));
    const own = await t.api.get('demands', { token: ent.accessToken, query: { mine: true } });
    expect(own.body.items.map((i: any) => i.status)).toEqual(['draft']);
  });
});
