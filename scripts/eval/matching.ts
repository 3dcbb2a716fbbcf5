/**
 * npm run eval:matching — match quality on three sets, printed separately:
 *   - tuning:   the development set's tuning part (test/fixtures/matching/split.json) — what fitting may read;
 *   - held-out: the development set's frozen held-out part — only measured;
 *   - external: test/fixtures/matching-external, built under a blind protocol — only AGGREGATES are printed, never a
 *     per-demand line, so nobody tuning the matcher learns anything about individual external demands.
 * Each collection is imported through the API into its own fresh database (api + worker in-process). For every demand:
 *   - product:            GET /demands/:id/matches (thesaurus as shipped, active weights);
 *   - product, no thesaurus: the same after emptying the thesaurus table (an ablation);
 *   - bigram BM25:        character-bigram BM25 over the demand's whole text against the achievements' whole text,
 *                         with the demand's minTrl filter (libs/matching/src/evaluation/bigram-bm25.ts).
 * Columns: nDCG@10, MRR, Recall@10, below-minTrl violations (items returned with a TRL under the demand's minimum),
 * explained share (items carrying at least one reason). The last line is one JSON object.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SearchIndexer } from '@techbridge/platform';
import { BigramBm25 } from '../../libs/matching/src/query/bigram-bm25';
import { mean, ndcgAt, recallAt, reciprocalRank } from '../../libs/matching/src/evaluation/ranking-metrics';
import { importCollection } from './collection';

const ROOT = join(__dirname, '..', '..');
const DEV = join(ROOT, 'test', 'fixtures', 'matching');
const EXTERNAL = join(ROOT, 'test', 'fixtures', 'matching-external');
const K = 10;
const SYSTEMS = ['product', 'product-no-thesaurus', 'bigram-bm25'] as const;
type System = (typeof SYSTEMS)[number];

interface Qrels {
  judgements: Record<string, Record<string, number>>;
  trlExcluded?: Record<string, string[]>;
}
type Line = Record<string, unknown> & { externalId: string; minTrl?: number | null; trl?: number };

interface Run {
  ranked: string[];
  explained: boolean[];
}
interface Figures {
  demands: number;
  ndcgAt10: number;
  mrr: number;
  recallAt10: number;
  belowMinTrl: number;
  explainedShare: number | null;
}

/** Every text field of a record (title, description, keywords, constraints...), identifiers and codes excluded. */
export function fullText(record: Record<string, unknown>): string {
  const skip = new Set(['externalId', 'source', 'enterprise', 'owner', 'contact', 'industry', 'field', 'park', 'visibility', 'deadline', 'cooperationModes', 'transferModes', 'pricingMethod', 'ownerRegion', 'ownerType']);
  const parts: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') parts.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  for (const [k, v] of Object.entries(record)) if (!skip.has(k)) walk(v);
  return parts.join('\n');
}

function readLines(dir: string, file: string): Line[] {
  return readFileSync(join(dir, file), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Line);
}

/** One collection in its own database: the three systems' ranked lists for every demand. */
async function runCollection(dir: string): Promise<{ demands: Line[]; achievements: Line[]; runs: Record<System, Map<string, Run>> }> {
  const { createTestApp, signInAdmin } = await import('../../test/support/test-app');
  const t = await createTestApp({ worker: true });
  try {
    const admin = await signInAdmin(t.api);
    await importCollection(t, admin.accessToken, dir, ['achievements', 'demands']);
    await t.drain();
    const demands = readLines(dir, 'demands.jsonl');
    const achievements = readLines(dir, 'achievements.jsonl');
    const achRows: Array<{ id: string; external_id: string }> = await t.db.dataSource.query(`SELECT id, external_id FROM achievement WHERE status = 'published'`);
    const demRows: Array<{ id: string; external_id: string }> = await t.db.dataSource.query(`SELECT id, external_id FROM demand WHERE status = 'published'`);
    if (demRows.length !== demands.length || achRows.length !== achievements.length) {
      throw new Error(`imported ${demRows.length}/${demands.length} demands and ${achRows.length}/${achievements.length} achievements`);
    }
    const extOf = new Map(achRows.map((r) => [r.id, r.external_id]));
    const idOf = new Map(demRows.map((r) => [r.external_id, r.id]));
    const product = async () => {
      const out = new Map<string, Run>();
      for (const d of demands) {
        const res = await t.api.get(`demands/${idOf.get(d.externalId)}/matches`, { token: admin.accessToken, query: { limit: K } });
        if (res.status !== 200) throw new Error(`matches of ${d.externalId}: ${res.status}`);
        const items: Array<{ achievement: { id: string }; reasons: unknown[] }> = res.body.items;
        out.set(d.externalId, { ranked: items.map((i) => extOf.get(i.achievement.id) ?? i.achievement.id), explained: items.map((i) => i.reasons.length > 0) });
      }
      return out;
    };
    const withThesaurus = await product();
    // Ablation: the thesaurus emptied at once (one statement, then the index synonyms re-applied), not entry by entry.
    await t.db.dataSource.query(`DELETE FROM thesaurus_entry`);
    await t.app.get(SearchIndexer).applySettings();
    const withoutThesaurus = await product();

    const trlOf = new Map(achievements.map((a) => [a.externalId, Number(a.trl)]));
    const bm25 = new BigramBm25(achievements.map((a) => ({ id: a.externalId, text: fullText(a) })));
    const baseline = new Map<string, Run>();
    for (const d of demands) {
      const min = d.minTrl ?? null;
      const ranked = bm25.search(fullText(d), K, (id) => min == null || (trlOf.get(id) ?? 0) >= min);
      baseline.set(d.externalId, { ranked, explained: [] });
    }
    return { demands, achievements, runs: { product: withThesaurus, 'product-no-thesaurus': withoutThesaurus, 'bigram-bm25': baseline } };
  } finally {
    await t.close();
  }
}

