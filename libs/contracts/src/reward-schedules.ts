import { Injectable, Logger } from '@nestjs/common';
import { BEIJING_TIME_ZONE, BeijingCalendar, JobName, JobPayload, JobQueue } from '@techbridge/platform';

export type RewardPeriod = JobPayload<JobName.ComputeScheduledRewards>['period'];

export interface RewardSchedule {
  /** Fixed scheduler id: registering again updates the one scheduler instead of adding a second. */
  id: string;
  /** Cron pattern in `tz`. */
  pattern: string;
  tz: string;
  period: RewardPeriod;
}

/**
 * The reward plan pays per calendar year: the final ledger of the previous year on 1 January 02:00 Beijing time, and a
 * provisional ledger of the current year on the first of every other month (January has nothing of its own year yet).
 */
export const REWARD_SCHEDULES: readonly RewardSchedule[] = [
  { id: 'contracts-rewards-yearly', pattern: '0 2 1 1 *', tz: BEIJING_TIME_ZONE, period: 'previous-year' },
  { id: 'contracts-rewards-monthly-provisional', pattern: '0 3 1 2-12 *', tz: BEIJING_TIME_ZONE, period: 'current-year' },
];

/** The reward year a scheduled run computes, from the Beijing calendar date it runs on. */
export function rewardYearFor(period: RewardPeriod, now: Date): number {
  const year = Number(BeijingCalendar.dateOf(now).slice(0, 4));
  return period === 'previous-year' ? year - 1 : year;
}

/** Registers the reward job schedulers; called at worker start, idempotent (upsert by fixed id). */
@Injectable()
export class RewardSchedules {
  private readonly logger = new Logger('RewardSchedules');

  constructor(private readonly jobs: JobQueue) {}

  async register(): Promise<void> {
    const queue = this.jobs.queue(this.jobs.queueOf(JobName.ComputeScheduledRewards));
    for (const s of REWARD_SCHEDULES) {
      const data: JobPayload<JobName.ComputeScheduledRewards> = { period: s.period };
      await queue.upsertJobScheduler(
        s.id,
        { pattern: s.pattern, tz: s.tz },
        { name: JobName.ComputeScheduledRewards, data, opts: { attempts: 5, backoff: { type: 'exponential', delay: 60_000 }, removeOnComplete: { count: 100 }, removeOnFail: { age: 90 * 24 * 3600 } } },
      );
    }
    this.logger.log(`Reward schedulers registered: ${REWARD_SCHEDULES.map((s) => `${s.id} (${s.pattern} ${s.tz})`).join(', ')}`);
  }
}
