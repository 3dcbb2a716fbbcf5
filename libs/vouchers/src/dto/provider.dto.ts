import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IsCreditCode, PageQuery, PARK_CODES } from '@techbridge/platform';
import { PartyRelation, ServiceProvider } from '../entities/provider.entity';
import { SERVICE_CATEGORIES } from '../rules/service-categories';

export class RegisterProviderDto {
  @ApiProperty({ maxLength: 50 }) @IsString() @MinLength(2) @MaxLength(50) legalRepresentative!: string;
  @ApiProperty({ enum: SERVICE_CATEGORIES, isArray: true }) @IsArray() @ArrayMinSize(1) @ArrayUnique() @IsIn([...SERVICE_CATEGORIES], { each: true }) categories!: string[];
  @ApiPropertyOptional({ enum: PARK_CODES }) @IsOptional() @IsIn(PARK_CODES) parkCode?: string;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() acceptsVouchers?: boolean;
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @MaxLength(2000) description?: string;
}

export class ProviderSearchQuery extends PageQuery {
  @ApiPropertyOptional({ enum: SERVICE_CATEGORIES }) @IsOptional() @IsIn([...SERVICE_CATEGORIES]) category?: string;
  @ApiPropertyOptional({ enum: PARK_CODES }) @IsOptional() @IsIn(PARK_CODES) park?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)) @IsBoolean() acceptsVouchers?: boolean;
}

export class BlacklistDto {
  @ApiProperty({ maxLength: 1000 }) @IsString() @MinLength(2) @MaxLength(1000) reason!: string;
}

export class RecordRelationDto {
  @ApiProperty({ description: 'Credit code of the shareholder' }) @IsCreditCode() shareholderCreditCode!: string;
  @ApiProperty({ description: 'Credit code of the organisation it holds shares in' }) @IsCreditCode() heldCreditCode!: string;
  @ApiPropertyOptional({ maxLength: 500 }) @IsOptional() @IsString() @MaxLength(500) note?: string;
}

export class ProviderResponse {
  @ApiProperty() id!: string;
  @ApiProperty() orgId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['HE', 'BJ', 'TJ'] }) region!: string;
  @ApiProperty({ type: String, nullable: true }) parkCode!: string | null;
  @ApiProperty({ type: [String] }) categories!: string[];
  @ApiProperty() acceptsVouchers!: boolean;
  @ApiProperty() description!: string;
  @ApiProperty() blacklisted!: boolean;
  @ApiProperty({ type: Number, nullable: true, description: 'Mean rating from completed orders' }) rating!: number | null;
  @ApiProperty() ratingCount!: number;
}

export class ProviderPageResponse {
  @ApiProperty({ type: [ProviderResponse] }) items!: ProviderResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class RelationResponse {
  @ApiProperty() id!: string;
  @ApiProperty() shareholderCreditCode!: string;
  @ApiProperty() heldCreditCode!: string;
  @ApiProperty() note!: string;
  @ApiProperty() createdAt!: string;
}

export class RelationPageResponse {
  @ApiProperty({ type: [RelationResponse] }) items!: RelationResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export function mapProvider(p: ServiceProvider): ProviderResponse {
  return {
    id: p.id, orgId: p.orgId, name: p.name, region: p.region, parkCode: p.parkCode, categories: p.categories, acceptsVouchers: p.acceptsVouchers,
    description: p.description, blacklisted: !!p.blacklistedAt, rating: p.ratingCount ? Math.round((p.ratingSum / p.ratingCount) * 100) / 100 : null, ratingCount: p.ratingCount,
  };
}

export function mapRelation(r: PartyRelation): RelationResponse {
  return { id: r.id, shareholderCreditCode: r.shareholderCreditCode, heldCreditCode: r.heldCreditCode, note: r.note, createdAt: r.createdAt.toISOString() };
}
