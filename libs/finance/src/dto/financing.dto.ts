import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { INDUSTRY_CODES, IsYuan, PageQuery, REGION_CODES } from '@techbridge/platform';
import { DataRoomDocument, DataRoomView } from '../entities/data-room.entity';
import { ENGAGEMENT_STATUSES, EngagementStatus, FinancingEngagement } from '../entities/financing-engagement.entity';
import { FINANCING_STAGES, FINANCING_STATUSES, FinancingRequest, FinancingStatus } from '../entities/financing-request.entity';
import { InvestorProfile } from '../entities/investor-profile.entity';
import { ENGAGEMENT_LIFECYCLE, FINANCING_LIFECYCLE } from '../finance.state-machine';

// ---- requests ----

export class InvestorProfileDto {
  @ApiProperty({ example: '雄安科创子基金' }) @IsString() @MinLength(2) @MaxLength(120) displayName!: string;
  @ApiProperty({ enum: FINANCING_STAGES, isArray: true }) @IsArray() @ArrayMaxSize(FINANCING_STAGES.length) @ArrayUnique() @IsIn(FINANCING_STAGES, { each: true }) stages!: string[];
  @ApiProperty({ enum: INDUSTRY_CODES, isArray: true }) @IsArray() @ArrayMaxSize(INDUSTRY_CODES.length) @ArrayUnique() @IsIn(INDUSTRY_CODES, { each: true }) industries!: string[];
  @ApiPropertyOptional({ description: 'Smallest ticket, yuan' }) @IsOptional() @IsYuan() ticketMin?: number;
  @ApiPropertyOptional({ description: 'Largest ticket, yuan' }) @IsOptional() @IsYuan() ticketMax?: number;
  @ApiProperty({ enum: REGION_CODES, isArray: true }) @IsArray() @ArrayMaxSize(REGION_CODES.length) @ArrayUnique() @IsIn(REGION_CODES as unknown as string[], { each: true }) regions!: string[];
  @ApiPropertyOptional({ description: "A park sub-fund's mandate to invest in its park's enterprises (the park is the fund organisation's)" })
  @IsOptional() @IsBoolean() parkMandate?: boolean;
  @ApiPropertyOptional({ description: 'Committed capital, yuan' }) @IsOptional() @IsYuan() fundSize?: number;
}

export class CreateFinancingRequestDto {
  @ApiProperty() @IsString() @MinLength(2) @MaxLength(200) title!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(4000) summary!: string;
  @ApiProperty({ description: 'Amount sought, yuan' }) @IsYuan() amount!: number;
  @ApiProperty({ enum: FINANCING_STAGES }) @IsIn(FINANCING_STAGES) stage!: string;
  @ApiProperty({ enum: INDUSTRY_CODES }) @IsIn(INDUSTRY_CODES) industry!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(2000) useOfFunds!: string;
  @ApiPropertyOptional({ description: 'Pre-money valuation, yuan, if any' }) @IsOptional() @IsYuan() valuation?: number;
  @ApiPropertyOptional({ type: [String], description: 'Achievements of the organisation (or of the university it spun off from); at least one attachment of any kind' })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @ArrayUnique() @IsUUID('4', { each: true }) achievementIds?: string[];
  @ApiPropertyOptional({ type: [String], description: "Market listings: the organisation's own (any state) or publicly listed ones" })
  @IsOptional() @IsArray() @ArrayMaxSize(10) @ArrayUnique() @IsUUID('4', { each: true }) listingIds?: string[];
  @ApiPropertyOptional({ type: [String], description: 'Major projects: ones the organisation takes part in, or public ones' })
  @IsOptional() @IsArray() @ArrayMaxSize(10) @ArrayUnique() @IsUUID('4', { each: true }) majorProjectIds?: string[];
  @ApiPropertyOptional({ description: 'A spin-off: the university it came out of' }) @IsOptional() @IsUUID('4') spinOffOf?: string;
}

export class InviteInvestorDto {
  @ApiProperty({ description: 'A verified investment fund, admitted straight into the data room' }) @IsUUID('4') investorId!: string;
}

export class EngagementNoteDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) note?: string;
}

export class TermSheetDto {
  @ApiProperty({ description: 'Amount of the term sheet, yuan' }) @IsYuan() amount!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) note?: string;
}

export class InvestDto {
  @ApiProperty({ description: 'Amount invested, yuan' }) @IsYuan() amount!: number;
}

export class FinancingListQuery extends PageQuery {}

// ---- responses ----

export class InvestorProfileResponse {
  @ApiProperty() organisationId!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ type: [String] }) stages!: string[];
  @ApiProperty({ type: [String] }) industries!: string[];
  @ApiProperty({ type: Number, nullable: true }) ticketMin!: number | null;
  @ApiProperty({ type: Number, nullable: true }) ticketMax!: number | null;
  @ApiProperty({ type: [String] }) regions!: string[];
  @ApiProperty({ type: String, nullable: true, description: "The park of a park's sub-fund" }) parkCode!: string | null;
  @ApiProperty() parkMandate!: boolean;
  @ApiProperty({ type: Number, nullable: true }) fundSize!: number | null;
}

