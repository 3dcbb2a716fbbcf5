import { DomainError, OrgType } from '@techbridge/platform';

export type VerificationStatus = 'not-required' | 'pending' | 'verified' | 'rejected';
export const VERIFICATION_STATUSES: VerificationStatus[] = ['not-required', 'pending', 'verified', 'rejected'];

/**
 * Types that act with public powers: entering a park's figures, registering contracts, being credited rewards; and
 * the finance powers (investing from a fund, approving a pledge loan, guaranteeing it), which a self-declared fund or
 * bank must not exercise before a platform administrator has checked its licence.
 */
export const TYPES_REQUIRING_VERIFICATION: readonly OrgType[] = [
  OrgType.ParkAdministration, OrgType.RegistrationInstitution, OrgType.TransferInstitution, OrgType.TrainingBase, OrgType.InvestmentFund, OrgType.Bank, OrgType.Guarantor,
  OrgType.CityAdministration,
];

export function requiresVerification(type: OrgType): boolean {
  return TYPES_REQUIRING_VERIFICATION.includes(type);
}

/** Where a newly created organisation starts: the platform itself is verified by construction. */
export function initialVerificationStatus(type: OrgType): VerificationStatus {
  if (type === OrgType.Platform) return 'verified';
  return requiresVerification(type) ? 'pending' : 'not-required';
}

export function mayExercisePowers(status: VerificationStatus): boolean {
  return status === 'verified' || status === 'not-required';
}

export type VerificationAction = 'verify' | 'reject';

/** Verification lifecycle: a rejected organisation may be verified later, a verified one may have it revoked. */
const TRANSITIONS: Record<VerificationStatus, Partial<Record<VerificationAction, VerificationStatus>>> = {
  'not-required': {},
  pending: { verify: 'verified', reject: 'rejected' },
  verified: { reject: 'rejected' },
  rejected: { verify: 'verified' },
};

export function verificationTransition(from: VerificationStatus, action: VerificationAction): VerificationStatus {
  const to = TRANSITIONS[from][action];
  if (!to) throw DomainError.illegalTransition('organisation', from, action);
  return to;
}
