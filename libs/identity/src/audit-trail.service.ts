import { Injectable } from '@nestjs/common';
import { Actor, AppConfig, Clock, DomainError, JobHandler, JobName, PrivilegedRequest, RequestAuditSink, TransactionRunner } from '@techbridge/platform';
import { Readable } from 'node:stream';
import { AuditLog } from './audit-log';
import { auditActionLabel, auditEntityLabel } from './audit-labels';
import { AuditTrailRepository } from './audit-trail.repository';
import { AuditEntry } from './entities/audit-entry.entity';

/** The longest range one export covers: a year and a day (the retention is 180 days or more). */
const MAX_EXPORT_DAYS = 366;
// Labels for readers (操作, 对象) beside the codes tools filter on.
const CSV_COLUMNS = ['id', 'at', 'actor_user_id', 'actor_org_id', '操作 action_label', 'action', '对象 entity_label', 'entity_type', 'entity_id', 'client_address', 'changes'];

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  // Quoted always; a leading =, +, - or @ would run as a formula in a spreadsheet.
  return `"${(/^[=+\-@]/.test(text) ? `'${text}` : text).replace(/"/g, '""')}"`;
}

function csvLine(a: AuditEntry): string {
  return [a.id, a.at.toISOString(), a.actorUserId, a.actorOrgId, auditActionLabel(a.action).zh, a.action, auditEntityLabel(a.entityType).zh, a.entityType, a.entityId, a.clientAddress, a.changes]
    .map(csvCell).join(',') + '\r\n';
}

/**
 * 等保 2.0 security audit beyond the appends: every privileged request recorded (the platform's interceptor writes
 * through this sink), the log exported for auditors, and entries past AUDIT_RETENTION_DAYS pruned daily.
 */
@Injectable()
export class AuditTrailService extends RequestAuditSink {
  constructor(
    private readonly repo: AuditTrailRepository,
    private readonly auditLog: AuditLog,
    private readonly tx: TransactionRunner,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    super();
  }

  async record(r: PrivilegedRequest): Promise<void> {
    await this.tx.run((m) =>
      this.auditLog.record(m, { userId: r.actor.userId, orgId: r.actor.orgId }, {
        action: 'privileged-request',
        entityType: 'route',
        entityId: r.route,
        address: r.address,
        changes: { params: r.params, outcome: r.outcome, requestId: r.requestId },
      }),
    );
  }

  /**
   * The entries of [from, to) as CSV (UTF-8 with BOM for spreadsheet programs), streamed page by page. The export is
   * itself an audited action, recorded before the first byte.
   */
  async exportCsv(actor: Actor, from: Date, to: Date, address: string | null): Promise<Readable> {
    if (!(from < to)) throw DomainError.validation('to', { zh: 'to 必须晚于 from', en: 'to must be later than from' }, 'AUDIT_RANGE_EMPTY');
    if (to.getTime() - from.getTime() > MAX_EXPORT_DAYS * 86_400_000) {
      throw DomainError.validation('to', { zh: `一次最多导出 ${MAX_EXPORT_DAYS} 天`, en: `One export covers at most ${MAX_EXPORT_DAYS} days` }, 'AUDIT_RANGE_TOO_LONG');
    }
    await this.tx.run((m) =>
      this.auditLog.record(m, { userId: actor.userId, orgId: actor.orgId }, { action: 'audit-log.export', entityType: 'audit-log', entityId: `${from.toISOString()}/${to.toISOString()}`, address }),
    );
    const repo = this.repo;
    const manager = this.tx.manager;
    async function* lines(): AsyncGenerator<string> {
      yield '\ufeff' + CSV_COLUMNS.join(',') + '\r\n';
      let after = '0';
      for (;;) {
        const page = await repo.page(manager, from, to, after, 1000);
        if (!page.length) return;
        yield page.map(csvLine).join('');
        after = page[page.length - 1].id;
      }
    }
    return Readable.from(lines());
  }

  /** Daily: entries older than AUDIT_RETENTION_DAYS go (the database keeps anything younger than 180 days whatever is asked). */
  @JobHandler(JobName.PruneAuditLog)
  async prune(): Promise<{ deleted: number; before: string }> {
    const before = new Date(this.clock.now().getTime() - this.config.AUDIT_RETENTION_DAYS * 86_400_000);
    const deleted = await this.repo.deleteBefore(this.tx.manager, before);
    return { deleted, before: before.toISOString() };
  }
}
