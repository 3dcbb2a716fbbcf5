import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { FIELD_CODES, INDUSTRY_CODES, PageQuery, PARK_CODES, REGION_CODES, TRANSFER_MODE_CODES } from '@techbridge/platform';
import { SavedSearchCriteria, WATCH_SUBJECTS, WatchSubject } from '../saved-search-criteria';
import { Favourite } from '../entities/favourite.entity';
import { SavedSearch } from '../entities/saved-search.entity';

/** The demand search's cooperation modes (demand's own list; the demand search refuses any other). */
const DEMAND_COOPERATION_MODES = ['transfer', 'license', 'joint-implementation', 'equity', 'joint-development', 'consulting', 'other'];

/** Query and filters as the achievement and demand search pages send them; which apply depends on the subject. */
export class SavedSearchCriteriaDto implements SavedSearchCriteria {
  @ApiPropertyOptional({ description: 'Free text' }) @IsOptional() @IsString() @MaxLength(200) q?: string;
  @ApiPropertyOptional({ enum: INDUSTRY_CODES }) @IsOptional() @IsIn(INDUSTRY_CODES) industry?: string;
  @ApiPropertyOptional({ enum: FIELD_CODES }) @IsOptional() @IsIn(FIELD_CODES) field?: string;
  @ApiPropertyOptional({ enum: PARK_CODES }) @IsOptional() @IsIn(PARK_CODES) park?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 9, description: 'Achievements only' }) @IsOptional() @IsInt() @Min(1) @Max(9) trlMin?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 9, description: 'Achievements only' }) @IsOptional() @IsInt() @Min(1) @Max(9) trlMax?: number;
  @ApiPropertyOptional({ enum: TRANSFER_MODE_CODES, description: 'Achievements only' }) @IsOptional() @IsIn(TRANSFER_MODE_CODES) transferMode?: string;
  @ApiPropertyOptional({ enum: REGION_CODES, description: "Achievements only: the owner's region" }) @IsOptional() @IsIn([...REGION_CODES]) region?: string;
  @ApiPropertyOptional({ description: 'Achievements only: asking price at most (yuan)' }) @IsOptional() @IsNumber() @Min(0) @Max(1e12) priceMax?: number;
  @ApiPropertyOptional({ enum: DEMAND_COOPERATION_MODES, description: 'Demands only' }) @IsOptional() @IsIn(DEMAND_COOPERATION_MODES) cooperationMode?: string;
  @ApiPropertyOptional({ description: 'Demands only: budget at least (yuan)' }) @IsOptional() @IsNumber() @Min(0) @Max(1e12) budgetMin?: number;
}

export class CreateSavedSearchDto extends SavedSearchCriteriaDto {
  @ApiProperty({ enum: WATCH_SUBJECTS }) @IsIn([...WATCH_SUBJECTS]) subject!: WatchSubject;
  @ApiProperty({ maxLength: 100 }) @IsString() @MinLength(1) @MaxLength(100) name!: string;
  @ApiPropertyOptional({ default: true, description: 'Alert when a new listing matches' }) @IsOptional() @IsBoolean() alert?: boolean;
}

export class UpdateSavedSearchDto {
  @ApiPropertyOptional({ maxLength: 100 }) @IsOptional() @IsString() @MinLength(1) @MaxLength(100) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() alert?: boolean;
}

export class WatchListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: WATCH_SUBJECTS }) @IsOptional() @IsIn([...WATCH_SUBJECTS]) subject?: WatchSubject;
}

export class AddFavouriteDto {
  @ApiProperty({ enum: WATCH_SUBJECTS }) @IsIn([...WATCH_SUBJECTS]) subject!: WatchSubject;
  @ApiProperty({ format: 'uuid' }) @IsUUID() targetId!: string;
}

export class SavedSearchCriteriaResponse extends SavedSearchCriteriaDto {}

export class SavedSearchResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: WATCH_SUBJECTS }) subject!: WatchSubject;
  @ApiProperty() name!: string;
  @ApiProperty({ type: SavedSearchCriteriaResponse }) criteria!: SavedSearchCriteriaResponse;
  @ApiProperty() alert!: boolean;
  @ApiProperty({ type: String, nullable: true }) lastAlertedAt!: string | null;
  @ApiProperty() createdAt!: string;
}

export class SavedSearchPageResponse {
  @ApiProperty({ type: [SavedSearchResponse] }) items!: SavedSearchResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class FavouriteResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: WATCH_SUBJECTS }) subject!: WatchSubject;
  @ApiProperty() targetId!: string;
  @ApiProperty({ description: 'Title as it is now' }) title!: string;
  @ApiProperty({ description: 'False when the listing has been withdrawn or is no longer visible to you' }) available!: boolean;
  @ApiProperty() createdAt!: string;
}

export class FavouritePageResponse {
  @ApiProperty({ type: [FavouriteResponse] }) items!: FavouriteResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export function mapSavedSearch(s: SavedSearch): SavedSearchResponse {
  return {
    id: s.id, subject: s.subject, name: s.name, criteria: s.criteria, alert: s.alert,
    lastAlertedAt: s.lastAlertedAt?.toISOString() ?? null, createdAt: s.createdAt.toISOString(),
  };
}

export function mapFavourite(f: Favourite, target: { title: string; available: boolean }): FavouriteResponse {
  return { id: f.id, subject: f.subject, targetId: f.targetId, title: target.title, available: target.available, createdAt: f.createdAt.toISOString() };
}
