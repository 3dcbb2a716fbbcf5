import { OrgType, Role } from '@techbridge/platform';
import type { VerificationStatus } from './organisation-verification';
import { effectiveRoles, ineligibilityText, ineligibleRoles, roleIneligibility, RoleHolderOrganisation } from './role-eligibility';

const org = (type: OrgType, verificationStatus: VerificationStatus, parkCode: string | null = null): RoleHolderOrganisation => ({ type, verificationStatus, parkCode });
const ALL = [Role.Member, Role.OrgAdmin, Role.Broker, Role.Reviewer, Role.PlatformAdmin];

describe('role rule: privileged roles only in a verified organisation of the right type', () => {
  it('a verified park administration with a park holds reviewer, not broker', () => {
    expect(effectiveRoles(ALL, org(OrgType.ParkAdministration, 'verified', 'JN-01'))).toEqual([Role.Member, Role.OrgAdmin, Role.Reviewer]);
    expect(roleIneligibility(Role.Broker, org(OrgType.ParkAdministration, 'verified', 'JN-01'))).toBe('organisation-type');
  });

  it('a park administration without a park cannot scope a reviewer', () => {
    expect(roleIneligibility(Role.Reviewer, org(OrgType.ParkAdministration, 'verified', null))).toBe('park-not-set');
  });

  it('a verified transfer institution holds broker, not reviewer', () => {
    expect(effectiveRoles(ALL, org(OrgType.TransferInstitution, 'verified'))).toEqual([Role.Member, Role.OrgAdmin, Role.Broker]);
  });

  it('a verified registration institution holds reviewer (contract registration), not broker', () => {
    expect(effectiveRoles(ALL, org(OrgType.RegistrationInstitution, 'verified'))).toEqual([Role.Member, Role.OrgAdmin, Role.Reviewer]);
  });

  it('the platform holds reviewer and platform-admin; platform-admin nowhere else', () => {
    expect(effectiveRoles(ALL, org(OrgType.Platform, 'verified'))).toEqual([Role.Member, Role.OrgAdmin, Role.Reviewer, Role.PlatformAdmin]);
    for (const t of Object.values(OrgType).filter((x) => x !== OrgType.Platform)) {
      expect(roleIneligibility(Role.PlatformAdmin, org(t, 'verified', 'JN-01'))).toBe('organisation-type');
    }
  });

  it('pending and rejected organisations of the right type hold no privileged role', () => {
    for (const status of ['pending', 'rejected'] as const) {
      expect(effectiveRoles(ALL, org(OrgType.ParkAdministration, status, 'JN-01'))).toEqual([Role.Member, Role.OrgAdmin]);
      expect(effectiveRoles(ALL, org(OrgType.TransferInstitution, status))).toEqual([Role.Member, Role.OrgAdmin]);
      expect(effectiveRoles(ALL, org(OrgType.RegistrationInstitution, status))).toEqual([Role.Member, Role.OrgAdmin]);
    }
  });

  it('universities, institutes and enterprises hold no privileged role, whatever they grant themselves', () => {
    for (const t of [OrgType.University, OrgType.Institute, OrgType.Enterprise]) {
      expect(effectiveRoles(ALL, org(t, 'not-required'))).toEqual([Role.Member, Role.OrgAdmin]);
      expect(ineligibleRoles([Role.Member, Role.Broker, Role.Reviewer], org(t, 'not-required'))).toEqual([
        { role: Role.Broker, reason: 'organisation-type' },
        { role: Role.Reviewer, reason: 'organisation-type' },
      ]);
    }
  });

  it('the type rule wins over verification (a pending enterprise is told the type, not to wait)', () => {
    expect(roleIneligibility(Role.Broker, org(OrgType.ParkAdministration, 'pending', 'JN-01'))).toBe('organisation-type');
    expect(roleIneligibility(Role.Broker, org(OrgType.TransferInstitution, 'pending'))).toBe('organisation-not-verified');
  });

  it('every refusal names the role in both languages', () => {
    for (const reason of ['organisation-type', 'organisation-not-verified', 'park-not-set'] as const) {
      for (const [role, zh, en] of [[Role.Broker, '技术经纪人', 'broker'], [Role.Reviewer, '审核员', 'reviewer'], [Role.PlatformAdmin, '平台管理员', 'platform-admin']] as const) {
        const text = ineligibilityText(role, reason);
        expect(text.zh).toContain(zh);
        expect(text.en).toContain(en);
      }
    }
    expect(ineligibilityText(Role.Broker, 'organisation-type').en).toContain('transfer institution');
    expect(ineligibilityText(Role.Reviewer, 'organisation-type').en).toContain('park administration');
  });
});
