import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { ComputationSubject } from './entities/match-computation.entity';

@Injectable()
export class MatchComputationRepository {
  /** Record that the matches of this version were computed; an older version never replaces a newer record. */
  async record(m: EntityManager, subject: ComputationSubject, id: string, version: number, at: Date): Promise<void> {
    await m.query(
      `INSERT INTO match_computation (subject_type, subject_id, version, computed_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (subject_type, subject_id) DO UPDATE SET version = EXCLUDED.version, computed_at = EXCLUDED.computed_at
       WHERE match_computation.version <= EXCLUDED.version`,
      [subject, id, version, at],
    );
  }

  /** The last computed version of each of these subjects that has one. */
  async computedVersions(m: EntityManager, subject: ComputationSubject, ids: string[]): Promise<Map<string, number>> {
    if (!ids.length) return new Map();
    const rows: Array<{ subject_id: string; version: number }> = await m.query(
      `SELECT subject_id, version FROM match_computation WHERE subject_type = $1 AND subject_id = ANY($2::uuid[])`,
      [subject, ids],
    );
    return new Map(rows.map((r) => [r.subject_id, Number(r.version)]));
  }
}
