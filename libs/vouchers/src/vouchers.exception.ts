import { describeConstraintErrors, DomainError } from '@techbridge/platform';
import { PartyRelationKind, RELATION_TEXT } from './rules/related-parties';

export enum VoucherErrorCode {
  ProgrammeNotFound = 'VOUCHER_PROGRAMME_NOT_FOUND',
  VoucherNotFound = 'VOUCHER_NOT_FOUND',
  ProviderNotFound = 'VOUCHER_PROVIDER_NOT_FOUND',
  AgreementNotFound = 'RECOGNITION_AGREEMENT_NOT_FOUND',
  RelationNotFound = 'VOUCHER_PARTY_RELATION_NOT_FOUND',
  NotAllowed = 'VOUCHER_NOT_ALLOWED',
  StatutoryTesting = 'VOUCHER_STATUTORY_TESTING',
  FaceValue = 'VOUCHER_FACE_VALUE',
  ProgrammeClosed = 'VOUCHER_PROGRAMME_CLOSED',
  NoOpenRound = 'VOUCHER_NO_OPEN_ROUND',
  RoundExhausted = 'VOUCHER_ROUND_EXHAUSTED',
  BudgetExhausted = 'VOUCHER_BUDGET_EXHAUSTED',
  YearlyCapReached = 'VOUCHER_YEARLY_CAP_REACHED',
  RelatedParty = 'VOUCHER_RELATED_PARTY',
  ProviderBlacklisted = 'VOUCHER_PROVIDER_BLACKLISTED',
  ProviderRefusesVouchers = 'VOUCHER_PROVIDER_REFUSES_VOUCHERS',
  CategoryNotEligible = 'VOUCHER_CATEGORY_NOT_ELIGIBLE',
  OverVoucher = 'VOUCHER_AMOUNT_OVER_BALANCE',
  DuplicateInvoice = 'VOUCHER_DUPLICATE_INVOICE',
  DocumentsMissing = 'VOUCHER_CLAIM_DOCUMENTS_MISSING',
  NoAgreement = 'VOUCHER_NO_RECOGNITION_AGREEMENT',
  Expired = 'VOUCHER_EXPIRED',
  AlreadyProvider = 'VOUCHER_PROVIDER_EXISTS',
  AlreadyApplied = 'VOUCHER_ALREADY_APPLIED',
}

const conflict = (code: VoucherErrorCode, zh: string, en: string, extra: Record<string, unknown> = {}) => new DomainError('conflict', code, { zh, en }, [], extra);

