import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { IdentityRepository } from './identity.repository';

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId: string;
  changes?: Record<string, unknown>;
  /** The client's address, where the entry records a request from outside (sign-in attempts). */
  address?: string | null;
}

/** Appends to the audit log inside the caller's transaction (IdentityService.audit is the facade other contexts use). */
@Injectable()
export class AuditLog {
  constructor(private readonly repo: IdentityRepository) {}

  async record(m: EntityManager, actor: { userId: string; orgId: string } | null, record: AuditRecord): Promise<void> {
    await this.repo.insertAudit(m, {
      actorUserId: actor?.userId ?? null,
      actorOrgId: actor?.orgId ?? null,
      action: record.action,
      entityType: record.entityType,
      entityId: record.entityId,
      changes: record.changes ?? {},
      clientAddress: record.address ?? null,
    });
  }
}
