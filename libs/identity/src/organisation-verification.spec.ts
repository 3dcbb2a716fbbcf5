import { DomainError, OrgType } from '@techbridge/platform';
import { initialVerificationStatus, mayExercisePowers, requiresVerification, verificationTransition } from './organisation-verification';

describe('organisation verification rules', () => {
  it('park administrations and institutions start pending, the platform verified, everyone else needs nothing', () => {
    expect(Object.values(OrgType).map((t) => [t, initialVerificationStatus(t)])).toEqual([
      ['university', 'not-required'], ['institute', 'not-required'], ['enterprise', 'not-required'], ['transfer-institution', 'pending'],
      ['registration-institution', 'pending'], ['park-administration', 'pending'], ['platform', 'verified'], ['training-base', 'pending'],
      // Investors and lenders exercise finance powers only once verified.
      ['investment-fund', 'pending'], ['bank', 'pending'], ['guarantor', 'pending'],
      // A city administration proposes major projects for its city's parks only once verified.
      ['city-administration', 'pending'],
    ]);
    expect(requiresVerification(OrgType.Platform)).toBe(false);
  });

  it('only verified or exempt organisations exercise powers', () => {
    expect(['not-required', 'pending', 'verified', 'rejected'].filter((s) => mayExercisePowers(s as never))).toEqual(['not-required', 'verified']);
  });

  it('pending → verified | rejected, rejected → verified, verified → rejected (revocation); anything else is a 409 with the state', () => {
    expect(verificationTransition('pending', 'verify')).toBe('verified');
    expect(verificationTransition('pending', 'reject')).toBe('rejected');
    expect(verificationTransition('rejected', 'verify')).toBe('verified');
    expect(verificationTransition('verified', 'reject')).toBe('rejected');
    for (const [from, action] of [['verified', 'verify'], ['rejected', 'reject'], ['not-required', 'verify'], ['not-required', 'reject']] as const) {
      try {
        verificationTransition(from, action);
        throw new Error('expected a conflict');
      } catch (e) {
        expect(e).toBeInstanceOf(DomainError);
        expect((e as DomainError).extra).toMatchObject({ currentState: from });
      }
    }
  });
});
