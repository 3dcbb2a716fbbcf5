import { Inject, Injectable } from '@nestjs/common';
import { AchievementDocument, AchievementResponse, ACHIEVEMENTS_INDEX, CatalogService } from '@techbridge/catalog';
import { DemandDocument, DemandResponse, DemandService, DEMANDS_INDEX } from '@techbridge/demand';
import {
  Actor, ChineseTokenizer, COOPERATION_MODES, DomainError, INDUSTRIES, SEARCH_INDEX, SearchDocument, SearchFilter, SearchIndex, TransactionRunner,
} from '@techbridge/platform';
import { AchievementMatchesResponse, DemandMatchesResponse, scoredView } from './dto/matching.dto';
import { MatchRepository } from './match.repository';
import { buildMatchQuery, MatchQuery, MatchText, retrievalTerms, TextEvidence } from './query/match-query';
import { PreparedTextCache } from './query/prepared-cache';
import { PreparedText, rankPool, relevanceParams, wholeText } from './query/relevance';
import { AchievementFacts, DemandFacts, Labels, meetsHardConstraints, ScoredMatch, scorePair } from './scoring/match-scoring';
import { rankScored } from './scoring/pool-ranking';
import { AppliedFeature, Tally, tallyReasons } from './scoring/reason-tally';
import { Thesaurus } from './thesaurus/thesaurus';
import { ThesaurusService } from './thesaurus.service';
import { MatchWeights, ModelVersion } from './weights/match-weights';
import { MatchWeightsService } from './weights/match-weights.service';

/** Below this share of the query's weight a candidate is not about the same problem, whatever its metadata. */
export const MIN_TEXT_RELEVANCE = 0.12;
/**
 * Candidates re-ranked per match, from one engine search. Re-ranking costs in proportion to the pool; on the development
 * tuning part pools never reached this size (scripts/eval/pool-recall.ts), at 100,000 achievements it bounds the work.
 */
export const CANDIDATE_LIMIT = 100;
/**
 * Words of that search: the ten strongest terms then the text's own words (retrievalTerms). On the tuning part 18 words
 * hold as many relevant achievements in the pool (53 of 57) as the earlier two searches did (10 terms + 40 own words),
 * 14 words hold 52 and 10 words 48; the engine's cost grows with every word's posting list.
 */
export const RETRIEVAL_TERMS = 18;
const MATCHABLE_DEMAND_STATUSES = ['published', 'in-negotiation'];

/** The worker's view: every demand may be read (stored suggestions are shown to each party through redaction). */
export const SYSTEM_VIEWER = 'system' as const;
export type Viewer = Actor | null | typeof SYSTEM_VIEWER;

export interface RankedAchievement {
  document: AchievementDocument;
  scored: ScoredMatch;
  relevance: number;
  model: ModelVersion;
}
export interface RankedDemand {
  document: DemandDocument;
  scored: ScoredMatch;
  relevance: number;
  model: ModelVersion;
}
export interface PairScore extends ScoredMatch {
  demandId: string;
  achievementId: string;
  model: ModelVersion;
}

/** Everything a ranking reads besides the two sides, fetched once per ranking. */
interface Model {
  thesaurus: Thesaurus;
  weights: MatchWeights;
  version: ModelVersion;
  domainWords: ReadonlySet<string>;
  parks: ParkInfo;
}

const FIELD_NAMES = new Map(INDUSTRIES.flatMap((i) => i.fields.map((f) => [f.code, { zh: f.zh, en: f.en }] as const)));
const INDUSTRY_NAMES = new Map(INDUSTRIES.map((i) => [i.code, { zh: i.zh, en: i.en }] as const));
const MODE_NAMES = new Map(COOPERATION_MODES.map((m) => [m.code, { zh: m.zh, en: m.en }] as const));
export const REFERENCE_LABELS: Labels = {
  industry: (c) => INDUSTRY_NAMES.get(c) ?? { zh: c, en: c },
  field: (c) => FIELD_NAMES.get(c) ?? { zh: c, en: c },
  mode: (c) => MODE_NAMES.get(c) ?? { zh: c, en: c },
};

type ParkInfo = Map<string, { zh: string; en: string; keyIndustries: string[] }>;

/**
 * Two-sided matching: candidate retrieval through the search index (informative terms + thesaurus, hard filters in the
 * search filter), then re-ranking by named features whose reasons are produced by the same code that scores.
 */
@Injectable()
export class MatchingService {
  constructor(
    private readonly catalog: CatalogService,
    private readonly demands: DemandService,
    private readonly thesaurus: ThesaurusService,
    private readonly weights: MatchWeightsService,
    private readonly tokenizer: ChineseTokenizer,
    private readonly repo: MatchRepository,
    private readonly tx: TransactionRunner,
    @Inject(SEARCH_INDEX) private readonly search: SearchIndex,
  ) {}

