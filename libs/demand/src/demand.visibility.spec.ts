import { Actor, OrgType, Role } from '@techbridge/platform';
import { canReadDescription, readableFilter, readableVisibilities } from './demand.visibility';

const enterpriseId = 'e-1';
const owner: Actor = { userId: 'u1', orgId: enterpriseId, orgType: OrgType.Enterprise, roles: [Role.Member] };
const otherMember: Actor = { userId: 'u2', orgId: 'e-2', orgType: OrgType.Enterprise, roles: [Role.Member, Role.OrgAdmin] };
const broker: Actor = { userId: 'u3', orgId: 't-1', orgType: OrgType.TransferInstitution, roles: [Role.Member, Role.Broker] };
const staff: Actor = { userId: 'u4', orgId: 'p-1', orgType: OrgType.Platform, roles: [Role.Member, Role.PlatformAdmin] };

describe('demand visibility', () => {
  const table: Array<[string, Actor | null, boolean, boolean, boolean]> = [
    // viewer, public, members, brokers
    ['anonymous', null, true, false, false],
    ['member of another enterprise', otherMember, true, true, false],
    ['broker', broker, true, true, true],
    ['the enterprise', owner, true, true, true],
    ['platform staff', staff, true, true, true],
  ];
  it.each(table)('%s', (_name, actor, pub, members, brokers) => {
    expect(canReadDescription(actor, { visibility: 'public', enterpriseId })).toBe(pub);
    expect(canReadDescription(actor, { visibility: 'members', enterpriseId })).toBe(members);
    expect(canReadDescription(actor, { visibility: 'brokers', enterpriseId })).toBe(brokers);
  });

  it('builds index filters that agree with the rule', () => {
    expect(readableFilter(staff)).toBeNull();
    expect(readableFilter(null)).toEqual({ field: 'visibility', in: ['public'] });
    expect(readableVisibilities(broker)).toEqual(['public', 'members', 'brokers']);
    expect(readableFilter(broker)).toBeNull();
    expect(readableFilter(otherMember)).toEqual({ or: [{ field: 'visibility', in: ['public', 'members'] }, { field: 'enterpriseId', eq: 'e-2' }] });
  });
});
