import { Injectable } from '@nestjs/common';
import { JobHandler, JobName, JobPayload } from '@techbridge/platform';
import { DemandService } from './demand.service';

/** Worker handlers of the demand context. */
@Injectable()
export class DemandJobs {
  constructor(private readonly demands: DemandService) {}

  /** At the deadline: published → expired, unless it has moved on or proposals await a decision. */
  @JobHandler(JobName.DemandExpire)
  async expire(payload: JobPayload<JobName.DemandExpire>): Promise<{ outcome: string }> {
    return { outcome: await this.demands.expire(payload.demandId) };
  }
}
