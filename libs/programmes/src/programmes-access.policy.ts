import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { IdentityService } from '@techbridge/identity';
import { Actor, actsAs, cityOfDivision, isPlatformStaff, OrgType, ParkRef } from '@techbridge/platform';
import { MajorProject } from './entities/major-project.entity';
import { PUBLIC_STATUSES } from './major-project.state-machine';
import { ProgrammesErrors } from './programmes.exception';
import { ProgrammesRepository } from './programmes.repository';

export enum ProjectPermission {
  /** Public once in notice or in the portfolio; before that the proposing administration and the platform. */
  View = 'view',
  /** The proposing administration (verified) or the platform: milestones. */
  Report = 'report',
}

/** Who sees and keeps major projects: 404 for what a caller may not see, 403 for what they see but may not do. */
@Injectable()
export class ProgrammesAccessPolicy {
  constructor(
    private readonly repo: ProgrammesRepository,
    private readonly identity: IdentityService,
  ) {}

  /** A verified park administration with a park (its own park's business), or platform staff. */
  async requireParkAdministration(m: EntityManager, actor: Actor): Promise<void> {
    if (isPlatformStaff(actor)) return;
    if (!actsAs(actor, OrgType.ParkAdministration) || !actor.parkCode) throw ProgrammesErrors.notAParkAdministration();
    await this.identity.assertVerified(actor, m);
  }

  /**
   * Who proposes and reports major projects: a verified park administration (its park), a verified city
   * administration (the parks of its city), or platform staff. The type and verification come from the actor,
   * rebuilt on every request, and are confirmed in the database, so a withdrawn verification counts at once.
   */
  async requireProjectAdministration(m: EntityManager, actor: Actor): Promise<void> {
    if (isPlatformStaff(actor)) return;
    if (actsAs(actor, OrgType.CityAdministration)) return this.identity.assertVerified(actor, m);
    return this.requireParkAdministration(m, actor);
  }

  /** A city administration proposes only for a park of its own city (the city it named by its division code at sign-up). */
  async requireParkOfMyCity(m: EntityManager, actor: Actor, park: ParkRef): Promise<void> {
    if (actor.orgType !== OrgType.CityAdministration || isPlatformStaff(actor)) return;
    const org = (await this.identity.findOrganisations([actor.orgId], m)).get(actor.orgId);
    if (cityOfDivision(org?.divisionCode)?.zh !== park.city) throw ProgrammesErrors.ownCityOnly(park.city);
  }

  mayView(actor: Actor | null, p: MajorProject): boolean {
    return PUBLIC_STATUSES.includes(p.status) || (!!actor && (actor.orgId === p.proposedByOrgId || isPlatformStaff(actor)));
  }

  async requireProject(m: EntityManager, actor: Actor | null, permission: ProjectPermission, id: string, lock = false): Promise<MajorProject> {
    const p = await this.repo.findProject(m, id, lock);
    if (!p || !this.mayView(actor, p)) throw ProgrammesErrors.projectNotFound();
    if (permission === ProjectPermission.Report) {
      if (!actor || !(actor.orgId === p.proposedByOrgId || isPlatformStaff(actor))) throw ProgrammesErrors.notAParkAdministration();
      await this.requireProjectAdministration(m, actor);
    }
    return p;
  }
}
