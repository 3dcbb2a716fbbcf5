import { Injectable } from '@nestjs/common';
import { Brackets, EntityManager } from 'typeorm';
import { MatchEvent } from './entities/match-event.entity';
import { Match } from './entities/match.entity';
import type { MatchStatus } from './match.state-machine';
import type { FeatureVector, MatchReason } from './scoring/match-scoring';
import type { ModelVersion } from './weights/match-weights';
import { THESAURUS_FINGERPRINT_SQL } from './thesaurus.repository';

/** A pair's score as computed now: what every stored copy of it is set to. */
export interface StoredScore {
  score: number;
  reasons: MatchReason[];
  concerns: MatchReason[];
  features: FeatureVector;
  model: ModelVersion;
}

export interface SuggestedMatch extends StoredScore {
  demandId: string;
  achievementId: string;
  enterpriseId: string;
  ownerId: string;
}

/** A stored pair to be scored again. */
export interface StoredPair {
  id: string;
  demandId: string;
  achievementId: string;
}

/** Who may see which stored matches: brokers and staff all of them, parties only their own. */
export interface MatchScope {
  all: boolean;
  orgId: string | null;
}

@Injectable()
export class MatchRepository {
  /**
   * Idempotent store of computed suggestions: unique (demand, achievement); a re-computation refreshes the score, reasons,
   * concerns and versions of every stored copy of the pair (one score per pair everywhere, whatever its pipeline state),
   * never its state. Returns the ids, and whether each row is new.
   */
  async upsertSuggestions(m: EntityManager, items: SuggestedMatch[], now: Date): Promise<Array<{ id: string; demandId: string; achievementId: string; inserted: boolean }>> {
    if (!items.length) return [];
    const rows: Array<{ id: string; demand_id: string; achievement_id: string; inserted: boolean }> = await m.query(
      `INSERT INTO match (demand_id, achievement_id, enterprise_id, owner_id, score, reasons, concerns, features, weights_version, thesaurus_version, origin, status_changed_at, computed_at)
       SELECT x.demand_id, x.achievement_id, x.enterprise_id, x.owner_id, x.score, x.reasons, x.concerns, x.features, x.weights_version, x.thesaurus_version, 'computed', $2, $2
       FROM jsonb_to_recordset($1::jsonb)
         AS x(demand_id uuid, achievement_id uuid, enterprise_id uuid, owner_id uuid, score int, reasons jsonb, concerns jsonb, features jsonb, weights_version int, thesaurus_version text)
       ON CONFLICT (demand_id, achievement_id) DO UPDATE
         SET score = EXCLUDED.score, reasons = EXCLUDED.reasons, concerns = EXCLUDED.concerns, features = EXCLUDED.features,
             weights_version = EXCLUDED.weights_version, thesaurus_version = EXCLUDED.thesaurus_version, computed_at = EXCLUDED.computed_at, updated_at = now()
       RETURNING id, demand_id, achievement_id, (xmax = 0) AS inserted`,
      [JSON.stringify(items.map((i) => ({ demand_id: i.demandId, achievement_id: i.achievementId, enterprise_id: i.enterpriseId, owner_id: i.ownerId, ...scoreColumns(i) }))), now],
    );
    return rows.map((r) => ({ id: r.id, demandId: r.demand_id, achievementId: r.achievement_id, inserted: r.inserted }));
  }

  /** Set the score of stored pairs (by id) as computed now; their pipeline state is left alone. */
  async rescore(m: EntityManager, rows: Array<{ id: string } & StoredScore>, now: Date): Promise<void> {
    if (!rows.length) return;
    await m.query(
      `UPDATE match x SET score = r.score, reasons = r.reasons, concerns = r.concerns, features = r.features, weights_version = r.weights_version,
              thesaurus_version = r.thesaurus_version, computed_at = $2, updated_at = now()
         FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, score int, reasons jsonb, concerns jsonb, features jsonb, weights_version int, thesaurus_version text)
        WHERE x.id = r.id`,
      [JSON.stringify(rows.map((r) => ({ id: r.id, ...scoreColumns(r) }))), now],
    );
  }

