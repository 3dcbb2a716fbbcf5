import { Actor, hasRole, isPlatformStaff, Role, SearchFilter } from '@techbridge/platform';

export const DEMAND_VISIBILITIES = ['public', 'members', 'brokers'] as const;
export type DemandVisibility = (typeof DEMAND_VISIBILITIES)[number];

/** What a visibility check needs to know about a demand. */
export interface VisibilitySubject {
  visibility: DemandVisibility;
  enterpriseId: string;
}

export function isDemandOwner(actor: Actor | null | undefined, demand: { enterpriseId: string }): boolean {
  return !!actor && actor.orgId === demand.enterpriseId;
}

/**
 * May this viewer read the description (and everything else beyond title, industry, field and park)?
 * public: everyone; members: signed-in users; brokers: the enterprise itself, accredited brokers, platform staff.
 */
export function canReadDescription(actor: Actor | null | undefined, demand: VisibilitySubject): boolean {
  if (isDemandOwner(actor, demand) || isPlatformStaff(actor)) return true;
  switch (demand.visibility) {
    case 'public':
      return true;
    case 'members':
      return !!actor;
    case 'brokers':
      return hasRole(actor, Role.Broker);
  }
}

/** The visibility levels whose demands this viewer may read in full (besides its own enterprise's). */
export function readableVisibilities(actor: Actor | null | undefined): DemandVisibility[] {
  if (isPlatformStaff(actor)) return [...DEMAND_VISIBILITIES];
  const levels: DemandVisibility[] = ['public'];
  if (actor) levels.push('members');
  if (hasRole(actor, Role.Broker)) levels.push('brokers');
  return levels;
}

/** Index filter selecting the demands this viewer may read in full; null = all of them. */
export function readableFilter(actor: Actor | null | undefined): SearchFilter | null {
  const levels = readableVisibilities(actor);
  if (levels.length === DEMAND_VISIBILITIES.length) return null;
  const byLevel: SearchFilter = { field: 'visibility', in: levels };
  return actor ? { or: [byLevel, { field: 'enterpriseId', eq: actor.orgId }] } : byLevel;
}

/** Index filter selecting the demands this viewer may see only redacted; null = none. */
export function unreadableFilter(actor: Actor | null | undefined): SearchFilter | null {
  const readable = readableFilter(actor);
  return readable ? { not: readable } : null;
}
