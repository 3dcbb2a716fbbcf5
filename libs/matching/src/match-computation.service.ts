import { Injectable, Logger } from '@nestjs/common';
import { CatalogService } from '@techbridge/catalog';
import { DemandService } from '@techbridge/demand';
import { TransactionRunner } from '@techbridge/platform';
import type { ComputationSubject } from './entities/match-computation.entity';
import { MatchComputationRepository } from './match-computation.repository';
import { MatchPipelineService } from './match-pipeline.service';
import { MatchRepository } from './match.repository';

/** How many computations run at once (search calls dominate; 2 cores). */
export const COMPUTE_CONCURRENCY = 4;
/** Ids read per look at the published items, and how many uncomputed ones one reconciler run takes on at most. */
export const RECONCILE_SCAN_PAGE = 1000;
export const RECONCILE_BATCH = 200;

export interface Versioned {
  id: string;
  version: number;
}

export interface ReconcileCursor {
  subject: ComputationSubject;
  after: string | null;
  /** Only items unchanged since then: a fresh publication's own job is still on its way. */
  changedBefore: Date;
}

export interface ReconcileOutcome {
  subject: ComputationSubject;
  scanned: number;
  computed: number;
  /** Where the next run goes on, or null when every published achievement and demand has been looked at. */
  next: { subject: ComputationSubject; after: string | null } | null;
}

/**
 * Matches computed in bulk, without announcements: the pages of a published import, and the reconciler that finds
 * published achievements and demands whose current version never had its matches computed (a job killed for good,
 * lost with a Redis that lost its data) and computes them.
 */
@Injectable()
export class MatchComputationService {
  private readonly logger = new Logger('MatchComputation');

  constructor(
    private readonly pipeline: MatchPipelineService,
    private readonly computations: MatchComputationRepository,
    private readonly matches: MatchRepository,
    private readonly catalog: CatalogService,
    private readonly demands: DemandService,
    private readonly tx: TransactionRunner,
  ) {}

  /** Those of these items whose current version has no computation yet (a resumed run skips what a killed one did). */
  async uncomputed(subject: ComputationSubject, items: Versioned[]): Promise<string[]> {
    const done = await this.computations.computedVersions(this.tx.manager, subject, items.map((i) => i.id));
    return items.filter((i) => (done.get(i.id) ?? -1) < i.version).map((i) => i.id);
  }

  /** Compute each, a few at a time, without announcements. The first failure stops the rest and is rethrown (a retry resumes). */
  async computeAll(subject: ComputationSubject, ids: string[]): Promise<void> {
    let next = 0;
    let failure: { error: unknown } | null = null;
    // A pool, not chunks: a slow item must not hold the other workers idle at a barrier.
    await Promise.all(
      Array.from({ length: Math.min(COMPUTE_CONCURRENCY, ids.length) }, async () => {
        while (next < ids.length && !failure) {
          const id = ids[next++];
          try {
            if (subject === 'achievement') await this.pipeline.computeForAchievement(id, { notify: false });
            else await this.pipeline.computeForDemand(id, { notify: false });
          } catch (error) {
            failure ??= { error };
          }
        }
      }),
    );
    if (failure) throw (failure as { error: unknown }).error;
  }

  /** Matches stored for these achievements, whichever run stored them. */
  storedForAchievements(ids: string[]): Promise<number> {
    return this.matches.countForAchievements(this.tx.manager, ids);
  }

  /** One run of the reconciler: scan from the cursor until a batch of uncomputed items is found (or the end), compute them. */
  async reconcileStep(cursor: ReconcileCursor): Promise<ReconcileOutcome> {
    let after = cursor.after;
    let scanned = 0;
    let end = false;
    const missing: string[] = [];
    while (missing.length < RECONCILE_BATCH) {
      const page =
        cursor.subject === 'achievement'
          ? await this.catalog.publishedAchievementVersions(after, RECONCILE_SCAN_PAGE, cursor.changedBefore)
          : await this.demands.listedDemandVersions(after, RECONCILE_SCAN_PAGE, cursor.changedBefore);
      scanned += page.length;
      missing.push(...(await this.uncomputed(cursor.subject, page)));
      if (page.length < RECONCILE_SCAN_PAGE) {
        end = true;
        break;
      }
      after = page[page.length - 1].id;
    }
    await this.computeAll(cursor.subject, missing);
    if (missing.length) this.logger.warn(`reconciler computed the matches of ${missing.length} ${cursor.subject}(s) that had none`);
    const next = !end ? { subject: cursor.subject, after } : cursor.subject === 'achievement' ? { subject: 'demand' as const, after: null } : null;
    return { subject: cursor.subject, scanned, computed: missing.length, next };
  }
}
