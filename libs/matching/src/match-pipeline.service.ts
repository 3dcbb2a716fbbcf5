import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AchievementResponse, CatalogService } from '@techbridge/catalog';
import { DemandResponse, DemandService } from '@techbridge/demand';
import { NotificationService } from '@techbridge/notification';
import { Actor, Clock, DomainError, isUniqueViolation, Page, pageOf, skipTake, TransactionRunner } from '@techbridge/platform';
import {
  mapMatchEvent, mapReasons, MatchEventResponse, MatchIntroductionDto, MatchListQuery, MatchNoteDto, MatchResponse, MatchTransitionDto, TakeMatchDto,
} from './dto/matching.dto';
import { Match } from './entities/match.entity';
import { MatchAccessPolicy, MatchPermission } from './match-access.policy';
import { MatchComputationRepository } from './match-computation.repository';
import { MatchRepository, StoredPair, StoredScore } from './match.repository';
import { isOpen, nextMatchStatus } from './match.state-machine';
import { MatchingErrors } from './matching.exception';
import { MatchingService, RankedAchievement, RankedDemand, SYSTEM_VIEWER } from './matching.service';
import { MatchReason } from './scoring/match-scoring';

function storedScore(s: StoredScore): StoredScore {
  return { score: s.score, reasons: s.reasons, concerns: s.concerns, features: s.features, model: s.model };
}

/** How many suggestions a computation stores, and how many of them are announced to both parties. */
export const STORED_SUGGESTIONS = 10;
export const NOTIFIED_SUGGESTIONS = 3;

/**
 * The broker pipeline over stored matches, and the worker's computation of suggestions on publish.
 * Brokers and platform staff see every match; an enterprise or an owner sees only the matches that concern it (others: 404).
 */
@Injectable()
export class MatchPipelineService {
  private readonly logger = new Logger('MatchPipeline');

  constructor(
    private readonly repo: MatchRepository,
    private readonly computations: MatchComputationRepository,
    private readonly matching: MatchingService,
    private readonly catalog: CatalogService,
    private readonly demands: DemandService,
    private readonly notifications: NotificationService,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly access: MatchAccessPolicy,
  ) {}

  // ---- worker ----

  /** `notify: false` for recovered computations (the reconciler), which store suggestions without announcing them. */
  async computeForDemand(demandId: string, options: { notify?: boolean } = {}): Promise<{ stored: number; notified: number; skipped?: string }> {
    const [demand] = await this.demands.getDemandsByIds([demandId]);
    if (!demand || !['published', 'in-negotiation'].includes(demand.status)) return { stored: 0, notified: 0, skipped: demand ? `status ${demand.status}` : 'missing' };
    const ranked: RankedAchievement[] = await this.matching.rankAchievementsFor(demand, STORED_SUGGESTIONS);
    const items = (await this.matching.hydrateAchievements(demand, ranked)).slice(0, STORED_SUGGESTIONS);
    const out = await this.store(demand, items.map((x) => ({ achievement: x.achievement, ...x.scored, model: x.model })), options.notify !== false);
    // The demand changed: every other stored pair of it (followed ones, those out of the top now) gets its new score too.
    const fresh = new Set(items.map((x) => x.achievement.id));
    await this.rescorePairs((await this.repo.pairsOf(this.tx.manager, { demandId: demand.id })).filter((p) => !fresh.has(p.achievementId)));
    await this.computations.record(this.tx.manager, 'demand', demand.id, demand.version, this.clock.now());
    return out;
  }

  /** `notify: false` for bulk runs (a published import), which announce one summary instead of every match. */
  async computeForAchievement(achievementId: string, options: { notify?: boolean } = {}): Promise<{ stored: number; notified: number; skipped?: string }> {
    const [achievement] = await this.catalog.getAchievementsByIds([achievementId]);
    if (!achievement || achievement.status !== 'published') return { stored: 0, notified: 0, skipped: achievement ? `status ${achievement.status}` : 'missing' };
    const ranked: RankedDemand[] = await this.matching.rankDemandsFor(achievement, SYSTEM_VIEWER, STORED_SUGGESTIONS);
    const items = (await this.matching.hydrateDemands(SYSTEM_VIEWER, ranked)).slice(0, STORED_SUGGESTIONS);
    let stored = 0;
    let notified = 0;
    // One demand at a time keeps each store idempotent on its own (unique demand, achievement).
    for (const x of items) {
      const r = await this.store(x.demand, [{ achievement, ...x.scored, model: x.model }], options.notify !== false && notified < NOTIFIED_SUGGESTIONS);
      stored += r.stored;
      notified += r.notified;
    }
    const fresh = new Set(items.map((x) => x.demand.id));
    await this.rescorePairs((await this.repo.pairsOf(this.tx.manager, { achievementId: achievement.id })).filter((p) => !fresh.has(p.demandId)));
    // Recorded even when nothing matched: the reconciler looks for versions never computed, not for missing matches.
    await this.computations.record(this.tx.manager, 'achievement', achievement.id, achievement.version, this.clock.now());
    return { stored, notified };
  }

