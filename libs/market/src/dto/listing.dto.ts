import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEmail, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { INDUSTRY_CODES, IsYuan, PageQuery } from '@techbridge/platform';
import { LISTING_STATUSES, ListingStatus } from '../listing.state-machine';
import { ListingContact, MarketListing } from '../entities/market-listing.entity';
import { MarketIntent } from '../entities/market-intent.entity';

export const TRANSFER_MODES = ['transfer', 'exclusive', 'sole', 'non-exclusive'] as const;

export class ListingContactDto {
  @ApiProperty({ maxLength: 50 }) @IsString() @MinLength(1) @MaxLength(50) name!: string;
  @ApiPropertyOptional({ maxLength: 30 }) @IsOptional() @IsString() @MaxLength(30) phone?: string;
  @ApiPropertyOptional({ maxLength: 120 }) @IsOptional() @IsEmail() @MaxLength(120) email?: string;
}

export class ListingTermsDto {
  @ApiProperty({ enum: TRANSFER_MODES, description: 'transfer (转让) or licence: exclusive (独占), sole (排他), non-exclusive (普通)' })
  @IsIn(TRANSFER_MODES)
  transferMode!: string;
  @ApiProperty({ maxLength: 200, description: 'Territory of the licence, e.g. 中国大陆' }) @IsString() @MinLength(1) @MaxLength(200) territory!: string;
  @ApiProperty({ minimum: 1, maximum: 600 }) @IsInt() @Min(1) @Max(600) termMonths!: number;
  @ApiProperty({ description: 'Yuan: the asking price, or the reserve for an auction' }) @IsYuan() @Min(0.01) @Max(1e12) price!: number;
  @ApiProperty({ enum: ['asking', 'reserve'] }) @IsIn(['asking', 'reserve']) priceKind!: 'asking' | 'reserve';
  @ApiProperty({ maxLength: 2000 }) @IsString() @MinLength(2) @MaxLength(2000) paymentTerms!: string;
  @ApiProperty({ type: [String], description: 'Patents and other IP the deal covers' })
  @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(100, { each: true })
  ipCovered!: string[];
  @ApiProperty({ type: ListingContactDto, description: 'The contact the owner chooses to show' })
  @ValidateNested() @Type(() => ListingContactDto)
  contact!: ListingContactDto;
  @ApiPropertyOptional({ minimum: 5, maximum: 60, default: 20, description: 'Listing period in working days' })
  @IsOptional() @IsInt() @Min(5) @Max(60)
  listingDays?: number;
}

export class CreateListingDto extends ListingTermsDto {
  @ApiProperty({ enum: ['achievement', 'package'] }) @IsIn(['achievement', 'package']) subject!: 'achievement' | 'package';
  @ApiProperty() @IsUUID() subjectId!: string;
}

export class UpdateListingDto extends PartialType(ListingTermsDto) {}

export const LISTING_ACTIONS = ['submit', 'approve', 'return', 'withdraw', 'break-off'] as const;
export type ListingRouteAction = (typeof LISTING_ACTIONS)[number];

export class ListingTransitionDto {
  @ApiProperty({ enum: LISTING_ACTIONS }) @IsIn(LISTING_ACTIONS) action!: ListingRouteAction;
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @MaxLength(2000) comment?: string;
}

export class ListingListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: LISTING_STATUSES }) @IsOptional() @IsIn(LISTING_STATUSES) status?: ListingStatus;
  @ApiPropertyOptional({ enum: INDUSTRY_CODES }) @IsOptional() @IsIn(INDUSTRY_CODES) industry?: string;
  @ApiPropertyOptional({ enum: TRANSFER_MODES }) @IsOptional() @IsIn(TRANSFER_MODES) transferMode?: string;
  @ApiPropertyOptional({ maxLength: 100 }) @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional({ enum: ['mine', 'review'], description: 'mine: my organisation\'s listings in any state; review: listings waiting for my review' })
  @IsOptional() @IsIn(['mine', 'review'])
  scope?: 'mine' | 'review';
}

export class RegisterIntentDto {
  @ApiProperty({ maxLength: 2000 }) @IsString() @MinLength(2) @MaxLength(2000) message!: string;
  @ApiPropertyOptional({ description: 'Yuan' }) @IsOptional() @IsYuan() @Min(0.01) @Max(1e12) offeredPrice?: number;
}

