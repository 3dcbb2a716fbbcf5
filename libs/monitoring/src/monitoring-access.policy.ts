import { Injectable } from '@nestjs/common';
import { IdentityService } from '@techbridge/identity';
import { Actor, actsAs, isPlatformStaff, OrgType, PARK_CODES, Role } from '@techbridge/platform';
import { MonitoringErrors } from './monitoring.exception';

/** What a caller asks of the monitoring context (the service names it, the policy decides). */
export enum MonitoringPermission {
  /** Open quarters, review entries, compute and publish reports, the innovation index: platform staff. */
  Administer = 'monitoring.administer',
  /** Published reports and their drill-downs: platform staff and verified park administrations. */
  ReadReports = 'monitoring.read-reports',
}

/** The one place that decides who administers the zone's figures, who enters a park's, and who reads the reports. */
@Injectable()
export class MonitoringAccessPolicy {
  constructor(private readonly identity: IdentityService) {}

  require(actor: Actor, permission: MonitoringPermission): void {
    const allowed = permission === MonitoringPermission.Administer ? isPlatformStaff(actor) : isPlatformStaff(actor) || actsAs(actor, OrgType.ParkAdministration);
    if (!allowed) throw MonitoringErrors.notPlatformStaff();
  }

  /** Users of the park's verified administration (org-admin or member), or platform staff on its behalf. */
  mayEnterFor(actor: Actor, park: string): boolean {
    if (!PARK_CODES.includes(park)) return false;
    if (isPlatformStaff(actor)) return true;
    return actsAs(actor, OrgType.ParkAdministration) && actor.parkCode === park && (actor.roles.includes(Role.OrgAdmin) || actor.roles.includes(Role.Member));
  }

  /**
   * Entering a park's figures. Anyone may sign up as a park administration: its figures count only once the
   * platform has verified it (403); another park's figures are not the caller's (404).
   */
  async requireEntrant(actor: Actor, park: string): Promise<void> {
    await this.identity.assertVerified(actor);
    if (!this.mayEnterFor(actor, park)) throw MonitoringErrors.parkNotFound();
  }

  /** The park whose entries the caller lists: any (or the one asked) for platform staff, its own for a park administration. */
  entriesPark(actor: Actor, asked: string | undefined): string | undefined {
    if (isPlatformStaff(actor)) return asked;
    if (!actor.parkCode || !this.mayEnterFor(actor, actor.parkCode)) throw MonitoringErrors.quarterNotFound();
    if (asked && asked !== actor.parkCode) throw MonitoringErrors.parkNotFound();
    return actor.parkCode;
  }
}
