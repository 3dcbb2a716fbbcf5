/**
 * npm run bench:import-matches — matches after a published import: BENCH_SIZE (default 2000) generated achievements imported
 * with ?publish=true against BENCH_DEMANDS (default 30) published demands. Measured: the one batch job the import enqueues
 * (ComputeMatchesForImport) against the baseline of one ComputeAchievementMatches job per line, run in the same process
 * on the same data. Both must store the same matches; the figures are time, queue jobs and notifications.
 * Prints figures; the last line is one JSON object.
 */
import { createReadStream } from 'node:fs';
import { DataSource } from 'typeorm';
import { JobName, JobQueue, QueueName } from '@techbridge/platform';
import { awaitQueuesDrained } from '@techbridge/testing';
import { completeCreditCode } from '@techbridge/platform';
import { BANKS } from './achievement-generator';
import { BENCH_ADMIN, resetBenchDatabase, round, startBenchApp } from './catalog-bench-app';
import { writeCorpus } from './import';
import { AGREEMENTS } from '../../test/support/test-app';

const N = Number(process.env.BENCH_SIZE ?? 2000);
const DEMANDS = Number(process.env.BENCH_DEMANDS ?? 30);
const TIMEOUT_MS = 30 * 60_000;

async function waitUntil(probe: () => Promise<boolean>, what: string): Promise<void> {
  const end = Date.now() + TIMEOUT_MS;
  while (!(await probe())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function main(): Promise<Record<string, number | string>> {
  console.log(`generating ${N} achievements …`);
  const file = await writeCorpus(N, 7);
  await resetBenchDatabase();
  const b = await startBenchApp();
  const ds = b.app.get(DataSource);
  const jobs = b.app.get(JobQueue);
  try {
    const admin = (await b.api.post('auth/sign-in', { email: BENCH_ADMIN.email, password: BENCH_ADMIN.password })).body as { accessToken: string; user: { id: string } };
    const ent = await b.api.post('auth/sign-up', {
      email: 'bench-enterprise@techbridge.test', password: 'Bench-pass-2026', displayName: 'bench', agreements: AGREEMENTS,
      organisation: { name: '基准测试企业', type: 'enterprise', creditCode: completeCreditCode('91130100MA0BENCH1'), region: 'HE' },
    });
    if (ent.status !== 201) throw new Error(`enterprise sign-up: ${JSON.stringify(ent.body)}`);
    const entToken = ent.body.accessToken as string;
    // Demands across the generator's industries and fields, in its own terms, so achievements have something to match.
    const fields = BANKS.flatMap((bank) => bank.fields.map((f) => ({ industry: bank.industry, ...f })));
    for (let i = 0; i < DEMANDS; i++) {
      const f = fields[i % fields.length];
      const terms = f.terms.slice(0, 3);
      const created = await b.api.post('demands', {
        title: `寻求${terms[0]}相关技术合作${i}`, description: `我公司计划在${terms.join('、')}方向开展技术改造，寻求成熟技术转让或联合开发，需具备中试以上基础。`,
        keywords: terms, industry: f.industry, field: f.field, minTrl: 3, budget: 1_000_000, cooperationModes: ['transfer', 'joint-development'],
        park: 'sjz-hitech', visibility: 'public', enterprise: { qualifications: ['high-tech'] }, contact: { name: '王工', phone: '0311-12345678' },
      }, { token: entToken });
      if (created.status !== 201) throw new Error(`demand: ${JSON.stringify(created.body)}`);
      await b.api.post(`demands/${created.body.id}/publish`, {}, { token: entToken });
    }
    await awaitQueuesDrained(jobs, b.relay, TIMEOUT_MS);

    // ---- the import, published: its one batch job (timed from the import being done to the summary notification) ----
    const res = await b.app.inject({ method: 'POST', url: '/api/v1/imports/achievements?publish=true', headers: { authorization: `Bearer ${admin.accessToken}`, 'content-type': 'application/x-ndjson' }, payload: createReadStream(file) });
    const importId = (JSON.parse(res.body) as { id: string }).id;
    let job: { status: string; created: number } = { status: 'queued', created: 0 };
    await waitUntil(async () => {
      job = (await b.api.get(`imports/${importId}`, { token: admin.accessToken })).body;
      return job.status === 'done' || job.status === 'failed';
    }, 'the import');
    if (job.status !== 'done') throw new Error(`import failed: ${JSON.stringify(job)}`);
    const summaryOf = async () =>
      (await ds.query(`SELECT data FROM notification WHERE kind = 'import.matches-computed' AND data->>'importJobId' = $1`, [importId])) as Array<{ data: Record<string, number> }>;
    // The import enqueued its batch job itself (through the outbox); let it and the indexing finish.
    await waitUntil(async () => (await summaryOf()).length > 0, 'the batch match job');
    await awaitQueuesDrained(jobs, b.relay, TIMEOUT_MS);
    const count = async (sql: string, params: unknown[] = []) => Number((await ds.query(sql, params))[0].n);
    const batch = {
      // The first page comes through the outbox, each further page is one continuation job.
      jobs: (await jobs.queue(QueueName.Matching).getJobs(['completed'])).filter((j) => j.name === JobName.ComputeMatchesForImport).length,
      matches: await count(`SELECT count(*) AS n FROM match`),
      notifications: await count(`SELECT count(*) AS n FROM notification WHERE kind IN ('match.suggested','import.matches-computed')`),
    };
    const ids = ((await ds.query(`SELECT id FROM achievement WHERE status = 'published' ORDER BY id`)) as Array<{ id: string }>).map((r) => r.id);
    const cleanSlate = async () => {
      await ds.query(`DELETE FROM match`);
      await ds.query(`DELETE FROM notification WHERE kind IN ('match.suggested','import.matches-computed')`);
    };

    // ---- timed, both from a clean slate and measured the same way (enqueue → queues drained) ----
    await cleanSlate();
    // Forget the completed chain, or its deterministic continuation ids would be taken for duplicates.
    await jobs.queue(QueueName.Matching).clean(0, 0, 'completed');
    let t = performance.now();
    await jobs.enqueue(JobName.ComputeMatchesForImport, { importJobId: importId }, { jobId: `bench:${importId}:matches` });
    await awaitQueuesDrained(jobs, b.relay, TIMEOUT_MS);
    const batchSeconds = (performance.now() - t) / 1000;
    if ((await count(`SELECT count(*) AS n FROM match`)) !== batch.matches) throw new Error('the timed batch run stored different matches');

    // Baseline: what one job per line would do.
    await cleanSlate();
    t = performance.now();
    for (const id of ids) await jobs.enqueue(JobName.ComputeAchievementMatches, { achievementId: id }, { jobId: `bench:${id}:matches` });
    const enqueueSeconds = (performance.now() - t) / 1000;
    await awaitQueuesDrained(jobs, b.relay, TIMEOUT_MS);
    const perRecordSeconds = (performance.now() - t) / 1000;
    const perRecord = {
      jobs: ids.length,
      matches: await count(`SELECT count(*) AS n FROM match`),
      notifications: await count(`SELECT count(*) AS n FROM notification WHERE kind = 'match.suggested'`),
    };

    const figures = {
      benchmark: 'import-matches',
      achievements: ids.length,
      demands: DEMANDS,
      batchJobs: batch.jobs,
      batchSeconds: round(batchSeconds),
      batchAchievementsPerSec: round(ids.length / batchSeconds, 1),
      batchMatchesStored: batch.matches,
      batchNotifications: batch.notifications,
      perRecordJobs: perRecord.jobs,
      perRecordEnqueueSeconds: round(enqueueSeconds),
      perRecordSeconds: round(perRecordSeconds),
      perRecordAchievementsPerSec: round(ids.length / perRecordSeconds, 1),
      perRecordMatchesStored: perRecord.matches,
      perRecordNotifications: perRecord.notifications,
      batchVsPerRecordSpeedRatio: round(perRecordSeconds / batchSeconds, 3),
      sameMatches: batch.matches === perRecord.matches ? 'yes' : 'no',
    };
    console.log(`
matches after a published import of ${figures.achievements} achievements, ${DEMANDS} published demands
  batch (1 job chain per import): ${figures.batchSeconds} s, ${figures.batchAchievementsPerSec} achievements/s, ${figures.batchJobs} chained queue job(s), ${figures.batchNotifications} notification(s), ${figures.batchMatchesStored} matches
  baseline (1 job per line)    : ${figures.perRecordSeconds} s, ${figures.perRecordAchievementsPerSec} achievements/s, ${figures.perRecordJobs} queue jobs, ${figures.perRecordNotifications} notifications, ${figures.perRecordMatchesStored} matches
  speed ratio batch ÷ per-line: ${figures.batchVsPerRecordSpeedRatio} (same matches: ${figures.sameMatches})`);
    return figures;
  } finally {
    await b.close();
  }
}

main()
  .then((figures) => {
    console.log(JSON.stringify(figures));
    process.exit(0);
  })
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
