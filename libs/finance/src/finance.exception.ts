import { DomainError } from '@techbridge/platform';

export enum FinanceErrorCode {
  RequestNotFound = 'FINANCING_REQUEST_NOT_FOUND',
  EngagementNotFound = 'FINANCING_ENGAGEMENT_NOT_FOUND',
  DocumentNotFound = 'DATA_ROOM_DOCUMENT_NOT_FOUND',
  ProfileNotFound = 'INVESTOR_PROFILE_NOT_FOUND',
  LoanNotFound = 'PLEDGE_LOAN_NOT_FOUND',
  ClaimNotFound = 'COMPENSATION_CLAIM_NOT_FOUND',
  NotAnInvestor = 'NOT_A_VERIFIED_INVESTOR',
  NotABank = 'NOT_A_VERIFIED_BANK',
  NotABorrower = 'NOT_A_FINANCING_APPLICANT',
  AchievementNotYours = 'ACHIEVEMENT_NOT_YOURS',
  NoPatents = 'ACHIEVEMENT_HAS_NO_PATENTS',
  NoParkFund = 'NO_PARK_FUND',
  UnsupportedFile = 'UNSUPPORTED_FILE',
  FileTooLarge = 'FILE_TOO_LARGE',
  AlreadyEngaged = 'ALREADY_ENGAGED',
  Overpayment = 'REPAYMENT_EXCEEDS_OUTSTANDING',
  AttachmentNotFound = 'FINANCING_ATTACHMENT_NOT_FOUND',
  AttachmentNotAllowed = 'FINANCING_ATTACHMENT_NOT_ALLOWED',
  NoAttachment = 'FINANCING_ATTACHMENT_REQUIRED',
  GuaranteeNotFound = 'LOAN_GUARANTEE_NOT_FOUND',
  AlreadyInvited = 'GUARANTOR_ALREADY_INVITED',
  GuaranteePending = 'GUARANTEE_PENDING',
  NotAGuarantor = 'NOT_A_VERIFIED_GUARANTOR',
  RepaymentNotFound = 'LOAN_REPAYMENT_NOT_FOUND',
}

