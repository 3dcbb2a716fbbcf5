import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDateString, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { IsYuan, PageQuery } from '@techbridge/platform';
import { ClaimDocument, Voucher, VoucherClaim } from '../entities/voucher.entity';
import { SERVICE_CATEGORIES } from '../rules/service-categories';
import { VOUCHER_STATUSES, VoucherStatus } from '../voucher.state-machine';

export class EvidenceDto {
  @ApiProperty() @IsInt() @Min(0) @Max(10_000_000) staff!: number;
  @ApiProperty({ description: 'Revenue last year, yuan' }) @IsYuan() @Min(0) @Max(1e13) revenueYuan!: number;
  @ApiProperty({ description: 'R&D spending as % of revenue' }) @IsYuan({ message: 'rdSharePercent must be a number with at most two decimals' }) @Min(0) @Max(100) rdSharePercent!: number;
  @ApiProperty() @IsInt() @Min(0) @Max(1_000_000) ipRights!: number;
}

export class ApplyVoucherDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() programmeId!: string;
  @ApiProperty({ description: "One of the programme's face values, fen" }) @IsInt() @Min(1) @Max(1_000_000_000) requestedFen!: number;
  @ApiProperty({ maxLength: 50 }) @IsString() @MinLength(2) @MaxLength(50) legalRepresentative!: string;
  @ApiProperty({ type: EvidenceDto }) @ValidateNested() @Type(() => EvidenceDto) evidence!: EvidenceDto;
}

export class DecisionNoteDto {
  @ApiPropertyOptional({ maxLength: 1000 }) @IsOptional() @IsString() @MaxLength(1000) note?: string;
}

export class ReserveVoucherDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() providerId!: string;
  @ApiProperty({ enum: SERVICE_CATEGORIES }) @IsIn([...SERVICE_CATEGORIES]) serviceCategory!: string;
  @ApiProperty({ description: 'Amount of the order paid by the voucher, fen' }) @IsInt() @Min(1) @Max(1_000_000_000) amountFen!: number;
  @ApiProperty({ maxLength: 500 }) @IsString() @MinLength(2) @MaxLength(500) orderDescription!: string;
}

export class ClaimDto {
  @ApiProperty({ maxLength: 40, description: 'Invoice number (unique across all claims)' }) @IsString() @Matches(/^[0-9A-Za-z-]{6,40}$/) invoiceNumber!: string;
  @ApiProperty({ description: 'Invoice amount, fen' }) @IsInt() @Min(1) @Max(1_000_000_000) invoiceFen!: number;
}

export class AuditDto {
  @ApiProperty({ enum: ['approve', 'reject', 'collusion'], description: 'collusion voids the voucher and blacklists the provider' }) @IsIn(['approve', 'reject', 'collusion']) decision!: 'approve' | 'reject' | 'collusion';
  @ApiPropertyOptional({ maxLength: 1000 }) @IsOptional() @IsString() @MaxLength(1000) note?: string;
}

export class RateDto {
  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5) rating!: number;
}

export class RecordPartnerVoucherDto {
  @ApiProperty({ format: 'uuid', description: 'The enterprise holding it' }) @IsUUID() enterpriseOrgId!: string;
  @ApiProperty({ maxLength: 60 }) @IsString() @Matches(/^[0-9A-Za-z-]{4,60}$/) externalNumber!: string;
  @ApiProperty({ description: 'fen' }) @IsInt() @Min(1) @Max(1_000_000_000) amountFen!: number;
  @ApiProperty({ format: 'date-time' }) @IsDateString() expiresAt!: string;
  @ApiProperty({ maxLength: 50 }) @IsString() @MinLength(2) @MaxLength(50) legalRepresentative!: string;
}

export class VoucherListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['enterprise', 'provider', 'admin'], default: 'enterprise', description: 'Vouchers I hold, I serve, or I administer' })
  @IsOptional() @IsIn(['enterprise', 'provider', 'admin']) as?: 'enterprise' | 'provider' | 'admin';
  @ApiPropertyOptional({ enum: VOUCHER_STATUSES }) @IsOptional() @IsIn([...VOUCHER_STATUSES]) status?: VoucherStatus;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() programmeId?: string;
}

export class RuleOutcomeResponse {
  @ApiProperty() rule!: string;
  @ApiProperty() figure!: number;
  @ApiProperty() value!: number;
  @ApiProperty() passed!: boolean;
}

export class ClaimResponse {
  @ApiProperty() invoiceNumber!: string;
  @ApiProperty() invoiceFen!: number;
  @ApiProperty() submittedAt!: string;
}

export class VoucherResponse {
  @ApiProperty() id!: string;
  @ApiProperty() programmeId!: string;
  @ApiProperty() enterpriseOrgId!: string;
  @ApiProperty({ enum: VOUCHER_STATUSES }) status!: string;
  @ApiProperty() requestedFen!: number;
  @ApiProperty({ type: Number, nullable: true }) amountFen!: number | null;
  @ApiProperty({ type: [RuleOutcomeResponse] }) screening!: RuleOutcomeResponse[];
  @ApiProperty({ type: String, nullable: true }) externalNumber!: string | null;
  @ApiProperty({ type: String, nullable: true }) issuedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) expiresAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) providerId!: string | null;
  @ApiProperty({ type: String, nullable: true }) serviceCategory!: string | null;
  @ApiProperty({ type: String, nullable: true }) orderRef!: string | null;
  @ApiProperty({ type: String, nullable: true }) orderDescription!: string | null;
  @ApiProperty({ type: Number, nullable: true }) reservedFen!: number | null;
  @ApiProperty({ type: [String], description: 'Claim documents uploaded' }) documents!: string[];
  @ApiProperty({ type: ClaimResponse, nullable: true }) claim!: ClaimResponse | null;
  @ApiProperty({ type: String, nullable: true }) decisionNote!: string | null;
  @ApiProperty({ type: String, nullable: true }) paidAt!: string | null;
  @ApiProperty({ type: Number, nullable: true }) rating!: number | null;
  @ApiProperty({ type: [String], description: 'Actions the lifecycle allows now' }) allowedActions!: string[];
  @ApiProperty() createdAt!: string;
}

export class VoucherPageResponse {
  @ApiProperty({ type: [VoucherResponse] }) items!: VoucherResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export function mapVoucher(v: Voucher, allowedActions: string[], documents: ClaimDocument[] = [], claim: VoucherClaim | null = null): VoucherResponse {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    id: v.id, programmeId: v.programmeId, enterpriseOrgId: v.enterpriseOrgId, status: v.status, requestedFen: v.requestedFen, amountFen: v.amountFen,
    screening: v.screening, externalNumber: v.externalNumber, issuedAt: iso(v.issuedAt), expiresAt: iso(v.expiresAt), providerId: v.providerId,
    serviceCategory: v.serviceCategory, orderRef: v.orderRef, orderDescription: v.orderDescription, reservedFen: v.reservedFen,
    documents: documents.map((d) => d.kind), claim: claim ? { invoiceNumber: claim.invoiceNumber, invoiceFen: claim.invoiceFen, submittedAt: claim.submittedAt.toISOString() } : null,
    decisionNote: v.decisionNote, paidAt: iso(v.paidAt), rating: v.rating, allowedActions, createdAt: v.createdAt.toISOString(),
  };
}
