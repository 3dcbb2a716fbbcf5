import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsDateString, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength,
  ValidateNested,
} from 'class-validator';
import { IsYuan, PageQuery, PARK_CODES } from '@techbridge/platform';
import { LedgerEntry } from '../entities/ledger.entity';
import { EligibilityRuleRow, RecognitionAgreement, VoucherProgramme, VoucherRound } from '../entities/programme.entity';
import { AccountKind } from '../ledger/ledger.rules';
import { ELIGIBILITY_RULES, EligibilityRule, RULE_TEXT } from '../rules/eligibility';
import { SERVICE_CATEGORIES } from '../rules/service-categories';

const MAX_FEN = 100_000_000_000; // one billion yuan

export class EligibilityRuleDto {
  @ApiProperty({ enum: ELIGIBILITY_RULES }) @IsIn([...ELIGIBILITY_RULES]) rule!: EligibilityRule;
  @ApiProperty({ description: 'The figure: staff, yuan, percent or count' }) @IsYuan({ message: 'figure must be a number with at most two decimals' }) @Min(0) @Max(1e12) figure!: number;
}

export class RoundDto {
  @ApiProperty({ format: 'date-time' }) @IsDateString() opensAt!: string;
  @ApiProperty({ format: 'date-time' }) @IsDateString() closesAt!: string;
  @ApiProperty({ description: 'Quota of the round in fen' }) @IsInt() @Min(1) @Max(MAX_FEN) quotaFen!: number;
}

export class CreateProgrammeDto {
  @ApiProperty({ maxLength: 200 }) @IsString() @MinLength(2) @MaxLength(200) name!: string;
  @ApiProperty({ description: 'Budget in fen' }) @IsInt() @Min(1) @Max(MAX_FEN) budgetFen!: number;
  @ApiProperty({ description: 'Cap per enterprise and year in fen' }) @IsInt() @Min(1) @Max(MAX_FEN) yearlyCapFen!: number;
  @ApiProperty({ type: [Number], description: 'Face values in fen' }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(10) @ArrayUnique() @IsInt({ each: true }) @Min(1, { each: true }) @Max(1_000_000_000, { each: true }) faceValuesFen!: number[];
  @ApiProperty({ minimum: 1, maximum: 1096 }) @IsInt() @Min(1) @Max(1096) validityDays!: number;
  @ApiProperty({ enum: SERVICE_CATEGORIES, isArray: true, description: 'Eligible services; statutory testing is refused' })
  @IsArray() @ArrayMinSize(1) @ArrayUnique() @IsIn([...SERVICE_CATEGORIES], { each: true }) categories!: string[];
  @ApiProperty({ type: [EligibilityRuleDto] }) @IsArray() @ArrayMaxSize(4) @ValidateNested({ each: true }) @Type(() => EligibilityRuleDto) rules!: EligibilityRuleDto[];
  @ApiProperty({ type: [RoundDto] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(24) @ValidateNested({ each: true }) @Type(() => RoundDto) rounds!: RoundDto[];
  @ApiPropertyOptional({ enum: ['BJ', 'TJ'], description: "A partner's programme recorded here under a recognition agreement" }) @IsOptional() @IsIn(['BJ', 'TJ']) issuingRegion?: 'BJ' | 'TJ';
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() agreementId?: string;
}

export class ReplaceRulesDto {
  @ApiProperty({ type: [EligibilityRuleDto] }) @IsArray() @ArrayMaxSize(4) @ValidateNested({ each: true }) @Type(() => EligibilityRuleDto) rules!: EligibilityRuleDto[];
}

export class ProgrammeListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: PARK_CODES }) @IsOptional() @IsIn(PARK_CODES) park?: string;
}

export class CreateAgreementDto {
  @ApiProperty({ enum: ['BJ', 'TJ'] }) @IsIn(['BJ', 'TJ']) region!: 'BJ' | 'TJ';
  @ApiProperty({ maxLength: 200 }) @IsString() @MinLength(2) @MaxLength(200) partner!: string;
  @ApiProperty({ format: 'date' }) @IsDateString({ strict: true }) validFrom!: string;
  @ApiProperty({ format: 'date' }) @IsDateString({ strict: true }) validTo!: string;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() active?: boolean;
}

export class RuleResponse {
  @ApiProperty({ enum: ELIGIBILITY_RULES }) rule!: string;
  @ApiProperty() figure!: number;
  @ApiProperty() zh!: string;
  @ApiProperty() en!: string;
}

export class RoundResponse {
  @ApiProperty() id!: string;
  @ApiProperty() seq!: number;
  @ApiProperty() opensAt!: string;
  @ApiProperty() closesAt!: string;
  @ApiProperty() quotaFen!: number;
  @ApiProperty() issuedFen!: number;
}

