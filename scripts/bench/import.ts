/**
 * npm run bench:import — BENCH_SIZE (default 100000) generated achievements imported through the real import job
 * (JSON Lines upload → job → batched upserts with outbox rows) and indexed by the outbox relay.
 * Baseline in the same run: reading + validating the same file without storing it.
 * Prints lines/s for import and indexing, peak RSS, and one JSON object on the last line.
 */
import { createReadStream, createWriteStream, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { once } from 'node:events';
import { SEARCH_INDEX, SearchIndex } from '@techbridge/platform';
import { validateAchievementRecord } from '../../libs/catalog/src/import/achievement-record';
import { readRecords } from '../../libs/catalog/src/import/record-reader';
import { generateAchievements } from './achievement-generator';
import { BENCH_ADMIN, resetBenchDatabase, round, startBenchApp } from './catalog-bench-app';

export async function writeCorpus(n: number, seed: number): Promise<string> {
  const file = path.join(os.tmpdir(), `tb-bench-achievements-${n}-${seed}.jsonl`);
  const out = createWriteStream(file);
  for (const r of generateAchievements(n, seed)) {
    if (!out.write(JSON.stringify(r) + '\n')) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return file;
}

export async function runImportBench(n: number, seed = 42): Promise<Record<string, number | string>> {
  console.log(`generating ${n} achievements (seed ${seed}) …`);
  const file = await writeCorpus(n, seed);
  const bytes = (await fs.stat(file)).size;

  // Baseline: stream + parse + validate only (the upper bound the import's storage work is measured against).
  let t = performance.now();
  let valid = 0;
  for await (const item of readRecords(createReadStream(file), 'ndjson')) {
    if (!('parseError' in item) && !('errors' in validateAchievementRecord(item.raw))) valid++;
  }
  const baselineSeconds = (performance.now() - t) / 1000;

  await resetBenchDatabase();
  const b = await startBenchApp();
  try {
    const session = await b.api.post('auth/sign-in', { email: BENCH_ADMIN.email, password: BENCH_ADMIN.password });
    const token = session.body.accessToken as string;
    const search = b.app.get<SearchIndex>(SEARCH_INDEX);
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 100);

    t = performance.now();
    // Streamed request body: the upload is never buffered whole, on either side.
    const res = await b.app.inject({ method: 'POST', url: '/api/v1/imports/achievements?publish=true', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' }, payload: createReadStream(file) });
    const started = { status: res.statusCode, body: JSON.parse(res.body) as { id: string } };
    if (started.status !== 202) throw new Error(`import refused: ${started.status} ${JSON.stringify(started.body)}`);
    const uploadSeconds = (performance.now() - t) / 1000;
    let job: Record<string, unknown> = {};
    let lastLog = 0;
    for (;;) {
      job = (await b.api.get(`imports/${started.body.id}`, { token })).body;
      if (job.status === 'done' || job.status === 'failed') break;
      if (performance.now() - lastLog > 5000) {
        lastLog = performance.now();
        console.log(`  import ${job.status}: ${job.processed}/${n}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    const importSeconds = (performance.now() - t) / 1000;
    if (job.status !== 'done') throw new Error(`import failed: ${JSON.stringify(job)}`);
    for (;;) {
      const count = await search.count('achievements');
      if (count >= Number(job.created)) break;
      if (performance.now() - lastLog > 5000) {
        lastLog = performance.now();
        console.log(`  indexed ${count}/${job.created}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    const indexedSeconds = (performance.now() - t) / 1000;
    clearInterval(sampler);
    const maxRssKb = process.resourceUsage().maxRSS;

    const figures = {
      benchmark: 'import',
      engine: search.engine,
      lines: n,
      fileMB: round(bytes / 1048576),
      created: Number(job.created),
      failed: Number(job.failed),
      baselineParseValidateLinesPerSec: round(n / baselineSeconds, 0),
      uploadSeconds: round(uploadSeconds),
      importSeconds: round(importSeconds),
      importLinesPerSec: round(n / importSeconds, 0),
      indexedSeconds: round(indexedSeconds),
      indexLagAfterImportSeconds: round(indexedSeconds - importSeconds),
      indexingLinesPerSec: round(n / indexedSeconds, 0),
      importVsBaselineRatio: round(n / importSeconds / (n / baselineSeconds), 3),
      rssBeforeMB: round(rssBefore / 1048576),
      peakRssMB: round(rssPeak / 1048576),
      peakRssDeltaMB: round((rssPeak - rssBefore) / 1048576),
      processMaxRssMB: round(maxRssKb / 1024),
    };
    console.log(`
import of ${n} lines (${figures.fileMB} MB JSON Lines), engine ${figures.engine}
  baseline parse+validate : ${figures.baselineParseValidateLinesPerSec} lines/s
  import (job, stored)    : ${figures.importLinesPerSec} lines/s  (${figures.importSeconds} s, ratio to baseline ${figures.importVsBaselineRatio})
  indexed (end to end)    : ${figures.indexingLinesPerSec} lines/s  (${figures.indexedSeconds} s, lag after import ${figures.indexLagAfterImportSeconds} s)
  RSS before ${figures.rssBeforeMB} MB, peak ${figures.peakRssMB} MB (+${figures.peakRssDeltaMB} MB), process max ${figures.processMaxRssMB} MB`);
    return figures;
  } finally {
    await b.close();
  }
}

if (require.main === module) {
  const n = Number(process.env.BENCH_SIZE ?? 100000);
  runImportBench(n)
    .then((figures) => {
      console.log(JSON.stringify(figures));
      process.exit(0);
    })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
