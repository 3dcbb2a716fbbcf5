import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../clock/clock';
import { AppConfig } from '../config/app-config';
import { JobName } from '../queue/job-catalogue';
import { JobHandler } from '../queue/job-handler.decorator';
import { OutboxService } from './outbox.service';

const DAY_MS = 86_400_000;

/** Keeps the outbox table small: delivered messages are only kept for tracing, for OUTBOX_RETENTION_DAYS. */
@Injectable()
export class OutboxMaintenanceJobs {
  private readonly logger = new Logger('OutboxMaintenance');

  constructor(
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  @JobHandler(JobName.PruneOutbox)
  async prune(): Promise<{ pruned: number; before: string }> {
    const before = new Date(this.clock.now().getTime() - this.config.OUTBOX_RETENTION_DAYS * DAY_MS);
    const pruned = await this.outbox.pruneDelivered(before);
    if (pruned) this.logger.log(`pruned ${pruned} outbox message(s) delivered before ${before.toISOString()}`);
    return { pruned, before: before.toISOString() };
  }
}
