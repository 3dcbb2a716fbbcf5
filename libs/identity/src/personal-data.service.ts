import { Injectable, OnModuleInit } from '@nestjs/common';
import { Actor, Clock, PersonalDataRegistry, RetentionService, TransactionRunner } from '@techbridge/platform';
import { PersonalDataAuditEntry, PersonalDataResponse } from './dto/privacy.dto';
import { AuditEntry } from './entities/audit-entry.entity';
import { IdentityErrors } from './identity.exception';
import { IdentityRepository } from './identity.repository';
import { PersonalDataRepository } from './personal-data.repository';

const ACTIVITY_LIMIT = 1000;
const SIGN_IN_LIMIT = 1000;

/**
 * 个人信息保护法 access (Art. 45): the caller's personal data as one JSON document, identity's own part plus every
 * section other contexts registered. Also registers identity's retention rules.
 */
@Injectable()
export class PersonalDataService implements OnModuleInit {
  constructor(
    private readonly repo: IdentityRepository,
    private readonly data: PersonalDataRepository,
    private readonly registry: PersonalDataRegistry,
    private readonly retention: RetentionService,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.retention.register({ recordType: 'session.ended', apply: (m, cutoff) => this.data.deleteEndedSessions(m, cutoff) });
    this.retention.register({ recordType: 'invitation.closed', apply: (m, cutoff) => this.data.deleteClosedInvitations(m, cutoff) });
    this.retention.register({ recordType: 'deleted-account.consent', apply: (m, cutoff) => this.data.deleteConsentOfDeletedAccounts(m, cutoff) });
  }

  async download(actor: Actor): Promise<PersonalDataResponse> {
    return this.tx.run(async (m) => {
      const user = await this.repo.findUserWithOrganisation(m, actor.userId);
      if (!user) throw IdentityErrors.userNotFound();
      const org = user.organisation;
      const sections: Record<string, unknown> = {};
      for (const section of this.registry.all()) sections[section.name] = await section.collect(m, user.id);
      return {
        generatedAt: this.clock.now().toISOString(),
        account: {
          id: user.id, email: user.email, displayName: user.displayName, locale: user.locale, status: user.status, roles: user.roles,
          createdAt: user.createdAt.toISOString(), passwordChangedAt: user.passwordChangedAt.toISOString(),
        },
        memberships: [{ organisationId: org.id, organisationName: org.name, organisationType: org.type, roles: user.roles, memberSince: user.createdAt.toISOString() }],
        agreements: (await this.data.agreementsOf(m, user.id)).map((a) => ({ document: a.document, version: a.version, acceptedAt: a.acceptedAt.toISOString() })),
        signInHistory: (await this.data.auditOf(m, user.id, true, SIGN_IN_LIMIT)).map(auditView),
        activity: (await this.data.auditOf(m, user.id, false, ACTIVITY_LIMIT)).map(auditView),
        sessions: (await this.data.sessionsOf(m, user.id)).map((s) => ({
          startedAt: new Date(s.startedAt).toISOString(), expiresAt: new Date(s.expiresAt).toISOString(), endedAt: s.endedAt ? new Date(s.endedAt).toISOString() : null,
        })),
        sections,
      };
    });
  }
}

function auditView(a: AuditEntry): PersonalDataAuditEntry {
  return { at: a.at.toISOString(), action: a.action, entityType: a.entityType, entityId: a.entityId, clientAddress: a.clientAddress, changes: a.changes };
}