  private parksCache: { fingerprint: string; parks: ParkInfo } | null = null;
  private wordsCache: { revision: number; words: ReadonlySet<string> } | null = null;
  /** Candidates' prepared texts by id and version (achievements and demands alike: ids are UUIDs, never shared). */
  private readonly prepared = new PreparedTextCache();

  // ---- HTTP facade ----

  /** Achievements that can solve this demand. The viewer must be allowed to read the demand in full (else 404). */
  async matchesForDemand(actor: Actor | null, demandId: string, limit = 10): Promise<AchievementMatchesResponse> {
    const [demand] = await this.demands.getDemandsByIds([demandId]);
    if (!demand || !this.demands.isVisible(actor, demand) || !this.demands.canReadDescription(actor, demand)) throw demandNotFound();
    const ranked = await this.rankAchievementsFor(demand, limit);
    const items = await this.hydrateAchievements(demand, ranked);
    return { items: items.slice(0, limit).map((x) => ({ achievement: { ...x.achievement, contact: null }, ...scoredView(x.scored, x.model) })) };
  }

  /** Demands this achievement can solve, among those the viewer may read in full, redacted by the demand context's one rule. */
  async matchesForAchievement(actor: Actor | null, achievementId: string, limit = 10): Promise<DemandMatchesResponse> {
    const [achievement] = await this.catalog.getAchievementsByIds([achievementId]);
    // Published achievements are public; an owner may also preview matches of its own unpublished one.
    if (!achievement || (achievement.status !== 'published' && actor?.orgId !== achievement.owner.id)) throw achievementNotFound();
    const ranked = await this.rankDemandsFor(achievement, actor, limit);
    const items = await this.hydrateDemands(actor, ranked);
    return { items: items.slice(0, limit).map((x) => ({ demand: this.demands.redact(actor, x.demand), ...scoredView(x.scored, x.model) })) };
  }

  /** Score given pairs without retrieval (roadshow suggestions, broker-curated matches); unknown ids are skipped. */
  async scoreDemandAchievementPairs(pairs: Array<{ demandId: string; achievementId: string }>): Promise<PairScore[]> {
    if (!pairs.length) return [];
    const demands = new Map((await this.demands.getDemandsByIds([...new Set(pairs.map((p) => p.demandId))])).map((d) => [d.id, d]));
    const achievements = new Map((await this.catalog.getAchievementsByIds([...new Set(pairs.map((p) => p.achievementId))])).map((a) => [a.id, a]));
    const model = await this.model();
    const parks = model.parks;
    const out: PairScore[] = [];
    for (const d of demands.values()) {
      const wanted = pairs.filter((p) => p.demandId === d.id && achievements.has(p.achievementId)).map((p) => achievements.get(p.achievementId)!);
      if (!wanted.length) continue;
      // The same pool as the demand's own ranking, the pairs' achievements included: one relevance per pair everywhere.
      const evidence = await this.poolEvidence(d, model, wanted.map((a) => ({ id: a.id, text: achievementText(a) })));
      for (const a of wanted) {
        const scored = scorePair(demandFacts(d, parks), achievementFactsOfResponse(a), evidence.get(a.id)!, REFERENCE_LABELS, undefined, model.weights);
        out.push({ demandId: d.id, achievementId: a.id, ...scored, model: model.version });
      }
    }
    return out;
  }

  /** Relevance of achievements within a demand's candidate pool (retrieved as its ranking retrieves, plus `extra`). */
  private async poolEvidence(demand: DemandResponse, model: Model, extra: Array<{ id: string; text: MatchText }>): Promise<Map<string, TextEvidence>> {
    const query = this.queryOf(demandText(demand), model);
    const filter: SearchFilter | undefined = demand.minTrl != null ? { field: 'trl', gte: demand.minTrl } : undefined;
    const pool = new Map<string, MatchText | PreparedText>(
      (await this.retrieve<AchievementDocument>(ACHIEVEMENTS_INDEX, query, filter)).map((doc) => [doc.id, this.prepared.get(doc.id, doc.version, () => documentText(doc))]),
    );
    for (const x of extra) pool.set(x.id, x.text);
    const ids = [...pool.keys()];
    const { evidence } = rankPool(query, ids.map((id) => pool.get(id)!), this.tokenizer, relevanceParams(model.weights), wholeText(demandText(demand)));
    return new Map(ids.map((id, i) => [id, evidence[i]]));
  }

  // ---- ranking (also used by the worker) ----

