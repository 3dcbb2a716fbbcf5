import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsDateString, IsIn, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength,
  ValidateNested,
} from 'class-validator';
import { CONTRACT_TYPE_CODES, INDUSTRY_CODES, IsCreditCode, IsYuan, PageQuery, PARK_CODES, REGION_CODES } from '@techbridge/platform';
import { CONTRACT_STATUSES, ContractStatus } from '../contract.state-machine';
import { ContractDeduction, DEDUCTION_KINDS, DeductionKind } from '../entities/contract-deduction.entity';
import { LegalPersonType, ReasonEntry, TechnologyContract } from '../entities/technology-contract.entity';
import { ContractDirection } from '../rules/direction';

export const LEGAL_PERSON_TYPES: LegalPersonType[] = ['university', 'institute', 'enterprise', 'individual', 'other'];
export const LICENSE_SCOPES = ['exclusive', 'sole', 'ordinary'];
const MAX_AMOUNT = 9_999_999_999_999;
const money = () => IsYuan();

// ---- contracts ----

export class ContractPartyDto {
  @ApiPropertyOptional({ description: 'The buyer organisation on the platform, if registered' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @ApiProperty({ example: '河北某某新材料有限公司' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: '91130100MA0XXXXXXX' })
  @IsCreditCode()
  creditCode!: string;

  @ApiProperty({ enum: REGION_CODES })
  @IsIn(REGION_CODES as unknown as string[])
  region!: string;

  @ApiProperty({ enum: LEGAL_PERSON_TYPES })
  @IsIn(LEGAL_PERSON_TYPES)
  legalPersonType!: LegalPersonType;
}

export class DeductionDto {
  @ApiProperty({ enum: DEDUCTION_KINDS })
  @IsIn(DEDUCTION_KINDS as unknown as string[])
  kind!: DeductionKind;

  @ApiProperty({ example: 120000 })
  @money()
  @Min(0.01)
  @Max(MAX_AMOUNT)
  amount!: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  note?: string;
}

/** Deductions (扣除项) as a contract and an amount correction take them: optional, at most 50, each validated. */
function DeductionList(): PropertyDecorator {
  return applyDecorators(ApiPropertyOptional({ type: [DeductionDto] }), IsOptional(), IsArray(), ArrayMaxSize(50), ValidateNested({ each: true }), Type(() => DeductionDto));
}

export class CreateContractDto {
  @ApiProperty({ example: '高性能储氢合金专利实施许可合同' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  title!: string;

  @ApiProperty({ enum: CONTRACT_TYPE_CODES })
  @IsIn(CONTRACT_TYPE_CODES)
  type!: string;

  @ApiPropertyOptional({ enum: LICENSE_SCOPES, description: 'Required for licence types' })
  @IsOptional()
  @IsIn(LICENSE_SCOPES)
  licenseScope?: string;

  @ApiProperty({ type: ContractPartyDto, description: 'The buyer side; the seller is the filing organisation' })
  @ValidateNested()
  @Type(() => ContractPartyDto)
  buyer!: ContractPartyDto;

  @ApiProperty({ example: 1000000, description: '合同成交额 (yuan)' })
  @money()
  @Min(0.01)
  @Max(MAX_AMOUNT)
  contractAmount!: number;

  @ApiProperty({ example: 880000, description: '技术交易额 (yuan) = contractAmount − Σ deductions' })
  @money()
  @Min(0)
  @Max(MAX_AMOUNT)
  technologyAmount!: number;

  @DeductionList()
  deductions?: DeductionDto[];

  @ApiProperty({ example: '2026-03-15' })
  @IsDateString({ strict: true })
  signedOn!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsDateString({ strict: true })
  termFrom?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsDateString({ strict: true })
  termTo?: string;

  @ApiPropertyOptional({ enum: INDUSTRY_CODES })
  @IsOptional()
  @IsIn(INDUSTRY_CODES)
  industry?: string;

  @ApiPropertyOptional({ enum: PARK_CODES, description: 'The sub-park the deal lands in (defaults to the buyer\'s park)' })
  @IsOptional()
  @IsIn(PARK_CODES)
  parkCode?: string;

  @ApiPropertyOptional() @IsOptional() @IsUUID() achievementId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() demandId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() proposalId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() matchId?: string;

  @ApiPropertyOptional({ description: 'The transfer institution that facilitated the deal' })
  @IsOptional()
  @IsUUID()
  transferInstitutionId?: string;

  @ApiPropertyOptional({ description: 'The broker who followed the deal' })
  @IsOptional()
  @IsUUID()
  brokerUserId?: string;
}

// Omitting a field keeps it; null clears only what is nullable in the create DTO (a required field set to null is a 400).
export class UpdateContractDto extends PartialType(CreateContractDto, { skipNullProperties: false }) {}

export class ReasonDto {
  @ApiPropertyOptional({ example: 'technologyAmount' })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  field?: string;

  @ApiProperty({ example: '技术交易额核定有误，请补充设备清单' })
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  message!: string;
}

export class ReturnContractDto {
  @ApiProperty({ type: [ReasonDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ReasonDto)
  reasons!: ReasonDto[];
}

export class RefuseContractDto {
  @ApiProperty({ example: '不属于技术合同：标的为普通设备买卖' })
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  reason!: string;
}

export class CorrectAmountsDto {
  @ApiProperty() @money() @Min(0.01) @Max(MAX_AMOUNT) contractAmount!: number;
  @ApiProperty() @money() @Min(0) @Max(MAX_AMOUNT) technologyAmount!: number;

  @DeductionList()
  deductions?: DeductionDto[];

  @ApiProperty({ example: '补充协议调整设备款' })
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  reason!: string;
}

export class ContractListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CONTRACT_STATUSES })
  @IsOptional()
  @IsIn(CONTRACT_STATUSES)
  status?: ContractStatus;

  @ApiPropertyOptional({ enum: ['party', 'review'], description: 'party: contracts my organisation is party to; review: my institution\'s queue' })
  @IsOptional()
  @IsIn(['party', 'review'])
  scope?: 'party' | 'review';
}

export class DeductionResponse {
  @ApiProperty({ enum: DEDUCTION_KINDS })
  kind!: DeductionKind;
  @ApiProperty()
  amount!: number;
  @ApiProperty({ type: String, nullable: true })
  note!: string | null;
}
export class ContractPartyResponse {
  @ApiProperty({ type: String, nullable: true })
  organisationId!: string | null;
  @ApiProperty()
  name!: string;
  @ApiProperty({ type: String, nullable: true })
  creditCode!: string | null;
  @ApiProperty()
  region!: string;
  @ApiProperty({ enum: ['university', 'institute', 'enterprise', 'individual', 'other'] })
  legalPersonType!: LegalPersonType;
}
export class LocalizedTextResponse {
  @ApiProperty() zh!: string;
  @ApiProperty() en!: string;
}

/** A problem found by the checks, or a reason for returning a contract: a code and its text in both languages. */
export class ReasonEntryResponse {
  @ApiProperty() code!: string;
  @ApiPropertyOptional({ description: 'The field it concerns' }) field?: string;
  @ApiProperty() zh!: string;
  @ApiProperty() en!: string;
}

/** Where the contract came from on the platform. */
export class ContractLinksResponse {
  @ApiProperty({ type: String, nullable: true }) achievementId!: string | null;
  @ApiProperty({ type: String, nullable: true }) demandId!: string | null;
  @ApiProperty({ type: String, nullable: true }) proposalId!: string | null;
  @ApiProperty({ type: String, nullable: true }) matchId!: string | null;
}

export class ContractAttachmentResponse {
  @ApiProperty() name!: string;
}

export class ContractResponse {
  @ApiProperty()
  id!: string;
  @ApiProperty()
  title!: string;
  @ApiProperty()
  type!: string;
  @ApiProperty({ type: LocalizedTextResponse })
  typeName!: { zh: string; en: string };
  @ApiProperty({ type: String, nullable: true })
  licenseScope!: string | null;
  @ApiProperty({ type: () => ContractPartyResponse })
  seller!: ContractPartyResponse;
  @ApiProperty({ type: () => ContractPartyResponse })
  buyer!: ContractPartyResponse;
  @ApiProperty()
  contractAmount!: number;
  @ApiProperty()
  technologyAmount!: number;
  @ApiProperty({ type: () => [DeductionResponse] })
  deductions!: DeductionResponse[];
  @ApiProperty()
  signedOn!: string;
  @ApiProperty({ type: String, nullable: true })
  termFrom!: string | null;
  @ApiProperty({ type: String, nullable: true })
  termTo!: string | null;
  @ApiProperty({ type: String, nullable: true })
  industry!: string | null;
  @ApiProperty({ type: String, nullable: true })
  parkCode!: string | null;
  @ApiProperty({ type: ContractLinksResponse })
  links!: { achievementId: string | null; demandId: string | null; proposalId: string | null; matchId: string | null };
  @ApiProperty({ type: String, nullable: true })
  transferInstitutionId!: string | null;
  @ApiProperty({ type: String, nullable: true })
  brokerUserId!: string | null;
  @ApiProperty({ type: ContractAttachmentResponse, nullable: true })
  attachment!: { name: string } | null;
  @ApiProperty({ enum: CONTRACT_STATUSES })
  status!: ContractStatus;
  @ApiProperty()
  submissionCount!: number;
  @ApiProperty({ type: String, nullable: true })
  submittedAt!: string | null;
  @ApiProperty({ type: String, nullable: true })
  policyVersion!: string | null;
  @ApiProperty({ type: String, nullable: true })
  deadlineAt!: string | null;
  @ApiProperty({ type: String, nullable: true })
  registrationInstitutionId!: string | null;
  @ApiProperty({ type: [ReasonEntryResponse] })
  checkProblems!: ReasonEntry[];
  @ApiProperty({ type: [ReasonEntryResponse] })
  returnReasons!: ReasonEntry[];
  @ApiProperty({ type: String, nullable: true })
  refusalReason!: string | null;
  @ApiProperty({ type: String, nullable: true })
  registrationNumber!: string | null;
  @ApiProperty({ type: String, nullable: true })
  registeredAt!: string | null;
  @ApiProperty({ enum: ['absorbed-bj-tj', 'within-province', 'out-of-province', 'other'] })
  direction!: ContractDirection;
  @ApiProperty()
  version!: number;
  @ApiProperty()
  createdAt!: string;
  /** The market listing behind the contract, and the registration flag for a public seller without one. */
  @ApiProperty({ type: String, nullable: true })
  marketListingId!: string | null;
  @ApiProperty()
  marketNoticeMissing!: boolean;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function mapDeduction(d: ContractDeduction): DeductionResponse {
  return { kind: d.kind, amount: Number(d.amount), note: d.note };
}

export function mapContract(c: TechnologyContract, typeName: { zh: string; en: string }, direction: ContractDirection): ContractResponse {
  return {
    id: c.id,
    title: c.title,
    type: c.type,
    typeName,
    licenseScope: c.licenseScope,
    seller: { organisationId: c.sellerOrgId, name: c.sellerName, creditCode: c.sellerCreditCode, region: c.sellerRegion, legalPersonType: c.sellerLegalType },
    buyer: { organisationId: c.buyerOrgId, name: c.buyerName, creditCode: c.buyerCreditCode, region: c.buyerRegion, legalPersonType: c.buyerLegalType },
    contractAmount: Number(c.contractAmount),
    technologyAmount: Number(c.technologyAmount),
    deductions: [...(c.deductions ?? [])].sort((a, b) => a.position - b.position).map(mapDeduction),
    signedOn: c.signedOn,
    termFrom: c.termFrom,
    termTo: c.termTo,
    industry: c.industry,
    parkCode: c.parkCode,
    links: { achievementId: c.achievementId, demandId: c.demandId, proposalId: c.proposalId, matchId: c.matchId },
    transferInstitutionId: c.transferInstitutionId,
    brokerUserId: c.brokerUserId,
    attachment: c.attachmentKey ? { name: c.attachmentName ?? 'contract.pdf' } : null,
    status: c.status,
    submissionCount: c.submissionCount,
    submittedAt: iso(c.submittedAt),
    policyVersion: c.policyVersion,
    deadlineAt: iso(c.deadlineAt),
    registrationInstitutionId: c.registrationInstitutionId,
    checkProblems: c.checkProblems,
    returnReasons: c.returnReasons,
    refusalReason: c.refusalReason,
    registrationNumber: c.registrationNumber,
    registeredAt: iso(c.registeredAt),
    direction,
    version: c.version,
    createdAt: c.createdAt.toISOString(),
    marketListingId: c.marketListingId ?? null,
    marketNoticeMissing: c.marketNoticeMissing ?? false,
  };
}

export class RegistrationEventResponse {
  @ApiProperty()
  action!: string;
  @ApiProperty()
  fromStatus!: string;
  @ApiProperty()
  toStatus!: string;
  @ApiProperty({ type: String, nullable: true })
  actorUserId!: string | null;
  @ApiProperty({ type: [ReasonEntryResponse] })
  reasons!: ReasonEntry[];
  @ApiProperty()
  at!: string;
}

export class AmountCorrectionResponse {
  @ApiProperty()
  oldContractAmount!: number;
  @ApiProperty()
  newContractAmount!: number;
  @ApiProperty()
  oldTechnologyAmount!: number;
  @ApiProperty()
  newTechnologyAmount!: number;
  @ApiProperty()
  reason!: string;
  @ApiProperty()
  correctedBy!: string;
  @ApiProperty()
  correctedAt!: string;
}
