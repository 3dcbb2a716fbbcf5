import { Injectable, Logger } from '@nestjs/common';
import { hash as argonHash } from '@node-rs/argon2';
import { NotificationService } from '@techbridge/notification';
import { EntityManager } from 'typeorm';
import {
  Actor, AppConfig, cityOfDivision, Clock, DomainError, isPlatformStaff, OrgType, Page, pageOf, refuseOwnOrganisation, Role, SeparationRule, skipTake, TransactionRunner,
} from '@techbridge/platform';
import {
  AcceptInvitationDto, AuditEntryResponse, AuditQuery, mapAuditEntry, mapOrganisation, mapUser, OrganisationListQuery, OrganisationResponse,
  RejectOrganisationDto, SessionResponse, SignUpDto, UserResponse, VerifyOrganisationDto,
} from './dto/identity.dto';
import { Organisation } from './entities/organisation.entity';
import { User } from './entities/user.entity';
import { IdentityErrors } from './identity.exception';
import { IdentityRepository } from './identity.repository';
import { actorOf } from './identity-actor-source';
import { BrokerStanding } from './broker-certification.port';
import { Agreements } from './legal/agreements';
import { initialVerificationStatus, mayExercisePowers, verificationTransition } from './organisation-verification';
import { AuditLog, AuditRecord } from './audit-log';
import { SessionService } from './session.service';
import { sha256 } from './token-hash';

export type { AuditRecord } from './audit-log';

export interface OrganisationReference {
  name: string;
  type: OrgType;
  creditCode?: string | null;
  region?: string | null;
}

@Injectable()
export class IdentityService {
  private readonly logger = new Logger('IdentityService');

  constructor(
    private readonly repo: IdentityRepository,
    private readonly tx: TransactionRunner,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly notifications: NotificationService,
    private readonly sessions: SessionService,
    private readonly auditLog: AuditLog,
    private readonly agreements: Agreements,
    private readonly brokers: BrokerStanding,
  ) {}

  // ---- sessions ----

  async signUp(dto: SignUpDto): Promise<SessionResponse> {
    this.agreements.check(dto.agreements);
    const passwordHash = await this.sessions.hashNewPassword(dto.password);
    return this.tx.run(async (m) => {
      if (await this.repo.findUserByEmail(m, dto.email)) throw IdentityErrors.emailTaken();
      if (await this.repo.findOrganisationByCreditCode(m, dto.organisation.creditCode)) throw IdentityErrors.creditCodeTaken();
      // A city administration's powers reach the parks of its city: the city is fixed here and checked at verification.
      if (dto.organisation.type === OrgType.CityAdministration && !cityOfDivision(dto.organisation.divisionCode)) throw IdentityErrors.cityRequired();
      const org = await this.repo.saveOrganisation(m, {
        name: dto.organisation.name.trim(),
        type: dto.organisation.type,
        creditCode: dto.organisation.creditCode,
        region: dto.organisation.region,
        parkCode: dto.organisation.parkCode ?? null,
        divisionCode: dto.organisation.divisionCode ?? null,
        claimed: true,
        profile: {},
        verificationStatus: initialVerificationStatus(dto.organisation.type),
      });
      const user = await this.repo.saveUser(m, {
        organisationId: org.id,
        email: dto.email.toLowerCase(),
        passwordHash,
        passwordChangedAt: this.clock.now(),
        displayName: dto.displayName.trim(),
        roles: [Role.Member, Role.OrgAdmin],
      });
      await this.sessions.rememberPassword(m, user.id, passwordHash);
      await this.agreements.record(m, user.id, dto.agreements);
      await this.audit(m, { userId: user.id, orgId: org.id }, { action: 'sign-up', entityType: 'organisation', entityId: org.id, changes: { name: org.name, type: org.type } });
      return this.sessions.issue(m, user, org);
    });
  }

  async me(actor: Actor): Promise<{ user: UserResponse; organisation: OrganisationResponse }> {
    const user = await this.repo.findUser(this.tx.manager, actor.userId);
    if (!user) throw IdentityErrors.userNotFound();
    const org = await this.repo.findOrganisation(this.tx.manager, user.organisationId);
    return { user: mapUser(user, org!, await this.brokers.isCertified(user)), organisation: mapOrganisation(org!) };
  }

  // ---- organisations and members ----

  async listOrganisations(q: OrganisationListQuery): Promise<Page<OrganisationResponse>> {
    const [rows, total] = await this.repo.listOrganisations(this.tx.manager, { type: q.type, q: q.q, verificationStatus: q.verificationStatus, ...skipTake(q) });
    return pageOf(rows.map((o) => this.publicView(o)), total, q);
  }

  async getOrganisation(actor: Actor | null, id: string): Promise<OrganisationResponse> {
    const org = await this.repo.findOrganisation(this.tx.manager, id);
    if (!org) throw IdentityErrors.organisationNotFound();
    return this.canSeePrivate(actor, org.id) ? mapOrganisation(org) : this.publicView(org);
  }