export class DeclineIntentDto {
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @MaxLength(2000) reason?: string;
}

export class AgreeDealDto {
  @ApiProperty({ description: 'The negotiated price in yuan' }) @IsYuan() @Min(0.01) @Max(1e12) amount!: number;
}

export class ListingContactResponse {
  @ApiProperty() name!: string;
  @ApiPropertyOptional() phone?: string;
  @ApiPropertyOptional() email?: string;
}

export class ListingResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['achievement', 'package'] }) subject!: string;
  @ApiProperty() subjectId!: string;
  @ApiProperty({ type: String, nullable: true }) achievementId!: string | null;
  @ApiProperty() ownerOrgId!: string;
  @ApiProperty() ownerType!: string;
  @ApiProperty({ type: String, nullable: true }) parkCode!: string | null;
  @ApiProperty() title!: string;
  @ApiProperty() industry!: string;
  @ApiProperty({ type: String, nullable: true }) field!: string | null;
  @ApiProperty() trl!: number;
  @ApiProperty({ enum: TRANSFER_MODES }) transferMode!: string;
  @ApiProperty() territory!: string;
  @ApiProperty() termMonths!: number;
  @ApiProperty() price!: number;
  @ApiProperty({ enum: ['asking', 'reserve'] }) priceKind!: string;
  @ApiProperty() paymentTerms!: string;
  @ApiProperty({ type: [String] }) ipCovered!: string[];
  @ApiProperty({ type: ListingContactResponse, nullable: true, description: 'To the owner, staff and introduced organisations only (see /disclosure)' }) contact!: ListingContact | null;
  @ApiProperty() listingDays!: number;
  @ApiProperty({ enum: LISTING_STATUSES }) status!: ListingStatus;
  @ApiProperty({ type: String, nullable: true }) reviewComment!: string | null;
  @ApiProperty({ type: String, nullable: true }) listedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) listingEndsAt!: string | null;
  @ApiProperty({ type: Number, nullable: true }) dealAmount!: number | null;
  @ApiProperty({ type: String, nullable: true }) contractId!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() version!: number;
}

export class IntentResponse {
  @ApiProperty() id!: string;
  @ApiProperty() listingId!: string;
  @ApiProperty() buyerOrgId!: string;
  @ApiProperty({ type: Number, nullable: true }) offeredPrice!: number | null;
  @ApiProperty() message!: string;
  @ApiProperty({ enum: ['open', 'accepted', 'declined', 'withdrawn'] }) status!: string;
  @ApiProperty() createdAt!: string;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function mapListing(l: MarketListing, showContact = true): ListingResponse {
  return {
    id: l.id, subject: l.subject, subjectId: l.subjectId, achievementId: l.achievementId, ownerOrgId: l.ownerOrgId, ownerType: l.ownerType, parkCode: l.parkCode,
    title: l.title, industry: l.industry, field: l.field, trl: l.trl, transferMode: l.transferMode, territory: l.territory, termMonths: l.termMonths,
    price: Number(l.price), priceKind: l.priceKind, paymentTerms: l.paymentTerms, ipCovered: l.ipCovered, contact: showContact ? l.contact : null, listingDays: l.listingDays,
    status: l.status, reviewComment: l.reviewComment, listedAt: iso(l.listedAt), listingEndsAt: iso(l.listingEndsAt),
    dealAmount: l.dealAmount === null ? null : Number(l.dealAmount), contractId: l.contractId, createdAt: l.createdAt.toISOString(), version: l.version,
  };
}

export function mapIntent(i: MarketIntent): IntentResponse {
  return {
    id: i.id, listingId: i.listingId, buyerOrgId: i.buyerOrgId, offeredPrice: i.offeredPrice === null ? null : Number(i.offeredPrice),
    message: i.message, status: i.status, createdAt: i.createdAt.toISOString(),
  };
}

export class ListingPageResponse {
  @ApiProperty({ type: [ListingResponse] }) items!: ListingResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class IntentPageResponse {
  @ApiProperty({ type: [IntentResponse] }) items!: IntentResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
