import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor, actsAs, hasRole, OrgType, Role } from '@techbridge/platform';
import { DirectoryErrors } from './directory.exception';
import { DirectoryRepository } from './directory.repository';
import { Expert } from './entities/expert.entity';
import { ServiceRating } from './entities/service-rating.entity';

/** Organisations whose verified administrators register experts: universities, institutes, transfer institutions. */
export const EXPERT_REGISTRARS = [OrgType.University, OrgType.Institute, OrgType.TransferInstitution];

export enum ExpertPermission {
  /** A listed expert: everyone; an unlisted one: its organisation and platform administrators. */
  Read = 'read',
  /** Edit or unlist: the administrators of the registering organisation while it is a verified institution. */
  Manage = 'manage',
  /** Ask for contact: any signed-in user of another organisation, for a listed expert. */
  Contact = 'contact',
}

export function isModerator(actor: Actor | null): boolean {
  return hasRole(actor, Role.PlatformAdmin);
}

/** May this actor register experts at all (the privileged power of a verified institution's administrator)? */
export function mayRegisterExperts(actor: Actor | null): boolean {
  return actsAs(actor, ...EXPERT_REGISTRARS) && hasRole(actor, Role.OrgAdmin);
}

/** The object checks of the directory in one place. */
@Injectable()
export class DirectoryAccessPolicy {
  constructor(private readonly repo: DirectoryRepository) {}

  /** A rating: its rater organisation and platform administrators; 404 for anyone else. */
  async requireRating(m: EntityManager, actor: Actor, id: string, moderate: boolean): Promise<ServiceRating> {
    const r = await this.repo.findRating(m, id, moderate);
    if (!r) throw DirectoryErrors.ratingNotFound();
    if (isModerator(actor)) return r;
    if (moderate) throw DirectoryErrors.notModerator();
    if (r.raterOrgId === actor.orgId) return r;
    throw DirectoryErrors.ratingNotFound();
  }

  async requireExpert(m: EntityManager, actor: Actor | null, permission: ExpertPermission, id: string, lock = false): Promise<Expert> {
    const e = await this.repo.findExpert(m, id, lock);
    if (!e) throw DirectoryErrors.expertNotFound();
    const own = !!actor && actor.orgId === e.organisationId;
    if (!e.listed && !own && !isModerator(actor)) throw DirectoryErrors.expertNotFound();
    if (permission === ExpertPermission.Manage && !(own && mayRegisterExperts(actor))) throw DirectoryErrors.notAnInstitution();
    return e;
  }
}
