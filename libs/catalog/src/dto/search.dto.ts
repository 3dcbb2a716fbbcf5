import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { FIELD_CODES, INDUSTRY_CODES, PageQuery, PARK_CODES, REGION_CODES, TRANSFER_MODE_CODES } from '@techbridge/platform';

export const ACHIEVEMENT_SORTS = ['relevance', 'newest', 'price-asc', 'price-desc', 'trl-desc', 'trl-asc'] as const;

export class SearchAchievementsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Free text; Chinese is segmented into words' }) @IsOptional() @IsString() @MaxLength(200) q?: string;
  @ApiPropertyOptional({ enum: INDUSTRY_CODES }) @IsOptional() @IsIn(INDUSTRY_CODES) industry?: string;
  @ApiPropertyOptional({ enum: FIELD_CODES }) @IsOptional() @IsIn(FIELD_CODES) field?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 9 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(9) trlMin?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 9 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(9) trlMax?: number;
  @ApiPropertyOptional({ enum: TRANSFER_MODE_CODES }) @IsOptional() @IsIn(TRANSFER_MODE_CODES) transferMode?: string;
  @ApiPropertyOptional({ enum: REGION_CODES, description: "Owner's region" }) @IsOptional() @IsIn([...REGION_CODES]) region?: string;
  @ApiPropertyOptional({ description: 'Asking price at most this (yuan); negotiable items are excluded' }) @IsOptional() @Type(() => Number) @IsNumber() @Min(0) priceMax?: number;
  @ApiPropertyOptional({ enum: PARK_CODES, description: "Only the park's key industries" }) @IsOptional() @IsIn(PARK_CODES) park?: string;
  @ApiPropertyOptional({ enum: ACHIEVEMENT_SORTS, default: 'relevance' }) @IsOptional() @IsIn([...ACHIEVEMENT_SORTS]) sort?: (typeof ACHIEVEMENT_SORTS)[number];
}

export class SearchPackagesQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) q?: string;
  @ApiPropertyOptional({ enum: INDUSTRY_CODES }) @IsOptional() @IsIn(INDUSTRY_CODES) industry?: string;
  @ApiPropertyOptional({ enum: PARK_CODES, description: 'Packages targeting this park' }) @IsOptional() @IsIn(PARK_CODES) park?: string;
}

export class AchievementSearchItem {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() summary!: string;
  @ApiProperty({ type: [String] }) keywords!: string[];
  @ApiProperty() industry!: string;
  @ApiProperty({ type: String, nullable: true }) field!: string | null;
  @ApiProperty() trl!: number;
  @ApiProperty() stage!: string;
  @ApiProperty({ type: [String] }) transferModes!: string[];
  @ApiProperty({ type: Number, nullable: true }) askingPrice!: number | null;
  @ApiProperty() negotiable!: boolean;
  @ApiProperty() ownerId!: string;
  @ApiProperty() ownerName!: string;
  @ApiProperty() ownerType!: string;
  @ApiProperty() ownerRegion!: string;
  @ApiProperty() fiscallyFunded!: boolean;
  @ApiProperty() hasPatent!: boolean;
  @ApiProperty() publishedAt!: string;
  @ApiProperty({ type: 'object', additionalProperties: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] }, description: 'Matched terms wrapped in <em>…</em>' }) highlights!: Record<string, string | string[]>;
}

export class SearchFacets {
  @ApiProperty() industry!: Record<string, number>;
  @ApiProperty() trl!: Record<string, number>;
  @ApiProperty() region!: Record<string, number>;
  @ApiProperty() transferMode!: Record<string, number>;
}

export class LanguageSuggestion {
  @ApiProperty() zh!: string;
  @ApiProperty() en!: string;
}

export class LanguageHintDto {
  @ApiProperty() zh!: string;
  @ApiProperty() en!: string;
  @ApiProperty({ type: [LanguageSuggestion] }) suggestions!: LanguageSuggestion[];
}

export class AchievementSearchResponse {
  @ApiProperty({ type: [AchievementSearchItem] }) items!: AchievementSearchItem[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty({ type: SearchFacets }) facets!: SearchFacets;
  @ApiProperty() processingTimeMs!: number;
  @ApiPropertyOptional({ type: LanguageHintDto, description: 'For an English query that found nothing: the listings are in Chinese, with Chinese terms to try' })
  languageHint?: LanguageHintDto;
}

export class PackageSearchItem {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() theme!: string;
  @ApiProperty() industry!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: [String] }) achievementTitles!: string[];
  @ApiProperty({ type: Number, nullable: true }) trlMin!: number | null;
  @ApiProperty({ type: Number, nullable: true }) trlMax!: number | null;
  @ApiProperty() totalAskingPrice!: number;
  @ApiProperty() negotiableCount!: number;
  @ApiProperty({ type: [String] }) ownerNames!: string[];
  @ApiProperty({ type: [String] }) targetParks!: string[];
  @ApiProperty({ type: 'object', additionalProperties: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] }, description: 'Matched terms wrapped in <em>…</em>' }) highlights!: Record<string, string | string[]>;
}

export class PackageSearchResponse {
  @ApiProperty({ type: [PackageSearchItem] }) items!: PackageSearchItem[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty() facets!: { industry: Record<string, number> };
  @ApiProperty() processingTimeMs!: number;
}
