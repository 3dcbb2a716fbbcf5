import { Injectable } from '@nestjs/common';
import { JobContext, JobFailureHandler, JobHandler, JobName, JobPayload } from '@techbridge/platform';
import { ImportService } from './import.service';

@Injectable()
export class ImportJobs {
  constructor(private readonly imports: ImportService) {}

  @JobHandler(JobName.RunImport)
  async run(payload: JobPayload<JobName.RunImport>): Promise<unknown> {
    const out = await this.imports.run(payload.importJobId);
    return out ? { processed: out.processed, created: out.created, updated: out.updated, failed: out.failed } : { skipped: true };
  }

  @JobFailureHandler(JobName.RunImport)
  async failed(payload: JobPayload<JobName.RunImport>, ctx: JobContext): Promise<void> {
    await this.imports.markFailed(payload.importJobId, ctx.failedReason);
  }

  /** At worker start and every five minutes: uploads cut short by a crash of the api are failed with the reason. */
  @JobHandler(JobName.SweepAbandonedUploads)
  sweepAbandonedUploads(): Promise<unknown> {
    return this.imports.sweepAbandonedUploads();
  }
}
