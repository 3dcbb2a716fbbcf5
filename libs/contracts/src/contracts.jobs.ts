import { Injectable } from '@nestjs/common';
import { JobFailureHandler, JobHandler, JobName, JobPayload } from '@techbridge/platform';
import { ContractsService } from './contracts.service';

/** Job handlers: thin, each re-reads state in the service and skips when it has moved on; errors rethrow for retry. */
@Injectable()
export class ContractsJobs {
  constructor(private readonly contracts: ContractsService) {}

  @JobHandler(JobName.CheckContract)
  async check(p: JobPayload<JobName.CheckContract>): Promise<string> {
    return this.contracts.runChecks(p.contractId, p.submission);
  }

  @JobHandler(JobName.IssueRegistrationNumber)
  async issue(p: JobPayload<JobName.IssueRegistrationNumber>): Promise<string | null> {
    return this.contracts.issueRegistrationNumber(p.contractId);
  }

  @JobFailureHandler(JobName.IssueRegistrationNumber)
  async issueFailed(p: JobPayload<JobName.IssueRegistrationNumber>): Promise<void> {
    await this.contracts.numberIssueFailed(p.contractId);
  }

  @JobHandler(JobName.RemindRegistrationDeadline)
  async remind(p: JobPayload<JobName.RemindRegistrationDeadline>): Promise<boolean> {
    return this.contracts.remindDeadline(p.contractId, p.submission);
  }

  @JobHandler(JobName.EscalateRegistrationDeadline)
  async escalate(p: JobPayload<JobName.EscalateRegistrationDeadline>): Promise<boolean> {
    return this.contracts.escalateDeadline(p.contractId, p.submission);
  }

  @JobHandler(JobName.ComputeRewards)
  async rewards(p: JobPayload<JobName.ComputeRewards>): Promise<number> {
    return (await this.contracts.computeRewards(p.year)).length;
  }

  @JobHandler(JobName.ContractsNoop)
  async noop(p: JobPayload<JobName.ContractsNoop>): Promise<number> {
    return p.n;
  }
}
