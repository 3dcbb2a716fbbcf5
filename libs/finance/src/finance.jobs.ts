import { Injectable } from '@nestjs/common';
import { JobHandler, JobName, JobPayload, JobQueue } from '@techbridge/platform';
import { FinancingMatchService } from './financing-match.service';
import { FINANCE_SCORING_VERSION } from './investor-matching';

/** Worker handlers of finance: each re-reads the current request or profile, so a late or repeated job is harmless. */
@Injectable()
export class FinanceJobs {
  constructor(
    private readonly matches: FinancingMatchService,
    private readonly jobs: JobQueue,
  ) {}

  @JobHandler(JobName.RescoreFinancingRequest)
  async rescoreRequest(p: JobPayload<JobName.RescoreFinancingRequest>): Promise<{ outcome: string }> {
    return { outcome: await this.matches.rescoreRequest(p.requestId) };
  }

  @JobHandler(JobName.RescoreInvestorProfile)
  async rescoreInvestor(p: JobPayload<JobName.RescoreInvestorProfile>): Promise<{ outcome: string }> {
    return { outcome: await this.matches.rescoreInvestor(p.investorId) };
  }

  /** A page of the catch-up pass after a scoring-version change, then the next page (jobId per version and cursor). */
  @JobHandler(JobName.RescoreFinancingMatches)
  async rescoreAll(p: JobPayload<JobName.RescoreFinancingMatches>): Promise<{ outcome: string }> {
    // A pass queued by a worker of another scoring version (a rolling deploy) is left to that version's own pass.
    if (p.version !== FINANCE_SCORING_VERSION) return { outcome: `skipped: version ${p.version}` };
    const out = await this.matches.catchUpPage(p.after ?? null);
    if (out.next) {
      await this.jobs.enqueue(JobName.RescoreFinancingMatches, { version: p.version, after: out.next }, { jobId: `finance-match:catch-up:${p.version}:${out.next}` });
    }
    return { outcome: `rescored ${out.rescored}${out.next ? `, next ${out.next}` : ', done'}` };
  }
}
