import { OrgType, Role } from '@techbridge/platform';
import type { VerificationStatus } from './organisation-verification';
import { effectiveRoles, ineligibilityText, ineligibleRoles, roleIneligibility, RoleHolderOrganisation } from './role-eligibility';

const org = (type: OrgType, verificationStatus: VerificationStatus, parkCode: string | null = null): RoleHolderOrganisation => ({ type, verificationStatus, parkCode });
/** A broker certified (the organisation rules are what these cases are about). */
const CERTIFIED = { brokerCertified: true };
const ALL = [Role.Member, Role.OrgAdmin, Role.Broker, Role.Reviewer, Role.PlatformAdmin];

describe('role rule: privileged roles only in a verified organisation of the right type', () => {
  it('a verified park administration with a park holds reviewer, not broker', () => {
    expect(effectiveRoles(ALL, org(OrgType.ParkAdministration, 'verified', 'JN-01'), CERTIFIED)).toEqual([Role.Member, Role.OrgAdmin, Role.Reviewer]);
    expect(roleIneligibility(Role.Broker, org(OrgType.ParkAdministration, 'verified', 'JN-01'), CERTIFIED)).toBe('organisation-type');
  });

  it('a park administration without a park cannot scope a reviewer', () => {
    expect(roleIneligibility(Role.Reviewer, org(OrgType.ParkAdministration, 'verified', null), CERTIFIED)).toBe('park-not-set');
  });

  it('a verified transfer institution holds broker, not reviewer', () => {
    expect(effectiveRoles(ALL, org(OrgType.TransferInstitution, 'verified'), CERTIFIED)).toEqual([Role.Member, Role.OrgAdmin, Role.Broker]);
  });

  it('a verified registration institution holds reviewer (contract registration), not broker', () => {
    expect(effectiveRoles(ALL, org(OrgType.RegistrationInstitution, 'verified'), CERTIFIED)).toEqual([Role.Member, Role.OrgAdmin, Role.Reviewer]);
  });

  it('the platform holds reviewer and platform-admin; platform-admin nowhere else', () => {
    expect(effectiveRoles(ALL, org(OrgType.Platform, 'verified'), CERTIFIED)).toEqual([Role.Member, Role.OrgAdmin, Role.Reviewer, Role.PlatformAdmin]);
    for (const t of Object.values(OrgType).filter((x) => x !== OrgType.Platform)) {
      expect(roleIneligibility(Role.PlatformAdmin, org(t, 'verified', 'JN-01'), CERTIFIED)).toBe('organisation-type');
    }
  });

  it('pending and rejected organisations of the right type hold no privileged role', () => {
    for (const status of ['pending', 'rejected'] as const) {
      expect(effectiveRoles(ALL, org(OrgType.ParkAdministration, status, 'JN-01'), CERTIFIED)).toEqual([Role.Member, Role.OrgAdmin]);
      expect(effectiveRoles(ALL, org(OrgType.TransferInstitution, status), CERTIFIED)).toEqual([Role.Member, Role.OrgAdmin]);
      expect(effectiveRoles(ALL, org(OrgType.RegistrationInstitution, status), CERTIFIED)).toEqual([Role.Member, Role.OrgAdmin]);
    }
  });

  it('universities, institutes and enterprises hold no privileged role, whatever they grant themselves', () => {
    for (const t of [OrgType.University, OrgType.Institute, OrgType.Enterprise]) {
      expect(effectiveRoles(ALL, org(t, 'not-required'), CERTIFIED)).toEqual([Role.Member, Role.OrgAdmin]);
      expect(ineligibleRoles([Role.Member, Role.Broker, Role.Reviewer], org(t, 'not-required'), CERTIFIED)).toEqual([
        { role: Role.Broker, reason: 'organisation-type' },
        { role: Role.Reviewer, reason: 'organisation-type' },
      ]);
    }
  });

  it('the type rule wins over verification (a pending enterprise is told the type, not to wait)', () => {
    expect(roleIneligibility(Role.Broker, org(OrgType.ParkAdministration, 'pending', 'JN-01'), CERTIFIED)).toBe('organisation-type');
    expect(roleIneligibility(Role.Broker, org(OrgType.TransferInstitution, 'pending'), CERTIFIED)).toBe('organisation-not-verified');
  });

  it('every refusal names the role in both languages', () => {
    for (const reason of ['organisation-type', 'organisation-not-verified', 'park-not-set', 'broker-not-certified'] as const) {
      for (const [role, zh, en] of [[Role.Broker, '技术经纪人', 'broker'], [Role.Reviewer, '审核员', 'reviewer'], [Role.PlatformAdmin, '平台管理员', 'platform-admin']] as const) {
        const text = ineligibilityText(role, reason);
        expect(text.zh).toContain(zh);
        expect(text.en).toContain(en);
      }
    }
    expect(ineligibilityText(Role.Broker, 'organisation-type').en).toContain('transfer institution');
    expect(ineligibilityText(Role.Reviewer, 'organisation-type').en).toContain('park administration');
  });

  it('a broker holds the role only with a certificate in good standing; the grant itself does not ask for one', () => {
    const institution = org(OrgType.TransferInstitution, 'verified');
    expect(roleIneligibility(Role.Broker, institution, { brokerCertified: false })).toBe('broker-not-certified');
    expect(effectiveRoles([Role.Member, Role.Broker], institution, { brokerCertified: false })).toEqual([Role.Member]);
    expect(ineligibleRoles([Role.Broker], institution, 'at-grant')).toEqual([]);
    // The organisation's rules come first: an uncertified broker of an enterprise is told the type.
    expect(roleIneligibility(Role.Broker, org(OrgType.Enterprise, 'not-required'), { brokerCertified: false })).toBe('organisation-type');
    // Certification has nothing to say about the other roles.
    expect(effectiveRoles(ALL, org(OrgType.Platform, 'verified'), { brokerCertified: false })).toEqual([Role.Member, Role.OrgAdmin, Role.Reviewer, Role.PlatformAdmin]);
  });
});
