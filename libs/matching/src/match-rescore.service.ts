import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@techbridge/platform';
import { MatchPipelineService } from './match-pipeline.service';
import { MatchRepository } from './match.repository';
import { MatchingService } from './matching.service';

/** Stored pairs scored per run of the rescoring job. */
export const RESCORE_PAGE = 200;

export interface RescoreOutcome {
  scanned: number;
  rescored: number;
  /** The last id done, when more stale rows may follow (the job chains itself). */
  next: string | null;
}

/**
 * One score per pair everywhere: stored matches computed with other weights or another thesaurus than the current
 * ones are scored again, a page at a time from an id cursor. A row already current is never touched, so a retried or
 * repeated pass only does what is left.
 */
@Injectable()
export class MatchRescoreService {
  constructor(
    private readonly repo: MatchRepository,
    private readonly matching: MatchingService,
    private readonly pipeline: MatchPipelineService,
    private readonly tx: TransactionRunner,
  ) {}

  async step(after: string | null, pageSize = RESCORE_PAGE): Promise<RescoreOutcome> {
    const model = await this.matching.model();
    const pairs = await this.repo.stalePairs(this.tx.manager, model.version, after, pageSize);
    const rescored = await this.pipeline.rescorePairs(pairs);
    return { scanned: pairs.length, rescored, next: pairs.length === pageSize ? pairs[pairs.length - 1].id : null };
  }
}
