import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayUnique, IsArray, IsEmail, IsIn, IsInt, IsISO8601, IsNumber, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength,
  ValidateNested,
} from 'class-validator';
import { FIELD_CODES, INDUSTRY_CODES, IsCreditCode, IsOmittable, IsYuan, PageQuery, PARK_CODES } from '@techbridge/platform';
import { deadlineDate } from '../demand.deadline';
import { DEMAND_STATUSES, DemandStatus } from '../demand.state-machine';
import { DEMAND_VISIBILITIES, DemandVisibility } from '../demand.visibility';
import {
  COOPERATION_MODES_OF_DEMAND, Demand, DemandCooperationMode, ENTERPRISE_QUALIFICATIONS, EnterpriseQualification,
} from '../entities/demand.entity';
import { demandWordsOf } from '../demand.projection';

/** numeric(18,2) holds at most 16 integer digits. */
export const MAX_MONEY = 9_999_999_999_999_999;

const trimmed = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));
const queryBoolean = () => Transform(({ value }) => (value === 'true' || value === true ? true : value === 'false' || value === false ? false : value));

export class DemandEnterpriseDto {
  @ApiPropertyOptional({ example: '河北某钢铁有限公司', description: 'Defaults to the name of your organisation' })
  @IsOptional()
  @IsString()
  @trimmed()
  @MinLength(2)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ example: '91130100MA0000000X', description: '统一社会信用代码 (GB 32100-2015, check character verified)' })
  @IsOptional()
  @IsCreditCode()
  creditCode?: string;

  @ApiPropertyOptional({ enum: ENTERPRISE_QUALIFICATIONS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(ENTERPRISE_QUALIFICATIONS, { each: true })
  qualifications?: EnterpriseQualification[];
}

export class DemandContactDto {
  @ApiPropertyOptional({ example: '王工' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  name?: string;

  @ApiPropertyOptional({ example: '0311-12345678' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string;

  @ApiPropertyOptional({ example: 'tech@example.cn' })
  @IsOptional()
  @IsEmail()
  @MaxLength(120)
  email?: string;
}

/** The fields of shared/contracts/demand.schema.json, for the create API (and the importer's validation). */
export class CreateDemandDto {
  @ApiPropertyOptional({ description: 'Identifier in the source system; re-import of source + externalId updates', maxLength: 128 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  externalId?: string;

  @ApiPropertyOptional({ default: 'manual', maxLength: 64 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  source?: string;

  @ApiProperty({ example: '烧结机头烟气氮氧化物经常超标', minLength: 2, maxLength: 200 })
  @IsString()
  @trimmed()
  @MinLength(2)
  @MaxLength(200)
  title!: string;

  @ApiProperty({ description: 'The problem in your own words: what you make, what goes wrong, what you need', minLength: 10, maxLength: 20000 })
  @IsString()
  @MinLength(10)
  @MaxLength(20000)
  description!: string;

  @ApiPropertyOptional({ type: [String], maxItems: 20 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(40, { each: true })
  keywords?: string[];

  @ApiProperty({ enum: INDUSTRY_CODES })
  @IsIn(INDUSTRY_CODES)
  industry!: string;

  @ApiPropertyOptional({ enum: FIELD_CODES, nullable: true })
  @IsOptional()
  @IsIn(FIELD_CODES)
  field?: string | null;

  @ApiPropertyOptional({ minimum: 1, maximum: 9, nullable: true, description: 'Lowest readiness you can take on' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(9)
  minTrl?: number | null;

  @ApiPropertyOptional({ minimum: 0, nullable: true, description: 'Budget in yuan; null means open' })
  @IsOptional()
  @IsYuan()
  @Min(0)
  @Max(MAX_MONEY)
  budget?: number | null;

  @ApiPropertyOptional({ enum: COOPERATION_MODES_OF_DEMAND, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(COOPERATION_MODES_OF_DEMAND, { each: true })
  cooperationModes?: DemandCooperationMode[];

  @ApiPropertyOptional({ enum: PARK_CODES, nullable: true })
  @IsOptional()
  @IsIn(PARK_CODES)
  park?: string | null;

  @ApiPropertyOptional({ example: '2026-12-31', nullable: true, description: 'Last day proposals are accepted (Beijing time), or an exact ISO date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  deadline?: string | null;

  @ApiPropertyOptional({ enum: DEMAND_VISIBILITIES, default: 'public' })
  @IsOptional()
  @IsIn(DEMAND_VISIBILITIES)
  visibility?: DemandVisibility;

  @ApiPropertyOptional({ type: DemandEnterpriseDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => DemandEnterpriseDto)
  enterprise?: DemandEnterpriseDto;

  @ApiPropertyOptional({ type: DemandContactDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => DemandContactDto)
  contact?: DemandContactDto | null;
}

/** Partial update; null clears an optional field (budget null = open). */
export class UpdateDemandDto {
  @ApiPropertyOptional() @IsOmittable() @IsString() @trimmed() @MinLength(2) @MaxLength(200) title?: string;
  @ApiPropertyOptional() @IsOmittable() @IsString() @MinLength(10) @MaxLength(20000) description?: string;
  @ApiPropertyOptional({ type: [String] })
  @IsOmittable() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @MinLength(1, { each: true }) @MaxLength(40, { each: true })
  keywords?: string[];
  @ApiPropertyOptional({ enum: INDUSTRY_CODES }) @IsOmittable() @IsIn(INDUSTRY_CODES) industry?: string;
  @ApiPropertyOptional({ enum: FIELD_CODES, nullable: true }) @IsOptional() @IsIn(FIELD_CODES) field?: string | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(9) minTrl?: number | null;
  @ApiPropertyOptional({ nullable: true })
  @IsOptional() @IsYuan() @Min(0) @Max(MAX_MONEY)
  budget?: number | null;
  @ApiPropertyOptional({ enum: COOPERATION_MODES_OF_DEMAND, isArray: true })
  @IsOmittable() @IsArray() @ArrayUnique() @IsIn(COOPERATION_MODES_OF_DEMAND, { each: true })
  cooperationModes?: DemandCooperationMode[];
  @ApiPropertyOptional({ enum: PARK_CODES, nullable: true }) @IsOptional() @IsIn(PARK_CODES) park?: string | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsISO8601({ strict: true }) deadline?: string | null;
  @ApiPropertyOptional({ enum: DEMAND_VISIBILITIES }) @IsOmittable() @IsIn(DEMAND_VISIBILITIES) visibility?: DemandVisibility;
  @ApiPropertyOptional({ type: DemandEnterpriseDto }) @IsOmittable() @ValidateNested() @Type(() => DemandEnterpriseDto) enterprise?: DemandEnterpriseDto;
  @ApiPropertyOptional({ type: DemandContactDto, nullable: true }) @IsOptional() @ValidateNested() @Type(() => DemandContactDto) contact?: DemandContactDto | null;
}

export class CloseDemandDto {
  @ApiProperty({ example: '已自行解决' })
  @IsString()
  @trimmed()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;
}

export class AssignBrokerDto {
  @ApiProperty({ description: 'A user with the broker role' })
  @IsUUID()
  userId!: string;
}

export class DemandListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: DEMAND_STATUSES }) @IsOptional() @IsIn(DEMAND_STATUSES) status?: DemandStatus;
  @ApiPropertyOptional({ enum: INDUSTRY_CODES }) @IsOptional() @IsIn(INDUSTRY_CODES) industry?: string;
  @ApiPropertyOptional({ enum: FIELD_CODES }) @IsOptional() @IsIn(FIELD_CODES) field?: string;
  @ApiPropertyOptional({ enum: PARK_CODES }) @IsOptional() @IsIn(PARK_CODES) park?: string;
  @ApiPropertyOptional({ enum: DEMAND_VISIBILITIES }) @IsOptional() @IsIn(DEMAND_VISIBILITIES) visibility?: DemandVisibility;
  @ApiPropertyOptional({ enum: COOPERATION_MODES_OF_DEMAND }) @IsOptional() @IsIn(COOPERATION_MODES_OF_DEMAND) cooperationMode?: DemandCooperationMode;
  @ApiPropertyOptional({ description: 'Budget at least this (yuan)' }) @IsOptional() @Type(() => Number) @IsNumber() @Min(0) budgetMin?: number;
  @ApiPropertyOptional() @IsOptional() @IsUUID() enterpriseId?: string;
  @ApiPropertyOptional({ description: "Only your organisation's demands, drafts included" }) @IsOptional() @queryBoolean() @IsIn([true, false]) mine?: boolean;
  @ApiPropertyOptional({ description: 'Import lookup, with externalId' }) @IsOptional() @IsString() @MaxLength(64) source?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(128) externalId?: string;
  @ApiPropertyOptional({ description: 'Text in the title' }) @IsOptional() @IsString() @MaxLength(200) q?: string;
}

export class DemandExportQuery extends DemandListQuery {
  @ApiPropertyOptional({ enum: ['csv'], default: 'csv' }) @IsOptional() @IsIn(['csv']) format?: 'csv';
}

export class DemandSearchQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) q?: string;
  @ApiPropertyOptional({ enum: INDUSTRY_CODES }) @IsOptional() @IsIn(INDUSTRY_CODES) industry?: string;
  @ApiPropertyOptional({ enum: FIELD_CODES }) @IsOptional() @IsIn(FIELD_CODES) field?: string;
  @ApiPropertyOptional({ enum: PARK_CODES }) @IsOptional() @IsIn(PARK_CODES) park?: string;
  @ApiPropertyOptional({ enum: COOPERATION_MODES_OF_DEMAND }) @IsOptional() @IsIn(COOPERATION_MODES_OF_DEMAND) cooperationMode?: DemandCooperationMode;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsNumber() @Min(0) budgetMin?: number;
  @ApiPropertyOptional({ enum: ['published', 'in-negotiation'] }) @IsOptional() @IsIn(['published', 'in-negotiation']) status?: 'published' | 'in-negotiation';
}

// ---- responses ----

export class DemandEnterpriseResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) creditCode!: string | null;
  @ApiProperty({ enum: ['BJ', 'TJ', 'HE', 'other'] }) region!: string;
  @ApiProperty({ enum: ENTERPRISE_QUALIFICATIONS, isArray: true }) qualifications!: EnterpriseQualification[];
}

export class DemandContactResponse {
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
}

/** Everything about a demand, for viewers allowed to read its description. */
export class DemandResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: [false] }) redacted!: false;
  @ApiProperty() source!: string;
  @ApiProperty({ type: String, nullable: true }) externalId!: string | null;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: [String] }) keywords!: string[];
  @ApiProperty() industry!: string;
  @ApiProperty({ type: String, nullable: true }) field!: string | null;
  @ApiProperty({ type: Number, nullable: true }) minTrl!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'yuan; null = open' }) budget!: number | null;
  @ApiProperty({ enum: COOPERATION_MODES_OF_DEMAND, isArray: true }) cooperationModes!: DemandCooperationMode[];
  @ApiProperty({ type: String, nullable: true }) park!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Last day proposals are accepted (Beijing time)' }) deadline!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The instant proposals close' }) deadlineAt!: string | null;
  @ApiProperty({ enum: DEMAND_VISIBILITIES }) visibility!: DemandVisibility;
  @ApiProperty({ enum: DEMAND_STATUSES }) status!: DemandStatus;
  @ApiProperty({ type: DemandEnterpriseResponse }) enterprise!: DemandEnterpriseResponse;
  @ApiProperty({ type: DemandContactResponse, nullable: true, description: 'Only for signed-in readers' }) contact!: DemandContactResponse | null;
  @ApiProperty({ type: String, nullable: true }) publishedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) closeReason!: string | null;
  @ApiProperty() version!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

/** What a viewer who may not read the description sees: title, industry, field and park. */
export class RedactedDemandResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: [true] }) redacted!: true;
  @ApiProperty({ enum: DEMAND_VISIBILITIES, description: 'Why it is redacted' }) visibility!: DemandVisibility;
  @ApiProperty() title!: string;
  @ApiProperty() industry!: string;
  @ApiProperty({ type: String, nullable: true }) field!: string | null;
  @ApiProperty({ type: String, nullable: true }) park!: string | null;
}

