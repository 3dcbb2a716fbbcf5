import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsEmail, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength, ValidateNested,
} from 'class-validator';
import { FIELD_CODES, INDUSTRY_CODES, IsYuan, PageQuery, PRICING_METHOD_CODES, TRANSFER_MODE_CODES } from '@techbridge/platform';
import type { Achievement, AchievementStatus, QualityWarning } from '../entities/achievement.entity';
import { listingOf } from '../achievement-listing';

export const FUNDING_SOURCES = ['national-program', 'provincial-program', 'municipal-program', 'enterprise', 'other', 'none'] as const;
export const FISCAL_FUNDING_SOURCES = ['national-program', 'provincial-program', 'municipal-program'];
export const OWNER_TYPES = ['university', 'institute', 'enterprise', 'individual', 'other'] as const;
export const STAGES = ['lab', 'bench', 'pilot', 'industrial'] as const;
export const TRL_ASSESSORS = ['self', 'expert', 'third-party'] as const;
export const ACHIEVEMENT_STATUSES: AchievementStatus[] = ['draft', 'submitted', 'returned', 'published', 'withdrawn', 'transferred'];

export class ContactDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(60) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(32) phone?: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() @MaxLength(120) email?: string;
}

/** The achievement schema's fields (shared/contracts/achievement.schema.json) plus stage, TRL evidence and pricing method. */
export class CreateAchievementDto {
  @ApiProperty({ minLength: 2, maxLength: 200 }) @IsString() @MinLength(2) @MaxLength(200) title!: string;
  @ApiProperty({ minLength: 10, maxLength: 20000 }) @IsString() @MinLength(10) @MaxLength(20000) summary!: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @MinLength(1, { each: true }) @MaxLength(40, { each: true }) keywords?: string[];
  @ApiProperty({ enum: INDUSTRY_CODES }) @IsIn(INDUSTRY_CODES) industry!: string;
  @ApiPropertyOptional({ enum: FIELD_CODES }) @IsOptional() @IsIn(FIELD_CODES) field?: string;
  @ApiProperty({ minimum: 1, maximum: 9 }) @IsInt() @Min(1) @Max(9) trl!: number;
  @ApiPropertyOptional({ enum: STAGES, description: 'Defaults to the stage of the TRL' }) @IsOptional() @IsIn([...STAGES]) stage?: (typeof STAGES)[number];
  @ApiPropertyOptional({ description: 'Evidence for the TRL (test reports, pilot line, customers)' }) @IsOptional() @IsString() @MaxLength(4000) trlEvidence?: string;
  @ApiPropertyOptional({ enum: TRL_ASSESSORS }) @IsOptional() @IsIn([...TRL_ASSESSORS]) trlAssessedBy?: (typeof TRL_ASSESSORS)[number];
  @ApiPropertyOptional({ enum: TRANSFER_MODE_CODES, isArray: true }) @IsOptional() @IsArray() @IsIn(TRANSFER_MODE_CODES, { each: true }) transferModes?: string[];
  @ApiPropertyOptional({ enum: PRICING_METHOD_CODES }) @IsOptional() @IsIn(PRICING_METHOD_CODES) pricingMethod?: string;
  @ApiPropertyOptional({ nullable: true, description: 'Yuan; null = negotiable (面议)' }) @IsOptional() @IsYuan() @Min(0) askingPrice?: number | null;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(32, { each: true }) patents?: string[];
  @ApiPropertyOptional({ enum: FUNDING_SOURCES }) @IsOptional() @IsIn([...FUNDING_SOURCES]) fundingSource?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) award?: string;
  @ApiPropertyOptional({ type: ContactDto }) @IsOptional() @ValidateNested() @Type(() => ContactDto) contact?: ContactDto;
}

// Omitting a field keeps it; null clears only what is nullable in the create DTO (a required field set to null is a 400).
export class UpdateAchievementDto extends PartialType(CreateAchievementDto, { skipNullProperties: false }) {}

export class ReturnAchievementDto {
  @ApiProperty({ description: "The reviewer's comments for the owner" }) @IsString() @MinLength(2) @MaxLength(4000) comment!: string;
}

export class ApproveAchievementDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) comment?: string;
}

