import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor, actsAs, hasRole, isPlatformStaff, OrgType, Role } from '@techbridge/platform';
import { RoadshowEvent } from './entities/roadshow-event.entity';
import { RoadshowErrors } from './roadshow.exception';
import { RoadshowRepository } from './roadshow.repository';

/** What a caller asks to do with an event (immich's permission enum idea: the route names the permission, the policy decides). */
export enum RoadshowPermission {
  /** See the event and its public parts. Planned events are drafts: only the organising organisation and platform staff see them. */
  Read = 'roadshow.read',
  /**
   * Organiser actions and views: transitions, invitations, presentation decisions on applications, meeting
   * suggestions and withdrawing them, participant and meeting lists, the schedule preview, outcomes and the report.
   */
  Organise = 'roadshow.organise',
}

/**
 * Who may organise roadshows: the roles that create events (brokers; administrators of transfer institutions and
 * park administrations) and platform staff. An event's organiser is such a person in the organising organisation:
 * a plain member of that organisation sees its drafts but takes no organiser action.
 */
export function canOrganiseRoadshows(actor: Actor | null): boolean {
  if (!actor) return false;
  if (isPlatformStaff(actor) || hasRole(actor, Role.Broker)) return true;
  return actsAs(actor, OrgType.TransferInstitution, OrgType.ParkAdministration) && hasRole(actor, Role.OrgAdmin);
}

/** The one place that decides who sees an event and who acts as its organiser. */
@Injectable()
export class RoadshowAccessPolicy {
  constructor(private readonly repo: RoadshowRepository) {}

  isOrganiser(actor: Actor | null, e: Pick<RoadshowEvent, 'organiserOrgId'>): boolean {
    if (!actor) return false;
    return isPlatformStaff(actor) || (actor.orgId === e.organiserOrgId && canOrganiseRoadshows(actor));
  }

  canSee(actor: Actor | null, e: Pick<RoadshowEvent, 'organiserOrgId' | 'status'>): boolean {
    return e.status !== 'planned' || isPlatformStaff(actor) || (!!actor && actor.orgId === e.organiserOrgId);
  }

  /** The list filter matching `canSee`: which organisation's drafts the caller sees (all with `all`). */
  draftScope(actor: Actor | null): { orgId: string | null; all: boolean } {
    return { orgId: actor?.orgId ?? null, all: isPlatformStaff(actor) };
  }

  /** Creating an event: the organiser roles, checked before anything is read. */
  requireCanCreate(actor: Actor): void {
    if (!canOrganiseRoadshows(actor)) throw RoadshowErrors.notOrganiser();
  }

  /** Only enterprises register as participants, and investment funds at investor roadshows (checked per event below). */
  requireEnterprise(actor: Actor): void {
    if (actor.orgType !== OrgType.Enterprise && actor.orgType !== OrgType.InvestmentFund) throw RoadshowErrors.enterprisesOnly();
  }

  /** The attendees of this kind of event: enterprises at a technology roadshow, verified investment funds at an investor roadshow. */
  requireAttendee(actor: Actor, e: Pick<RoadshowEvent, 'kind'>): void {
    if (e.kind === 'investor' ? !actsAs(actor, OrgType.InvestmentFund) : actor.orgType !== OrgType.Enterprise) throw RoadshowErrors.enterprisesOnly(e.kind);
  }

  /**
   * Load the event for a permission: 404 when the caller may not see it (a draft of another organisation),
   * 403 when it may see it but not organise it. `lock` takes the event row lock that serialises its writes.
   */
  async requireAccess(m: EntityManager, actor: Actor | null, permission: RoadshowPermission, eventId: string, opts: { lock?: boolean } = {}): Promise<RoadshowEvent> {
    const e = await this.repo.findEvent(m, eventId, opts.lock ?? false);
    if (!e || !this.canSee(actor, e)) throw RoadshowErrors.eventNotFound();
    if (permission === RoadshowPermission.Organise && !this.isOrganiser(actor, e)) throw RoadshowErrors.notOrganiser();
    return e;
  }
}
