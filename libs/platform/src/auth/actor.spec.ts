import { Actor, actsAs, OrgType, Role } from './actor';

const actor = (orgType: OrgType, verified: boolean | undefined): Actor => ({ userId: 'u', orgId: 'o', orgType, roles: [Role.Member], verified });

describe('actsAs: the powers of an organisation type need its verification', () => {
  it('a verified organisation of the type acts as it; a pending or unknown one does not', () => {
    expect(actsAs(actor(OrgType.ParkAdministration, true), OrgType.ParkAdministration)).toBe(true);
    expect(actsAs(actor(OrgType.ParkAdministration, false), OrgType.ParkAdministration)).toBe(false);
    expect(actsAs(actor(OrgType.ParkAdministration, undefined), OrgType.ParkAdministration)).toBe(false);
  });

  it('another type never does, verified or not; anonymous callers never do', () => {
    expect(actsAs(actor(OrgType.Enterprise, true), OrgType.TransferInstitution, OrgType.ParkAdministration)).toBe(false);
    expect(actsAs(actor(OrgType.TransferInstitution, true), OrgType.TransferInstitution, OrgType.ParkAdministration)).toBe(true);
    expect(actsAs(null, OrgType.TransferInstitution)).toBe(false);
  });
});
