import type { SessionOrganisation } from './api';
import { requiresVerification, verificationNotice } from './verification';

const org = (type: string, verificationStatus?: SessionOrganisation['verificationStatus']): SessionOrganisation => ({
  id: 'o', name: 'n', type, region: 'HE', parkCode: null, verificationStatus,
});

describe('organisation verification banner state', () => {
  it('speaks only to the types that need verification', () => {
    expect(requiresVerification(org('park-administration'))).toBe(true);
    expect(requiresVerification(org('registration-institution'))).toBe(true);
    expect(requiresVerification(org('transfer-institution'))).toBe(true);
    expect(requiresVerification(org('training-base'))).toBe(true);
    expect(requiresVerification(org('city-administration'))).toBe(true);
    expect(requiresVerification(org('university'))).toBe(false);
    expect(requiresVerification(null)).toBe(false);
  });

  it('shows pending and rejected, hides verified and unknown (older stored sessions) states', () => {
    expect(verificationNotice(org('park-administration', 'pending'))).toBe('pending');
    expect(verificationNotice(org('transfer-institution', 'rejected'))).toBe('rejected');
    expect(verificationNotice(org('park-administration', 'verified'))).toBeNull();
    expect(verificationNotice(org('park-administration'))).toBeNull();
    expect(verificationNotice(org('enterprise', 'pending'))).toBeNull();
  });
});
