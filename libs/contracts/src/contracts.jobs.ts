import { Injectable } from '@nestjs/common';
import { Clock, JobFailureHandler, JobHandler, JobName, JobPayload } from '@techbridge/platform';
import { RegistrationWorkflowService } from './registration-workflow.service';
import { RewardService } from './reward.service';
import { rewardYearFor } from './reward-schedules';

/** Job handlers: thin, each re-reads state in the service and skips when it has moved on; errors rethrow for retry. */
@Injectable()
export class ContractsJobs {
  constructor(
    private readonly workflow: RegistrationWorkflowService,
    private readonly ledger: RewardService,
    private readonly clock: Clock,
  ) {}

  @JobHandler(JobName.CheckContract)
  async check(p: JobPayload<JobName.CheckContract>): Promise<string> {
    return this.workflow.runChecks(p.contractId, p.submission);
  }

  @JobHandler(JobName.IssueRegistrationNumber)
  async issue(p: JobPayload<JobName.IssueRegistrationNumber>): Promise<string | null> {
    return this.workflow.issueRegistrationNumber(p.contractId);
  }

  @JobFailureHandler(JobName.IssueRegistrationNumber)
  async issueFailed(p: JobPayload<JobName.IssueRegistrationNumber>): Promise<void> {
    await this.workflow.numberIssueFailed(p.contractId);
  }

  @JobHandler(JobName.RemindRegistrationDeadline)
  async remind(p: JobPayload<JobName.RemindRegistrationDeadline>): Promise<boolean> {
    return this.workflow.remindDeadline(p.contractId, p.submission);
  }

  @JobHandler(JobName.EscalateRegistrationDeadline)
  async escalate(p: JobPayload<JobName.EscalateRegistrationDeadline>): Promise<boolean> {
    return this.workflow.escalateDeadline(p.contractId, p.submission);
  }

  @JobHandler(JobName.ComputeRewards)
  async rewards(p: JobPayload<JobName.ComputeRewards>): Promise<number> {
    return (await this.ledger.computeRewards(p.year)).length;
  }

  /** The scheduled runs: the year is resolved now (Beijing calendar); recomputing a year replaces its lines, so a rerun is harmless. */
  @JobHandler(JobName.ComputeScheduledRewards)
  async scheduledRewards(p: JobPayload<JobName.ComputeScheduledRewards>): Promise<{ year: number; lines: number }> {
    const year = rewardYearFor(p.period, this.clock.now());
    return { year, lines: (await this.ledger.computeRewards(year)).length };
  }
}
