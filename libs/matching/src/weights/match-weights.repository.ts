import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { MatchWeightsVersion } from '../entities/match-weights.entity';
import type { WeightSource } from './match-weights';

@Injectable()
export class MatchWeightsRepository {
  /** The active version's number: one indexed look-up, cheap enough to ask before every ranking. */
  async activeVersion(m: EntityManager): Promise<number | null> {
    const [row] = await m.query(`SELECT version FROM match_weights WHERE active`);
    return row ? Number(row.version) : null;
  }

  find(m: EntityManager, version: number): Promise<MatchWeightsVersion | null> {
    return m.getRepository(MatchWeightsVersion).findOne({ where: { version } });
  }

  findByDigest(m: EntityManager, source: WeightSource, digest: string): Promise<MatchWeightsVersion | null> {
    return m.getRepository(MatchWeightsVersion).findOne({ where: { source, digest }, order: { version: 'DESC' } });
  }

  list(m: EntityManager, skip: number, take: number): Promise<[MatchWeightsVersion[], number]> {
    return m.getRepository(MatchWeightsVersion).findAndCount({ order: { version: 'DESC' }, skip, take });
  }

  /** First start: version 1, active. Concurrent processes may both try; the key keeps one. */
  async seed(m: EntityManager, row: { weights: unknown; digest: string }): Promise<void> {
    await m.query(
      `INSERT INTO match_weights (version, weights, source, digest, active, note) VALUES (1, $1, 'default', $2, NOT EXISTS (SELECT 1 FROM match_weights WHERE active), 'shipped defaults')
       ON CONFLICT DO NOTHING`,
      [JSON.stringify(row.weights), row.digest],
    );
  }

  /** A new version numbered after the last; the table lock orders concurrent writers (call inside a transaction). */
  async insert(m: EntityManager, row: { weights: unknown; source: WeightSource; digest: string; note: string | null; evidence: Record<string, number> }): Promise<number> {
    await m.query(`LOCK TABLE match_weights IN SHARE ROW EXCLUSIVE MODE`);
    const [{ next }] = await m.query(`SELECT coalesce(max(version), 0) + 1 AS next FROM match_weights`);
    await m.query(`INSERT INTO match_weights (version, weights, source, digest, note, evidence) VALUES ($1, $2, $3, $4, $5, $6)`, [
      next, JSON.stringify(row.weights), row.source, row.digest, row.note, JSON.stringify(row.evidence),
    ]);
    return Number(next);
  }

  /** Make this version the only active one (inside a transaction). */
  async activate(m: EntityManager, version: number): Promise<void> {
    await m.query(`UPDATE match_weights SET active = false WHERE active AND version <> $1`, [version]);
    await m.query(`UPDATE match_weights SET active = true WHERE version = $1`, [version]);
  }

  /** Whether any match is stored at all (a platform that never computed one has nothing to rescore). */
  async anyStoredMatch(m: EntityManager): Promise<boolean> {
    const [{ any }] = await m.query(`SELECT EXISTS (SELECT 1 FROM match) AS any`);
    return any === true;
  }
}