  async acceptInvitation(dto: AcceptInvitationDto): Promise<SessionResponse> {
    this.agreements.check(dto.agreements);
    const passwordHash = await this.sessions.hashNewPassword(dto.password);
    return this.tx.run(async (m) => {
      const now = this.clock.now();
      const inv = await this.repo.findInvitationForUpdate(m, sha256(dto.token));
      if (!inv || inv.acceptedAt || inv.expiresAt <= now) throw IdentityErrors.invalidInvitation();
      if (await this.repo.findUserByEmail(m, inv.email)) throw IdentityErrors.emailTaken();
      const org = await this.repo.findOrganisation(m, inv.organisationId);
      const user = await this.repo.saveUser(m, { organisationId: inv.organisationId, email: inv.email, passwordHash, passwordChangedAt: now, displayName: dto.displayName.trim(), roles: inv.roles });
      await this.sessions.rememberPassword(m, user.id, passwordHash);
      await this.repo.markInvitationAccepted(m, inv.id, now);
      await this.agreements.record(m, user.id, dto.agreements);
      await this.audit(m, { userId: user.id, orgId: inv.organisationId }, { action: 'accept-invitation', entityType: 'user', entityId: user.id, changes: { roles: user.roles } });
      return this.sessions.issue(m, user, org!);
    });
  }

  // ---- verification ----

  /** A platform administrator confirms the organisation is who it claims to be; its members' next token carries verified. */
  async verifyOrganisation(actor: Actor, id: string, dto: VerifyOrganisationDto): Promise<OrganisationResponse> {
    return this.decideVerification(actor, id, 'verify', dto.note?.trim() || null);
  }

  /** Rejecting a pending organisation, or revoking a verified one: its powers stop at once (services re-check). */
  async rejectOrganisation(actor: Actor, id: string, dto: RejectOrganisationDto): Promise<OrganisationResponse> {
    return this.decideVerification(actor, id, 'reject', dto.reason.trim());
  }

  private async decideVerification(actor: Actor, id: string, action: 'verify' | 'reject', note: string | null): Promise<OrganisationResponse> {
    return this.tx.run(async (m) => {
      const org = await this.repo.findOrganisationForUpdate(m, id);
      if (!org) throw IdentityErrors.organisationNotFound();
      refuseOwnOrganisation(actor, [org.id], SeparationRule.OwnOrganisationVerification);
      const from = org.verificationStatus;
      org.verificationStatus = verificationTransition(from, action);
      org.verifiedAt = action === 'verify' ? this.clock.now() : null;
      org.verifiedBy = action === 'verify' ? actor.userId : null;
      org.verificationNote = note;
      const saved = await this.repo.saveOrganisation(m, org);
      await this.audit(m, actor, { action: `${action}-organisation`, entityType: 'organisation', entityId: id, changes: { from, to: saved.verificationStatus, note } });
      // The organisation learns the decision; members' next token (refresh or sign-in) carries it.
      await this.notifications.notify({
        orgId: id,
        kind: action === 'verify' ? 'organisation.verified' : 'organisation.rejected',
        title: action === 'verify'
          ? { zh: '贵机构已通过平台资质核验', en: 'Your organisation has been verified by the platform' }
          : { zh: '贵机构的资质核验未通过', en: "Your organisation's verification was rejected" },
        body: note ? { zh: note, en: note } : undefined,
        link: '/me',
        dedupeKey: `organisation:${id}:${action}:${saved.version}`,
      }, m);
      return mapOrganisation(saved);
    });
  }

  /**
   * Guard for the powers of park administrations and institutions. Reads the organisation rather than trusting the
   * token's claim, so a verification takes effect at once and a revocation cannot outlive an access token.
   */
  async assertVerified(actor: Actor, m: EntityManager = this.tx.manager): Promise<void> {
    if (isPlatformStaff(actor)) return;
    const status = await this.repo.findVerificationStatus(m, actor.orgId);
    if (!status || !mayExercisePowers(status)) throw IdentityErrors.organisationNotVerified(status ?? 'pending');
  }

  async isOrganisationVerified(orgId: string, m: EntityManager = this.tx.manager): Promise<boolean> {
    const status = await this.repo.findVerificationStatus(m, orgId);
    return !!status && mayExercisePowers(status);
  }

  // ---- facade for other contexts ----

  async findOrganisation(id: string, m: EntityManager = this.tx.manager): Promise<OrganisationResponse | null> {
    const org = await this.repo.findOrganisation(m, id);
    return org ? mapOrganisation(org) : null;
  }

  async findOrganisations(ids: string[], m: EntityManager = this.tx.manager): Promise<Map<string, OrganisationResponse>> {
    const rows = await this.repo.findOrganisationsByIds(m, [...new Set(ids)]);
    return new Map(rows.map((o) => [o.id, mapOrganisation(o)]));
  }