  /**
   * Score stored pairs again with the current thesaurus and weights (their state untouched). Pairs whose demand or
   * achievement is gone keep their last score. Returns how many were updated.
   */
  async rescorePairs(pairs: StoredPair[]): Promise<number> {
    if (!pairs.length) return 0;
    const scored = new Map((await this.matching.scoreDemandAchievementPairs(pairs)).map((s) => [`${s.demandId}:${s.achievementId}`, s]));
    const rows = pairs.flatMap((p) => {
      const s = scored.get(`${p.demandId}:${p.achievementId}`);
      return s ? [{ id: p.id, ...s }] : [];
    });
    await this.repo.rescore(this.tx.manager, rows, this.clock.now());
    return rows.length;
  }

  private async store(demand: DemandResponse, items: Array<{ achievement: AchievementResponse } & StoredScore>, notify = true): Promise<{ stored: number; notified: number }> {
    if (!items.length) return { stored: 0, notified: 0 };
    return this.tx.run(async (m) => {
      const rows = await this.repo.upsertSuggestions(
        m,
        items.map((x) => ({ demandId: demand.id, achievementId: x.achievement.id, enterpriseId: demand.enterprise.id, ownerId: x.achievement.owner.id, ...storedScore(x) })),
        this.clock.now(),
      );
      const byAchievement = new Map(rows.map((r) => [r.achievementId, r.id]));
      let notified = 0;
      for (const x of notify ? items.slice(0, NOTIFIED_SUGGESTIONS) : []) {
        const matchId = byAchievement.get(x.achievement.id);
        if (!matchId) continue;
        // dedupeKey per match and party: a retried or repeated computation never notifies twice.
        await this.notifications.notify(
          [
            {
              orgId: demand.enterprise.id,
              kind: 'match.suggested',
              title: { zh: `为您的需求「${demand.title}」推荐了成果`, en: `An achievement matches your demand "${demand.title}"` },
              body: { zh: `「${x.achievement.title}」匹配度${x.score}`, en: `"${x.achievement.title}" scores ${x.score}` },
              link: `/matches/${matchId}`,
              data: { matchId, demandId: demand.id, achievementId: x.achievement.id, score: x.score },
              dedupeKey: `match:${matchId}:enterprise`,
            },
            {
              orgId: x.achievement.owner.id,
              kind: 'match.suggested',
              title: { zh: `您的成果「${x.achievement.title}」匹配到企业需求`, en: `Your achievement "${x.achievement.title}" matches a demand` },
              // Only the title: the owner may not be allowed to read the demand's description.
              body: { zh: `需求「${demand.title}」匹配度${x.score}`, en: `Demand "${demand.title}" scores ${x.score}` },
              link: `/matches/${matchId}`,
              data: { matchId, demandId: demand.id, achievementId: x.achievement.id, score: x.score },
              dedupeKey: `match:${matchId}:owner`,
            },
          ],
          m,
        );
        notified++;
      }
      return { stored: rows.length, notified };
    });
  }

  // ---- queries ----

  async list(actor: Actor, q: MatchListQuery): Promise<Page<MatchResponse>> {
    const [rows, total] = await this.repo.page(this.tx.manager, this.access.listScope(actor), {
      status: q.status,
      demandId: q.demandId,
      achievementId: q.achievementId,
      brokerUserId: q.mine ? actor.userId : undefined,
      ...skipTake(q),
    });
    return pageOf(await this.mapMany(actor, rows), total, q);
  }

  async get(actor: Actor, id: string): Promise<MatchResponse> {
    const row = await this.access.requireMatch(this.tx.manager, actor, MatchPermission.Read, id);
    return (await this.mapMany(actor, [row]))[0];
  }

  async events(actor: Actor, id: string): Promise<MatchEventResponse[]> {
    const row = await this.access.requireMatch(this.tx.manager, actor, MatchPermission.Read, id);
    const events = await this.repo.events(this.tx.manager, id);
    const internal = this.access.seesNotes(actor, row);
    return events.filter((e) => internal || e.kind !== 'note').map(mapMatchEvent);
  }

  // ---- commands (brokers and platform staff) ----

  /** A broker takes a pair into the pipeline: the stored suggestion if any, else a broker-curated match scored now. */
  async take(actor: Actor, dto: TakeMatchDto): Promise<MatchResponse> {
    const saved = await this.takePair(actor, dto);
    return (await this.mapMany(actor, [saved]))[0];
  }

