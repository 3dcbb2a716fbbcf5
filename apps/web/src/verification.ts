import type { SessionOrganisation } from './api';

/** Mirrors libs/identity organisation-verification: these types act with public powers and need the platform's check. */
export const TYPES_REQUIRING_VERIFICATION = ['park-administration', 'registration-institution', 'transfer-institution', 'investment-fund', 'bank', 'guarantor', 'training-base', 'city-administration'] as const;

export function requiresVerification(org: Pick<SessionOrganisation, 'type'> | null | undefined): boolean {
  return !!org && (TYPES_REQUIRING_VERIFICATION as readonly string[]).includes(org.type);
}

/** The banner's state, or null when there is nothing to say (verified, not required, or not yet known). */
export function verificationNotice(org: SessionOrganisation | null | undefined): 'pending' | 'rejected' | null {
  if (!org || !requiresVerification(org)) return null;
  return org.verificationStatus === 'pending' || org.verificationStatus === 'rejected' ? org.verificationStatus : null;
}
