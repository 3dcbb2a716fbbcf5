import { describeConstraintErrors, DomainError } from '@techbridge/platform';

export enum ContractsErrorCode {
  ContractNotFound = 'CONTRACT_NOT_FOUND',
  InstitutionNotFound = 'INSTITUTION_NOT_FOUND',
  BrokerNotFound = 'BROKER_NOT_FOUND',
  AlreadyPending = 'REGISTRATION_PENDING',
  NumberPrefixTaken = 'NUMBER_PREFIX_TAKEN',
  FilingNumberTaken = 'FILING_NUMBER_TAKEN',
  AccreditationNumberTaken = 'ACCREDITATION_NUMBER_TAKEN',
  CertificateUnavailable = 'CERTIFICATE_UNAVAILABLE',
  AttachmentMissing = 'ATTACHMENT_MISSING',
  NotTheRegistrant = 'NOT_THE_REGISTRANT',
}

const invalid = (field: string, code: string, zh: string, en: string) => DomainError.validation(field, { zh, en }, code);

export const ContractsErrors = {
  contractNotFound: () => DomainError.notFound({ code: ContractsErrorCode.ContractNotFound, zh: '技术合同不存在', en: 'Technology contract not found' }),
  institutionNotFound: () => DomainError.notFound({ code: ContractsErrorCode.InstitutionNotFound, zh: '机构不存在', en: 'Institution not found' }),
  brokerNotFound: () => DomainError.notFound({ code: ContractsErrorCode.BrokerNotFound, zh: '技术经纪人不存在', en: 'Broker not found' }),
  alreadyPending: (currentState: string) =>
    new DomainError('conflict', ContractsErrorCode.AlreadyPending, { zh: '该合同已提交登记，正在处理中', en: 'This contract already has a registration pending' }, [], { currentState }),
  numberPrefixTaken: () =>
    new DomainError('conflict', ContractsErrorCode.NumberPrefixTaken, { zh: '登记编号前缀已被其他登记机构使用', en: 'Another registration institution uses this number prefix' }, [
      { field: 'numberPrefix', message: 'already used by another institution', code: ContractsErrorCode.NumberPrefixTaken },
    ]),
  filingNumberTaken: () =>
    new DomainError('conflict', ContractsErrorCode.FilingNumberTaken, { zh: '备案编号已被使用', en: 'This filing number is already used' }, [
      { field: 'filingNumber', message: 'already used', code: ContractsErrorCode.FilingNumberTaken },
    ]),
  accreditationNumberTaken: () =>
    new DomainError('conflict', ContractsErrorCode.AccreditationNumberTaken, { zh: '认定编号已被使用', en: 'This accreditation number is already used' }, [
      { field: 'accreditationNumber', message: 'already used', code: ContractsErrorCode.AccreditationNumberTaken },
    ]),
  certificateUnavailable: (currentState: string) =>
    new DomainError('conflict', ContractsErrorCode.CertificateUnavailable, { zh: '合同尚未登记，无法出具登记证明', en: 'The contract is not registered: no certificate yet' }, [], { currentState }),
  attachmentMissing: () => DomainError.notFound({ code: ContractsErrorCode.AttachmentMissing, zh: '合同文本未上传', en: 'No signed contract uploaded' }),
  wrongOrgType: (field: string, expected: string) =>
    invalid(field, 'WRONG_ORGANISATION_TYPE', `${field} 必须是${expected === 'transfer-institution' ? '技术转移机构' : '技术合同登记机构'}`, `${field} must be a ${expected}`),
  institutionNotVerified: (field: string) =>
    invalid(field, 'ORGANISATION_NOT_VERIFIED', `${field} 所指的技术转移机构尚未通过平台资质核验`, `${field} names a transfer institution the platform has not verified yet`),
  technologyAboveContract: () => invalid('technologyAmount', 'TECHNOLOGY_ABOVE_CONTRACT', '技术交易额不能高于合同成交额', 'technologyAmount cannot exceed contractAmount'),
  deductionsMismatch: (expected: string) =>
    invalid('deductions', 'DEDUCTIONS_MISMATCH', `非技术性款项合计应等于合同成交额减技术交易额（${expected} 元）`, `deductions must add up to contractAmount − technologyAmount (${expected} yuan)`),
  signedInFuture: () => invalid('signedOn', 'SIGNED_IN_FUTURE', '签订日期不能晚于今天', 'signedOn cannot be in the future'),
  termOrder: () => invalid('termTo', 'TERM_ORDER', '合同期限结束日不能早于开始日', 'termTo cannot be before termFrom'),
  sellerIsBuyer: () => invalid('buyer', 'SELLER_IS_BUYER', '卖方与买方不能是同一机构', 'The buyer cannot be the seller'),
  typeNotFilable: (type: string) =>
    invalid('type', 'TYPE_NOT_FILABLE', `贵单位作为卖方不能登记「${type}」类合同`, `Your organisation cannot register a contract of type '${type}' as the seller side`),
  licenseScopeRequired: () => invalid('licenseScope', 'LICENSE_SCOPE_REQUIRED', '许可类合同须注明许可范围（独占、排他、普通）', 'Licence contracts need a licenseScope (exclusive, sole, ordinary)'),
  licenseScopeNotApplicable: () => invalid('licenseScope', 'LICENSE_SCOPE_NOT_APPLICABLE', '该合同类型没有许可范围', 'This contract type has no licence scope'),
  notABroker: () => invalid('brokerUserId', 'NOT_A_BROKER', '该用户不是技术经纪人', 'This user is not a broker'),
  notTheRegistrant: () =>
    new DomainError('forbidden', ContractsErrorCode.NotTheRegistrant, { zh: '只有卖方（登记方）可以修改或提交该合同', en: 'Only the seller side (the registrant) may edit or submit this contract' }),
  validityOrder: () => DomainError.validation('validTo', { zh: '有效期结束日不能早于开始日', en: 'validTo cannot be before validFrom' }),
  userNotABroker: () => DomainError.validation('userId', { zh: '该用户没有技术经纪人角色', en: 'This user does not have the broker role' }, 'NOT_A_BROKER'),
  buyerNotFound: () => DomainError.validation('buyer.organisationId', { zh: '买方机构不存在', en: 'Buyer organisation not found' }, 'NOT_FOUND'),
  badHolidayDay: () => DomainError.validation('day', { zh: '日期格式应为 YYYY-MM-DD', en: 'day must be YYYY-MM-DD' }),
  holidayNotFound: () => DomainError.notFound({ zh: '该日期不在节假日日历中', en: 'No calendar entry for this day' }),
  statsRangeOrder: () => DomainError.validation('to', { zh: '结束日期不能早于开始日期', en: 'to cannot be before from' }),
  notAPdf: () => invalid('file', 'NOT_A_PDF', '合同文本必须是 PDF 文件', 'The signed contract must be a PDF'),
};

// Two institutions or brokers claiming one number at once: the unique index decides, the filter answers.
describeConstraintErrors({
  ux_transfer_institution_accreditation: ContractsErrors.accreditationNumberTaken,
  ux_registration_institution_number_prefix: ContractsErrors.numberPrefixTaken,
  ux_broker_profile_filing_number: ContractsErrors.filingNumberTaken,
});
