/**
 * npm run fit:matching — fits the matcher's weights on the TUNING part of the development set only
 * (test/fixtures/matching/split.json): per-field weights of the query and of the candidate, the relevance and
 * pseudo-relevance-feedback parameters, and the feature points. Coordinate ascent on mean nDCG@10 (+ MRR/2), each
 * parameter tried over a grid around its value, rounds until nothing improves. Held-out judgements are never read:
 * the qrels are filtered to the tuning demands before anything else.
 * The candidate pools are the product's own: the development achievements are imported into a fresh database and each
 * tuning demand's pool is what the matcher's retrieval returns (with the query weights held fixed, so the pools do not
 * move during the fit); re-ranking within the pools is then fitted in-process. Writes
 * libs/matching/src/weights/fitted-tuning.json, which the product stores and activates once as a 'fitted-tuning' version.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACHIEVEMENTS_INDEX } from '@techbridge/catalog';
import { ChineseTokenizer, SearchFilter } from '@techbridge/platform';
import { mean, ndcgAt, reciprocalRank } from '../../libs/matching/src/evaluation/ranking-metrics';
import { achievementText, demandText, MatchingService, MIN_TEXT_RELEVANCE, REFERENCE_LABELS } from '../../libs/matching/src/matching.service';
import { buildMatchQuery, MatchText } from '../../libs/matching/src/query/match-query';
import { PreparedText, prepareText, rankPool, relevanceParams, relevanceToWeights, wholeText } from '../../libs/matching/src/query/relevance';
import { importCollection } from './collection';
import { AchievementFacts, DemandFacts, scorePair } from '../../libs/matching/src/scoring/match-scoring';
import { shippedThesaurus, Thesaurus } from '../../libs/matching/src/thesaurus/thesaurus';
import { crossValidatedMove } from '../../libs/matching/src/weights/cross-validated-move';
import { DEFAULT_WEIGHTS, FEATURE_CODES, isConcernCode, MatchWeights, normaliseWeights } from '../../libs/matching/src/weights/match-weights';
import { PARKS } from '../../libs/platform/src/reference/reference-data';

const DEV = join(__dirname, '..', '..', 'test', 'fixtures', 'matching');
const OUT = join(__dirname, '..', '..', 'libs', 'matching', 'src', 'weights', 'fitted-tuning.json');
const K = 10;
/** Smallest gain of the objective that moves a parameter (on the whole tuning part, and out of fold). */
const MIN_GAIN = 0.003;
/** Folds of the tuning part for the cross-validated choice of each move. */
const FOLDS = 5;

interface Scores {
  ndcg: number;
  mrr: number;
  objective: number;
  perDemand: number[];
}



type Rec = Record<string, any>;
interface Case {
  id: string;
  text: MatchText;
  facts: DemandFacts;
  pool: Array<{ id: string; text: MatchText; facts: AchievementFacts }>;
  /** The pool's texts prepared once (as the product's cache holds them). */
  prepared: PreparedText[];
  judged: Record<string, number>;
}

function lines(file: string): Rec[] {
  return readFileSync(join(DEV, file), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
}

function demandFactsOf(d: Rec): DemandFacts {
  const park = PARKS.find((p) => p.code === d.park);
  return {
    industry: d.industry, field: d.field ?? null, minTrl: d.minTrl ?? null, budget: d.budget ?? null, cooperationModes: d.cooperationModes ?? [], park: d.park ?? null,
    parkKeyIndustries: park?.keyIndustries ?? [], parkName: park ? { zh: park.zh, en: park.en } : null,
  };
}

function achievementFactsOf(a: Rec): AchievementFacts {
  const region = a.owner?.region ?? a.ownerRegion ?? 'HE';
  return { industry: a.industry, field: a.field ?? null, trl: a.trl, askingPrice: a.askingPrice ?? null, transferModes: a.transferModes ?? [], ownerRegion: region, fiscallyFunded: ['national-program', 'provincial-program', 'municipal-program'].includes(a.fundingSource) };
}

/** The product's candidate pool of each tuning demand: its retrieval on the development achievements, external ids. */
async function retrievedPools(demands: Rec[], thesaurus: Thesaurus, tokenizer: ChineseTokenizer): Promise<Map<string, string[]>> {
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
    const matching = t.app.get(MatchingService) as unknown as { retrieve(index: string, q: unknown, f: SearchFilter | undefined): Promise<Array<{ id: string }>> };
    const domain = new Set(tokenizer.dictionaryWords());
    const out = new Map<string, string[]>();
    for (const d of demands) {
      const query = buildMatchQuery(demandText(d as never), tokenizer, thesaurus, domain, DEFAULT_WEIGHTS.fields);
      const docs = await matching.retrieve(ACHIEVEMENTS_INDEX, query, d.minTrl != null ? { field: 'trl', gte: d.minTrl } : undefined);
      out.set(d.externalId, docs.map((doc) => ext.get(doc.id) ?? doc.id));
    }
    return out;
  } finally {
    await t.close();
  }
}

