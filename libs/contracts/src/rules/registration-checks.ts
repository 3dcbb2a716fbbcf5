import { CONTRACT_TYPES, isValidCreditCode, OrgType } from '@techbridge/platform';
import { ContractsErrors } from '../contracts.exception';
import type { DeductionKind } from '../entities/contract-deduction.entity';
import type { LegalPersonType, ReasonEntry } from '../entities/technology-contract.entity';
import { fenToYuanString, toFen } from './money';

/**
 * The registration rules as pure functions: what may be filed, what a contract must hold, and the automatic
 * checks at submission. No storage, no clock: callers pass "today" in Beijing time.
 */

/** Organisation kinds that may be the seller side of a technology contract. */
const SELLER_ORG_TYPES: string[] = [OrgType.University, OrgType.Institute, OrgType.Enterprise, OrgType.TransferInstitution];

/** Which organisation kinds may file which contract type (the registrant is the seller side). */
export function canFile(orgType: string, contractType: string): boolean {
  const type = CONTRACT_TYPES.find((t) => t.code === contractType);
  if (!type || !SELLER_ORG_TYPES.includes(orgType)) return false;
  // 技术中介: the registrant is the broker side, i.e. a transfer institution.
  if (type.registrant === 'broker') return orgType === OrgType.TransferInstitution;
  return true;
}

export function legalPersonTypeOf(orgType: string): LegalPersonType {
  return orgType === 'university' || orgType === 'institute' || orgType === 'enterprise' ? orgType : 'other';
}

export interface DeductionInput {
  kind: DeductionKind;
  amount: number;
  note?: string;
}

export interface DeductionRow {
  kind: DeductionKind;
  amount: string;
  note: string | null;
}

/** technologyAmount ≤ contractAmount, and the deductions explain the difference to the fen. Returns them as stored. */
export function checkAmounts(contractAmount: number, technologyAmount: number, deductions: DeductionInput[]): DeductionRow[] {
  const contractFen = toFen(contractAmount);
  const techFen = toFen(technologyAmount);
  if (techFen > contractFen) throw ContractsErrors.technologyAboveContract();
  const sum = deductions.reduce((acc, d) => acc + toFen(d.amount), 0n);
  if (sum !== contractFen - techFen) throw ContractsErrors.deductionsMismatch(fenToYuanString(contractFen - techFen));
  return deductions.map((d) => ({ kind: d.kind, amount: fenToYuanString(toFen(d.amount)), note: d.note ?? null }));
}

export interface ContractTerms {
  type: string;
  licenseScope?: string | null;
  signedOn: string;
  termFrom?: string | null;
  termTo?: string | null;
  buyer: { organisationId?: string | null; creditCode: string };
  contractAmount: number;
  technologyAmount: number;
  deductions?: DeductionInput[];
}

/**
 * What a contract must hold before it is stored (the first broken rule is a 400 naming its field).
 * Returns the deductions as stored.
 */
export function checkContractTerms(seller: { id: string; type: string; creditCode: string | null }, dto: ContractTerms, today: string): DeductionRow[] {
  if (!canFile(seller.type, dto.type)) throw ContractsErrors.typeNotFilable(dto.type);
  const type = CONTRACT_TYPES.find((t) => t.code === dto.type)!;
  if (type.scopes?.length && !dto.licenseScope) throw ContractsErrors.licenseScopeRequired();
  if (!type.scopes?.length && dto.licenseScope) throw ContractsErrors.licenseScopeNotApplicable();
  if (dto.signedOn > today) throw ContractsErrors.signedInFuture();
  if (dto.termFrom && dto.termTo && dto.termTo < dto.termFrom) throw ContractsErrors.termOrder();
  if (dto.buyer.organisationId === seller.id || (seller.creditCode && dto.buyer.creditCode === seller.creditCode)) throw ContractsErrors.sellerIsBuyer();
  return checkAmounts(dto.contractAmount, dto.technologyAmount, dto.deductions ?? []);
}

/** The stored contract as the automatic checks see it. */
export interface SubmittedContract {
  type: string;
  licenseScope: string | null;
  attachmentKey: string | null;
  termTo: string | null;
  contractAmount: string;
  technologyAmount: string;
  deductions?: Array<{ amount: string }>;
  sellerCreditCode: string | null;
  buyerCreditCode: string;
  signedOn: string;
}

/** The automatic checks at submission: each problem names its field. */
export function submissionProblems(c: SubmittedContract, today: string): ReasonEntry[] {
  const problems: ReasonEntry[] = [];
  const add = (code: string, field: string, zh: string, en: string) => problems.push({ code, field, zh, en });
  if (!c.attachmentKey) add('ATTACHMENT_MISSING', 'attachment', '未上传已签署的合同文本（PDF）', 'The signed contract (PDF) is missing');
  if (!c.termTo) add('TERM_MISSING', 'termTo', '未填写合同期限', 'The contract term is missing');
  const contractFen = toFen(c.contractAmount);
  const techFen = toFen(c.technologyAmount);
  const deductionFen = (c.deductions ?? []).reduce((a, d) => a + toFen(d.amount), 0n);
  if (techFen > contractFen || deductionFen !== contractFen - techFen) {
    add('AMOUNTS_INCONSISTENT', 'technologyAmount', '技术交易额与合同成交额、非技术性款项不一致', 'technologyAmount, contractAmount and deductions do not agree');
  }
  if (!isValidCreditCode(c.sellerCreditCode)) add('SELLER_CREDIT_CODE', 'seller.creditCode', '卖方统一社会信用代码无效', 'The seller\'s credit code is invalid');
  if (!isValidCreditCode(c.buyerCreditCode)) add('BUYER_CREDIT_CODE', 'buyer.creditCode', '买方统一社会信用代码无效', 'The buyer\'s credit code is invalid');
  const type = CONTRACT_TYPES.find((t) => t.code === c.type);
  if (!type) add('TYPE_UNKNOWN', 'type', '合同类型无效', 'Unknown contract type');
  else if (type.scopes?.length && !c.licenseScope) add('LICENSE_SCOPE_REQUIRED', 'licenseScope', '许可类合同须注明许可范围', 'Licence contracts need a licence scope');
  if (c.signedOn > today) add('SIGNED_IN_FUTURE', 'signedOn', '签订日期晚于今天', 'signedOn is in the future');
  return problems;
}

/**
 * Routing: the seller must still be allowed to file the type, and its administrative division must be covered by
 * a registration institution (found by the caller).
 */
export function routingProblems(sellerType: string | null, contractType: string, division: string | null, institutionId: string | null): ReasonEntry[] {
  const problems: ReasonEntry[] = [];
  if (!sellerType || !canFile(sellerType, contractType)) problems.push({ code: 'TYPE_NOT_FILABLE', field: 'type', zh: '卖方机构不能登记该类合同', en: 'The seller cannot register this contract type' });
  if (!division) {
    problems.push({ code: 'NO_DIVISION_CODE', field: 'seller.divisionCode', zh: '卖方机构未填写行政区划代码，无法确定登记机构', en: 'The seller has no administrative division code: no registration institution can be determined' });
  } else if (!institutionId) {
    problems.push({ code: 'NO_REGISTRATION_INSTITUTION', field: 'seller.divisionCode', zh: `行政区划 ${division} 暂无技术合同登记机构`, en: `No registration institution covers division ${division}` });
  }
  return problems;
}