  /**
   * Facade for a step decided in another context (an intention recorded after a roadshow meeting): each pair is taken
   * by this broker and moved one step forward (suggested → contacted, contacted → negotiating) inside the caller's
   * transaction, each in its own savepoint. Pairs the pipeline refuses (demand closed, another broker's match) are
   * skipped. Returns the ids of the matches taken.
   */
  async advancePairs(actor: Actor, pairs: Array<{ demandId: string; achievementId: string }>, note: string, within: EntityManager): Promise<string[]> {
    const advanced: string[] = [];
    for (const pair of pairs) {
      try {
        const row = await this.takePair(actor, { ...pair, note }, within, async (m, taken) => {
          const action = taken.status === 'suggested' ? 'contact' : taken.status === 'contacted' ? 'negotiate' : null;
          return action ? this.stepRow(m, actor, taken, { action, note }) : taken;
        });
        advanced.push(row.id);
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        this.logger.log(`pair ${pair.demandId}/${pair.achievementId} not taken into the pipeline: ${err.code}`);
      }
    }
    return advanced;
  }

  private async takePair(actor: Actor, dto: TakeMatchDto, within?: EntityManager, then?: (m: EntityManager, taken: Match) => Promise<Match>): Promise<Match> {
    const [scoredPair] = await this.matching.scoreDemandAchievementPairs([{ demandId: dto.demandId, achievementId: dto.achievementId }]);
    const [demand] = await this.demands.getDemandsByIds([dto.demandId]);
    const [achievement] = await this.catalog.getAchievementsByIds([dto.achievementId]);
    // A draft demand or an unpublished achievement is a 404, as on their own routes: a 409 would reveal it exists.
    if (!scoredPair || !demand || !achievement || demand.status === 'draft' || achievement.status !== 'published') throw MatchingErrors.matchNotFound();
    if (!['published', 'in-negotiation'].includes(demand.status) || (demand.minTrl != null && achievement.trl < demand.minTrl)) {
      throw MatchingErrors.notMatchable();
    }
    const attempt = () =>
      this.tx.run(async (m) => {
        let row = await this.repo.findPair(m, dto.demandId, dto.achievementId, true);
        if (!row) {
          const now = this.clock.now();
          row = await this.repo.save(m, {
            demandId: demand.id, achievementId: achievement.id, enterpriseId: demand.enterprise.id, ownerId: achievement.owner.id, score: scoredPair.score,
            reasons: scoredPair.reasons, concerns: scoredPair.concerns, features: scoredPair.features, weightsVersion: scoredPair.model.weightsVersion,
            thesaurusVersion: scoredPair.model.thesaurusVersion, origin: 'broker', status: 'suggested', statusChangedAt: now, computedAt: now,
          });
        }
        const taken = await this.takeRow(m, actor, row, dto.note);
        return then ? then(m, taken) : taken;
      }, within);
    try {
      return await attempt();
    } catch (err) {
      // The worker stored the same pair as a suggestion between our look-up and our insert: take that row instead.
      if (!isPairConflict(err)) throw err;
      return attempt();
    }
  }

  async takeExisting(actor: Actor, id: string, note?: string): Promise<MatchResponse> {
    const saved = await this.tx.run(async (m) => this.takeRow(m, actor, await this.access.requireMatch(m, actor, MatchPermission.Read, id, { lock: true }), note));
    return (await this.mapMany(actor, [saved]))[0];
  }

  async transition(actor: Actor, id: string, dto: MatchTransitionDto): Promise<MatchResponse> {
    const saved = await this.tx.run(async (m) => this.stepRow(m, actor, await this.access.requireMatch(m, actor, MatchPermission.Read, id, { lock: true }), dto));
    return (await this.mapMany(actor, [saved]))[0];
  }

  private async stepRow(m: EntityManager, actor: Actor, row: Match, dto: MatchTransitionDto): Promise<Match> {
    this.access.assertFollower(actor, row);
    const to = nextMatchStatus(row.status, dto.action);
    if (dto.action === 'close' && !dto.closeReason) throw MatchingErrors.closeReasonRequired();
    const now = this.clock.now();
    const from = row.status;
    row.status = to;
    row.closeReason = dto.action === 'close' ? dto.closeReason ?? null : null;
    row.statusChangedAt = now;
    row.version += 1;
    const next = await this.repo.save(m, row);
    await this.repo.addEvent(m, { matchId: row.id, kind: 'transition', actorUserId: actor.userId, fromStatus: from, toStatus: to, closeReason: next.closeReason, body: dto.note ?? null, occurredAt: now });
    return next;
  }

  async addNote(actor: Actor, id: string, dto: MatchNoteDto): Promise<MatchEventResponse> {
    return this.tx.run(async (m) => {
      await this.access.requireMatch(m, actor, MatchPermission.Follow, id);
      return mapMatchEvent(await this.repo.addEvent(m, { matchId: id, kind: 'note', actorUserId: actor.userId, body: dto.body, occurredAt: this.clock.now() }));
    });
  }

