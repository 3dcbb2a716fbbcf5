import { Injectable } from '@nestjs/common';
import { JobHandler, JobName, JobPayload } from '@techbridge/platform';
import { FinancingMatchService } from './financing-match.service';

/** Worker handlers of finance: each re-reads the current request or profile, so a late or repeated job is harmless. */
@Injectable()
export class FinanceJobs {
  constructor(private readonly matches: FinancingMatchService) {}

  @JobHandler(JobName.RescoreFinancingRequest)
  async rescoreRequest(p: JobPayload<JobName.RescoreFinancingRequest>): Promise<{ outcome: string }> {
    return { outcome: await this.matches.rescoreRequest(p.requestId) };
  }

  @JobHandler(JobName.RescoreInvestorProfile)
  async rescoreInvestor(p: JobPayload<JobName.RescoreInvestorProfile>): Promise<{ outcome: string }> {
    return { outcome: await this.matches.rescoreInvestor(p.investorId) };
  }
}
