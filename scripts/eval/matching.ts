/**
 * npm run eval:matching — match quality on the labelled development set (test/fixtures/matching).
 * Imports the set through the API into a fresh test database (app and worker in-process), asks the match endpoint for
 * each demand, and compares it with a plain keyword baseline: the same engine, the demand title as the query, no thesaurus
 * synonyms, no re-ranking (the baseline gets the minTrl filter too, so only ranking is compared).
 * Prints a table, then one JSON object on the last line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IndexSettings, SEARCH_INDEX, SearchIndex } from '@techbridge/platform';
import { mean, ndcgAt, recallAt, reciprocalRank } from '../../libs/matching/src/evaluation/ranking-metrics';
import type { TestApp } from '../../test/support/test-app';

const FIXTURES = join(__dirname, '..', '..', 'test', 'fixtures', 'matching');
const K = 10;
const BASELINE_INDEX = 'eval_keyword_baseline';
// The achievements index's contract settings, without the thesaurus synonyms.
const BASELINE_SETTINGS: IndexSettings = {
  searchableAttributes: ['title', 'keywords', 'summary', 'ownerName'],
  filterableAttributes: ['industry', 'field', 'trl', 'stage', 'transferModes', 'ownerRegion', 'ownerType', 'ownerId', 'askingPrice', 'negotiable', 'fundingSource', 'fiscallyFunded', 'source', 'hasPatent'],
  sortableAttributes: ['publishedAt', 'askingPrice', 'trl'],
  synonyms: {},
};

interface Qrels {
  judgements: Record<string, Record<string, number>>;
  trlExcluded: Record<string, string[]>;
  tags: Record<string, string[]>;
}
interface DemandLine {
  externalId: string;
  title: string;
  minTrl?: number;
}

async function importFile(t: TestApp, token: string, kind: 'achievements' | 'demands', file: string): Promise<void> {
  const body = readFileSync(join(FIXTURES, file), 'utf8');
  const res = await t.api.post(`imports/${kind}`, body, { token, query: { publish: 'true' }, headers: { 'content-type': 'application/x-ndjson' } });
  if (res.status !== 202) throw new Error(`import ${kind}: ${res.status} ${JSON.stringify(res.body)}`);
  await t.drain();
  const job = await t.api.get(`imports/${res.body.id}`, { token });
  const failed = job.body.failed ?? job.body.errors?.length ?? 0;
  if (job.body.status !== 'succeeded' && job.body.status !== 'completed' && job.body.status !== 'done') console.log(`import ${kind}: status ${job.body.status}`);
  if (failed) console.log(`import ${kind}: ${JSON.stringify(job.body).slice(0, 600)}`);
}

interface SystemScores {
  ndcg: number[];
  recall: number[];
  rr: number[];
  violations: number;
  mismatchNdcg: number[];
}
const empty = (): SystemScores => ({ ndcg: [], recall: [], rr: [], violations: 0, mismatchNdcg: [] });

function record(s: SystemScores, ranked: string[], judged: Record<string, number>, excluded: Set<string>, mismatch: boolean): void {
  s.ndcg.push(ndcgAt(ranked, judged, K));
  s.recall.push(recallAt(ranked, judged, K));
  s.rr.push(reciprocalRank(ranked, judged));
  s.violations += ranked.filter((id) => excluded.has(id)).length;
  if (mismatch) s.mismatchNdcg.push(ndcgAt(ranked, judged, K));
}

async function main(): Promise<void> {
  const started = Date.now();
  // The test harness clones each database from a migrated template: make this process's own, as jest's global setup does.
  process.env.TB_TEST_TEMPLATE_DB = `tb_tpl_${process.pid}`;
  const { default: prepareTemplate } = await import('../../libs/testing/src/global-setup');
  await prepareTemplate();
  const { createTestApp, signInAdmin } = await import('../../test/support/test-app');
  const t = await createTestApp({ worker: true });
  try {
    const admin = await signInAdmin(t.api);
    await importFile(t, admin.accessToken, 'achievements', 'achievements.jsonl');
    await importFile(t, admin.accessToken, 'demands', 'demands.jsonl');
    await t.drain();
    const qrels: Qrels = JSON.parse(readFileSync(join(FIXTURES, 'qrels.json'), 'utf8'));
    const demands: DemandLine[] = readFileSync(join(FIXTURES, 'demands.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const achRows: Array<{ id: string; external_id: string; trl: number }> = await t.db.dataSource.query(`SELECT id, external_id, trl FROM achievement WHERE source = 'matching-devset' AND status = 'published'`);
    const demRows: Array<{ id: string; external_id: string }> = await t.db.dataSource.query(`SELECT id, external_id FROM demand WHERE source = 'matching-devset' AND status = 'published'`);
    const extOfAch = new Map(achRows.map((r) => [r.id, r.external_id]));
    const idOfDemand = new Map(demRows.map((r) => [r.external_id, r.id]));
    console.log(`dev set: ${demRows.length}/${demands.length} demands, ${achRows.length} achievements imported and published`);
    if (demRows.length !== demands.length) throw new Error('not every demand was imported');

    // The baseline's own index: the same documents and engine, no synonyms.
    const engine = t.app.get<SearchIndex>(SEARCH_INDEX);
    const docs = (await engine.search('achievements', { q: '', limit: 10_000 })).hits.map((h) => h.document);
    await engine.applySettings(BASELINE_INDEX, BASELINE_SETTINGS);
    await engine.clear(BASELINE_INDEX);
    await engine.upsert(BASELINE_INDEX, docs);
    console.log(`indexed: ${docs.length} achievements in the search index`);

    const product = empty();
    const baseline = empty();
    const perDemand: Array<{ demand: string; product: number; baseline: number }> = [];
    for (const d of demands) {
      const judged = qrels.judgements[d.externalId] ?? {};
      const excluded = new Set(qrels.trlExcluded[d.externalId] ?? []);
      const mismatch = (qrels.tags[d.externalId] ?? []).includes('vocabulary-mismatch');
      const res = await t.api.get(`demands/${idOfDemand.get(d.externalId)}/matches`, { token: admin.accessToken, query: { limit: K } });
      if (res.status !== 200) throw new Error(`matches of ${d.externalId}: ${res.status} ${JSON.stringify(res.body)}`);
      const ranked = res.body.items.map((i: { achievement: { id: string } }) => extOfAch.get(i.achievement.id) ?? i.achievement.id);
      record(product, ranked, judged, excluded, mismatch);
      const plain = await engine.search(BASELINE_INDEX, { q: d.title, limit: K, filter: d.minTrl ? { field: 'trl', gte: d.minTrl } : undefined });
      const baseRanked = plain.hits.map((h) => extOfAch.get(h.document.id) ?? h.document.id);
      record(baseline, baseRanked, judged, excluded, mismatch);
      perDemand.push({ demand: d.externalId, product: ndcgAt(ranked, judged, K), baseline: ndcgAt(baseRanked, judged, K) });
    }

    // Ablation: the same product with the thesaurus emptied (through the admin API), to show what the thesaurus adds.
    for (;;) {
      const page = await t.api.get('thesaurus', { token: admin.accessToken, query: { pageSize: 100 } });
      if (!page.body.items.length) break;
      for (const e of page.body.items) await t.api.delete(`thesaurus/${e.id}`, { token: admin.accessToken });
    }
    const noThesaurus = empty();
    for (const d of demands) {
      const res = await t.api.get(`demands/${idOfDemand.get(d.externalId)}/matches`, { token: admin.accessToken, query: { limit: K } });
      const ranked = res.body.items.map((i: { achievement: { id: string } }) => extOfAch.get(i.achievement.id) ?? i.achievement.id);
      record(noThesaurus, ranked, qrels.judgements[d.externalId] ?? {}, new Set(qrels.trlExcluded[d.externalId] ?? []), (qrels.tags[d.externalId] ?? []).includes('vocabulary-mismatch'));
    }

    const row = (name: string, s: SystemScores) =>
      `${name.padEnd(30)} ${mean(s.ndcg).toFixed(3).padStart(8)} ${mean(s.recall).toFixed(3).padStart(10)} ${mean(s.rr).toFixed(3).padStart(7)} ${mean(s.mismatchNdcg).toFixed(3).padStart(16)} ${String(s.violations).padStart(14)}`;
    console.log('');
    console.log(`per demand nDCG@${K} (product / baseline): ${perDemand.map((p) => `${p.demand} ${p.product.toFixed(2)}/${p.baseline.toFixed(2)}`).join('  ')}`);
    console.log('');
    console.log(`${'system'.padEnd(30)} ${'nDCG@10'.padStart(8)} ${'Recall@10'.padStart(10)} ${'MRR'.padStart(7)} ${'nDCG@10 mismatch'.padStart(16)} ${'minTrl breaches'.padStart(14)}`);
    console.log(row('product (matches endpoint)', product));
    console.log(row('product without thesaurus', noThesaurus));
    console.log(row('keyword baseline (title)', baseline));
    const mismatchCount = product.mismatchNdcg.length;
    console.log(`\n${demands.length} demands (${mismatchCount} vocabulary-mismatch), ${achRows.length} achievements, engine ${engine.engine}, ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const summary = {
      evaluation: 'matching',
      engine: engine.engine,
      k: K,
      demands: demands.length,
      achievements: achRows.length,
      vocabularyMismatchDemands: mismatchCount,
      product: figuresOf(product),
      baseline: figuresOf(baseline),
      productWithoutThesaurus: figuresOf(noThesaurus),
      productBeatsBaseline: mean(product.ndcg) > mean(baseline.ndcg),
    };
    console.log(JSON.stringify(summary));
  } finally {
    await t.close();
  }
}

/** The per-system figures of the last-line JSON. */
function figuresOf(r: { ndcg: number[]; recall: number[]; rr: number[]; mismatchNdcg: number[]; violations: number }) {
  const four = (xs: number[]) => +mean(xs).toFixed(4);
  return { ndcgAt10: four(r.ndcg), recallAt10: four(r.recall), mrr: four(r.rr), ndcgAt10Mismatch: four(r.mismatchNdcg), minTrlBreaches: r.violations };
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
