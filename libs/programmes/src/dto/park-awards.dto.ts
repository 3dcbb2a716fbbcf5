import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { LocalizedText, PARK_CODES } from '@techbridge/platform';

export class AwardExclusionDto {
  @ApiProperty({ enum: PARK_CODES }) @IsIn(PARK_CODES) park!: string;
  @ApiProperty({ maxLength: 500 }) @IsString() @MinLength(2) @MaxLength(500) reason!: string;
}

export class ConfirmAwardsDto {
  @ApiPropertyOptional({ type: [AwardExclusionDto], description: 'Proposed parks left out, each with the reason (published with it)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(11)
  @ValidateNested({ each: true })
  @Type(() => AwardExclusionDto)
  excluded?: AwardExclusionDto[];

  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class AwardTextResponse {
  @ApiProperty() zh!: string;
  @ApiProperty() en!: string;
}

export class AwardEntryResponse {
  @ApiProperty() park!: string;
  @ApiProperty({ type: AwardTextResponse }) parkName!: LocalizedText;
  @ApiProperty() position!: number;
  @ApiProperty() indexScore!: number;
  @ApiProperty({ type: Number, nullable: true }) indexRank!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Three-list completion, 0..1' }) completion!: number | null;
  @ApiProperty() combined!: number;
  @ApiProperty({ description: 'Proposed by the rule' }) proposed!: boolean;
  @ApiProperty({ description: 'Awarded (after confirmation)' }) awarded!: boolean;
  @ApiProperty({ type: AwardTextResponse }) reason!: LocalizedText;
}

export class ParkAwardsResponse {
  @ApiProperty() year!: number;
  @ApiProperty({ enum: ['proposed', 'published'] }) status!: 'proposed' | 'published';
  @ApiProperty() policyVersion!: number;
  @ApiProperty() indexRunId!: string;
  @ApiProperty({ type: [AwardEntryResponse] }) entries!: AwardEntryResponse[];
  @ApiProperty() proposedAt!: string;
  @ApiProperty({ type: String, nullable: true }) confirmedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
}