  /** The thesaurus and weights in force now, with their versions. */
  async model(): Promise<Model> {
    // One round trip for all three; each part is reloaded only when its fingerprint moved.
    const fp = await this.repo.modelFingerprints(this.tx.manager);
    const [{ thesaurus, version: thesaurusVersion }, active] = await Promise.all([this.thesaurus.versioned(fp.thesaurus), this.weights.active(fp.weightsVersion)]);
    if (this.parksCache?.fingerprint !== fp.parks) this.parksCache = { fingerprint: fp.parks, parks: await this.repo.parks(this.tx.manager) };
    if (this.wordsCache?.revision !== this.tokenizer.revision) this.wordsCache = { revision: this.tokenizer.revision, words: new Set(this.tokenizer.dictionaryWords()) };
    return { thesaurus, weights: active.weights, version: { weightsVersion: active.version, thesaurusVersion }, domainWords: this.wordsCache.words, parks: this.parksCache.parks };
  }

  private queryOf(text: MatchText, model: Model): MatchQuery {
    return buildMatchQuery(text, this.tokenizer, model.thesaurus, model.domainWords, model.weights.fields);
  }

  async rankAchievementsFor(demand: DemandResponse, limit: number): Promise<RankedAchievement[]> {
    const model = await this.model();
    const query = this.queryOf(demandText(demand), model);
    // Hard constraint in the search filter, before ranking: nothing below the demand's minimum readiness.
    const filter: SearchFilter | undefined = demand.minTrl != null ? { field: 'trl', gte: demand.minTrl } : undefined;
    const candidates = await this.retrieve<AchievementDocument>(ACHIEVEMENTS_INDEX, query, filter);
    const facts = demandFacts(demand, model.parks);
    const eligible = candidates.filter((doc) => meetsHardConstraints(facts, achievementFactsOfDocument(doc)));
    // Relevance within the pool, with pseudo-relevance feedback from its best candidates (query/relevance.ts).
    const pool = eligible.map((doc) => this.prepared.get(doc.id, doc.version, () => documentText(doc)));
    const { evidence } = rankPool(query, pool, this.tokenizer, relevanceParams(model.weights), wholeText(demandText(demand)));
    const scoredPool = eligible.map((doc, i) => ({ document: doc, demand: facts, achievement: achievementFactsOfDocument(doc), evidence: evidence[i] }));
    return rankScored(scoredPool, REFERENCE_LABELS, model.weights, MIN_TEXT_RELEVANCE, keptOf(limit)).map((r) => ({ ...r, model: model.version }));
  }

  async rankDemandsFor(achievement: AchievementResponse, viewer: Viewer, limit: number): Promise<RankedDemand[]> {
    const model = await this.model();
    const query = this.queryOf(achievementText(achievement), model);
    const filters: SearchFilter[] = [{ or: [{ field: 'minTrl', isNull: true }, { field: 'minTrl', lte: achievement.trl }] }];
    // Only demands the viewer may read in full are candidates: a match must never reveal a description.
    const readable = viewer === SYSTEM_VIEWER ? null : this.demands.readableFilter(viewer);
    if (readable) filters.push(readable);
    const candidates = await this.retrieve<DemandDocument>(DEMANDS_INDEX, query, { and: filters });
    const parks = model.parks;
    const facts = achievementFactsOfResponse(achievement);
    const eligible = candidates.filter((doc) => meetsHardConstraints(demandFactsOfDocument(doc, parks), facts));
    const pool = eligible.map((doc) => this.prepared.get(doc.id, doc.version, () => ({ title: doc.title, keywords: doc.keywords ?? [], body: doc.description ?? '' })));
    const { evidence } = rankPool(query, pool, this.tokenizer, relevanceParams(model.weights), wholeText(achievementText(achievement)));
    const scoredPool = eligible.map((doc, i) => ({ document: doc, demand: demandFactsOfDocument(doc, parks), achievement: facts, evidence: evidence[i] }));
    return rankScored(scoredPool, REFERENCE_LABELS, model.weights, MIN_TEXT_RELEVANCE, keptOf(limit)).map((r) => ({ ...r, model: model.version }));
  }

  /** Re-check the hard constraints on PostgreSQL's copy: a stale index must not leak a withdrawn achievement. */
  async hydrateAchievements(demand: DemandResponse, ranked: RankedAchievement[]): Promise<Array<{ achievement: AchievementResponse; scored: ScoredMatch; model: ModelVersion }>> {
    const rows = new Map((await this.catalog.getAchievementsByIds(ranked.map((r) => r.document.id))).map((a) => [a.id, a]));
    return ranked.flatMap((r) => {
      const a = rows.get(r.document.id);
      if (!a || a.status !== 'published' || (demand.minTrl != null && a.trl < demand.minTrl)) return [];
      return [{ achievement: a, scored: r.scored, model: r.model }];
    });
  }