async function main(): Promise<void> {
  const split: { tuning: string[]; seed: number } = JSON.parse(readFileSync(join(DEV, 'split.json'), 'utf8'));
  const tuning = new Set(split.tuning);
  const allQrels: { judgements: Record<string, Record<string, number>> } = JSON.parse(readFileSync(join(DEV, 'qrels.json'), 'utf8'));
  // Only the tuning part's judgements exist from here on.
  const judgements = Object.fromEntries(Object.entries(allQrels.judgements).filter(([id]) => tuning.has(id)));
  const achievements = lines('achievements.jsonl').map((a) => ({ id: a.externalId as string, text: achievementText(a as never), facts: achievementFactsOf(a) }));
  const thesaurus = new Thesaurus(shippedThesaurus());
  const tokenizer = new ChineseTokenizer();
  tokenizer.addWords(thesaurus.words());
  const tuningDemands = lines('demands.jsonl').filter((d) => tuning.has(d.externalId));
  const pools = await retrievedPools(tuningDemands, thesaurus, tokenizer);
  const byId = new Map(achievements.map((a) => [a.id, a]));
  const cases: Case[] = tuningDemands.map((d) => ({
    id: d.externalId, text: demandText(d as never), facts: demandFactsOf(d), judged: judgements[d.externalId] ?? {},
    pool: (pools.get(d.externalId) ?? []).flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])),
    prepared: [],
  }));
  for (const c of cases) c.prepared = c.pool.map((a) => prepareText(a.text));
  const domain = new Set(tokenizer.dictionaryWords());
  // Segmentation is the slow part and does not depend on the weights: memoised.
  const memo = new Map<string, string[]>();
  const segmenter = { queryTerms: (text: string) => memo.get(text) ?? (memo.set(text, tokenizer.queryTerms(text)), memo.get(text)!) };

  /** Per tuning demand: nDCG@10, reciprocal rank and the objective (nDCG@10 + RR/2), in `cases` order. */
  const evaluate = (w: MatchWeights): Scores => {
    const ndcg: number[] = [];
    const rr: number[] = [];
    const p = relevanceParams(w);
    for (const c of cases) {
      const query = buildMatchQuery(c.text, segmenter, thesaurus, domain, w.fields);
      const { evidence } = rankPool(query, c.prepared, segmenter, p, wholeText(c.text));
      const ranked = c.pool
        .map((a, i) => ({ id: a.id, relevance: evidence[i].relevance, score: evidence[i].relevance >= MIN_TEXT_RELEVANCE ? scorePair(c.facts, a.facts, evidence[i], REFERENCE_LABELS, undefined, w).score : -1 }))
        .filter((x) => x.score >= 0)
        .sort((a, b) => b.score - a.score || b.relevance - a.relevance || (a.id < b.id ? -1 : 1))
        .map((x) => x.id);
      ndcg.push(ndcgAt(ranked, c.judged, K));
      rr.push(reciprocalRank(ranked, c.judged));
    }
    return { ndcg: mean(ndcg), mrr: mean(rr), objective: mean(ndcg) + mean(rr) / 2, perDemand: ndcg.map((n, i) => n + rr[i] / 2) };
  };

  // The parameters and the grid each is tried over (relative steps for weights, absolute values for counts).
  type Param = { name: string; get: (w: MatchWeights) => number; set: (w: MatchWeights, v: number) => MatchWeights; values: (v: number) => number[] };
  const rel = (key: string): Param => ({
    name: key,
    get: (w) => relevanceParams(w)[key as keyof ReturnType<typeof relevanceParams>],
    set: (w, v) => {
      const next = relevanceToWeights({ ...relevanceParams(w), [key]: v });
      return { ...w, candidate: next.candidate, params: { ...w.params, ...next.params } };
    },
    values: (v) =>
      key === 'feedbackDocs' || key === 'feedbackTerms'
        ? [0, 1, 2, 3, 5, 8, 12]
        : key === 'bigramShare'
          ? [0, 0.15, 0.3, 0.45, 0.6, 0.75, 0.9, 1]
          : key === 'expansionShare'
            ? [0, 0.25, 0.5, 0.75, 1]
          : [v * 0.5, v * 0.75, v * 1.25, v * 1.5, v * 2].map((x) => +x.toFixed(3)),
  });
  const feature = (code: (typeof FEATURE_CODES)[number]): Param => ({
    name: `features.${code}`,
    get: (w) => w.features[code],
    set: (w, v) => ({ ...w, features: { ...w.features, [code]: v } }),
    values: (v) => (isConcernCode(code) ? [0, -2, -4, -8, v - 2, v + 2] : [0, v * 0.5, v + 2, v + 5, Math.max(0, v - 2)]).map((x) => +Math.max(isConcernCode(code) ? -30 : 0, Math.min(isConcernCode(code) ? 0 : 90, x)).toFixed(2)),
  });
  const params: Param[] = [
    // The query's field weights stay fixed: they decide what is retrieved, and the pools were retrieved with them.
    ...(['title', 'head', 'body', 'k1', 'saturation', 'idfFloor', 'bigramShare', 'expansionShare', 'feedbackDocs', 'feedbackTerms', 'feedbackWeight'] as const).map(rel),
    ...FEATURE_CODES.map(feature),
  ];

  let best = normaliseWeights({ ...DEFAULT_WEIGHTS, ...relevanceToWeights(relevanceParams(DEFAULT_WEIGHTS)) });
  let bestScore = evaluate(best);
  const start = bestScore;
  console.log(`tuning part: ${cases.length} demands, ${achievements.length} achievements; start nDCG@10 ${start.ndcg.toFixed(4)} MRR ${start.mrr.toFixed(4)}`);
  // Folds of the tuning demands (round-robin in split order) for the cross-validated choice of every move.
  const foldOf = cases.map((_, i) => i % FOLDS);
  let rejected = 0;
  for (let round = 1; round <= 6; round++) {
    let improved = false;
    for (const param of params) {
      const current = param.get(best);
      const tried = [...new Set(param.values(current))]
        .filter((x) => x !== current && Number.isFinite(x))
        .map((v) => ({ v, weights: normaliseWeights(param.set(best, v)) }))
        .map((x) => ({ ...x, scores: evaluate(x.weights) }));
      const move = crossValidatedMove(bestScore.perDemand, tried.map((x) => x.scores.perDemand), foldOf, MIN_GAIN);
      if (move.chosen < 0) {
        if (move.fullGain > MIN_GAIN) rejected++;
        continue;
      }
      const pick = tried[move.chosen];
      best = pick.weights;
      bestScore = pick.scores;
      improved = true;
      console.log(`  round ${round}: ${param.name} ${current} → ${pick.v}: nDCG@10 ${pick.scores.ndcg.toFixed(4)} MRR ${pick.scores.mrr.toFixed(4)} (out-of-fold gain ${move.outOfFoldGain.toFixed(4)})`);
    }
    if (!improved) break;
  }
  console.log(`  ${rejected} move(s) better on the whole tuning part but not out of fold: not taken`);
  const out = {
    about: 'Fitted by npm run fit:matching on the tuning part of the development set only (split.json); stored and activated once as a fitted-tuning weights version.',
    fittedOn: { set: 'test/fixtures/matching', part: 'tuning', demands: cases.length, splitSeed: split.seed },
    objective: `mean nDCG@10 + MRR/2 on the tuning part; a move taken only if its ${FOLDS}-fold cross-validated gain inside the tuning part exceeds ${MIN_GAIN}`,
    evidence: { tuningNdcgBefore: +start.ndcg.toFixed(4), tuningMrrBefore: +start.mrr.toFixed(4), tuningNdcgAfter: +bestScore.ndcg.toFixed(4), tuningMrrAfter: +bestScore.mrr.toFixed(4) },
    weights: best,
  };
  writeFileSync(OUT, `${JSON.stringify(out, null, 2)}\n`);
  console.log(`fitted: nDCG@10 ${start.ndcg.toFixed(4)} → ${bestScore.ndcg.toFixed(4)}, MRR ${start.mrr.toFixed(4)} → ${bestScore.mrr.toFixed(4)} → ${OUT}`);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
