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

  /** The upload is complete: queue it. False when a sweep already declared the upload dead. */
  async markUploaded(m: EntityManager, id: string): Promise<boolean> {
    const [, n]: [unknown, number] = await m.query(`UPDATE import_job SET status = 'queued', updated_at = now() WHERE id = $1 AND status = 'uploading'`, [id]);
    return n > 0;
  }

  /** Bytes are still arriving: the sweep leaves the row alone. */
  async touchUploading(m: EntityManager, id: string): Promise<void> {
    await m.query(`UPDATE import_job SET updated_at = now() WHERE id = $1 AND status = 'uploading'`, [id]);
  }

  /** Failed for good; the reason is kept if one was recorded already. */
  async markFailed(m: EntityManager, id: string, at: Date, reason: string): Promise<void> {
    await m.query(
      `UPDATE import_job SET status = 'failed', finished_at = $2, failure_reason = coalesce(nullif(failure_reason, ''), $3), updated_at = now() WHERE id = $1 AND status <> 'done'`,
      [id, at, reason],
    );
  }

  /**
   * Uploads no byte has reached for `silentMs` (the process receiving them died): failed, with the reason. Measured on
   * the database's clock, the one that stamped the heartbeats.
   */
  async failStaleUploads(m: EntityManager, silentMs: number, at: Date, reason: string): Promise<string[]> {
    const [rows]: [Array<{ id: string }>, number] = await m.query(
      `UPDATE import_job SET status = 'failed', failure_reason = $3, finished_at = $2, updated_at = now()
        WHERE status = 'uploading' AND updated_at < now() - $1 * interval '1 millisecond' RETURNING id`,
      [silentMs, at, reason],
    );
    return rows.map((r) => r.id);
  }

  /** Moves queued (or a crashed run, which resumes from its committed progress) to running; false when it has finished. */
  async claim(m: EntityManager, id: string, at: Date): Promise<boolean> {
    const res: unknown[] = await m.query(
      `UPDATE import_job SET status = 'running', started_at = coalesce(started_at, $2), updated_at = now()
       WHERE id = $1 AND status IN ('queued','running') RETURNING id`,
      [id, at],
    );
    // pg returns [rows, affected] for UPDATE … RETURNING through TypeORM.
    const rows = Array.isArray(res[0]) ? (res[0] as unknown[]) : res;
    return rows.length > 0;
  }
}
