import { JobName, QueueName } from '@techbridge/platform';
import { MatchPipelineService } from '@techbridge/matching';
import { MatchingJobs } from '../../libs/matching/src/matching.jobs';
import { createDemand } from '../demand/demand-helpers';
import { createTestApp, Session, signInAdmin, signUpOrganisation, TestApp } from '../support/test-app';

const rec = (externalId: string, overrides: Record<string, unknown> = {}) => ({
  externalId,
  source: 'he-registry-matches',
  title: `低温SCR脱硝催化剂工程化技术${externalId}`,
  summary: '钒钨钛基中低温选择性催化还原脱硝催化剂，180-280℃活性窗口，适用于钢铁烧结烟气超低排放改造，脱硝效率大于85%。',
  keywords: ['脱硝', '烧结烟气', 'SCR'],
  industry: 'energy-saving-environmental',
  field: 'air-pollution',
  trl: 7,
  transferModes: ['license'],
  owner: { name: '批量匹配测试大学', type: 'university', region: 'BJ' },
  ...overrides,
});

/** ?publish=true imports: one batch match job per import (not one per line), matches stored, one summary notification. */
describe('catalog: matches after a published import (e2e)', () => {
  let t: TestApp;
  let admin: Session;
  let ent: Session;
  let demandId: string;

  beforeAll(async () => {
    t = await createTestApp({ worker: true });
    admin = await signInAdmin(t.api);
    ent = await signUpOrganisation(t.api, 'enterprise', { region: 'HE', parkCode: 'sjz-hitech' });
    demandId = (await createDemand(t.api, ent)).id;
    await t.drain();
    // Small pages, so a 12-line import crosses page boundaries.
    t.app.get(MatchingJobs).importPageSize = 5;
  });
  afterAll(async () => {
    await t.close();
  });

  async function importNdjson(lines: unknown[], query: Record<string, string>) {
    const res = await t.api.post('imports/achievements', lines.map((l) => JSON.stringify(l)).join('\n') + '\n', { token: admin.accessToken, query, headers: { 'content-type': 'application/x-ndjson' } });
    expect(res.status).toBe(202);
    await t.drain();
    return (await t.api.get(`imports/${res.body.id}`, { token: admin.accessToken })).body;
  }

  const jobsEnqueued = async (name: JobName) =>
    (await t.db.dataSource.query(`SELECT key, payload FROM outbox_message WHERE kind = 'job' AND target = $1`, [name])) as Array<{ key: string; payload: { data: { importJobId?: string } } }>;

  it('one job for the whole import walks its published achievements in pages and stores their matches; one summary, no per-match flood', async () => {
    const lines = [...Array.from({ length: 11 }, (_, i) => rec(`m-${i}`)), rec('unrelated', { title: '奶牛隐性乳房炎快速诊断试剂盒', summary: '基于体细胞计数原理的牛奶快速检测试剂，现场10分钟判定隐性乳房炎。', keywords: ['乳房炎'], industry: 'modern-agriculture', field: 'animal-husbandry' })];
    const job = await importNdjson(lines, { publish: 'true' });
    expect(job).toMatchObject({ status: 'done', publish: true, created: 12, failed: 0 });

    // Exactly one batch job for this import, none per achievement.
    const batch = await jobsEnqueued(JobName.ComputeMatchesForImport);
    expect(batch.map((b) => [b.payload.data.importJobId, b.key])).toEqual([[job.id, `import:${job.id}:matches`]]);
    expect(await jobsEnqueued(JobName.ComputeAchievementMatches)).toHaveLength(0);

    const stored = await t.db.dataSource.query(
      `SELECT m.achievement_id, a.external_id FROM match m JOIN achievement a ON a.id = m.achievement_id WHERE m.demand_id = $1`,
      [demandId],
    );
    const matched = new Set(stored.map((r: any) => r.external_id));
    // The chain: three pages of five, each run one job; never a job per achievement.
    const chain = (await t.jobs.queue(QueueName.Matching).getJobs(['completed'])).filter((j) => j.name === JobName.ComputeMatchesForImport);
    expect(chain.map((j) => j.data.after ?? null).filter((x) => x).length).toBe(2);
    expect(chain).toHaveLength(3);
    expect((await t.jobs.queue(QueueName.Matching).getJobs(['completed'])).filter((j) => j.name === JobName.ComputeAchievementMatches)).toHaveLength(0);
    // Every one of the 11 relevant records (three pages of five) got its match with the demand; the unrelated one did not.
    expect([...matched].sort()).toEqual(Array.from({ length: 11 }, (_, i) => `m-${i}`).sort());

    // Nobody is told about each match; the importer gets one summary.
    const entNotes = await t.db.dataSource.query(`SELECT kind FROM notification WHERE recipient_org_id = $1 AND kind = 'match.suggested'`, [ent.organisation.id]);
    expect(entNotes).toHaveLength(0);
    const summaries = await t.api.get('notifications', { token: admin.accessToken });
    const mine = summaries.body.items.filter((n: any) => n.kind === 'import.matches-computed');
    expect(mine).toHaveLength(1);
    expect(mine[0].data).toMatchObject({ importJobId: job.id, achievements: 12, stored: 11 });
    expect(mine[0].link).toBe(`/imports/${job.id}`);

    // Running it again (a retry) duplicates nothing: matches are upserts, the summary has a dedupe key.
    await t.jobs.enqueue(JobName.ComputeMatchesForImport, { importJobId: job.id }, { jobId: `import:${job.id}:matches:again` });
    await t.drain();
    const [{ n }] = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM match WHERE demand_id = $1`, [demandId]);
    expect(n).toBe(11);
    const [{ s }] = await t.db.dataSource.query(`SELECT count(*)::int AS s FROM notification WHERE kind = 'import.matches-computed'`);
    expect(s).toBe(1);
  });

  it('a page run that dies half-way is retried and resumes: what the dead run computed is not computed again', async () => {
    const pipeline = t.app.get(MatchPipelineService);
    const compute = pipeline.computeForAchievement.bind(pipeline);
    const calls = new Map<string, number>();
    let died = false;
    // The first run of the chain's second page dies after its first achievements (as a killed worker would).
    const spy = jest.spyOn(pipeline, 'computeForAchievement').mockImplementation(async (id, options) => {
      calls.set(id, (calls.get(id) ?? 0) + 1);
      if (!died && [...calls.values()].reduce((a, b) => a + b, 0) === 8) {
        died = true;
        throw new Error('worker killed');
      }
      return compute(id, options);
    });
    try {
      const job = await importNdjson(Array.from({ length: 12 }, (_, i) => rec(`resume-${i}`)), { publish: 'true' });
      expect(job).toMatchObject({ status: 'done', created: 12 });
      expect(died).toBe(true);
      // The page was retried (drain() runs retries at once) and went on: every achievement was computed, and only the one
      // the dead run was on when it died was attempted twice.
      expect(calls.size).toBe(12);
      expect([...calls.values()].filter((n) => n > 1)).toEqual([2]);
      const [{ n }] = await t.db.dataSource.query(
        `SELECT count(*)::int AS n FROM match_computation c JOIN achievement a ON a.id = c.subject_id AND a.version = c.version WHERE a.external_id LIKE 'resume-%'`,
      );
      expect(n).toBe(12);
      const summaries = await t.db.dataSource.query(`SELECT data FROM notification WHERE kind = 'import.matches-computed' AND data->>'importJobId' = $1`, [job.id]);
      expect(summaries).toHaveLength(1);
      expect(summaries[0].data).toMatchObject({ achievements: 12, stored: 12 });
    } finally {
      spy.mockRestore();
    }
  });

  it('an import that is not published (or published nothing) enqueues no match job', async () => {
    const before = (await jobsEnqueued(JobName.ComputeMatchesForImport)).length;
    const reviewed = await importNdjson([rec('review-1')], {});
    expect(reviewed).toMatchObject({ status: 'done', publish: false, created: 1 });
    const nothing = await importNdjson([{ externalId: 'broken' }], { publish: 'true' });
    expect(nothing).toMatchObject({ status: 'done', publish: true, created: 0, failed: 1 });
    expect(await jobsEnqueued(JobName.ComputeMatchesForImport)).toHaveLength(before);
  });
});