  /** Stored pairs of one demand or one achievement (all states): recomputed together when that side changes. */
  pairsOf(m: EntityManager, side: { demandId: string } | { achievementId: string }): Promise<StoredPair[]> {
    const [column, id] = 'demandId' in side ? ['demand_id', side.demandId] : ['achievement_id', side.achievementId];
    return m.query(`SELECT id, demand_id AS "demandId", achievement_id AS "achievementId" FROM match WHERE ${column} = $1 ORDER BY id`, [id]);
  }

  /** The next page, after a cursor, of stored pairs computed with another model than this one (or before versioning). */
  stalePairs(m: EntityManager, model: ModelVersion, after: string | null, limit: number): Promise<StoredPair[]> {
    return m.query(
      `SELECT id, demand_id AS "demandId", achievement_id AS "achievementId" FROM match
        WHERE ($1::uuid IS NULL OR id > $1) AND (weights_version IS DISTINCT FROM $2 OR thesaurus_version IS DISTINCT FROM $3)
        ORDER BY id LIMIT $4`,
      [after, model.weightsVersion, model.thesaurusVersion, limit],
    );
  }

  /**
   * The pipeline's judged pairs: moved forward (contacted, negotiating, signed), or closed for a reason about the fit.
   * No-reply, unclear IP and other say nothing about the pair and are left out. Ids and feature strengths only.
   */
  outcomes(m: EntityManager): Promise<Array<{ demandId: string; achievementId: string; status: 'contacted' | 'negotiating' | 'signed' | 'closed'; features: FeatureVector }>> {
    return m.query(
      `SELECT demand_id AS "demandId", achievement_id AS "achievementId", status, features FROM match
        WHERE status IN ('contacted','negotiating','signed') OR (status = 'closed' AND close_reason IN ('too-early','price','not-relevant','mode-mismatch'))
        ORDER BY id`,
    );
  }

