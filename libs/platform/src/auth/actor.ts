/** Organisation kinds on the platform. */
export enum OrgType {
  University = 'university',
  Institute = 'institute',
  Enterprise = 'enterprise',
  TransferInstitution = 'transfer-institution',
  RegistrationInstitution = 'registration-institution',
  ParkAdministration = 'park-administration',
  Platform = 'platform',
  /** 技术转移人才培养基地: trains and certifies technology brokers (verified like the institutions). */
  TrainingBase = 'training-base',
  /** An investment fund (a park's sub-fund when it names its park). */
  InvestmentFund = 'investment-fund',
  Bank = 'bank',
  Guarantor = 'guarantor',
  /** 市级科技管理部门: proposes major transfer projects for the parks of its city (named by its division code); verified like the institutions. */
  CityAdministration = 'city-administration',
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
  /** The roles in effect: granted roles the organisation's type and verification allow (identity's role rule). */
  roles: Role[];
  /** Granted roles the role rule voids here (wrong organisation type, not verified), with the reason code. */
  voidedRoles?: Array<{ role: Role; reason: string }>;
  /** Park code for park administrators and park reviewers. */
  parkCode?: string | null;
  /**
   * The organisation may exercise the powers of its type (verified, or of a type that needs no verification).
   * Read from the organisation on every request by the auth guard.
   */
  verified?: boolean;
}

export function hasRole(actor: Actor | null | undefined, ...roles: Role[]): boolean {
  return !!actor && roles.some((r) => actor.roles.includes(r));
}

export function isPlatformStaff(actor: Actor | null | undefined): boolean {
  return !!actor && (actor.roles.includes(Role.PlatformAdmin) || actor.orgType === OrgType.Platform);
}

/**
 * Acts with the powers of one of these organisation types: a park administration's figures, an institution's
 * registrations, a transfer institution's curation. A pending or rejected organisation of the type has none of them.
 */
export function actsAs(actor: Actor | null | undefined, ...types: OrgType[]): boolean {
  return !!actor && types.includes(actor.orgType) && actor.verified === true;
}

export interface AccessTokenClaims {
  sub: string;
  org: string;
  orgType: OrgType;
  roles: Role[];
  park?: string | null;
  /** See Actor.verified; informative only, the guard reads the organisation. */
  verified?: boolean;
  /** The session (refresh-token family) the token belongs to: signing out denies it until its tokens expire. */
  sid?: string;
}