export function mapProfile(p: InvestorProfile): InvestorProfileResponse {
  return {
    organisationId: p.organisationId, displayName: p.displayName, stages: p.stages, industries: p.industries, ticketMin: p.ticketMin, ticketMax: p.ticketMax,
    regions: p.regions, parkCode: p.parkCode, parkMandate: p.parkMandate, fundSize: p.fundSize,
  };
}

export class FinancingRequestResponse {
  @ApiProperty() id!: string;
  @ApiProperty() ownerId!: string;
  @ApiProperty({ type: String, nullable: true }) spinOffOf!: string | null;
  @ApiProperty() title!: string;
  @ApiProperty() summary!: string;
  @ApiProperty() amount!: number;
  @ApiProperty({ enum: FINANCING_STAGES }) stage!: string;
  @ApiProperty() industry!: string;
  @ApiProperty() useOfFunds!: string;
  @ApiProperty({ type: Number, nullable: true }) valuation!: number | null;
  @ApiProperty({ type: [String] }) achievementIds!: string[];
  @ApiProperty({ type: [String] }) listingIds!: string[];
  @ApiProperty({ type: [String] }) majorProjectIds!: string[];
  @ApiProperty({ type: String, nullable: true }) parkCode!: string | null;
  @ApiProperty() region!: string;
  @ApiProperty({ enum: FINANCING_STATUSES }) status!: FinancingStatus;
  @ApiProperty({ type: Number, nullable: true }) fundedAmount!: number | null;
  @ApiProperty({ type: String, nullable: true }) publishedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) fundedAt!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: [String], description: "The owner's lifecycle actions from this state (empty for others)" }) allowedActions!: string[];
}

export function mapRequest(r: FinancingRequest, owner: boolean): FinancingRequestResponse {
  return {
    id: r.id, ownerId: r.ownerId, spinOffOf: r.spinOffOf, title: r.title, summary: r.summary, amount: r.amount, stage: r.stage, industry: r.industry,
    useOfFunds: r.useOfFunds, valuation: r.valuation, achievementIds: r.achievementIds, listingIds: r.listingIds, majorProjectIds: r.majorProjectIds, parkCode: r.parkCode, region: r.region, status: r.status,
    fundedAmount: r.fundedAmount, publishedAt: r.publishedAt?.toISOString() ?? null, fundedAt: r.fundedAt?.toISOString() ?? null, createdAt: r.createdAt.toISOString(),
    allowedActions: owner ? FINANCING_LIFECYCLE.allowed(r.status).filter((a) => a === 'publish' || a === 'withdraw') : [],
  };
}

export class FinancingRequestPageResponse {
  @ApiProperty({ type: [FinancingRequestResponse] }) items!: FinancingRequestResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class EngagementResponse {
  @ApiProperty() id!: string;
  @ApiProperty() requestId!: string;
  @ApiProperty() investorId!: string;
  @ApiProperty({ type: String, nullable: true }) investorName!: string | null;
  @ApiProperty({ enum: ENGAGEMENT_STATUSES }) status!: EngagementStatus;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ type: Number, nullable: true }) termSheetAmount!: number | null;
  @ApiProperty({ type: Number, nullable: true }) investedAmount!: number | null;
  @ApiProperty({ description: 'The investor sees the data room' }) dataRoomAccess!: boolean;
  @ApiProperty({ type: [String] }) allowedActions!: string[];
  @ApiProperty() updatedAt!: string;
}

export function mapEngagement(e: FinancingEngagement, investorName: string | null): EngagementResponse {
  return {
    id: e.id, requestId: e.requestId, investorId: e.investorId, investorName, status: e.status, note: e.note, termSheetAmount: e.termSheetAmount,
    investedAmount: e.investedAmount, dataRoomAccess: ['admitted', 'term-sheet', 'invested'].includes(e.status), allowedActions: ENGAGEMENT_LIFECYCLE.allowed(e.status),
    updatedAt: e.updatedAt.toISOString(),
  };
}

export class EngagementPageResponse {
  @ApiProperty({ type: [EngagementResponse] }) items!: EngagementResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class DataRoomDocumentResponse {
  @ApiProperty() id!: string;
  @ApiProperty() filename!: string;
  @ApiProperty() contentType!: string;
  @ApiProperty() size!: number;
  @ApiProperty() createdAt!: string;
}

export function mapDocument(d: DataRoomDocument): DataRoomDocumentResponse {
  return { id: d.id, filename: d.filename, contentType: d.contentType, size: d.size, createdAt: d.createdAt.toISOString() };
}

export class DataRoomViewResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['list', 'open'] }) kind!: string;
  @ApiProperty({ type: String, nullable: true }) documentId!: string | null;
  @ApiProperty() viewerUserId!: string;
  @ApiProperty() viewerOrgId!: string;
  @ApiProperty() viewedAt!: string;
}

export function mapView(v: DataRoomView): DataRoomViewResponse {
  return { id: v.id, kind: v.kind, documentId: v.documentId, viewerUserId: v.viewerUserId, viewerOrgId: v.viewerOrgId, viewedAt: v.viewedAt.toISOString() };
}

export class DataRoomViewPageResponse {
  @ApiProperty({ type: [DataRoomViewResponse] }) items!: DataRoomViewResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
