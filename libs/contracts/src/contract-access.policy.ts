import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor, actsAs, isPlatformStaff, OrgType, refuseOwnOrganisation, Role, separationOfDutiesViolation, SeparationRule } from '@techbridge/platform';
import { IdentityService, UserResponse } from '@techbridge/identity';
import { ContractsErrors } from './contracts.exception';
import { ContractFilter, ContractsRepository } from './contracts.repository';
import { TechnologyContract } from './entities/technology-contract.entity';

/** What a caller asks to do with a technology contract (the route names it, the policy decides). */
export enum ContractPermission {
  /** The parties, the facilitating institution and broker, the registration institution once submitted, platform staff. */
  Read = 'contract.read',
  /** The seller side (the registrant) edits, uploads and submits. */
  Edit = 'contract.edit',
  /** A reviewer of the registration institution the contract was routed to, from a verified organisation. */
  Review = 'contract.review',
}

type ContractParties = Pick<TechnologyContract, 'sellerOrgId' | 'buyerOrgId' | 'transferInstitutionId' | 'brokerUserId' | 'status' | 'registrationInstitutionId'>;

/** The one place that decides who sees, edits and reviews a contract, and who edits a broker's profile. */
@Injectable()
export class ContractAccessPolicy {
  constructor(
    private readonly repo: ContractsRepository,
    private readonly identity: IdentityService,
  ) {}

  canSee(actor: Actor, c: ContractParties): boolean {
    if (isPlatformStaff(actor)) return true;
    if ([c.sellerOrgId, c.buyerOrgId, c.transferInstitutionId].includes(actor.orgId) || c.brokerUserId === actor.userId) return true;
    // Reading the contracts filed with it is a registration institution's power: gone while it is not verified.
    return c.status !== 'draft' && c.registrationInstitutionId === actor.orgId && actsAs(actor, OrgType.RegistrationInstitution);
  }

  mayReview(actor: Actor, c: Pick<TechnologyContract, 'registrationInstitutionId'>): boolean {
    return actor.roles.includes(Role.Reviewer) && !!c.registrationInstitutionId && c.registrationInstitutionId === actor.orgId;
  }

  /** The list filter matching `canSee` (or the review queue of the caller's institution); null: nothing to list. */
  listScope(actor: Actor, scope: 'party' | 'review' | undefined): Pick<ContractFilter, 'reviewInstitution' | 'visibleToOrg' | 'visibleToUser'> | null {
    // Only a verified registration institution has a review queue.
    if (scope === 'review') return actsAs(actor, OrgType.RegistrationInstitution) ? { reviewInstitution: actor.orgId } : null;
    if (isPlatformStaff(actor) && !scope) return {};
    return { visibleToOrg: actor.orgId, visibleToUser: actor.userId };
  }

  /** Platform staff, or the org-admin of the broker's own organisation. */
  mayEditBrokerProfile(actor: Actor, user: Pick<UserResponse, 'organisationId'>): boolean {
    return isPlatformStaff(actor) || (actor.orgId === user.organisationId && actor.roles.includes(Role.OrgAdmin));
  }

  /**
   * Load a contract for a permission (`lock` takes the row lock that serialises its state changes). A contract
   * the caller may not see is a 404, as is one a reviewer of another institution asks to decide; the seller
   * side alone edits (403 for the other parties); registering is a public power, so an unverified
   * institution's reviewer gets 403.
   */
  async requireAccess(m: EntityManager, actor: Actor, permission: ContractPermission, id: string, opts: { lock?: boolean } = {}): Promise<TechnologyContract> {
    const c = opts.lock ? await this.repo.findContractForUpdate(m, id) : await this.repo.findContract(m, id);
    if (permission === ContractPermission.Review) {
      if (!c || !this.mayReview(actor, c)) throw ContractsErrors.contractNotFound();
      // Registering is a public act: never for a contract the institution (or the reviewer as broker) takes part in.
      refuseOwnOrganisation(actor, [c.sellerOrgId, c.buyerOrgId, c.transferInstitutionId], SeparationRule.OwnContractRegistration);
      if (c.brokerUserId === actor.userId) throw separationOfDutiesViolation(SeparationRule.OwnContractRegistration);
      await this.identity.assertVerified(actor, m);
      return c;
    }
    if (!c || !this.canSee(actor, c)) throw ContractsErrors.contractNotFound();
    if (permission === ContractPermission.Edit && c.sellerOrgId !== actor.orgId) throw ContractsErrors.notTheRegistrant();
    return c;
  }
}