export type DemandView = DemandResponse | RedactedDemandResponse;

export class DemandPageResponse {
  @ApiProperty({ type: [DemandResponse], description: 'DemandResponse or RedactedDemandResponse per item' }) items!: DemandView[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class DemandSearchResponse extends DemandPageResponse {
  @ApiProperty({ description: 'industry, park, cooperationMode → value → count', type: Object })
  facets!: Record<'industry' | 'park' | 'cooperationMode', Record<string, number>>;
}

export class DemandBrokerResponse {
  @ApiProperty() demandId!: string;
  @ApiProperty() userId!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty() assignedAt!: string;
}

export function mapDemand(d: Demand): DemandResponse {
  return {
    id: d.id,
    redacted: false,
    source: d.source,
    externalId: d.externalId,
    ...demandWordsOf(d),
    budget: d.budget === null || d.budget === undefined ? null : Number(d.budget),
    cooperationModes: d.cooperationModes,
    park: d.park,
    deadline: d.deadlineAt ? deadlineDate(d.deadlineAt) : null,
    deadlineAt: d.deadlineAt ? d.deadlineAt.toISOString() : null,
    visibility: d.visibility,
    status: d.status,
    enterprise: {
      id: d.enterpriseId,
      name: d.enterpriseName,
      creditCode: d.enterpriseCreditCode,
      region: d.enterpriseRegion,
      qualifications: d.qualifications,
    },
    contact: d.contactName || d.contactPhone || d.contactEmail ? { name: d.contactName, phone: d.contactPhone, email: d.contactEmail } : null,
    publishedAt: d.publishedAt ? d.publishedAt.toISOString() : null,
    closeReason: d.closeReason,
    version: d.version,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
  };
}

export function redactedView(d: { id: string; visibility: DemandVisibility; title: string; industry: string; field: string | null; park: string | null }): RedactedDemandResponse {
  return { id: d.id, redacted: true, visibility: d.visibility, title: d.title, industry: d.industry, field: d.field, park: d.park };
}

/** A demand as monitoring counts it (the monitoring feed). */
export class PublishedDemandRecord {
  id!: string;
  park!: string | null;
  industry!: string;
  minTrl!: number | null;
}

/** An awarded proposal as monitoring counts it (the monitoring feed). */
export class AwardedProposalRecord {
  proposalId!: string;
  demandId!: string;
  park!: string | null;
  awardedAt!: string;
}