  /** Stored matches of these achievements (computed or curated). */
  async countForAchievements(m: EntityManager, ids: string[]): Promise<number> {
    if (!ids.length) return 0;
    const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM match WHERE achievement_id = ANY($1::uuid[])`, [ids]);
    return n as number;
  }

  find(m: EntityManager, id: string, lock = false): Promise<Match | null> {
    return m.getRepository(Match).findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  findPair(m: EntityManager, demandId: string, achievementId: string, lock = false): Promise<Match | null> {
    return m.getRepository(Match).findOne({ where: { demandId, achievementId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  save(m: EntityManager, match: Partial<Match>): Promise<Match> {
    const repo = m.getRepository(Match);
    return repo.save(repo.create(match));
  }

  async page(
    m: EntityManager,
    scope: MatchScope,
    q: { status?: MatchStatus; demandId?: string; achievementId?: string; brokerUserId?: string; skip: number; take: number },
  ): Promise<[Match[], number]> {
    const qb = m.getRepository(Match).createQueryBuilder('x').orderBy('x.score', 'DESC').addOrderBy('x.id', 'ASC').skip(q.skip).take(q.take);
    if (!scope.all) {
      qb.andWhere(new Brackets((w) => w.where('x.enterprise_id = :org', { org: scope.orgId }).orWhere('x.owner_id = :org', { org: scope.orgId })));
    }
    if (q.status) qb.andWhere('x.status = :status', { status: q.status });
    if (q.demandId) qb.andWhere('x.demand_id = :demandId', { demandId: q.demandId });
    if (q.achievementId) qb.andWhere('x.achievement_id = :achievementId', { achievementId: q.achievementId });
    if (q.brokerUserId) qb.andWhere('x.broker_user_id = :broker', { broker: q.brokerUserId });
    return qb.getManyAndCount();
  }

  addEvent(m: EntityManager, event: Partial<MatchEvent>): Promise<MatchEvent> {
    const repo = m.getRepository(MatchEvent);
    return repo.save(repo.create(event));
  }

  events(m: EntityManager, matchId: string): Promise<MatchEvent[]> {
    return m.getRepository(MatchEvent).find({ where: { matchId }, order: { occurredAt: 'ASC', createdAt: 'ASC' } });
  }

  // ---- broker performance feed (read-only; added for the contracts context's broker figures) ----

  /** Distinct matches a broker took, moved forward (contacted, negotiating or signed by this broker) and signed. */
  async brokerPipelineCounts(m: EntityManager, brokerUserId: string): Promise<{ taken: number; movedForward: number; signed: number }> {
    const [r] = await m.query(
      `SELECT count(DISTINCT match_id) FILTER (WHERE kind = 'taken')::int AS taken,
              count(DISTINCT match_id) FILTER (WHERE kind = 'transition' AND to_status IN ('contacted','negotiating','signed'))::int AS moved_forward,
              count(DISTINCT match_id) FILTER (WHERE kind = 'transition' AND to_status = 'signed')::int AS signed
         FROM match_event WHERE actor_user_id = $1`,
      [brokerUserId],
    );
    return { taken: r.taken, movedForward: r.moved_forward, signed: r.signed };
  }

  /**
   * The pipeline's steps in [from, to): matches suggested (created) in it, and matches that reached contacted or signed
   * in it, each match once per step (its first such event in the period). Two range scans, no per-match look-ups.
   */
  pipelineStepsBetween(m: EntityManager, range: { from: Date; to: Date }): Promise<Array<{ match_id: string; demand_id: string; step: 'suggested' | 'contacted' | 'signed'; at: Date }>> {
    return m.query(
      `SELECT id AS match_id, demand_id, 'suggested' AS step, created_at AS at FROM match WHERE created_at >= $1 AND created_at < $2
       UNION ALL
       SELECT s.match_id, x.demand_id, s.step, s.at
         FROM (SELECT DISTINCT ON (e.match_id, e.to_status) e.match_id, e.to_status AS step, e.occurred_at AS at
                 FROM match_event e
                WHERE e.to_status IN ('contacted', 'signed') AND e.occurred_at >= $1 AND e.occurred_at < $2
                ORDER BY e.match_id, e.to_status, e.occurred_at) s
         JOIN match x ON x.id = s.match_id
        ORDER BY at, match_id`,
      [range.from, range.to],
    );
  }

  /**
   * What a ranking reads besides the two sides, as fingerprints in one round trip: the thesaurus table's, the active
   * weights version, and the parks' (exact: a digest of their names and key industries). Each is reloaded only when it changed.
   */
  async modelFingerprints(m: EntityManager): Promise<{ thesaurus: string; weightsVersion: number | null; parks: string }> {
    const [row] = await m.query(
      `SELECT (${THESAURUS_FINGERPRINT_SQL}) AS thesaurus, (SELECT version FROM match_weights WHERE active) AS weights_version,
              (SELECT coalesce(md5(string_agg(code || zh || en || key_industries::text, '|' ORDER BY code)), '') FROM ref_park) AS parks`,
    );
    return { thesaurus: row.thesaurus, weightsVersion: row.weights_version == null ? null : Number(row.weights_version), parks: row.parks };
  }

  /** Park codes → names and key industries, from the editable reference table. */
  async parks(m: EntityManager): Promise<Map<string, { zh: string; en: string; keyIndustries: string[] }>> {
    const rows: Array<{ code: string; zh: string; en: string; key_industries: string[] }> = await m.query(`SELECT code, zh, en, key_industries FROM ref_park`);
    return new Map(rows.map((r) => [r.code, { zh: r.zh, en: r.en, keyIndustries: r.key_industries }]));
  }
}

function scoreColumns(s: StoredScore) {
  return { score: s.score, reasons: s.reasons, concerns: s.concerns, features: s.features, weights_version: s.model.weightsVersion, thesaurus_version: s.model.thesaurusVersion };
}
