import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ImportJob } from '../entities/import-job.entity';

@Injectable()
export class ImportRepository {
  insert(m: EntityManager, job: Partial<ImportJob>): Promise<ImportJob> {
    const repo = m.getRepository(ImportJob);
    return repo.save(repo.create(job));
  }

  find(m: EntityManager, id: string): Promise<ImportJob | null> {
    return m.getRepository(ImportJob).findOne({ where: { id } });
  }

  async update(m: EntityManager, id: string, changes: Partial<ImportJob>): Promise<void> {
    await m.getRepository(ImportJob).update({ id }, changes as Record<string, unknown>);
  }

  /** The import's events carry `import <id>` (see AchievementRepository.insertImportEvents); ix_achievement_event_import serves this. */
  async publishedAchievementsOfImport(m: EntityManager, importJobId: string, after: string | null, limit: number): Promise<Array<{ id: string; version: number }>> {
    const rows: Array<{ id: string; version: number }> = await m.query(
      `SELECT DISTINCT e.achievement_id AS id, a.version
         FROM achievement_event e JOIN achievement a ON a.id = e.achievement_id
        WHERE e.action = 'import' AND e.comment = $1 AND a.status = 'published' AND ($2::uuid IS NULL OR e.achievement_id > $2::uuid)
        ORDER BY e.achievement_id LIMIT $3`,
      [`import ${importJobId}`, after, limit],
    );
    return rows.map((r) => ({ id: r.id, version: Number(r.version) }));
  }

  /** Moves queued (or a crashed run) to running; false when another run holds it or it has finished. */
  async claim(m: EntityManager, id: string, at: Date): Promise<boolean> {
    const res: unknown[] = await m.query(
      `UPDATE import_job SET status = 'running', started_at = $2, processed = 0, created = 0, updated = 0, failed = 0, errors = '[]'::jsonb, updated_at = now()
       WHERE id = $1 AND status IN ('queued','running') RETURNING id`,
      [id, at],
    );
    // pg returns [rows, affected] for UPDATE … RETURNING through TypeORM.
    const rows = Array.isArray(res[0]) ? (res[0] as unknown[]) : res;
    return rows.length > 0;
  }
}
