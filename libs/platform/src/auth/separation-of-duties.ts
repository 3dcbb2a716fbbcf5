import { DomainError, LocalizedText } from '../errors/domain-error';
import type { Actor } from './actor';

/**
 * 等保 2.0 separation of duties (职责分离): whoever exercises a public power of approval (verifying organisations,
 * publishing achievements after review, registering contracts, approving a park's figures) never does so for a record
 * of their own organisation (or, for figures entered on a park's behalf, their own entry). One rule per power, named
 * in the refusal so an auditor can match it to docs/OPERATIONS.md.
 */
export enum SeparationRule {
  OwnOrganisationVerification = 'own-organisation-verification',
  OwnAchievementReview = 'own-achievement-review',
  OwnContractRegistration = 'own-contract-registration',
  OwnMonitoringEntryReview = 'own-monitoring-entry-review',
}

export const SEPARATION_OF_DUTIES = 'SEPARATION_OF_DUTIES';

const RULE_TEXT: Record<SeparationRule, LocalizedText> = {
  [SeparationRule.OwnOrganisationVerification]: {
    zh: '职责分离：平台管理员不能核验或驳回本人所属机构的资质',
    en: 'Separation of duties: a platform administrator may not verify or reject their own organisation',
  },
  [SeparationRule.OwnAchievementReview]: {
    zh: '职责分离：审核员不能审核本机构的科技成果，请由其他机构的审核员审核',
    en: "Separation of duties: a reviewer may not review their own organisation's achievement; another organisation's reviewer must",
  },
  [SeparationRule.OwnContractRegistration]: {
    zh: '职责分离：登记机构不能登记、退回或驳回本机构作为当事方、中介方或经纪人的技术合同',
    en: 'Separation of duties: a registration institution may not register, return or refuse a contract its own organisation (or the reviewer as broker) is a party to',
  },
  [SeparationRule.OwnMonitoringEntryReview]: {
    zh: '职责分离：填报人不能审核自己填报的园区数据',
    en: 'Separation of duties: whoever entered a park figure may not review it',
  },
};

/** 403 naming the rule (in `rule`) for an approval of one's own record. */
export function separationOfDutiesViolation(rule: SeparationRule): DomainError {
  return new DomainError('forbidden', SEPARATION_OF_DUTIES, RULE_TEXT[rule], [], { rule });
}

/** Refuse when the record belongs to the actor's organisation (any of the organisations given: owner, parties). */
export function refuseOwnOrganisation(actor: Actor, recordOrgIds: ReadonlyArray<string | null | undefined>, rule: SeparationRule): void {
  if (recordOrgIds.some((id) => !!id && id === actor.orgId)) throw separationOfDutiesViolation(rule);
}
