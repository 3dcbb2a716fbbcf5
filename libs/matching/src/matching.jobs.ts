import { Injectable } from '@nestjs/common';
import { JobHandler, JobName, JobPayload } from '@techbridge/platform';
import { MatchPipelineService } from './match-pipeline.service';

/** Worker handlers: a newly published demand or achievement gets its top matches stored and both parties notified. */
@Injectable()
export class MatchingJobs {
  constructor(private readonly pipeline: MatchPipelineService) {}

  // Idempotent: the store is an upsert on (demand, achievement) and notifications carry a dedupe key; errors rethrow for retries.
  @JobHandler(JobName.ComputeDemandMatches)
  computeDemandMatches(payload: JobPayload<JobName.ComputeDemandMatches>): Promise<unknown> {
    return this.pipeline.computeForDemand(payload.demandId);
  }

  @JobHandler(JobName.ComputeAchievementMatches)
  computeAchievementMatches(payload: JobPayload<JobName.ComputeAchievementMatches>): Promise<unknown> {
    return this.pipeline.computeForAchievement(payload.achievementId);
  }
}
