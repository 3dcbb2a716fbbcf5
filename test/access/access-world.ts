import { registrationInstitution, transferInstitution } from '../contracts/contracts-helpers';
import { addMember, Session, signInAdmin, signUpOrganisation, TestApp, verifyOrganisation } from '../support/test-app';

/**
 * The cast of the generated access suite: for each kind of organisation that owns objects, the owner (the user who
 * acts on them, with the privileged role where there is one), a second organisation of the same type with the same
 * roles, and a plain member of the owner's organisation; plus callers whose privileges must have no effect.
 */
export type GroupName = 'university' | 'enterprise' | 'transfer' | 'park' | 'registrar' | 'investor' | 'bank';

export interface Group {
  /** The user who owns or legitimately acts on the group's objects. */
  owner: Session;
  /** The same roles in another organisation of the same type (another park for park administrations). */
  other: Session;
  /** A plain member of the owner's organisation. */
  lower: Session;
}

/** Park of the owners (new-energy is one of its key industries) and of the other park administration (it is not). */
export const OWNER_PARK = 'bd-hitech';
export const OTHER_PARK = 'zhuozhou-agri';

export interface AccessWorld {
  admin: Session;
  groups: Record<GroupName, Group>;
  /** Callers whose privileged roles must be void, each by a different route to the same rule. */
  unprivileged: Record<'pending-park-reviewer' | 'rejected-broker' | 'self-granted', Session>;
  /** A verified transfer institution's org-admin without the broker role (organiser of events, curator of packages). */
  transferAdmin: Session;
}

/** Grant roles straight in the database: how a grant made before the role rule existed looks today. */
async function grantInDatabase(t: TestApp, s: Session, roles: string[]): Promise<void> {
  await t.db.dataSource.query(`UPDATE app_user SET roles = $2 WHERE id = $1`, [s.user.id, roles]);
}

/** Two verified organisations of a finance type (the first in the owners' park: its sub-fund) and a member of the first. */
async function verifiedPair(api: TestApp['api'], type: 'investment-fund' | 'bank', parkCode?: string): Promise<Group> {
  const owner = await signUpOrganisation(api, type, { parkCode, name: `访问控制测试${type}甲` });
  const other = await signUpOrganisation(api, type, { name: `访问控制测试${type}乙` });
  await verifyOrganisation(api, owner.organisation.id);
  await verifyOrganisation(api, other.organisation.id);
  return { owner, other, lower: await addMember(api, owner, ['member']) };
}

export async function buildAccessWorld(t: TestApp): Promise<AccessWorld> {
  const api = t.api;
  const admin = await signInAdmin(api);

  const u1 = await signUpOrganisation(api, 'university', { region: 'HE', divisionCode: '130102', name: '访问控制测试大学甲' });
  const u2 = await signUpOrganisation(api, 'university', { region: 'HE', divisionCode: '130102', name: '访问控制测试大学乙' });
  const e1 = await signUpOrganisation(api, 'enterprise', { region: 'HE', divisionCode: '130104', parkCode: OWNER_PARK, name: '访问控制测试企业甲' });
  const e2 = await signUpOrganisation(api, 'enterprise', { region: 'HE', divisionCode: '130104', parkCode: OWNER_PARK, name: '访问控制测试企业乙' });

  const t1 = await transferInstitution(api, admin);
  const t2 = await transferInstitution(api, admin);

  const p1 = await signUpOrganisation(api, 'park-administration', { parkCode: OWNER_PARK, name: '访问控制测试园区甲' });
  const p2 = await signUpOrganisation(api, 'park-administration', { parkCode: OTHER_PARK, name: '访问控制测试园区乙' });
  await verifyOrganisation(api, p1.organisation.id);
  await verifyOrganisation(api, p2.organisation.id);

  const { org: i1, reviewer: i1Reviewer } = await registrationInstitution(api, admin, ['1301'], '130100');
  const { reviewer: i2Reviewer } = await registrationInstitution(api, admin, ['1101'], '110100');

  const groups: Record<GroupName, Group> = {
    university: { owner: u1, other: u2, lower: await addMember(api, u1, ['member']) },
    enterprise: { owner: e1, other: e2, lower: await addMember(api, e1, ['member']) },
    transfer: { owner: await addMember(api, t1, ['broker']), other: await addMember(api, t2, ['broker']), lower: await addMember(api, t1, ['member']) },
    park: { owner: await addMember(api, p1, ['reviewer']), other: await addMember(api, p2, ['reviewer']), lower: await addMember(api, p1, ['member']) },
    registrar: { owner: i1Reviewer, other: i2Reviewer, lower: await addMember(api, i1, ['member']) },
    investor: await verifiedPair(api, 'investment-fund', OWNER_PARK),
    bank: await verifiedPair(api, 'bank'),
  };

  // A park administration for the owners' park that nobody verified, its administrator a reviewer by its own grant
  // (as grants looked before the role rule).
  const pendingPark = await signUpOrganisation(api, 'park-administration', { parkCode: OWNER_PARK, name: '访问控制待核验园区' });
  await grantInDatabase(t, pendingPark, ['member', 'org-admin', 'reviewer']);
  // A verified transfer institution's broker, then the verification is revoked: the grant stays, its effect goes.
  const rejectedOrg = await transferInstitution(api, admin);
  const rejectedBroker = await addMember(api, rejectedOrg, ['broker']);
  const revoked = await api.post(`organisations/${rejectedOrg.organisation.id}/reject`, { reason: '备案证明过期' }, { token: admin.accessToken });
  if (revoked.status !== 200) throw new Error(`reject: ${revoked.status}`);
  // An enterprise in the owners' park that granted itself every privileged role.
  const selfGranted = await signUpOrganisation(api, 'enterprise', { parkCode: OWNER_PARK, name: '访问控制自授角色企业' });
  await grantInDatabase(t, selfGranted, ['member', 'org-admin', 'broker', 'reviewer']);

  return {
    admin,
    groups,
    unprivileged: { 'pending-park-reviewer': pendingPark, 'rejected-broker': rejectedBroker, 'self-granted': selfGranted },
    transferAdmin: t1,
  };
}
