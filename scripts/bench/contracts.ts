/**
 * bench:contracts — N technology contracts through submission, automatic checks, routing and registration
 * by a scripted reviewer, on the real PostgreSQL and Redis with the worker in-process; beside it, the same
 * number of skip-only jobs (a deadline reminder for no contract) through the same queue and outbox path as the baseline.
 * BENCH_SIZE (default 10000) sets N. Prints figures; the last line is one JSON object.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { randomBytes, randomUUID } from 'node:crypto';
import * as os from 'node:os';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { acceptingCurrentAgreements } from '../../libs/identity/src/legal/legal-documents';
import { InstitutionProfileService } from '../../libs/contracts/src/institution-profile.service';
import { RegistrationWorkflowService } from '../../libs/contracts/src/registration-workflow.service';
import { TechnologyContractService } from '../../libs/contracts/src/technology-contract.service';
import { IdentityService } from '@techbridge/identity';
import {
  Actor, completeCreditCode, JobName, JobQueue, loadConfig, OrgType, OutboxRelay, OutboxService, QueueName, ReferenceDataSeeder, Role, runMigrations, TransactionRunner,
} from '@techbridge/platform';
import { withAdminClient } from '@techbridge/testing';
import { WorkerModule } from '../../apps/worker/src/worker.module';

const N = Number(process.env.BENCH_SIZE ?? 10_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const PG = process.env.BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432';
const REDIS = process.env.BENCH_REDIS ?? 'redis://127.0.0.1:6379';

function creditCode(prefix: string): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const bytes = randomBytes(17);
  let body = prefix;
  for (let i = body.length; i < 17; i++) body += alphabet[bytes[i] % alphabet.length];
  return completeCreditCode(body);
}

async function pool<T>(items: T[], width: number, work: (item: T, i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      await work(items[i], i);
    }
  }));
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : 0;
}

async function main(): Promise<void> {
  const dbName = `tb_bench_contracts_${process.pid}`;
  await withAdminClient((c) => c.query(`CREATE DATABASE ${dbName}`));
  const url = `${PG}/${dbName}`;
  const config = loadConfig({
    NODE_ENV: 'test', DATABASE_URL: url, REDIS_URL: REDIS, JWT_ACCESS_SECRET: 'bench-secret-0123456789abcdef', QUEUE_PREFIX: `tbbench_${dbName}`, LOG_LEVEL: 'silent',
    STORAGE_DIR: path.join(os.tmpdir(), dbName), OUTBOX_POLL_MS: '20',
  });
  await runMigrations(url);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot({ config }), { logger: ['error'] });
  await app.get(ReferenceDataSeeder).seed();
  const relay = app.get(OutboxRelay);
  relay.start();
  const jobs = app.get(JobQueue);
  const contracts = app.get(TechnologyContractService);
  const workflow = app.get(RegistrationWorkflowService);
  const profiles = app.get(InstitutionProfileService);
  const identity = app.get(IdentityService);
  const tx = app.get(TransactionRunner);
  const outbox = app.get(OutboxService);
  const ds = app.get(DataSource);
  try {
    // ---- setup (not timed) ----
    const signUp = (type: OrgType, region: string, divisionCode: string) =>
      identity.signUp({ email: `${type}-${randomBytes(4).toString('hex')}@bench.cn`, password: 'Bench-pass-2026', displayName: 'bench', agreements: acceptingCurrentAgreements(), organisation: { name: `${type}-${randomBytes(3).toString('hex')}`, type, creditCode: creditCode(type === OrgType.University ? '12130100' : '91130100'), region, divisionCode } });
    const university = await signUp(OrgType.University, 'HE', '130102');
    const enterprise = await signUp(OrgType.Enterprise, 'HE', '130104');
    const institution = await signUp(OrgType.RegistrationInstitution, 'HE', '130100');
    const admin: Actor = { userId: institution.user.id, orgId: institution.organisation.id, orgType: OrgType.Platform, roles: [Role.PlatformAdmin] };
    await profiles.setRegistrationProfile(admin, institution.organisation.id, { coveredDivisions: ['1301'], numberPrefix: '130100' });
    // Registration institutions act only once verified by the platform.
    await identity.verifyOrganisation(admin, institution.organisation.id, {});
    const seller: Actor = { userId: university.user.id, orgId: university.organisation.id, orgType: OrgType.University, roles: [Role.Member, Role.OrgAdmin] };
    const reviewer: Actor = { userId: institution.user.id, orgId: institution.organisation.id, orgType: OrgType.RegistrationInstitution, roles: [Role.Member, Role.Reviewer], verified: true };
    const pdf = Buffer.from('%PDF-1.4\n% bench\n%%EOF\n');
    const ids: string[] = new Array(N);
    const setupStart = Date.now();
    await pool(Array.from({ length: N }, (_, i) => i), CONCURRENCY, async (i) => {
      const c = await contracts.create(seller, {
        title: `基准测试合同 ${i}`, type: 'transfer-patent', buyer: { organisationId: enterprise.organisation.id, name: enterprise.organisation.name, creditCode: enterprise.organisation.creditCode!, region: 'HE', legalPersonType: 'enterprise' },
        contractAmount: 100_000 + i, technologyAmount: 90_000 + i, deductions: [{ kind: 'equipment', amount: 10_000 }], signedOn: '2026-01-05', termFrom: '2026-01-05', termTo: '2027-01-04',
      });
      await contracts.uploadAttachment(seller, c.id, { filename: 'c.pdf', mimetype: 'application/pdf', content: pdf });
      ids[i] = c.id;
    });
    console.log(`setup: ${N} draft contracts with attachments in ${((Date.now() - setupStart) / 1000).toFixed(1)} s`);

    // ---- the workflow, timed ----
    let reviewing = true;
    let decided = 0;
    const reviewerLoop = (async () => {
      // The scripted reviewer registers whatever reaches its queue.
      while (reviewing) {
        const rows: Array<{ id: string }> = await ds.query(`SELECT id FROM technology_contract WHERE status = 'under-review' LIMIT 500`);
        if (!rows.length) {
          await new Promise((r) => setTimeout(r, 10));
          continue;
        }
        await pool(rows, 8, async (r) => {
          await workflow.register(reviewer, r.id);
          decided++;
        });
      }
    })();
    const t0 = Date.now();
    await pool(ids, CONCURRENCY, async (id) => {
      await workflow.submit(seller, id);
    });
    const submittedIn = Date.now() - t0;
    for (;;) {
      const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM technology_contract WHERE status = 'registered'`);
      if (n >= N) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const workflowMs = Date.now() - t0;
    reviewing = false;
    await reviewerLoop;
    const lat: Array<{ ms: number }> = await ds.query(`SELECT (extract(epoch FROM registered_at - submitted_at) * 1000)::float8 AS ms FROM technology_contract WHERE status = 'registered'`);
    const latencies = lat.map((r) => Number(r.ms));
    const [{ numbers, distinct }] = await ds.query(`SELECT count(*)::int AS numbers, count(DISTINCT number)::int AS distinct FROM contract_registration_number`);

    // ---- baseline: the same number of skip-only jobs through the same outbox and queue ----
    // A deadline reminder for a contract that does not exist: the handler reads one row, finds none and returns, so
    // the baseline is the queue's own cost plus one read, with no job in the catalogue that only a benchmark uses.
    const b0 = Date.now();
    for (let i = 0; i < N; i += 500) {
      await tx.run(async (m) => {
        for (let j = i; j < Math.min(N, i + 500); j++) await outbox.enqueue(m, JobName.RemindRegistrationDeadline, { contractId: randomUUID(), submission: 0 }, { jobId: `bench-baseline-${j}` });
      });
    }
    const queue = jobs.queue(QueueName.Contracts);
    for (;;) {
      const done = await queue.getCompletedCount();
      if (done >= N * 3) break;
      const c = await queue.getJobCounts('waiting', 'active');
      if (c.waiting + c.active === 0 && (await ds.query(`SELECT count(*)::int AS n FROM outbox_message WHERE processed_at IS NULL`))[0].n === 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const baselineMs = Date.now() - b0;
    const noopJobs = await queue.getJobs(['completed'], 0, -1);
    const noopLat = noopJobs.filter((j) => j.name === JobName.RemindRegistrationDeadline && String(j.id).startsWith('bench-baseline-') && j.finishedOn).map((j) => j.finishedOn! - j.timestamp);

    const workflowsPerSecond = N / (workflowMs / 1000);
    const noopPerSecond = N / (baselineMs / 1000);
    const result = {
      size: N,
      workflowsPerSecond: Number(workflowsPerSecond.toFixed(1)),
      workflowSeconds: Number((workflowMs / 1000).toFixed(2)),
      submitSeconds: Number((submittedIn / 1000).toFixed(2)),
      p50SubmissionToRegisteredMs: Math.round(percentile(latencies, 50)),
      p95SubmissionToRegisteredMs: Math.round(percentile(latencies, 95)),
      noopJobsPerSecond: Number(noopPerSecond.toFixed(1)),
      p95NoopJobMs: Math.round(percentile(noopLat, 95)),
      workflowVsNoopRatio: Number((workflowsPerSecond / noopPerSecond).toFixed(3)),
      jobsPerWorkflow: 2,
      registrationNumbers: numbers,
      distinctRegistrationNumbers: distinct,
      reviewerDecisions: decided,
    };
    console.log(`workflows: ${N} contracts submitted → checked → routed → registered in ${result.workflowSeconds} s = ${result.workflowsPerSecond} workflows/s`);
    console.log(`submission → registered: p50 ${result.p50SubmissionToRegisteredMs} ms, p95 ${result.p95SubmissionToRegisteredMs} ms`);
    console.log(`baseline: ${N} skip-only jobs (a reminder for no contract) through the same outbox and queue in ${(baselineMs / 1000).toFixed(2)} s = ${result.noopJobsPerSecond} jobs/s (p95 ${result.p95NoopJobMs} ms)`);
    console.log(`ratio workflows/s ÷ skip-only jobs/s = ${result.workflowVsNoopRatio} (each workflow runs ${result.jobsPerWorkflow} jobs plus the reviewer's decision)`);
    console.log(`registration numbers: ${numbers} issued, ${distinct} distinct`);
    console.log(JSON.stringify(result));
  } finally {
    await relay.stop();
    for (const q of Object.values(QueueName)) await jobs.queue(q).obliterate({ force: true }).catch(() => undefined);
    await app.close();
    await withAdminClient((c) => c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`));
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
