import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { PARK_CODES } from '@techbridge/platform';
import { LIST_ITEM_STATUSES, LIST_KINDS, ListItemStatus, ListKind } from '../three-lists.rules';

export class ParkYearParams {
  @ApiProperty({ enum: PARK_CODES }) @IsIn(PARK_CODES) code!: string;
  @ApiProperty({ minimum: 2016, maximum: 2100 }) @Type(() => Number) @IsInt() @Min(2016) @Max(2100) year!: number;
}

export class CreateListItemDto {
  @ApiProperty({ enum: LIST_KINDS, description: 'docking 成果对接, measure 重点举措, landing 转化落地' }) @IsIn(LIST_KINDS) kind!: ListKind;
  @ApiProperty({ maxLength: 200 }) @IsString() @MinLength(2) @MaxLength(200) title!: string;
  @ApiPropertyOptional({ maxLength: 4000 }) @IsOptional() @IsString() @MaxLength(4000) description?: string;
  @ApiPropertyOptional({ maxLength: 100, description: 'Measures: who carries it' }) @IsOptional() @IsString() @MinLength(2) @MaxLength(100) owner?: string;
  @ApiPropertyOptional({ example: '2026-12-31', description: 'Measures: due date' }) @IsOptional() @IsISO8601({ strict: true }) @Matches(/^\d{4}-\d{2}-\d{2}$/) dueDate?: string;
  @ApiPropertyOptional({ description: 'Docking: the achievement targeted' }) @IsOptional() @IsUUID() achievementId?: string;
  @ApiPropertyOptional({ description: 'Landing: the registered technology contract' }) @IsOptional() @IsUUID() contractId?: string;
  @ApiPropertyOptional({ description: 'Landing: the accepted major project' }) @IsOptional() @IsUUID() projectId?: string;
}

export const LIST_ITEM_ACTIONS = ['start', 'complete', 'drop', 'update'] as const;

export class ListItemStepDto {
  @ApiProperty({ enum: LIST_ITEM_ACTIONS, description: 'update: a quarterly progress entry that keeps the state' }) @IsIn([...LIST_ITEM_ACTIONS]) action!: (typeof LIST_ITEM_ACTIONS)[number];
  @ApiPropertyOptional({ example: '2026Q3', description: 'The quarterly entry this update belongs to' }) @IsOptional() @Matches(/^\d{4}Q[1-4]$/) quarter?: string;
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @MaxLength(2000) note?: string;
  @ApiPropertyOptional({ description: 'Landing: link the registered contract' }) @IsOptional() @IsUUID() contractId?: string;
  @ApiPropertyOptional({ description: 'Landing: link the accepted major project' }) @IsOptional() @IsUUID() projectId?: string;
}

export class ListItemResponse {
  @ApiProperty() id!: string;
  @ApiProperty() parkCode!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ enum: LIST_KINDS }) kind!: ListKind;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ enum: LIST_ITEM_STATUSES }) status!: ListItemStatus;
  @ApiProperty({ type: String, nullable: true }) owner!: string | null;
  @ApiProperty({ type: String, nullable: true }) dueDate!: string | null;
  @ApiProperty({ type: String, nullable: true }) achievementId!: string | null;
  @ApiProperty({ type: String, nullable: true }) contractId!: string | null;
  @ApiProperty({ type: String, nullable: true }) projectId!: string | null;
  @ApiProperty({ description: 'Landing: linked to a registered contract or an accepted project of this park' }) linked!: boolean;
  @ApiProperty({ description: 'Counts towards completion (done, and for a landing its proof)' }) counts!: boolean;
  @ApiProperty({ type: String, nullable: true }) lastQuarter!: string | null;
  @ApiProperty({ type: String, nullable: true }) lastNote!: string | null;
}

export class KindCompletionResponse {
  @ApiProperty({ enum: LIST_KINDS }) kind!: ListKind;
  @ApiProperty() planned!: number;
  @ApiProperty() done!: number;
  @ApiProperty() counted!: number;
  @ApiProperty({ type: Number, nullable: true }) ratio!: number | null;
}

export class CompletionResponse {
  @ApiProperty() parkCode!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ type: [KindCompletionResponse] }) lists!: KindCompletionResponse[];
  @ApiProperty({ type: Number, nullable: true, description: 'Counted items over planned items, all three lists' }) overall!: number | null;
}

export class ThreeListsResponse extends CompletionResponse {
  @ApiProperty({ type: [ListItemResponse] }) items!: ListItemResponse[];
}
