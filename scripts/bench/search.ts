/**
 * npm run bench:search — p50/p95 of the achievement search service call (filters from the query, park lookup,
 * facets, highlights, mapping) beside a bare SearchIndex.search of the same engine with the same query, as a ratio.
 * Uses the corpus left by bench:import in the bench database; builds one (BENCH_SIZE, default 100000) when absent.
 * BENCH_QUERIES (default 300) queries, interleaved so both sides see the same cache state.
 */
import { Client } from 'pg';
import { SEARCH_INDEX, SearchIndex } from '@techbridge/platform';
import { SearchAchievementsQuery } from '../../libs/catalog/src/dto/search.dto';
import { CatalogSearchService } from '../../libs/catalog/src/search/catalog-search.service';
import { searchQueries as queries } from './search-queries';
import { BENCH_DB, benchDatabaseExists, percentile, round, startBenchApp } from './catalog-bench-app';
import { runImportBench } from './import';

async function corpusSize(): Promise<number> {
  if (!(await benchDatabaseExists())) return 0;
  const c = new Client({ connectionString: `postgres://postgres@127.0.0.1:5432/${BENCH_DB}` });
  await c.connect();
  try {
    const { rows } = await c.query(`SELECT count(*)::int AS n FROM achievement WHERE status = 'published'`);
    return rows[0].n as number;
  } catch {
    return 0;
  } finally {
    await c.end();
  }
}

async function main(): Promise<void> {
  const want = Number(process.env.BENCH_SIZE ?? 100000);
  let size = await corpusSize();
  if (size === 0 || process.env.BENCH_REBUILD === '1') {
    console.log(`no corpus in ${BENCH_DB}: importing ${want} achievements first`);
    await runImportBench(want);
    size = await corpusSize();
  }
  const b = await startBenchApp();
  try {
    const service = b.app.get(CatalogSearchService);
    const engine = b.app.get<SearchIndex>(SEARCH_INDEX);
    const qs = queries(Number(process.env.BENCH_QUERIES ?? 300));
    const bare = async (q: SearchAchievementsQuery) =>
      engine.search('achievements', {
        q: q.q, filter: await service.achievementFilter(q), facets: ['industry', 'trl', 'ownerRegion', 'transferModes'],
        sort: q.sort === 'newest' ? ['publishedAt:desc'] : q.sort === 'price-asc' ? ['askingPrice:asc'] : undefined,
        offset: 0, limit: q.pageSize, highlight: ['title', 'summary', 'keywords'],
      });
    for (const q of qs.slice(0, 20)) {
      await service.searchAchievements(q);
      await bare(q);
    }
    const svc: number[] = [];
    const raw: number[] = [];
    let hits = 0;
    for (const [i, q] of qs.entries()) {
      // Alternate which side goes first so neither always benefits from the other's warm cache.
      const order = i % 2 ? ['svc', 'raw'] : ['raw', 'svc'];
      for (const side of order) {
        const t = performance.now();
        if (side === 'svc') hits += (await service.searchAchievements(q)).total > 0 ? 1 : 0;
        else await bare(q);
        (side === 'svc' ? svc : raw).push(performance.now() - t);
      }
    }
    svc.sort((a, b) => a - b);
    raw.sort((a, b) => a - b);
    const f = {
      benchmark: 'search',
      engine: engine.engine,
      corpus: size,
      queries: qs.length,
      queriesWithHits: hits,
      serviceP50Ms: round(percentile(svc, 50)),
      serviceP95Ms: round(percentile(svc, 95)),
      bareP50Ms: round(percentile(raw, 50)),
      bareP95Ms: round(percentile(raw, 95)),
      p50Ratio: round(percentile(svc, 50) / percentile(raw, 50), 3),
      p95Ratio: round(percentile(svc, 95) / percentile(raw, 95), 3),
    };
    console.log(`
search over ${f.corpus} published achievements, engine ${f.engine}, ${f.queries} queries (${f.queriesWithHits} with hits)
  service call (GET /search/achievements logic): p50 ${f.serviceP50Ms} ms, p95 ${f.serviceP95Ms} ms
  bare SearchIndex.search, same query          : p50 ${f.bareP50Ms} ms, p95 ${f.bareP95Ms} ms
  ratio service/bare                           : p50 ${f.p50Ratio}, p95 ${f.p95Ratio}`);
    console.log(JSON.stringify(f));
  } finally {
    await b.close();
  }
}

main()
  .then(() => process.exit(0))
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
