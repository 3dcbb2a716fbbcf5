import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { Actor, Clock, isPlatformStaff, Page, pageOf, Role, skipTake, TransactionRunner } from '@techbridge/platform';
import { ChangeRolesDto, InvitationResponse, InviteMemberDto, mapUser, UserResponse } from './dto/identity.dto';
import { Organisation } from './entities/organisation.entity';
import { IdentityErrors } from './identity.exception';
import { IdentityRepository } from './identity.repository';
import { IdentityService } from './identity.service';
import { sha256 } from './token-hash';
import { BrokerStanding } from './broker-certification.port';
import { ineligibleRoles } from './role-eligibility';

const INVITATION_TTL_DAYS = 14;

/** An organisation's members: the list, invitations and role changes by its org-admins (or platform administrators). */
@Injectable()
export class MembershipService {
  constructor(
    private readonly repo: IdentityRepository,
    private readonly identity: IdentityService,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly brokers: BrokerStanding,
  ) {}

  /** Members are private to the organisation: anyone else gets 404, as if it did not exist. */
  async listMembers(actor: Actor, orgId: string, page: { page: number; pageSize: number }): Promise<Page<UserResponse>> {
    if (!(actor.orgId === orgId || isPlatformStaff(actor))) throw IdentityErrors.organisationNotFound();
    const org = await this.repo.findOrganisation(this.tx.manager, orgId);
    if (!org) throw IdentityErrors.organisationNotFound();
    const { skip, take } = skipTake(page);
    const [rows, total] = await this.repo.listMembers(this.tx.manager, orgId, skip, take);
    const certified = await this.brokers.certifiedAmong(rows);
    return pageOf(rows.map((u) => mapUser(u, org, certified.has(u.id))), total, page);
  }

  async invite(actor: Actor, orgId: string, dto: InviteMemberDto): Promise<InvitationResponse> {
    this.assertMayManage(actor, orgId);
    return this.tx.run(async (m) => {
      const org = await this.repo.findOrganisation(m, orgId);
      if (!org) throw IdentityErrors.organisationNotFound();
      const roles = this.grantable(org, dto.roles);
      if (await this.repo.findUserByEmail(m, dto.email)) throw IdentityErrors.emailTaken();
      const token = randomBytes(24).toString('base64url');
      const inv = await this.repo.saveInvitation(m, {
        organisationId: orgId,
        email: dto.email.toLowerCase(),
        roles,
        tokenHash: sha256(token),
        invitedBy: actor.userId,
        expiresAt: new Date(this.clock.now().getTime() + INVITATION_TTL_DAYS * 86_400_000),
      });
      await this.identity.audit(m, actor, { action: 'invite-member', entityType: 'organisation', entityId: orgId, changes: { email: inv.email, roles: inv.roles } });
      return { id: inv.id, email: inv.email, roles: inv.roles, expiresAt: inv.expiresAt.toISOString(), token };
    });
  }

  /** Replace a member's grantable roles; roles outside the org-admin's gift (platform-admin) are kept as they are. */
  async changeRoles(actor: Actor, orgId: string, userId: string, dto: ChangeRolesDto): Promise<UserResponse> {
    this.assertMayManage(actor, orgId);
    return this.tx.run(async (m) => {
      const org = await this.repo.findOrganisation(m, orgId);
      const user = await this.repo.findUserForUpdate(m, userId);
      if (!org || !user || user.organisationId !== orgId) throw IdentityErrors.userNotFound();
      const granted = this.grantable(org, dto.roles);
      const kept = user.roles.filter((r) => r === Role.PlatformAdmin);
      const roles = [...new Set([...granted, ...kept])];
      if (user.roles.includes(Role.OrgAdmin) && !roles.includes(Role.OrgAdmin) && (await this.repo.countOtherOrgAdmins(m, orgId, userId)) === 0) {
        throw IdentityErrors.lastOrgAdmin();
      }
      const from = user.roles;
      user.roles = roles;
      const saved = await this.repo.saveUser(m, user);
      await this.identity.audit(m, actor, { action: 'change-roles', entityType: 'user', entityId: userId, changes: { from, to: roles } });
      return mapUser(saved, org, await this.brokers.isCertified(saved));
    });
  }

  /** Org-admins manage their own organisation, platform administrators any; anyone else 404. */
  private assertMayManage(actor: Actor, orgId: string): void {
    if (!(actor.orgId === orgId && actor.roles.includes(Role.OrgAdmin)) && !actor.roles.includes(Role.PlatformAdmin)) {
      throw IdentityErrors.organisationNotFound();
    }
  }

  /** The requested roles with member, refused (400, one detail per role) when any breaks the role rule. */
  private grantable(org: Organisation, requested: Role[]): Role[] {
    const refused = ineligibleRoles(requested, org, 'at-grant').map((r) => ({ ...r, index: requested.indexOf(r.role) }));
    if (refused.length) throw IdentityErrors.rolesNotGrantable(refused);
    return [...new Set([Role.Member, ...requested])];
  }
}
