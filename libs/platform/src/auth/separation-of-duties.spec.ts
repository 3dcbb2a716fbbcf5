import { DomainError } from '../errors/domain-error';
import { OrgType, Role } from './actor';
import { refuseOwnOrganisation, SEPARATION_OF_DUTIES, SeparationRule } from './separation-of-duties';

describe('separation of duties', () => {
  const actor = { userId: 'u1', orgId: 'org-a', orgType: OrgType.Platform, roles: [Role.PlatformAdmin] };

  it("refuses a record of the actor's own organisation with 403 naming the rule, in both languages", () => {
    let caught: unknown;
    try {
      refuseOwnOrganisation(actor, ['org-b', 'org-a'], SeparationRule.OwnContractRegistration);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(DomainError);
    const e = caught as DomainError;
    expect(e).toMatchObject({ kind: 'forbidden', code: SEPARATION_OF_DUTIES, extra: { rule: 'own-contract-registration' } });
    expect(e.text.zh).toContain('职责分离');
    expect(e.text.en).toContain('Separation of duties');
  });

  it("lets others' records (and missing parties) through", () => {
    expect(() => refuseOwnOrganisation(actor, ['org-b', null, undefined], SeparationRule.OwnAchievementReview)).not.toThrow();
  });

  it('has a text for every rule', () => {
    for (const rule of Object.values(SeparationRule)) {
      expect(() => refuseOwnOrganisation(actor, ['org-a'], rule)).toThrow(/Separation of duties/);
    }
  });
});