  /** Verified organisations of one type (finance: the investment funds, a park's sub-funds), by name, at most `limit`. */
  async verifiedOrganisationsOfType(type: OrgType, limit = 1000, m: EntityManager = this.tx.manager): Promise<OrganisationResponse[]> {
    const [rows] = await this.repo.listOrganisations(m, { type, verificationStatus: 'verified', skip: 0, take: limit });
    return rows.map(mapOrganisation);
  }

  /**
   * For imports: the organisation with this credit code, else with exactly this name and type,
   * else a new unclaimed one that a real org-admin can later claim.
   */
  async resolveOrganisation(m: EntityManager, ref: OrganisationReference): Promise<{ organisation: OrganisationResponse; created: boolean }> {
    if (ref.creditCode) {
      const byCode = await this.repo.findOrganisationByCreditCode(m, ref.creditCode);
      if (byCode) return { organisation: mapOrganisation(byCode), created: false };
    }
    const byName = await this.repo.findOrganisationByNameAndType(m, ref.name.trim(), ref.type);
    if (byName) return { organisation: mapOrganisation(byName), created: false };
    const org = await this.repo.saveOrganisation(m, { name: ref.name.trim(), type: ref.type, creditCode: ref.creditCode ?? null, region: ref.region ?? 'other', claimed: false, profile: {}, verificationStatus: initialVerificationStatus(ref.type) });
    return { organisation: mapOrganisation(org), created: true };
  }

  /** Users holding the role in effect (a grant the role rule voids does not count). */
  async usersWithRole(role: Role, organisationId?: string): Promise<UserResponse[]> {
    const users = await this.repo.findUsersWithRole(this.tx.manager, role, organisationId);
    const certified = await this.brokers.certifiedAmong(users);
    return users.map((u) => mapUser(u, u.organisation, certified.has(u.id))).filter((u) => u.effectiveRoles.includes(role));
  }

  /** With `effectiveRoles`: check those, not `roles`, before relying on a user's role. */
  /** The actor this user is now (roles in effect, standing), for work done on their behalf; null when gone or disabled. */
  async actorOfUser(id: string): Promise<Actor | null> {
    const user = await this.repo.findUserWithOrganisation(this.tx.manager, id);
    return user ? actorOf(user, await this.brokers.isCertified(user)) : null;
  }

  async findUser(id: string): Promise<UserResponse | null> {
    const u = await this.repo.findUserWithOrganisation(this.tx.manager, id);
    return u ? mapUser(u, u.organisation, await this.brokers.isCertified(u)) : null;
  }

  /** Append to the audit log inside the caller's transaction. */
  async audit(m: EntityManager, actor: { userId: string; orgId: string } | null, record: AuditRecord): Promise<void> {
    await this.auditLog.record(m, actor, record);
  }

  async listAudit(q: AuditQuery): Promise<Page<AuditEntryResponse>> {
    const [rows, total] = await this.repo.listAudit(this.tx.manager, { entityType: q.entityType, entityId: q.entityId, action: q.action, ...skipTake(q) });
    return pageOf(rows.map(mapAuditEntry), total, q);
  }

  /** First boot: the administrator named by ADMIN_EMAIL / ADMIN_PASSWORD, when no platform administrator exists. */
  async ensurePlatformAdmin(): Promise<boolean> {
    const { ADMIN_EMAIL: email, ADMIN_PASSWORD: password } = this.config;
    if (!email || !password) return false;
    const passwordHash = await argonHash(password);
    return this.tx.run(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock(72616002)');
      if (await this.repo.platformAdminExists(m)) return false;
      if (await this.repo.findUserByEmail(m, email)) {
        throw new DomainError('conflict', 'ADMIN_EMAIL_TAKEN', { zh: 'ADMIN_EMAIL 已被普通用户占用', en: 'ADMIN_EMAIL belongs to an existing non-admin user' });
      }
      const org = await this.repo.saveOrganisation(m, { name: 'TechBridge 平台运营中心', type: OrgType.Platform, creditCode: null, region: 'HE', claimed: true, profile: {}, verificationStatus: 'verified', verifiedAt: this.clock.now() });
      const user = await this.repo.saveUser(m, { organisationId: org.id, email: email.toLowerCase(), passwordHash, passwordChangedAt: this.clock.now(), displayName: '平台管理员', roles: [Role.Member, Role.OrgAdmin, Role.PlatformAdmin, Role.Reviewer] });
      await this.sessions.rememberPassword(m, user.id, passwordHash);
      await this.audit(m, null, { action: 'create-platform-admin', entityType: 'user', entityId: user.id, changes: { email: user.email } });
      this.logger.log(`platform administrator ${user.email} created`);
      return true;
    });
  }

  private canSeePrivate(actor: Actor | null, orgId: string): boolean {
    return !!actor && (actor.orgId === orgId || isPlatformStaff(actor));
  }

  private publicView(o: Organisation): OrganisationResponse {
    return { ...mapOrganisation(o), creditCode: o.creditCode, profile: {}, verificationNote: null };
  }
}
