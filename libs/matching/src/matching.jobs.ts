import { Injectable, Logger } from '@nestjs/common';
import { ImportService } from '@techbridge/catalog';
import { NotificationService } from '@techbridge/notification';
import { JobHandler, JobName, JobPayload, JobQueue } from '@techbridge/platform';
import { MatchPipelineService } from './match-pipeline.service';

/** Achievements per run of the import job, and how many are computed at once (search calls dominate; 2 cores). */
export const IMPORT_MATCH_PAGE = 500;
export const IMPORT_MATCH_CONCURRENCY = 4;

export type ImportMatchesOutcome =
  | { page: number; achievements: number; stored: number; next: string | null }
  | { skipped: string };

/** Worker handlers: a newly published demand or achievement gets its top matches stored and both parties notified. */
@Injectable()
export class MatchingJobs {
  private readonly logger = new Logger('MatchingJobs');
  /** Page size of the import walk; a test lowers it to cross page boundaries with a small import. */
  importPageSize = IMPORT_MATCH_PAGE;

  constructor(
    private readonly pipeline: MatchPipelineService,
    private readonly imports: ImportService,
    private readonly notifications: NotificationService,
    private readonly jobs: JobQueue,
  ) {}

  // Idempotent: the store is an upsert on (demand, achievement) and notifications carry a dedupe key; errors rethrow for retries.
  @JobHandler(JobName.ComputeDemandMatches)
  computeDemandMatches(payload: JobPayload<JobName.ComputeDemandMatches>): Promise<unknown> {
    return this.pipeline.computeForDemand(payload.demandId);
  }

  @JobHandler(JobName.ComputeAchievementMatches)
  computeAchievementMatches(payload: JobPayload<JobName.ComputeAchievementMatches>): Promise<unknown> {
    return this.pipeline.computeForAchievement(payload.achievementId);
  }

  /**
   * One job chain for a whole published import, never one job per line: each run stores the matches of one id-ordered
   * page of the import's still-published achievements without per-match notifications, then enqueues the next page
   * (deterministic job id per cursor), so at most one job per import is queued, a retry redoes one page, and a worker
   * shutdown waits for one page only. The last page sends the importer one summary.
   */
  @JobHandler(JobName.ComputeMatchesForImport)
  async computeMatchesForImport(payload: JobPayload<JobName.ComputeMatchesForImport>): Promise<ImportMatchesOutcome> {
    const job = await this.imports.findForJob(payload.importJobId);
    if (!job) return { skipped: 'missing' };
    if (job.status !== 'done' || !job.publish) return { skipped: `status ${job.status}${job.publish ? '' : ', not published'}` };
    const ids = await this.imports.publishedAchievementIdsOfImport(job.id, payload.after ?? null, this.importPageSize);
    let stored = 0;
    // A pool, not chunks: a slow achievement must not hold the other workers idle at a barrier.
    let next = 0;
    await Promise.all(Array.from({ length: Math.min(IMPORT_MATCH_CONCURRENCY, ids.length) }, async () => {
      while (next < ids.length) {
        // Read the result first: `stored += await …` would add to a value read before the await and lose concurrent updates.
        const r = await this.pipeline.computeForAchievement(ids[next++], { notify: false });
        stored += r.stored;
      }
    }));
    const totals = { achievements: (payload.achievements ?? 0) + ids.length, stored: (payload.stored ?? 0) + stored };
    if (ids.length === this.importPageSize) {
      const after = ids[ids.length - 1];
      await this.jobs.enqueue(JobName.ComputeMatchesForImport, { importJobId: job.id, after, ...totals }, { jobId: `import:${job.id}:matches:${after}` });
      return { page: ids.length, ...totals, next: after };
    }
    this.logger.log(`import ${job.id}: matches for ${totals.achievements} achievement(s), ${totals.stored} suggestion(s) stored`);
    await this.notifications.notify({
      userId: job.importerUserId,
      kind: 'import.matches-computed',
      title: { zh: `批量导入的 ${totals.achievements} 项成果已完成匹配计算`, en: `Matches computed for the ${totals.achievements} imported achievement(s)` },
      body: { zh: `共生成 ${totals.stored} 条匹配建议`, en: `${totals.stored} match suggestion(s) stored` },
      link: `/imports/${job.id}`,
      data: { importJobId: job.id, ...totals },
      dedupeKey: `import:${job.id}:matches`,
    });
    return { page: ids.length, ...totals, next: null };
  }
}