export class ProgrammeResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() ownerOrgId!: string;
  @ApiProperty({ enum: ['HE', 'BJ', 'TJ'] }) issuingRegion!: string;
  @ApiProperty({ type: String, nullable: true }) agreementId!: string | null;
  @ApiProperty({ type: String, nullable: true }) parkCode!: string | null;
  @ApiProperty() budgetFen!: number;
  @ApiProperty() yearlyCapFen!: number;
  @ApiProperty({ type: [Number] }) faceValuesFen!: number[];
  @ApiProperty() validityDays!: number;
  @ApiProperty({ type: [String] }) categories!: string[];
  @ApiProperty({ enum: ['open', 'closed'] }) status!: string;
  @ApiProperty({ type: [RuleResponse] }) rules!: RuleResponse[];
  @ApiProperty({ type: [RoundResponse] }) rounds!: RoundResponse[];
  @ApiProperty() createdAt!: string;
}

export class ProgrammePageResponse {
  @ApiProperty({ type: [ProgrammeResponse] }) items!: ProgrammeResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class LedgerBalancesResponse {
  @ApiProperty() pool!: number;
  @ApiProperty() issued!: number;
  @ApiProperty() reserved!: number;
  @ApiProperty() paid!: number;
  @ApiProperty() returned!: number;
  @ApiProperty() voided!: number;
}

export class LedgerViewResponse {
  @ApiProperty() programmeId!: string;
  @ApiProperty() budgetFen!: number;
  @ApiProperty({ type: LedgerBalancesResponse, description: 'Balances in fen by account kind (vouchers summed)' }) balances!: LedgerBalancesResponse;
  @ApiProperty({ description: 'Sum of all balances; equals the budget' }) totalFen!: number;
  @ApiProperty({ description: 'May still be issued: pool and returned money' }) availableFen!: number;
}

export class LedgerEntryResponse {
  @ApiProperty() id!: string;
  @ApiProperty() kind!: string;
  @ApiProperty({ type: String, nullable: true }) voucherId!: string | null;
  @ApiProperty() amountFen!: number;
  @ApiProperty() createdAt!: string;
}

export class LedgerEntryPageResponse {
  @ApiProperty({ type: [LedgerEntryResponse] }) items!: LedgerEntryResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class AgreementResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['BJ', 'TJ'] }) region!: string;
  @ApiProperty() partner!: string;
  @ApiProperty() validFrom!: string;
  @ApiProperty() validTo!: string;
  @ApiProperty() active!: boolean;
}

export class AgreementPageResponse {
  @ApiProperty({ type: [AgreementResponse] }) items!: AgreementResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export function mapProgramme(p: VoucherProgramme, rules: EligibilityRuleRow[], rounds: VoucherRound[]): ProgrammeResponse {
  return {
    id: p.id, name: p.name, ownerOrgId: p.ownerOrgId, issuingRegion: p.issuingRegion, agreementId: p.agreementId, parkCode: p.parkCode, budgetFen: p.budgetFen,
    yearlyCapFen: p.yearlyCapFen, faceValuesFen: p.faceValuesFen, validityDays: p.validityDays, categories: p.categories, status: p.status,
    rules: rules.map((r) => ({ rule: r.rule, figure: r.figure, zh: RULE_TEXT[r.rule as EligibilityRule]?.zh ?? r.rule, en: RULE_TEXT[r.rule as EligibilityRule]?.en ?? r.rule })),
    rounds: rounds.sort((a, b) => a.seq - b.seq).map((r) => ({ id: r.id, seq: r.seq, opensAt: r.opensAt.toISOString(), closesAt: r.closesAt.toISOString(), quotaFen: r.quotaFen, issuedFen: r.issuedFen })),
    createdAt: p.createdAt.toISOString(),
  };
}

export function mapLedgerView(p: VoucherProgramme, balances: Record<AccountKind, number>): LedgerViewResponse {
  const totalFen = Object.values(balances).reduce((s, v) => s + v, 0);
  return { programmeId: p.id, budgetFen: p.budgetFen, balances, totalFen, availableFen: balances.pool + balances.returned };
}

export function mapLedgerEntry(e: LedgerEntry): LedgerEntryResponse {
  return { id: e.id, kind: e.kind, voucherId: e.voucherId, amountFen: e.amountFen, createdAt: e.createdAt.toISOString() };
}

export function mapAgreement(a: RecognitionAgreement): AgreementResponse {
  return { id: a.id, region: a.region, partner: a.partner, validFrom: a.validFrom, validTo: a.validTo, active: a.active };
}
