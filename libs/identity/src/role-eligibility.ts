import { LocalizedText, OrgType, Role } from '@techbridge/platform';
import { mayExercisePowers, VerificationStatus } from './organisation-verification';

/**
 * The role rule, in one place: privileged powers come from a verified organisation of the right type, never from a
 * role an organisation grants itself. It decides both whether a grant (invitation, role change) is accepted and
 * which granted roles are in effect on each request (the auth guard's actor), so a grant that breaks the rule,
 * or an organisation that loses its verification, stops working at once.
 */

/** What the rule needs to know about the organisation the role is held in. */
export interface RoleHolderOrganisation {
  type: OrgType;
  verificationStatus: VerificationStatus;
  parkCode: string | null;
}

export type RoleIneligibility = 'organisation-type' | 'organisation-not-verified' | 'park-not-set' | 'broker-not-certified';

/**
 * What the rule needs to know about the person: whether they hold a broker certificate in good standing now (the
 * broker context answers through identity's BrokerCertificationSource port). 'at-grant' when a role is being granted:
 * a certificate belongs to a person, and an invitation names an e-mail that may have no account yet, so certification
 * is not a condition of the grant, only of the role's effect.
 */
export type HolderStanding = { brokerCertified: boolean } | 'at-grant';

/**
 * Where each privileged role may be held. Reviewers review achievements for a park (its administration) or the whole
 * zone (the platform), and review contract registrations in a registration institution (whose contract checks scope
 * them to the contracts filed with it). Brokers belong to transfer institutions. Member and org-admin carry no power
 * beyond the organisation's own objects and may be held anywhere.
 */
const ROLE_HOMES: Partial<Record<Role, readonly OrgType[]>> = {
  [Role.Reviewer]: [OrgType.Platform, OrgType.ParkAdministration, OrgType.RegistrationInstitution],
  [Role.Broker]: [OrgType.TransferInstitution],
  [Role.PlatformAdmin]: [OrgType.Platform],
};

/** Why this role has no effect in this organisation; null when it does. */
export function roleIneligibility(role: Role, org: RoleHolderOrganisation, standing: HolderStanding): RoleIneligibility | null {
  const homes = ROLE_HOMES[role];
  if (!homes) return null;
  if (!homes.includes(org.type)) return 'organisation-type';
  if (!mayExercisePowers(org.verificationStatus)) return 'organisation-not-verified';
  // A park reviewer speaks for one park: an administration that has not named its park cannot scope one.
  if (role === Role.Reviewer && org.type === OrgType.ParkAdministration && !org.parkCode) return 'park-not-set';
  if (role === Role.Broker) return brokerIneligibility(standing);
  return null;
}

/** The broker-specific part of the rule: only a certified broker (技术经纪人资质证书 in good standing) holds the powers. */
export function brokerIneligibility(standing: HolderStanding): RoleIneligibility | null {
  if (standing === 'at-grant') return null;
  return standing.brokerCertified ? null : 'broker-not-certified';
}

/** The granted roles that are in effect in this organisation. */
export function effectiveRoles(granted: readonly Role[], org: RoleHolderOrganisation, standing: HolderStanding): Role[] {
  return granted.filter((r) => roleIneligibility(r, org, standing) === null);
}

/** Granted roles that are not in effect, each with its reason (for the refusal of a grant). */
export function ineligibleRoles(granted: readonly Role[], org: RoleHolderOrganisation, standing: HolderStanding): Array<{ role: Role; reason: RoleIneligibility }> {
  return granted.flatMap((role) => {
    const reason = roleIneligibility(role, org, standing);
    return reason ? [{ role, reason }] : [];
  });
}

const ROLE_NAMES: Record<Role, LocalizedText> = {
  [Role.Member]: { zh: '成员', en: 'member' },
  [Role.OrgAdmin]: { zh: '机构管理员', en: 'org-admin' },
  [Role.Broker]: { zh: '技术经纪人', en: 'broker' },
  [Role.Reviewer]: { zh: '审核员', en: 'reviewer' },
  [Role.PlatformAdmin]: { zh: '平台管理员', en: 'platform-admin' },
};

/** The reason in words, naming the role and the organisation types that may hold it. */
export function ineligibilityText(role: Role, reason: RoleIneligibility): LocalizedText {
  const name = ROLE_NAMES[role];
  switch (reason) {
    case 'organisation-type':
      return role === Role.Broker
        ? { zh: `「${name.zh}」角色只能由已核验的技术转移机构授予`, en: `The ${name.en} role can only be held in a verified transfer institution` }
        : role === Role.Reviewer
          ? { zh: `「${name.zh}」角色只能由已核验的园区管理机构、技术合同登记机构或平台授予`, en: `The ${name.en} role can only be held in a verified park administration, registration institution or the platform` }
          : { zh: `「${name.zh}」角色只能由平台授予`, en: `The ${name.en} role can only be held in the platform organisation` };
    case 'organisation-not-verified':
      return { zh: `本机构尚未通过平台资质核验（或核验未通过），不能授予「${name.zh}」角色`, en: `Your organisation is not verified by the platform, so it cannot grant the ${name.en} role` };
    case 'broker-not-certified':
      return { zh: `「${name.zh}」须持有有效的技术经纪人资质证书（未取得、已过期、暂停或吊销）`, en: `The ${name.en} role needs a broker certificate in good standing (none, expired, suspended or revoked)` };
    case 'park-not-set':
      return { zh: `园区管理机构未登记所属园区，「${name.zh}」角色无法限定审核范围`, en: `The park administration has no park on record, so a ${name.en} cannot be scoped to one` };
  }
}
