import { describeConstraintErrors, DomainError } from '@techbridge/platform';

export enum DemandErrorCode {
  DemandNotFound = 'DEMAND_NOT_FOUND',
  ProposalNotFound = 'PROPOSAL_NOT_FOUND',
  NotAnEnterprise = 'NOT_AN_ENTERPRISE',
  NotAProposer = 'NOT_A_PROPOSER',
  DeadlinePassed = 'DEADLINE_PASSED',
  DuplicateProposal = 'DUPLICATE_PROPOSAL',
  NotABroker = 'NOT_A_BROKER',
  DuplicateExternalId = 'DUPLICATE_EXTERNAL_ID',
}

export const DemandErrors = {
  demandNotFound: () => DomainError.notFound({ code: DemandErrorCode.DemandNotFound, zh: '技术需求不存在', en: 'Demand not found' }),
  proposalNotFound: () => DomainError.notFound({ code: DemandErrorCode.ProposalNotFound, zh: '揭榜方案不存在', en: 'Proposal not found' }),
  notAnEnterprise: () =>
    new DomainError('forbidden', DemandErrorCode.NotAnEnterprise, { zh: '只有企业用户可以发布技术需求', en: 'Only members of an enterprise can post demands' }),
  notAProposer: () =>
    new DomainError('forbidden', DemandErrorCode.NotAProposer, { zh: '只有高校或科研院所可以揭榜', en: 'Only universities and research institutes can propose solutions' }),
  deadlinePassed: (currentState: string, deadline: string) =>
    new DomainError(
      'conflict',
      DemandErrorCode.DeadlinePassed,
      { zh: `揭榜截止时间（${deadline}）已过`, en: `The deadline for proposals (${deadline}) has passed` },
      [{ field: 'deadline', message: 'deadline passed', code: DemandErrorCode.DeadlinePassed }],
      { currentState, deadline },
    ),
  duplicateProposal: () =>
    new DomainError('conflict', DemandErrorCode.DuplicateProposal, { zh: '贵单位已对该需求提交了揭榜方案', en: 'Your organisation already has an open proposal for this demand' }),
  notABroker: () =>
    DomainError.validation('userId', { zh: '该用户不是技术经纪人', en: 'This user is not a technology broker' }, DemandErrorCode.NotABroker),
  pastDeadline: () => DomainError.validation('deadline', { zh: '截止日期不能早于今天', en: 'deadline must not be in the past' }, 'deadlineInPast'),
  fieldNotOfIndustry: () => DomainError.validation('field', { zh: '细分领域不属于所选行业', en: 'field is not a sub-field of the industry' }, 'fieldOfIndustry'),
  creditCodeMismatch: () =>
    DomainError.validation('enterprise.creditCode', { zh: '统一社会信用代码与贵单位登记的不一致', en: "creditCode does not match your organisation's" }, 'creditCodeMismatch'),
  duplicateExternalId: () =>
    new DomainError('conflict', DemandErrorCode.DuplicateExternalId, { zh: '同一来源下已存在相同外部编号的需求', en: 'A demand with this source and externalId already exists' }, [
      { field: 'externalId', message: 'already exists for this source', code: DemandErrorCode.DuplicateExternalId },
    ]),
};

// Two members of one organisation submitting at once: the partial unique index decides, the filter answers.
describeConstraintErrors({ ux_demand_proposal_open: DemandErrors.duplicateProposal });
