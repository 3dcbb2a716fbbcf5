import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { Clock } from '../clock/clock';
import { AppConfig } from '../config/app-config';
import { TransactionRunner } from '../database/transaction-runner';
import { JobName } from '../queue/job-catalogue';
import { JobHandler } from '../queue/job-handler.decorator';
import { RetentionPolicy } from './retention-policy.entity';

const DAY_MS = 86_400_000;

/** What a context deletes (or pseudonymises) of one record type once it is older than the cutoff. */
export interface RetentionRule {
  recordType: string;
  /** Records older than `cutoff` go; returns how many. Runs in its own transaction. */
  apply(m: EntityManager, cutoff: Date): Promise<number>;
}

export interface RetentionPolicyView {
  recordType: string;
  retentionDays: number;
  /** `data`: a row of retention_policy applied by the daily job; `config`: a setting with its own prune job. */
  source: 'data' | 'config';
  description: { zh: string; en: string };
  /** A rule is registered for it in this process (a data row without one would be kept forever: a deployment error). */
  enforced: boolean;
}

/**
 * Retention periods per record type, applied daily (JobName.ApplyRetention). Contexts register the rule for each of
 * their record types; the periods come from retention_policy.
 */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger('Retention');
  private readonly rules = new Map<string, RetentionRule>();

  constructor(
    @InjectRepository(RetentionPolicy) private readonly policies: Repository<RetentionPolicy>,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  register(rule: RetentionRule): void {
    if (this.rules.has(rule.recordType)) throw new Error(`retention rule ${rule.recordType} registered twice`);
    this.rules.set(rule.recordType, rule);
  }

  async listPolicies(): Promise<RetentionPolicyView[]> {
    const rows = await this.policies.find({ order: { recordType: 'ASC' } });
    return [
      ...rows.map((p): RetentionPolicyView => ({
        recordType: p.recordType, retentionDays: p.retentionDays, source: 'data', description: { zh: p.descriptionZh, en: p.descriptionEn }, enforced: this.rules.has(p.recordType),
      })),
      {
        recordType: 'audit-entry', retentionDays: this.config.AUDIT_RETENTION_DAYS, source: 'config', enforced: true,
        description: { zh: '审计日志（等保 2.0 至少 180 天，AUDIT_RETENTION_DAYS，每日清理）', en: 'Audit log (at least 180 days under 等保 2.0; AUDIT_RETENTION_DAYS, pruned daily)' },
      },
      {
        recordType: 'outbox.delivered', retentionDays: this.config.OUTBOX_RETENTION_DAYS, source: 'config', enforced: true,
        description: { zh: '已投递的发件箱消息（OUTBOX_RETENTION_DAYS，每小时清理）', en: 'Delivered outbox messages (OUTBOX_RETENTION_DAYS, pruned hourly)' },
      },
    ];
  }

  /** Daily: every policy with a rule, each in its own transaction (one failing type does not hold back the others). */
  @JobHandler(JobName.ApplyRetention)
  async apply(): Promise<{ at: string; removed: Record<string, number>; unenforced: string[] }> {
    const now = this.clock.now();
    const removed: Record<string, number> = {};
    const unenforced: string[] = [];
    const failures: string[] = [];
    for (const policy of await this.policies.find({ order: { recordType: 'ASC' } })) {
      const rule = this.rules.get(policy.recordType);
      if (!rule) {
        unenforced.push(policy.recordType);
        continue;
      }
      const cutoff = new Date(now.getTime() - policy.retentionDays * DAY_MS);
      try {
        removed[policy.recordType] = await this.tx.run((m) => rule.apply(m, cutoff));
      } catch (err) {
        failures.push(`${policy.recordType}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    if (unenforced.length) this.logger.warn(`retention policies without a rule (records kept): ${unenforced.join(', ')}`);
    this.logger.log(`retention applied: ${JSON.stringify(removed)}`);
    // Rethrow so BullMQ retries: the rules are idempotent deletes of what is past its period.
    if (failures.length) throw new Error(`retention failed for ${failures.join('; ')}`);
    return { at: now.toISOString(), removed, unenforced };
  }
}