export const VoucherErrors = {
  programmeNotFound: () => DomainError.notFound({ code: VoucherErrorCode.ProgrammeNotFound, zh: '创新券计划不存在', en: 'Voucher programme not found' }),
  voucherNotFound: () => DomainError.notFound({ code: VoucherErrorCode.VoucherNotFound, zh: '创新券不存在', en: 'Voucher not found' }),
  providerNotFound: () => DomainError.notFound({ code: VoucherErrorCode.ProviderNotFound, zh: '服务机构不存在', en: 'Service provider not found' }),
  relationNotFound: () => DomainError.notFound({ code: VoucherErrorCode.RelationNotFound, zh: '关联关系不存在', en: 'Party relation not found' }),
  agreementNotFound: () => DomainError.notFound({ code: VoucherErrorCode.AgreementNotFound, zh: '互认协议不存在', en: 'Recognition agreement not found' }),
  notAllowed: (zh: string, en: string) => new DomainError('forbidden', VoucherErrorCode.NotAllowed, { zh, en }),
  statutoryTesting: () => DomainError.validation('categories', { zh: '法定检验不属于创新券支持范围', en: 'Statutory testing cannot be paid with vouchers' }, VoucherErrorCode.StatutoryTesting),
  faceValue: (values: number[]) =>
    DomainError.validation('requestedFen', { zh: `申领面额须为计划面额之一：${values.join('、')} 分`, en: `The amount must be one of the programme's face values: ${values.join(', ')} fen` }, VoucherErrorCode.FaceValue),
  programmeClosed: () => conflict(VoucherErrorCode.ProgrammeClosed, '创新券计划已关闭', 'The voucher programme is closed'),
  noOpenRound: () => conflict(VoucherErrorCode.NoOpenRound, '当前没有开放的发放批次', 'No issuing round is open now'),
  roundExhausted: (remainingFen: number) =>
    conflict(VoucherErrorCode.RoundExhausted, `本批次额度已发完（剩余 ${remainingFen} 分）`, `This round's quota is issued (${remainingFen} fen left)`, { remainingFen }),
  budgetExhausted: (remainingFen: number) =>
    conflict(VoucherErrorCode.BudgetExhausted, `计划资金不足（可用 ${remainingFen} 分）`, `The programme's funds are exhausted (${remainingFen} fen available)`, { remainingFen }),
  yearlyCapReached: (remainingFen: number) =>
    conflict(VoucherErrorCode.YearlyCapReached, `已达本年度企业额度上限，剩余可申领 ${remainingFen} 分`, `The enterprise's yearly cap is reached: ${remainingFen} fen remain`, { remainingFen }),
  relatedParty: (relation: PartyRelationKind) =>
    conflict(VoucherErrorCode.RelatedParty, `企业与服务机构为关联方（${RELATION_TEXT[relation].zh}），不得使用创新券`, `The enterprise and the provider are related parties (${RELATION_TEXT[relation].en})`, { relation }),
  providerBlacklisted: () => conflict(VoucherErrorCode.ProviderBlacklisted, '服务机构已被列入黑名单', 'The service provider is blacklisted'),
  providerRefusesVouchers: () => conflict(VoucherErrorCode.ProviderRefusesVouchers, '该服务机构不接受创新券', 'The provider does not accept vouchers'),
  categoryNotEligible: (category: string) =>
    conflict(VoucherErrorCode.CategoryNotEligible, `服务类别「${category}」不在本计划支持范围或不在服务机构业务范围`, `Service category '${category}' is not eligible under this programme or not offered by the provider`),
  overVoucher: (balanceFen: number) =>
    conflict(VoucherErrorCode.OverVoucher, `金额超过创新券余额（${balanceFen} 分）`, `The amount exceeds the voucher's balance (${balanceFen} fen)`, { balanceFen }),
  duplicateInvoice: () =>
    new DomainError('conflict', VoucherErrorCode.DuplicateInvoice, { zh: '该发票已用于其他兑付申请', en: 'This invoice has already been claimed' }, [{ field: 'invoiceNumber', message: 'already claimed', code: 'unique' }]),
  documentsMissing: (kinds: string[]) =>
    new DomainError('conflict', VoucherErrorCode.DocumentsMissing, { zh: `缺少兑付材料：${kinds.join('、')}`, en: `Claim documents missing: ${kinds.join(', ')}` }, [], { missing: kinds }),
  noAgreement: (region: string) => conflict(VoucherErrorCode.NoAgreement, `与 ${region} 没有有效的互认协议`, `No recognition agreement in force with ${region}`),
  expired: () => conflict(VoucherErrorCode.Expired, '创新券已过期', 'The voucher has expired'),
  alreadyProvider: () => conflict(VoucherErrorCode.AlreadyProvider, '本机构已登记为服务机构', 'This organisation is already a registered provider'),
  alreadyApplied: () => conflict(VoucherErrorCode.AlreadyApplied, '本批次已有待处理的申请', 'An application to this programme is already pending'),
};

describeConstraintErrors({
  ux_voucher_claim_invoice: VoucherErrors.duplicateInvoice,
  ux_voucher_provider_org: VoucherErrors.alreadyProvider,
  ux_voucher_external_number: () => conflict(VoucherErrorCode.AlreadyApplied, '该外地创新券已登记', 'This partner voucher is already recorded'),
});
