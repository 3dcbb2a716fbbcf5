/**
 * npm run bench:scale — the zone at scale: SCALE_ACHIEVEMENTS (default 1,000,000) published achievements, SCALE_DEMANDS
 * (200,000) published demands and SCALE_CONTRACTS (1,000,000) registered technology contracts over four years, in
 * BENCH_DB (tb_bench_scale). Measures, with the api and the worker in this process on the real PostgreSQL and Redis:
 *  - the monitoring quarter: GET /monitoring/quarters/:q/preview (every computed indicator of the quarter from the
 *    contexts' SQL feeds, date range in WHERE), the contracts feed alone with the plan PostgreSQL chose, and the
 *    contract statistics aggregated in SQL (the quarter by park; all four years by quarter);
 *  - search p50/p95 (the catalog search service, embedded engine) and match p50/p95 (demand → top-10 achievements);
 *  - memory: this process before and after the achievements index is in memory (what every api or worker process that
 *    searches holds), and the database's size.
 * Rows are written by set-based SQL (generate_series); their texts come from SCALE_TEMPLATES (20,000) generated
 * achievements whose search fields are segmented once by the product's tokenizer, so a million documents are not a
 * million segmentations. SCALE_KEEP=1 reuses a seeded database; SCALE_SEARCH=0 stops after the monitoring figures. Prints figures; the last line is one JSON object.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { DemandResponse } from '@techbridge/demand';
import { MatchingService } from '@techbridge/matching';
import { ChineseTokenizer, runMigrations, SEARCH_INDEX, SearchIndex, withSearchFields } from '@techbridge/platform';
import { CatalogSearchService } from '../../libs/catalog/src/search/catalog-search.service';
import { ACHIEVEMENT_INDEX_SETTINGS } from '../../libs/catalog/src/search/achievement.projection';
import { DEMANDS_INDEX_SETTINGS } from '../../libs/demand/src/demand.projection';
import { generateAchievement } from './achievement-generator';
import { BENCH_ADMIN, BENCH_DB, benchDatabaseExists, percentile, resetBenchDatabase, round, startBenchApp } from './catalog-bench-app';
import { searchQueries } from './search-queries';
import { SCALE_SEED_SQL, scaleTemplates } from './scale-seed';

const ACHIEVEMENTS = Number(process.env.SCALE_ACHIEVEMENTS ?? 1_000_000);
const DEMANDS = Number(process.env.SCALE_DEMANDS ?? 200_000);
const CONTRACTS = Number(process.env.SCALE_CONTRACTS ?? 1_000_000);
const TEMPLATES = Number(process.env.SCALE_TEMPLATES ?? 20_000);
const QUARTER = process.env.SCALE_QUARTER ?? '2026Q3';
const CHUNK = 100_000;

const mb = (bytes: number) => round(bytes / 1048576, 0);
const seconds = (since: number) => round((performance.now() - since) / 1000, 2);

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const out = await work();
  return [out, performance.now() - t];
}

async function seed(ds: DataSource, tokenizer: ChineseTokenizer, adminUserId: string): Promise<void> {
  const t = performance.now();
  const templates = scaleTemplates(TEMPLATES, (i) => generateAchievement(i, 7), (doc, searchable) => withSearchFields(doc, searchable, tokenizer), {
    achievements: ACHIEVEMENT_INDEX_SETTINGS.searchableAttributes,
    demands: DEMANDS_INDEX_SETTINGS.searchableAttributes,
  });
  await ds.query(SCALE_SEED_SQL.templateTable);
  for (let i = 0; i < templates.length; i += 2000) {
    await ds.query(SCALE_SEED_SQL.insertTemplates, [JSON.stringify(templates.slice(i, i + 2000))]);
  }
  await ds.query(SCALE_SEED_SQL.organisations);
  console.log(`  ${templates.length} templates segmented, organisations written (${seconds(t)} s)`);
  const steps: Array<[string, string, number]> = [
    ['achievements', SCALE_SEED_SQL.achievements, ACHIEVEMENTS],
    ['demands', SCALE_SEED_SQL.demands, DEMANDS],
    ['contracts', SCALE_SEED_SQL.contracts, CONTRACTS],
  ];
  for (const [what, sql, total] of steps) {
    for (let from = 1; from <= total; from += CHUNK) {
      const params = [from, Math.min(total, from + CHUNK - 1), adminUserId, TEMPLATES];
      await ds.query(sql, params.slice(0, sql.includes('$4') ? 4 : 3));
      console.log(`  ${what}: ${Math.min(total, from + CHUNK - 1)}/${total} (${seconds(t)} s)`);
    }
  }
  await ds.query(`DROP TABLE scale_template`);
  await ds.query(`ANALYZE`);
  console.log(`seeded in ${seconds(t)} s`);
}

async function main(): Promise<Record<string, unknown>> {
  const reuse = process.env.SCALE_KEEP === '1' && (await benchDatabaseExists());
  if (!reuse) await resetBenchDatabase();
  // A kept database may predate migrations added since.
  else await runMigrations(`postgres://postgres@127.0.0.1:5432/${BENCH_DB}`);
  const b = await startBenchApp();
  try {
    const ds = b.app.get(DataSource);
    const signIn = async () => (await b.api.post('auth/sign-in', { email: BENCH_ADMIN.email, password: BENCH_ADMIN.password })).body as { accessToken: string; user: { id: string } };
    const [{ n: existing }] = await ds.query(`SELECT count(*)::int AS n FROM technology_contract`);
    if (!existing) await seed(ds, b.app.get(ChineseTokenizer), (await signIn()).user.id);
    // After the seed: a session opened before it has expired by now.
    const token = (await signIn()).accessToken;
    const [counts] = await ds.query(
      `SELECT (SELECT count(*) FROM achievement WHERE status = 'published')::int AS achievements,
              (SELECT count(*) FROM demand WHERE status = 'published')::int AS demands,
              (SELECT count(*) FROM technology_contract WHERE status = 'registered')::int AS contracts,
              pg_database_size(current_database()) AS bytes`,
    );
    const rssIdle = process.memoryUsage().rss;

    // ---- the monitoring quarter ----
    const opened = await b.api.post('monitoring/quarters', { quarter: QUARTER }, { token });
    if (opened.status !== 201 && opened.status !== 409) throw new Error(`open quarter: ${opened.status} ${JSON.stringify(opened.body)}`);
    const previews: number[] = [];
    let lines = 0;
    for (let i = 0; i < 3; i++) {
      const [res, ms] = await timed(() => b.api.get(`monitoring/quarters/${QUARTER}/preview`, { token }));
      if (res.status !== 200) throw new Error(`preview: ${res.status} ${JSON.stringify(res.body)}`);
      lines = (res.body.lines ?? res.body.items ?? []).length;
      previews.push(ms);
    }
    const { ContractsService } = await import('@techbridge/contracts');
    const { quarterBounds, parseQuarter } = await import('../../libs/monitoring/src/rules/quarter');
    const bounds = quarterBounds(parseQuarter(QUARTER)!);
    const contracts = b.app.get(ContractsService);
    const [feed, feedMs] = await timed(() => contracts.registeredContractsBetween(bounds.from, bounds.to));
    // Aggregated in PostgreSQL (GROUP BY): the statistics route, for the quarter by park and for all four years by quarter.
    const [quarterStats, quarterStatsMs] = await timed(() => contracts.registeredContractStats({ from: bounds.fromDate, to: bounds.toDate, groupBy: 'park' }));
    const [allStats, allStatsMs] = await timed(() => contracts.registeredContractStats({ from: '2023-01-01', to: '2026-12-31', groupBy: 'quarter' }));
    const plan: Array<{ 'QUERY PLAN': string }> = await ds.query(
      `EXPLAIN ANALYZE SELECT id, park_code, type, seller_region, buyer_region, contract_amount::text, technology_amount::text, broker_user_id, transfer_institution_id, registered_at
         FROM technology_contract WHERE status = 'registered' AND registered_at >= $1 AND registered_at < $2 ORDER BY created_at DESC, id`,
      [bounds.from, bounds.to],
    );

    console.log(`monitoring ${QUARTER}: preview ${previews.map((x) => Math.round(x)).join(' / ')} ms; contracts feed ${Math.round(feedMs)} ms (${feed.length} rows)`);
    const monitoring = {
      quarter: QUARTER,
      quarterContracts: feed.length,
      quarterPreviewMs: previews.map((x) => round(x, 0)),
      quarterReportLines: lines,
      contractsFeedMs: round(feedMs, 0),
      contractsFeedPlan: plan.map((p) => p['QUERY PLAN']).filter((l) => /Scan|Execution Time|Sort Method/.test(l)).map((l) => l.trim()),
      quarterStatsSqlMs: round(quarterStatsMs, 0),
      quarterStatsContracts: quarterStats.total.contracts,
      quarterStatsTechnologyAmount: quarterStats.total.technologyAmount,
      allYearsStatsSqlMs: round(allStatsMs, 0),
      allYearsStatsContracts: allStats.total.contracts,
      allYearsStatsQuarters: allStats.rows.length,
    };
    if (process.env.SCALE_SEARCH === '0') return { benchmark: 'scale', achievements: counts.achievements, demands: counts.demands, contracts: counts.contracts, ...monitoring };

    // ---- search and matches over the achievements index, in memory in this process ----
    const engine = b.app.get<SearchIndex>(SEARCH_INDEX);
    const [, preloadMs] = await timed(async () => (engine as SearchIndex & { preload?: (i: string) => Promise<void> }).preload?.('achievements'));
    global.gc?.();
    const rssLoaded = process.memoryUsage().rss;
    const search = b.app.get(CatalogSearchService);
    const qs = searchQueries(Number(process.env.SCALE_QUERIES ?? 200));
    for (const q of qs.slice(0, 10)) await search.searchAchievements(q);
    const searchMs: number[] = [];
    for (const q of qs) searchMs.push((await timed(() => search.searchAchievements(q)))[1]);
    const matching = b.app.get(MatchingService);
    const demands = readFileSync(join(__dirname, '..', '..', 'test', 'fixtures', 'matching', 'demands.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const asResponse = (d: Record<string, unknown>) =>
      ({ ...d, id: String(d.externalId), minTrl: (d.minTrl as number | undefined) ?? null, budget: (d.budget as number | null | undefined) ?? null, field: (d.field as string | undefined) ?? null, park: (d.park as string | undefined) ?? null }) as unknown as DemandResponse;
    for (const d of demands.slice(0, 3)) await matching.rankAchievementsFor(asResponse(d), 10);
    const matchMs: number[] = [];
    for (let r = 0; r < Number(process.env.SCALE_MATCH_ROUNDS ?? 2); r++) for (const d of demands) matchMs.push((await timed(() => matching.rankAchievementsFor(asResponse(d), 10)))[1]);
    const rssAfter = process.memoryUsage().rss;
    searchMs.sort((x, y) => x - y);
    matchMs.sort((x, y) => x - y);
    previews.sort((x, y) => x - y);

    const figures = {
      benchmark: 'scale',
      engine: engine.engine,
      achievements: counts.achievements,
      demands: counts.demands,
      contracts: counts.contracts,
      databaseMB: mb(Number(counts.bytes)),
      ...monitoring,
      quarterPreviewMedianMs: round(previews[1], 0),
      indexPreloadSeconds: round(preloadMs / 1000, 1),
      searchQueries: searchMs.length,
      searchP50Ms: round(percentile(searchMs, 50)),
      searchP95Ms: round(percentile(searchMs, 95)),
      matchQueries: matchMs.length,
      matchP50Ms: round(percentile(matchMs, 50)),
      matchP95Ms: round(percentile(matchMs, 95)),
      rssBeforeIndexMB: mb(rssIdle),
      rssWithAchievementsIndexMB: mb(rssLoaded),
      rssAfterQueriesMB: mb(rssAfter),
      heapUsedMB: mb(process.memoryUsage().heapUsed),
    };
    console.log(`
scale: ${figures.achievements} achievements, ${figures.demands} demands, ${figures.contracts} registered contracts (database ${figures.databaseMB} MB), engine ${figures.engine}
  monitoring ${QUARTER} preview (every computed indicator, ${figures.quarterContracts} contracts in the quarter): ${figures.quarterPreviewMs.join(' / ')} ms (median ${figures.quarterPreviewMedianMs} ms)
  contracts feed alone: ${figures.contractsFeedMs} ms; plan: ${figures.contractsFeedPlan.join(' | ')}
  contract statistics aggregated in SQL: the quarter by park ${figures.quarterStatsSqlMs} ms (${figures.quarterStatsContracts} contracts), four years by quarter ${figures.allYearsStatsSqlMs} ms (${figures.allYearsStatsContracts} contracts, ${figures.allYearsStatsQuarters} quarters)
  achievements index into memory: ${figures.indexPreloadSeconds} s
  search (service, ${figures.searchQueries} queries): p50 ${figures.searchP50Ms} ms, p95 ${figures.searchP95Ms} ms
  matches (demand → top 10, ${figures.matchQueries} queries): p50 ${figures.matchP50Ms} ms, p95 ${figures.matchP95Ms} ms
  process RSS: ${figures.rssBeforeIndexMB} MB without the index, ${figures.rssWithAchievementsIndexMB} MB with it, ${figures.rssAfterQueriesMB} MB after the queries (heap ${figures.heapUsedMB} MB)`);
    return figures;
  } finally {
    await b.close();
  }
}

if (require.main === module) {
  console.log(`bench:scale on ${BENCH_DB}`);
  main().then(
    (figures) => {
      console.log(JSON.stringify(figures));
      process.exit(0);
    },
    (err) => {
      // Not the error object: its query parameters are megabytes of templates.
      console.error(err instanceof Error ? `${err.message}\n${err.stack}` : err);
      process.exit(1);
    },
  );
}
