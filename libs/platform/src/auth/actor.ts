/** Organisation kinds on the platform. */
export enum OrgType {
  University = 'university',
  Institute = 'institute',
  Enterprise = 'enterprise',
  TransferInstitution = 'transfer-institution',
  RegistrationInstitution = 'registration-institution',
  ParkAdministration = 'park-administration',
  Platform = 'platform',
}

export enum Role {
  Member = 'member',
  OrgAdmin = 'org-admin',
  Broker = 'broker',
  Reviewer = 'reviewer',
  PlatformAdmin = 'platform-admin',
}

/**
 * Who is asking: built from the access token by the auth guard, passed by controllers to services,
 * which use it for object-level checks (ownership, visibility).
 */
export interface Actor {
  userId: string;
  orgId: string;
  orgType: OrgType;
  roles: Role[];
  /** Park code for park administrators and park reviewers. */
  parkCode?: string | null;
  /**
   * The organisation may exercise the powers of its type (verified, or of a type that needs no verification).
   * From the token, so possibly stale until refresh: services enforcing a power re-check it through IdentityService.
   */
  verified?: boolean;
}

export function hasRole(actor: Actor | null | undefined, ...roles: Role[]): boolean {
  return !!actor && roles.some((r) => actor.roles.includes(r));
}

export function isPlatformStaff(actor: Actor | null | undefined): boolean {
  return !!actor && (actor.roles.includes(Role.PlatformAdmin) || actor.orgType === OrgType.Platform);
}

export interface AccessTokenClaims {
  sub: string;
  org: string;
  orgType: OrgType;
  roles: Role[];
  park?: string | null;
  /** See Actor.verified. */
  verified?: boolean;
  /** The session (refresh-token family) the token belongs to: signing out denies it until its tokens expire. */
  sid?: string;
}

export function actorFromClaims(c: AccessTokenClaims): Actor {
  return { userId: c.sub, orgId: c.org, orgType: c.orgType, roles: c.roles, parkCode: c.park ?? null, verified: c.verified === true };
}