export class AchievementListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ACHIEVEMENT_STATUSES }) @IsOptional() @IsIn(ACHIEVEMENT_STATUSES) status?: AchievementStatus;
  @ApiPropertyOptional({ enum: INDUSTRY_CODES }) @IsOptional() @IsIn(INDUSTRY_CODES) industry?: string;
  @ApiPropertyOptional({ description: 'Owner organisation id' }) @IsOptional() @IsUUID() owner?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) source?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(128) externalId?: string;
  @ApiPropertyOptional({ description: 'Text contained in title or summary' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional({ description: 'Reviewer work list: submitted achievements this reviewer may review' })
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true' || value === '1')
  reviewQueue?: boolean;
}

export class OwnerSummary {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() type!: string;
  @ApiProperty() region!: string;
  @ApiProperty() claimed!: boolean;
}

export class QualityWarningResponse {
  @ApiProperty() code!: string;
  @ApiProperty() zh!: string;
  @ApiProperty() en!: string;
}

export class AchievementResponse {
  @ApiProperty() id!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ enum: ACHIEVEMENT_STATUSES }) status!: AchievementStatus;
  @ApiProperty() source!: string;
  @ApiProperty({ type: String, nullable: true }) externalId!: string | null;
  @ApiProperty() title!: string;
  @ApiProperty() summary!: string;
  @ApiProperty({ type: [String] }) keywords!: string[];
  @ApiProperty() industry!: string;
  @ApiProperty({ type: String, nullable: true }) field!: string | null;
  @ApiProperty() trl!: number;
  @ApiProperty({ enum: STAGES }) stage!: string;
  @ApiProperty({ type: String, nullable: true }) trlEvidence!: string | null;
  @ApiProperty({ enum: TRL_ASSESSORS }) trlAssessedBy!: string;
  @ApiProperty({ type: [String] }) transferModes!: string[];
  @ApiProperty({ type: String, nullable: true }) pricingMethod!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Yuan; null = negotiable' }) askingPrice!: number | null;
  @ApiProperty() negotiable!: boolean;
  @ApiProperty({ type: [String] }) patents!: string[];
  @ApiProperty({ type: String, nullable: true }) fundingSource!: string | null;
  @ApiProperty() fiscallyFunded!: boolean;
  @ApiProperty({ type: String, nullable: true }) award!: string | null;
  @ApiProperty({ type: ContactDto, nullable: true }) contact!: ContactDto | null;
  @ApiProperty({ type: OwnerSummary }) owner!: OwnerSummary;
  @ApiProperty({ type: String, nullable: true }) reviewComment!: string | null;
  @ApiProperty({ type: [QualityWarningResponse] }) qualityWarnings!: QualityWarning[];
  @ApiProperty() viewCount!: number;
  @ApiProperty() interestCount!: number;
  @ApiProperty({ type: String, nullable: true }) submittedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) publishedAt!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class AchievementEventResponse {
  @ApiProperty() action!: string;
  @ApiProperty() fromStatus!: string;
  @ApiProperty() toStatus!: string;
  @ApiProperty({ type: String, nullable: true }) actorUserId!: string | null;
  @ApiProperty({ type: String, nullable: true }) comment!: string | null;
  @ApiProperty() at!: string;
}

export class AttachmentResponse {
  @ApiProperty() id!: string;
  @ApiProperty() filename!: string;
  @ApiProperty() contentType!: string;
  @ApiProperty() size!: number;
  @ApiProperty() createdAt!: string;
}

export interface OwnerLike {
  id: string;
  name: string;
  type: string;
  region: string;
  claimed: boolean;
}

const UNKNOWN_OWNER = (id: string): OwnerLike => ({ id, name: '', type: 'other', region: 'other', claimed: false });

/** Contact details are for signed-in viewers who may see them; the caller decides with `withContact`. */
export function mapAchievement(a: Achievement, owner: OwnerLike | undefined, opts: { withContact?: boolean; withReview?: boolean } = {}): AchievementResponse {
  const o = owner ?? UNKNOWN_OWNER(a.ownerId);
  return {
    id: a.id,
    version: a.version,
    status: a.status,
    source: a.source,
    externalId: a.externalId,
    ...listingOf(a),
    trlEvidence: a.trlEvidence,
    trlAssessedBy: a.trlAssessedBy,
    transferModes: a.transferModes,
    pricingMethod: a.pricingMethod,
    askingPrice: a.askingPrice,
    negotiable: a.askingPrice === null,
    patents: a.patents,
    fundingSource: a.fundingSource,
    fiscallyFunded: !!a.fundingSource && FISCAL_FUNDING_SOURCES.includes(a.fundingSource),
    award: a.award,
    contact: opts.withContact ? a.contact : null,
    owner: { id: o.id, name: o.name, type: a.ownerType, region: o.region, claimed: o.claimed },
    reviewComment: opts.withReview ? a.reviewComment : null,
    qualityWarnings: opts.withReview ? a.qualityWarnings : [],
    viewCount: a.viewCount,
    interestCount: a.interestCount,
    submittedAt: a.submittedAt?.toISOString() ?? null,
    publishedAt: a.publishedAt?.toISOString() ?? null,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

/** An achievement as monitoring counts it (the monitoring feed). */
export class PublishedAchievementRecord {
  id!: string;
  ownerId!: string;
  industry!: string;
  trl!: number;
}

export class InterestResponse {
  @ApiProperty({ description: 'Users who expressed interest' }) interestCount!: number;
  @ApiProperty({ description: 'false when the caller had already expressed interest' }) added!: boolean;
}