  async hydrateDemands(viewer: Viewer, ranked: RankedDemand[]): Promise<Array<{ demand: DemandResponse; scored: ScoredMatch; model: ModelVersion }>> {
    const rows = new Map((await this.demands.getDemandsByIds(ranked.map((r) => r.document.id))).map((d) => [d.id, d]));
    return ranked.flatMap((r) => {
      const d = rows.get(r.document.id);
      if (!d || !MATCHABLE_DEMAND_STATUSES.includes(d.status)) return [];
      if (viewer !== SYSTEM_VIEWER && !this.demands.canReadDescription(viewer, d)) return [];
      return [{ demand: d, scored: r.scored, model: r.model }];
    });
  }

  /**
   * Candidates = one search with the strongest terms and the querying side's own words (retrievalTerms): any word
   * matching, documents holding more of the words first (embedded engine; Meilisearch drops the most frequent words
   * first). The hard filters (minTrl, readability) are in the search, before ranking. One search, not one per list or per
   * leading term: at 100,000 achievements each further search costs about as much as the whole re-ranking.
   */
  private async retrieve<D extends SearchDocument>(index: string, query: MatchQuery, filter: SearchFilter | undefined): Promise<D[]> {
    const terms = retrievalTerms(query, RETRIEVAL_TERMS);
    if (!terms.length) return [];
    // A trailing space: whole words only, no prefix expansion of the last one.
    return (await this.search.search<D>(index, { q: `${terms.join(' ')} `, filter, limit: CANDIDATE_LIMIT, matchingStrategy: 'frequency' })).hits.map((h) => h.document);
  }

  /**
   * The platform's scoring-with-reasons rule, for matches of other kinds (finance matches financing requests to
   * investors): the same tally that technology matching scores with, so reasons and concerns add up to the score.
   */
  scoreWithReasons<C extends string>(applied: Array<AppliedFeature<C>>, weights: Record<C, number>, concernCodes: readonly C[] = []): Tally<C> {
    return tallyReasons(applied, (code) => weights[code] ?? 0, (code) => concernCodes.includes(code));
  }
}

/** Ranked items returned for a page of `limit`: more than the page, since hydration drops those withdrawn since indexing. */
function keptOf(limit: number): number {
  return Math.max(limit * 2, limit + 10);
}

export function demandText(d: { title: string; keywords: string[]; description: string }): MatchText {
  return { title: d.title, keywords: d.keywords ?? [], body: d.description ?? '' };
}

function documentText(doc: AchievementDocument): MatchText {
  return { title: doc.title, keywords: doc.keywords ?? [], body: doc.summary ?? '' };
}

export function achievementText(a: { title: string; keywords: string[]; summary: string }): MatchText {
  return { title: a.title, keywords: a.keywords ?? [], body: a.summary ?? '' };
}

function parkFacts(park: string | null, parks: ParkInfo): Pick<DemandFacts, 'parkKeyIndustries' | 'parkName'> {
  const p = park ? parks.get(park) : undefined;
  return { parkKeyIndustries: p?.keyIndustries ?? [], parkName: p ? { zh: p.zh, en: p.en } : null };
}

export function demandFacts(d: DemandResponse, parks: ParkInfo): DemandFacts {
  return { industry: d.industry, field: d.field, minTrl: d.minTrl, budget: d.budget, cooperationModes: d.cooperationModes, park: d.park, ...parkFacts(d.park, parks) };
}

function demandFactsOfDocument(d: DemandDocument, parks: ParkInfo): DemandFacts {
  return { industry: d.industry, field: d.field, minTrl: d.minTrl, budget: d.budget, cooperationModes: d.cooperationModes ?? [], park: d.park, ...parkFacts(d.park, parks) };
}

function achievementFactsOfDocument(a: AchievementDocument): AchievementFacts {
  return { industry: a.industry, field: a.field, trl: a.trl, askingPrice: a.askingPrice, transferModes: a.transferModes ?? [], ownerRegion: a.ownerRegion, fiscallyFunded: a.fiscallyFunded };
}

export function achievementFactsOfResponse(a: AchievementResponse): AchievementFacts {
  return { industry: a.industry, field: a.field, trl: a.trl, askingPrice: a.askingPrice, transferModes: a.transferModes, ownerRegion: a.owner.region, fiscallyFunded: a.fiscallyFunded };
}

function demandNotFound(): DomainError {
  return DomainError.notFound({ code: 'DEMAND_NOT_FOUND', zh: '需求不存在', en: 'Demand not found' });
}

function achievementNotFound(): DomainError {
  return DomainError.notFound({ code: 'ACHIEVEMENT_NOT_FOUND', zh: '成果不存在', en: 'Achievement not found' });
}
