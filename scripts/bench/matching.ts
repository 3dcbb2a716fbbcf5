/**
 * npm run bench:matching — demand → top-10 matches over BENCH_SIZE (default 100,000) synthetic achievements.
 * The generated achievements (scripts/bench/achievement-generator.ts) are projected like the catalog projects them and
 * written straight into the achievements index of a fresh test database (the bench measures matching, not import);
 * the queries are the 32 development-set demands in the enterprises' own words.
 * Measures, per query, MatchingService.rankAchievementsFor (query construction + thesaurus + candidate retrieval
 * through the index with the minTrl filter + feature re-ranking) beside a bare search of the same engine
 * (the demand title, limit 10), and prints p50/p95 of both and their ratio; the last line is one JSON object.
 * BENCH_SIZE=20000 for a quicker run; BENCH_ROUNDS (default 5) passes over the 32 demands.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DemandResponse } from '@techbridge/demand';
import type { MatchingService } from '@techbridge/matching';
import type { SearchDocument, SearchIndex } from '@techbridge/platform';
import { generateAchievement } from './achievement-generator';

const N = Number(process.env.BENCH_SIZE ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const FISCAL = new Set(['national-program', 'provincial-program', 'municipal-program']);
const STAGE = (trl: number) => (trl <= 3 ? 'lab' : trl <= 5 ? 'bench' : trl <= 7 ? 'pilot' : 'industrial');

function uuidOf(i: number): string {
  const hex = i.toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${hex}`;
}

function documentOf(i: number): SearchDocument {
  const r = generateAchievement(i);
  return {
    id: uuidOf(i), version: 1, title: r.title, summary: r.summary, keywords: r.keywords ?? [], industry: r.industry, field: r.field ?? null, trl: r.trl,
    stage: STAGE(r.trl), transferModes: r.transferModes ?? [], pricingMethod: null, askingPrice: r.askingPrice ?? null, negotiable: r.askingPrice == null,
    fundingSource: r.fundingSource ?? null, fiscallyFunded: FISCAL.has(r.fundingSource ?? ''), patents: r.patents ?? [], hasPatent: (r.patents ?? []).length > 0,
    award: r.award ?? null, ownerId: uuidOf(10_000_000 + (i % 50)), ownerName: r.owner.name, ownerType: r.owner.type, ownerRegion: r.owner.region,
    source: r.source ?? 'bench', publishedAt: 1_760_000_000_000 + i,
  };
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

async function main(): Promise<void> {
  process.env.TB_TEST_TEMPLATE_DB = `tb_tpl_${process.pid}`;
  const { default: prepareTemplate } = await import('../../libs/testing/src/global-setup');
  await prepareTemplate();
  const { createTestApp } = await import('../../test/support/test-app');
  const { MatchingService: Matching } = await import('@techbridge/matching');
  const { SEARCH_INDEX, SearchIndexer } = await import('@techbridge/platform');
  const t = await createTestApp();
  try {
    const engine = t.app.get<SearchIndex>(SEARCH_INDEX);
    // Documents as the indexer writes them (with their search fields), straight into the engine.
    const indexer = t.app.get(SearchIndexer);
    const { searchableAttributes } = await indexer.projection('achievements').settings();
    const { withSearchFields, ChineseTokenizer } = await import('@techbridge/platform');
    const tokenizer = t.app.get(ChineseTokenizer);
    const matching = t.app.get<MatchingService>(Matching);
    const loadStart = performance.now();
    const chunk = 2000;
    for (let i = 0; i < N; i += chunk) {
      const docs: SearchDocument[] = [];
      for (let k = i; k < Math.min(N, i + chunk); k++) docs.push(withSearchFields(documentOf(k), searchableAttributes, tokenizer));
      await engine.upsert('achievements', docs);
      if ((i / chunk) % 10 === 0) console.log(`  indexed ${Math.min(N, i + chunk)}/${N}`);
    }
    const loadSeconds = (performance.now() - loadStart) / 1000;
    const count = await engine.count('achievements');
    console.log(`indexed ${count} synthetic achievements in ${round(loadSeconds, 1)} s (engine ${engine.engine})`);

    const demands = readFileSync(join(__dirname, '..', '..', 'test', 'fixtures', 'matching', 'demands.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const asResponse = (d: Record<string, unknown>) =>
      ({ ...d, id: String(d.externalId), minTrl: (d.minTrl as number | undefined) ?? null, budget: (d.budget as number | null | undefined) ?? null, field: (d.field as string | undefined) ?? null, park: (d.park as string | undefined) ?? null }) as unknown as DemandResponse;

    // Warm-up: first queries build the in-memory index and caches.
    for (const d of demands.slice(0, 5)) {
      await matching.rankAchievementsFor(asResponse(d), 10);
      await engine.search('achievements', { q: d.title, limit: 10 });
    }
    const product: number[] = [];
    const bare: number[] = [];
    let returned = 0;
    // How many engine searches one match makes (counted while a match runs).
    const counted = { searches: 0, on: false };
    const search = engine.search.bind(engine);
    engine.search = ((...args: Parameters<SearchIndex['search']>) => {
      if (counted.on) counted.searches++;
      return search(...args);
    }) as SearchIndex['search'];
    for (let round_ = 0; round_ < ROUNDS; round_++) {
      for (const d of demands) {
        let s = performance.now();
        await engine.search('achievements', { q: d.title, limit: 10 });
        bare.push(performance.now() - s);
        s = performance.now();
        counted.on = true;
        const ranked = await matching.rankAchievementsFor(asResponse(d), 10);
        counted.on = false;
        product.push(performance.now() - s);
        returned += Math.min(10, ranked.length);
      }
    }
    product.sort((a, b) => a - b);
    bare.sort((a, b) => a - b);
    const figures = {
      benchmark: 'matching',
      engine: engine.engine,
      achievements: count,
      queries: product.length,
      productP50Ms: round(percentile(product, 50)),
      productP95Ms: round(percentile(product, 95)),
      bareSearchP50Ms: round(percentile(bare, 50)),
      bareSearchP95Ms: round(percentile(bare, 95)),
      p50Ratio: round(percentile(product, 50) / Math.max(0.001, percentile(bare, 50))),
      p95Ratio: round(percentile(product, 95) / Math.max(0.001, percentile(bare, 95))),
      avgMatchesReturned: round(returned / product.length, 1),
      searchesPerMatch: round(counted.searches / product.length, 2),
      indexLoadSeconds: round(loadSeconds, 1),
    };
    console.log('');
    console.log(`demand → top-10 matches over ${count} achievements, ${product.length} queries (${demands.length} demands × ${ROUNDS} rounds), engine ${engine.engine}`);
    console.log(`  matches (query + thesaurus + ${'retrieval'} + re-rank): p50 ${figures.productP50Ms} ms   p95 ${figures.productP95Ms} ms`);
    console.log(`  bare search (title, limit 10)               : p50 ${figures.bareSearchP50Ms} ms   p95 ${figures.bareSearchP95Ms} ms`);
    console.log(`  ratio matches / bare search                 : p50 ×${figures.p50Ratio}   p95 ×${figures.p95Ratio}`);
    console.log(`  engine searches per match                   : ${figures.searchesPerMatch}`);
    console.log(JSON.stringify(figures));
  } finally {
    await t.close();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