export const FinanceErrors = {
  requestNotFound: () => DomainError.notFound({ code: FinanceErrorCode.RequestNotFound, zh: '融资需求不存在', en: 'Financing request not found' }),
  engagementNotFound: () => DomainError.notFound({ code: FinanceErrorCode.EngagementNotFound, zh: '投资方洽谈记录不存在', en: 'Investor engagement not found' }),
  documentNotFound: () => DomainError.notFound({ code: FinanceErrorCode.DocumentNotFound, zh: '资料室文件不存在', en: 'Data room document not found' }),
  profileNotFound: () => DomainError.notFound({ code: FinanceErrorCode.ProfileNotFound, zh: '投资方画像不存在', en: 'Investor profile not found' }),
  loanNotFound: () => DomainError.notFound({ code: FinanceErrorCode.LoanNotFound, zh: '知识产权质押贷款不存在', en: 'Pledge loan not found' }),
  claimNotFound: () => DomainError.notFound({ code: FinanceErrorCode.ClaimNotFound, zh: '风险补偿申请不存在', en: 'Compensation claim not found' }),
  notAnInvestor: () =>
    new DomainError('forbidden', FinanceErrorCode.NotAnInvestor, { zh: '只有经平台核验的投资机构可以执行此操作', en: 'Only a verified investment fund may do this' }),
  notABank: () => new DomainError('forbidden', FinanceErrorCode.NotABank, { zh: '只有经平台核验的银行可以执行此操作', en: 'Only a verified bank may do this' }),
  notABorrower: () =>
    new DomainError('forbidden', FinanceErrorCode.NotABorrower, { zh: '只有企业（含高校衍生企业）可以提出融资或质押贷款申请', en: 'Only an enterprise (incl. a university spin-off) may apply for financing or a pledge loan' }),
  bankNotFound: () => DomainError.validation('bankId', { zh: '所选银行不存在或尚未通过核验', en: 'The bank does not exist or is not verified' }, 'BANK_NOT_VERIFIED'),
  investorNotFound: () => DomainError.validation('investorId', { zh: '所选投资机构不存在或尚未通过核验', en: 'The investment fund does not exist or is not verified' }, 'INVESTOR_NOT_VERIFIED'),
  achievementNotYours: (field: string) =>
    DomainError.validation(field, { zh: '只能关联本单位（或衍生来源高校）的科技成果', en: 'Only achievements of your organisation (or of the university you spun off from) may be attached' }, FinanceErrorCode.AchievementNotYours),
  noPatents: () => DomainError.validation('achievementId', { zh: '该成果没有登记专利，无法办理知识产权质押', en: 'The achievement lists no patents to pledge' }, FinanceErrorCode.NoPatents),
  noParkFund: () =>
    new DomainError('conflict', FinanceErrorCode.NoParkFund, { zh: '借款企业所在园区尚无经核验的子基金，无法申请风险补偿', en: "The borrower's park has no verified sub-fund to claim risk compensation from" }),
  unsupportedFile: () => DomainError.validation('file', { zh: '仅支持 PDF、PNG、JPEG 文件', en: 'Only PDF, PNG and JPEG files are accepted' }, FinanceErrorCode.UnsupportedFile),
  fileTooLarge: (max: number) => new DomainError('too-large', FinanceErrorCode.FileTooLarge, { zh: `文件不能超过 ${max / 1024 / 1024} MB`, en: `The file may not exceed ${max / 1024 / 1024} MB` }),
  alreadyEngaged: (status: string) =>
    new DomainError('conflict', FinanceErrorCode.AlreadyEngaged, { zh: '已与该融资需求建立洽谈', en: 'You are already engaged with this request' }, [], { currentState: status }),
  /** A repayment above what is still owed: 409 naming the outstanding principal (fen and yuan). */
  overpayment: (outstandingFen: number) =>
    new DomainError(
      'conflict', FinanceErrorCode.Overpayment,
      { zh: `还款金额超过剩余本金 ¥${(outstandingFen / 100).toFixed(2)}`, en: `The repayment exceeds the outstanding principal of ¥${(outstandingFen / 100).toFixed(2)}` },
      [], { outstandingFen },
    ),
  noAttachment: () =>
    DomainError.validation('achievementIds', { zh: '请至少关联一项科技成果、挂牌项目或重大项目', en: 'Attach at least one achievement, market listing or major project' }, FinanceErrorCode.NoAttachment),
  /** A listing or project the caller cannot see: 404, naming the field (the id was the caller's own input). */
  attachmentNotFound: (field: string) => {
    const text = { zh: '关联的挂牌项目或重大项目不存在', en: 'The attached listing or major project does not exist' };
    return new DomainError('not-found', FinanceErrorCode.AttachmentNotFound, text, [{ field, message: text.en, code: FinanceErrorCode.AttachmentNotFound }]);
  },
  attachmentNotAllowed: (field: string) => {
    const text = { zh: '只能关联本单位的或已公开的挂牌项目、重大项目', en: 'Only your own or public listings and major projects may be attached' };
    return new DomainError('forbidden', FinanceErrorCode.AttachmentNotAllowed, text, [{ field, message: text.en, code: FinanceErrorCode.AttachmentNotAllowed }]);
  },
  notAGuarantor: () => new DomainError('forbidden', FinanceErrorCode.NotAGuarantor, { zh: '只有担保机构可以执行此操作', en: 'Only a guarantor may do this' }),
  repaymentNotFound: () => DomainError.notFound({ code: FinanceErrorCode.RepaymentNotFound, zh: '还款记录不存在', en: 'Loan repayment not found' }),
  guaranteeNotFound: () => DomainError.notFound({ code: FinanceErrorCode.GuaranteeNotFound, zh: '贷款担保不存在', en: 'Loan guarantee not found' }),
  guarantorNotFound: () =>
    DomainError.validation('guarantorId', { zh: '所选担保机构不存在或尚未通过核验', en: 'The guarantor does not exist or is not verified' }, 'GUARANTOR_NOT_VERIFIED'),
  alreadyInvited: (status: string) =>
    new DomainError('conflict', FinanceErrorCode.AlreadyInvited, { zh: '已邀请该担保机构', en: 'This guarantor was already invited to the loan' }, [], { currentState: status }),
  guaranteePending: () =>
    new DomainError('conflict', FinanceErrorCode.GuaranteePending, { zh: '尚有担保机构未答复邀请，不能放款', en: 'A guarantor has not answered its invitation yet: the loan cannot be disbursed' }, [], { currentState: 'invited' }),
  amountField: (field: string, text: { zh: string; en: string }) => DomainError.validation(field, text, 'AMOUNT'),
};