  /** The introduction record: this broker introduced the enterprise and the owner to each other, at this time, this way. */
  async addIntroduction(actor: Actor, id: string, dto: MatchIntroductionDto): Promise<MatchEventResponse> {
    return this.tx.run(async (m) => {
      const row = await this.access.requireMatch(m, actor, MatchPermission.Follow, id);
      if (row.status === 'closed') throw DomainError.illegalTransition('match', row.status, 'introduce');
      const event = await this.repo.addEvent(m, {
        matchId: id, kind: 'introduction', actorUserId: actor.userId, introducedOrgIds: [row.enterpriseId, row.ownerId], channel: dto.channel, body: dto.note ?? null,
        occurredAt: dto.occurredAt ? new Date(dto.occurredAt) : this.clock.now(),
      });
      return mapMatchEvent(event);
    });
  }

  private async takeRow(m: EntityManager, actor: Actor, row: Match, note?: string): Promise<Match> {
    if (!isOpen(row.status)) throw DomainError.illegalTransition('match', row.status, 'take');
    if (row.brokerUserId && row.brokerUserId !== actor.userId) throw MatchingErrors.takenByAnotherBroker();
    if (row.brokerUserId === actor.userId) return row;
    const now = this.clock.now();
    row.brokerUserId = actor.userId;
    row.brokerOrgId = actor.orgId;
    row.takenAt = now;
    row.version += 1;
    const saved = await this.repo.save(m, row);
    await this.repo.addEvent(m, { matchId: row.id, kind: 'taken', actorUserId: actor.userId, fromStatus: row.status, toStatus: row.status, body: note ?? null, occurredAt: now });
    return saved;
  }

  private async mapMany(actor: Actor, rows: Match[]): Promise<MatchResponse[]> {
    const demands = new Map((await this.demands.getDemandsByIds([...new Set(rows.map((r) => r.demandId))])).map((d) => [d.id, d]));
    const achievements = new Map((await this.catalog.getAchievementsByIds([...new Set(rows.map((r) => r.achievementId))])).map((a) => [a.id, a]));
    return rows.flatMap((r) => {
      const d = demands.get(r.demandId);
      const a = achievements.get(r.achievementId);
      if (!d || !a) return [];
      const readable = this.demands.canReadDescription(actor, d);
      return [
        {
          id: r.id,
          demand: this.demands.redact(actor, d),
          achievement: { id: a.id, title: a.title, industry: a.industry, trl: a.trl, ownerId: a.owner.id, ownerName: a.owner.name },
          score: r.score,
          reasons: mapReasons(readable ? r.reasons : r.reasons.map(redactReason)),
          concerns: mapReasons(r.concerns ?? []),
          computedWith: r.weightsVersion != null && r.thesaurusVersion != null ? { weightsVersion: r.weightsVersion, thesaurusVersion: r.thesaurusVersion } : null,
          origin: r.origin,
          status: r.status,
          closeReason: r.closeReason,
          brokerUserId: r.brokerUserId,
          takenAt: r.takenAt?.toISOString() ?? null,
          statusChangedAt: r.statusChangedAt.toISOString(),
          computedAt: r.computedAt.toISOString(),
          version: r.version,
        },
      ];
    });
  }

  // ======== monitoring feed ========

  /** The pipeline's conversion in [from, to): matches suggested in the period, and matches that reached contacted or signed in it. */
  async pipelineStepsBetween(from: Date, to: Date): Promise<Array<{ matchId: string; demandId: string; step: 'suggested' | 'contacted' | 'signed'; at: string }>> {
    const rows = await this.repo.pipelineStepsBetween(this.tx.manager, { from, to });
    return rows.map((r) => ({ matchId: r.match_id, demandId: r.demand_id, step: r.step, at: new Date(r.at).toISOString() }));
  }

  // ======== broker performance feed (read-only; added for the contracts context, owner may reshape) ========

  /** How far a broker has carried matches: distinct matches taken, moved forward a step by this broker, and signed. */
  async brokerPipelineFigures(brokerUserId: string): Promise<{ matchesTaken: number; matchesMovedForward: number; matchesSigned: number }> {
    const c = await this.repo.brokerPipelineCounts(this.tx.manager, brokerUserId);
    return { matchesTaken: c.taken, matchesMovedForward: c.movedForward, matchesSigned: c.signed };
  }
}

/** The matched words may come from a description this viewer may not read: keep the feature and its points, drop the words. */
function redactReason(r: MatchReason): MatchReason {
  return r.code === 'text-relevance' ? { ...r, zh: '内容相关', en: 'Content matches the problem' } : r;
}

function isPairConflict(err: unknown): boolean {
  return isUniqueViolation(err, 'match_demand_id_achievement_id_key');
}
