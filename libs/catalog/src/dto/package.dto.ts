import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { INDUSTRY_CODES, IsOmittable, PageQuery, PARK_CODES } from '@techbridge/platform';
import type { PackageStatus } from '../entities/technology-package.entity';

export class CreatePackageDto {
  @ApiProperty() @IsString() @MinLength(2) @MaxLength(200) title!: string;
  @ApiProperty({ description: 'e.g. 氢能储运与加注' }) @IsString() @MinLength(2) @MaxLength(200) theme!: string;
  @ApiProperty({ enum: INDUSTRY_CODES }) @IsIn(INDUSTRY_CODES) industry!: string;
  @ApiPropertyOptional() @IsOmittable() @IsString() @MaxLength(10000) description?: string;
  @ApiPropertyOptional({ type: [String], description: 'Ordered ids of published achievements' })
  @IsOmittable() @IsArray() @ArrayMaxSize(100) @ArrayUnique() @IsUUID('all', { each: true }) achievementIds?: string[];
  @ApiPropertyOptional({ enum: PARK_CODES, isArray: true }) @IsOmittable() @IsArray() @ArrayUnique() @IsIn(PARK_CODES, { each: true }) targetParks?: string[];
}

// Omitting a field keeps it; null clears only what is nullable in the create DTO (a required field set to null is a 400).
export class UpdatePackageDto extends PartialType(CreatePackageDto, { skipNullProperties: false }) {}

export class PackageListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['draft', 'published', 'archived'] }) @IsOptional() @IsIn(['draft', 'published', 'archived']) status?: PackageStatus;
  @ApiPropertyOptional({ description: 'Only packages curated by my organisation' }) @IsOptional() @IsIn(['true', 'false']) mine?: string;
}

export class PackageAchievementItem {
  @ApiProperty() position!: number;
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() status!: string;
  @ApiProperty() trl!: number;
  @ApiProperty({ type: Number, nullable: true }) askingPrice!: number | null;
  @ApiProperty() negotiable!: boolean;
  @ApiProperty() ownerId!: string;
  @ApiProperty() ownerName!: string;
}

export class PackageResponse {
  @ApiProperty() id!: string;
  @ApiProperty() version!: number;
  @ApiProperty() title!: string;
  @ApiProperty() theme!: string;
  @ApiProperty() industry!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ enum: ['draft', 'published', 'archived'] }) status!: PackageStatus;
  @ApiProperty({ type: [String] }) targetParks!: string[];
  @ApiProperty({ type: [PackageAchievementItem] }) achievements!: PackageAchievementItem[];
  @ApiProperty({ type: Number, nullable: true }) trlMin!: number | null;
  @ApiProperty({ type: Number, nullable: true }) trlMax!: number | null;
  @ApiProperty({ description: 'Sum of priced items (yuan)' }) totalAskingPrice!: number;
  @ApiProperty({ description: 'Items priced as negotiable (面议), not in the total' }) negotiableCount!: number;
  @ApiProperty() owners!: Array<{ id: string; name: string; count: number }>;
  @ApiProperty() curatorId!: string;
  @ApiProperty() curatorOrgId!: string;
  @ApiProperty({ type: String, nullable: true }) publishedAt!: string | null;
  @ApiProperty() updatedAt!: string;
}

export class CreateGuideCatalogDto {
  @ApiProperty() @IsInt() @Min(2000) @Max(2100) year!: number;
  @ApiProperty({ enum: INDUSTRY_CODES }) @IsIn(INDUSTRY_CODES) industry!: string;
  @ApiPropertyOptional({ description: 'Defaults to 「<year>年<industry>先进适用技术指导目录」' }) @IsOptional() @IsString() @MaxLength(200) title?: string;
}

export class GuideCatalogEntryDto {
  @ApiProperty() @IsUUID() achievementId!: string;
  @ApiProperty({ description: 'Recommendation note (推荐理由)' }) @IsString() @MinLength(2) @MaxLength(2000) note!: string;
}

export class GuideCatalogListQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year?: number;
  @ApiPropertyOptional({ enum: INDUSTRY_CODES }) @IsOptional() @IsIn(INDUSTRY_CODES) industry?: string;
}

export class ExportQuery {
  @ApiPropertyOptional({ enum: ['csv', 'xlsx'], default: 'xlsx' }) @IsOptional() @IsIn(['csv', 'xlsx']) format?: 'csv' | 'xlsx';
}

export class GuideCatalogEntryResponse {
  @ApiProperty() position!: number;
  @ApiProperty() achievementId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() ownerName!: string;
  @ApiProperty() ownerRegion!: string;
  @ApiProperty() trl!: number;
  @ApiProperty({ type: Number, nullable: true }) askingPrice!: number | null;
  @ApiProperty({ type: [String] }) transferModes!: string[];
  @ApiProperty({ type: [String] }) patents!: string[];
  @ApiProperty() note!: string;
}

export class GuideCatalogResponse {
  @ApiProperty() id!: string;
  @ApiProperty() year!: number;
  @ApiProperty() industry!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['draft', 'published'] }) status!: string;
  @ApiProperty({ type: [GuideCatalogEntryResponse] }) entries!: GuideCatalogEntryResponse[];
  @ApiProperty({ type: String, nullable: true }) publishedAt!: string | null;
}
