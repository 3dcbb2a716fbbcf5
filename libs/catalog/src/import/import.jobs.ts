import { Injectable } from '@nestjs/common';
import { JobFailureHandler, JobHandler, JobName, JobPayload } from '@techbridge/platform';
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
  async failed(payload: JobPayload<JobName.RunImport>): Promise<void> {
    await this.imports.markFailed(payload.importJobId);
  }
}
