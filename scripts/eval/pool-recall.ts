/**
 * Pool recall of retrieval variants on the TUNING part only (held-out judgements are filtered out before anything):
 * how many judged-relevant achievements reach the re-ranking pool, and how large the pool is, for the product's
 * retrieval and for alternatives (one search with a term budget). Decides the retrieval's term budget and limit.
 * TS_NODE_TRANSPILE_ONLY=1 ts-node -r tsconfig-paths/register scripts/eval/pool-recall.ts
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACHIEVEMENTS_INDEX } from '@techbridge/catalog';
import { ChineseTokenizer, SEARCH_INDEX, SearchIndex } from '@techbridge/platform';
import { demandText } from '../../libs/matching/src/matching.service';
import { buildMatchQuery, retrievalTerms } from '../../libs/matching/src/query/match-query';
import { shippedThesaurus, Thesaurus } from '../../libs/matching/src/thesaurus/thesaurus';
import { DEFAULT_WEIGHTS } from '../../libs/matching/src/weights/match-weights';
import { importCollection } from './collection';

const DEV = join(__dirname, '..', '..', 'test', 'fixtures', 'matching');
type Rec = Record<string, any>;

async function main(): Promise<void> {
  const split: { tuning: string[] } = JSON.parse(readFileSync(join(DEV, 'split.json'), 'utf8'));
  const tuning = new Set(split.tuning);
  const qrels: { judgements: Record<string, Record<string, number>> } = JSON.parse(readFileSync(join(DEV, 'qrels.json'), 'utf8'));
  const judged = Object.fromEntries(Object.entries(qrels.judgements).filter(([id]) => tuning.has(id)));
  const demands: Rec[] = readFileSync(join(DEV, 'demands.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l)).filter((d) => tuning.has(d.externalId));
  process.env.TB_TEST_TEMPLATE_DB = `tb_tpl_${process.pid}`;
  const { default: prepareTemplate } = await import('../../libs/testing/src/global-setup');
  await prepareTemplate();
  const { createTestApp, signInAdmin } = await import('../../test/support/test-app');
  const t = await createTestApp({ worker: true });
  try {
    const admin = await signInAdmin(t.api);
    await importCollection(t, admin.accessToken, DEV, ['achievements']);
    const rows: Array<{ id: string; external_id: string }> = await t.db.dataSource.query(`SELECT id, external_id FROM achievement WHERE status = 'published'`);
    const ext = new Map(rows.map((r) => [r.id, r.external_id]));
    const engine = t.app.get<SearchIndex>(SEARCH_INDEX);
    const thesaurus = new Thesaurus(shippedThesaurus());
    const tokenizer = t.app.get(ChineseTokenizer);
    const domain = new Set(tokenizer.dictionaryWords());
    const search = async (terms: string[], filter: unknown, limit: number) =>
      terms.length ? (await engine.search(ACHIEVEMENTS_INDEX, { q: `${terms.join(' ')} `, filter: filter as never, limit, matchingStrategy: 'frequency' })).hits.map((h) => ext.get(h.document.id)!) : [];
    const variants: Array<{ name: string; pool: (q: ReturnType<typeof buildMatchQuery>, f: unknown) => Promise<string[]> }> = [
      { name: 'two searches 10@120 + text40@60 (before)', pool: async (q, f) => [...new Set([...(await search(q.queryTerms, f, 120)), ...(await search(q.textTerms, f, 60))])] },
    ];
    for (const budget of [10, 14, 18, 24, 32, 50]) for (const limit of [60, 100, 150]) variants.push({ name: `one search ${budget} terms @${limit}`, pool: (q, f) => search(retrievalTerms(q, budget), f, limit) });
    for (const v of variants) {
      let found = 0;
      let relevant = 0;
      let size = 0;
      let words = 0;
      for (const d of demands) {
        const q = buildMatchQuery(demandText(d as never), tokenizer, thesaurus, domain, DEFAULT_WEIGHTS.fields);
        const pool = new Set(await v.pool(q, d.minTrl != null ? { field: 'trl', gte: d.minTrl } : undefined));
        const rel = Object.entries(judged[d.externalId] ?? {}).filter(([, g]) => g >= 1).map(([id]) => id);
        relevant += rel.length;
        found += rel.filter((id) => pool.has(id)).length;
        size += pool.size;
        words += v.name.startsWith('two') ? new Set([...q.queryTerms, ...q.textTerms]).size : 0;
      }
      console.log(`${v.name.padEnd(44)} relevant in pool ${found}/${relevant}   mean pool ${(size / demands.length).toFixed(0)}${words ? `   distinct words ${(words / demands.length).toFixed(1)}` : ''}`);
    }
  } finally {
    await t.close();
  }
}

main().then(() => process.exit(0), (err) => { console.error(err); process.exit(1); });