function figures(ids: string[], runs: Map<string, Run>, qrels: Qrels, minTrlOf: Map<string, number | null>, trlOf: Map<string, number>, explains: boolean): Figures & { perDemand: Record<string, number> } {
  const ndcg: number[] = [];
  const rr: number[] = [];
  const recall: number[] = [];
  let below = 0;
  let items = 0;
  let explained = 0;
  const perDemand: Record<string, number> = {};
  for (const id of ids) {
    const run = runs.get(id)!;
    const judged = qrels.judgements[id] ?? {};
    const n = ndcgAt(run.ranked, judged, K);
    ndcg.push(n);
    perDemand[id] = n;
    rr.push(reciprocalRank(run.ranked, judged));
    recall.push(recallAt(run.ranked, judged, K));
    const min = minTrlOf.get(id);
    below += run.ranked.filter((a) => min != null && (trlOf.get(a) ?? 0) < min).length;
    items += run.ranked.length;
    explained += run.explained.filter(Boolean).length;
  }
  const four = (x: number) => +x.toFixed(4);
  return { demands: ids.length, ndcgAt10: four(mean(ndcg)), mrr: four(mean(rr)), recallAt10: four(mean(recall)), belowMinTrl: below, explainedShare: explains ? four(items ? explained / items : 1) : null, perDemand };
}

function table(title: string, rows: Record<System, Figures>): void {
  console.log(`\n${title}`);
  console.log(`${'system'.padEnd(26)}${'nDCG@10'.padStart(9)}${'MRR'.padStart(8)}${'Recall@10'.padStart(11)}${'below minTrl'.padStart(14)}${'explained'.padStart(11)}`);
  for (const s of SYSTEMS) {
    const f = rows[s];
    console.log(`${s.padEnd(26)}${f.ndcgAt10.toFixed(3).padStart(9)}${f.mrr.toFixed(3).padStart(8)}${f.recallAt10.toFixed(3).padStart(11)}${String(f.belowMinTrl).padStart(14)}${(f.explainedShare == null ? 'n/a' : f.explainedShare.toFixed(3)).padStart(11)}`);
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  // The test harness clones each database from a migrated template: make this process's own, as jest's global setup does.
  process.env.TB_TEST_TEMPLATE_DB = `tb_tpl_${process.pid}`;
  const { default: prepareTemplate } = await import('../../libs/testing/src/global-setup');
  await prepareTemplate();
  const split: { tuning: string[]; heldOut: string[] } = JSON.parse(readFileSync(join(DEV, 'split.json'), 'utf8'));
  const summary: Record<string, unknown> = { evaluation: 'matching', k: K };

  const dev = await runCollection(DEV);
  const devQrels: Qrels = JSON.parse(readFileSync(join(DEV, 'qrels.json'), 'utf8'));
  const devMin = new Map(dev.demands.map((d) => [d.externalId, d.minTrl ?? null]));
  const devTrl = new Map(dev.achievements.map((a) => [a.externalId, Number(a.trl)]));
  for (const [part, ids] of [['tuning', split.tuning], ['held-out', split.heldOut]] as const) {
    const rows = Object.fromEntries(SYSTEMS.map((s) => [s, figures(ids, dev.runs[s], devQrels, devMin, devTrl, s !== 'bigram-bm25')])) as Record<System, ReturnType<typeof figures>>;
    table(`${part === 'tuning' ? 'TUNING' : 'HELD-OUT'} (development set, ${ids.length} demands, ${dev.achievements.length} achievements)`, rows);
    // Per-demand lines for the tuning part only: held-out and external figures are read in aggregate, never demand by demand.
    if (part === 'tuning') console.log(`per demand nDCG@10 product/bm25: ${ids.map((id) => `${id} ${rows.product.perDemand[id].toFixed(2)}/${rows['bigram-bm25'].perDemand[id].toFixed(2)}`).join('  ')}`);
    summary[part === 'tuning' ? 'tuning' : 'heldOut'] = Object.fromEntries(SYSTEMS.map((s) => [s, strip(rows[s])]));
  }

  const ext = await runCollection(EXTERNAL);
  const extQrels: Qrels = JSON.parse(readFileSync(join(EXTERNAL, 'qrels.json'), 'utf8'));
  const extIds = ext.demands.map((d) => d.externalId);
  const extRows = Object.fromEntries(
    SYSTEMS.map((s) => [s, figures(extIds, ext.runs[s], extQrels, new Map(ext.demands.map((d) => [d.externalId, d.minTrl ?? null])), new Map(ext.achievements.map((a) => [a.externalId, Number(a.trl)])), s !== 'bigram-bm25')]),
  ) as Record<System, ReturnType<typeof figures>>;
  // Aggregates only: the external set stays blind to whoever reads this output.
  table(`EXTERNAL (blind set, ${extIds.length} demands, ${ext.achievements.length} achievements; aggregates only)`, extRows);
  summary.external = Object.fromEntries(SYSTEMS.map((s) => [s, strip(extRows[s])]));

  console.log(`\n${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(JSON.stringify(summary));
}

function strip(f: Figures & { perDemand?: unknown }): Figures {
  const { perDemand: _omit, ...rest } = f;
  return rest;
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
