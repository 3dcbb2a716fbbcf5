import { Injectable, Logger } from '@nestjs/common';
import { ImportService } from '@techbridge/catalog';
import { NotificationService } from '@techbridge/notification';
import { Clock, JobHandler, JobName, JobPayload, JobQueue } from '@techbridge/platform';
import { MatchComputationService, ReconcileOutcome } from './match-computation.service';
import { MatchPipelineService } from './match-pipeline.service';
import { MatchRescoreService, RescoreOutcome } from './match-rescore.service';
import { RefitOutcome, WeightRefitService } from './weights/weight-refit.service';

/** Achievements per run of the import job. */
export const IMPORT_MATCH_PAGE = 500;
/** The reconciler leaves alone what changed this recently: its own job is still on its way. */
export const RECONCILE_GRACE_MS = 10 * 60_000;

export type ImportMatchesOutcome =
  | { page: number; computed: number; achievements: number; stored: number; next: string | null }
  | { skipped: string };

/** Worker handlers: a newly published demand or achievement gets its top matches stored and both parties notified. */
@Injectable()
export class MatchingJobs {
  private readonly logger = new Logger('MatchingJobs');
  /** Page size of the import walk; a test lowers it to cross page boundaries with a small import. */
  importPageSize = IMPORT_MATCH_PAGE;

  constructor(
    private readonly pipeline: MatchPipelineService,
    private readonly computations: MatchComputationService,
    private readonly imports: ImportService,
    private readonly notifications: NotificationService,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
    private readonly rescore: MatchRescoreService,
    private readonly refit: WeightRefitService,
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
   * (deterministic job id per cursor), so at most one job per import is queued and a worker shutdown waits for one page
   * only. A run killed mid-page is retried (stalled jobs go back to the queue) and skips the achievements the killed run
   * already computed, so the chain moves on from where it was even under repeated kills. The last page sends the
   * importer one summary; its figure is the matches stored for the import's achievements, whichever run stored them.
   */
  @JobHandler(JobName.ComputeMatchesForImport)
  async computeMatchesForImport(payload: JobPayload<JobName.ComputeMatchesForImport>): Promise<ImportMatchesOutcome> {
    const job = await this.imports.findForJob(payload.importJobId);
    if (!job) return { skipped: 'missing' };
    if (job.status !== 'done' || !job.publish) return { skipped: `status ${job.status}${job.publish ? '' : ', not published'}` };
    const page = await this.imports.publishedAchievementsOfImport(job.id, payload.after ?? null, this.importPageSize);
    const ids = page.map((p) => p.id);
    const todo = await this.computations.uncomputed('achievement', page);
    await this.computations.computeAll('achievement', todo);
    const stored = await this.computations.storedForAchievements(ids);
    const totals = { achievements: (payload.achievements ?? 0) + ids.length, stored: (payload.stored ?? 0) + stored };
    if (ids.length === this.importPageSize) {
      const after = ids[ids.length - 1];
      await this.jobs.enqueue(JobName.ComputeMatchesForImport, { importJobId: job.id, after, ...totals }, { jobId: `import:${job.id}:matches:${after}` });
      return { page: ids.length, computed: todo.length, ...totals, next: after };
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
    return { page: ids.length, computed: todo.length, ...totals, next: null };
  }

  /**
   * The safety net behind every match job: one run scans published achievements, then listed demands, from a cursor
   * and computes (without announcements) those whose current version never had its matches computed, then chains the
   * next run until the end. Started every half hour and at worker start.
   */
  @JobHandler(JobName.ReconcileMatches)
  async reconcileMatches(payload: JobPayload<JobName.ReconcileMatches>): Promise<ReconcileOutcome> {
    const changedBefore = payload.changedBefore ? new Date(payload.changedBefore) : new Date(this.clock.now().getTime() - RECONCILE_GRACE_MS);
    // A pass also looks for stored scores computed with older weights or thesaurus (an enqueue lost with Redis).
    if (!payload.subject && !payload.after) await this.jobs.enqueue(JobName.RescoreStoredMatches, { reason: 'reconcile' }, { jobId: `matching:rescore:reconcile:${changedBefore.getTime()}` });
    const out = await this.computations.reconcileStep({ subject: payload.subject ?? 'achievement', after: payload.after ?? null, changedBefore });
    if (out.next) {
      const at = changedBefore.toISOString();
      await this.jobs.enqueue(JobName.ReconcileMatches, { ...out.next, changedBefore: at }, { jobId: `matching:reconcile:${changedBefore.getTime()}:${out.next.subject}:${out.next.after ?? 'start'}` });
    }
    return out;
  }

  /**
   * One page of stored matches scored again with the current weights and thesaurus, then the next page (deterministic
   * job id per cursor). Rows already current are skipped, so a retry or a second pass only does what is left.
   */
  @JobHandler(JobName.RescoreStoredMatches)
  async rescoreStoredMatches(payload: JobPayload<JobName.RescoreStoredMatches>): Promise<RescoreOutcome> {
    const out = await this.rescore.step(payload.after ?? null);
    if (out.next) {
      await this.jobs.enqueue(JobName.RescoreStoredMatches, { reason: payload.reason, after: out.next }, { jobId: `matching:rescore:${payload.reason ?? 'pass'}:${out.next}` });
    }
    return out;
  }

  /** Refit the weights from outcomes into a new active version (nightly, or on an administrator's request). */
  @JobHandler(JobName.RefitMatchWeights)
  refitMatchWeights(): Promise<RefitOutcome> {
    return this.refit.refit();
  }
}
