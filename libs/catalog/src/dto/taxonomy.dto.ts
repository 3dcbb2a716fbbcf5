import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsString } from 'class-validator';
import { INDUSTRY_CODES } from '@techbridge/platform';

export class NamedResponse {
  @ApiProperty() code!: string;
  @ApiProperty() zh!: string;
  @ApiProperty() en!: string;
}
export class IndustryResponse extends NamedResponse {
  @ApiProperty({ type: [NamedResponse] }) fields!: NamedResponse[];
}
export class ParkResponse extends NamedResponse {
  @ApiProperty() city!: string;
  @ApiProperty({ type: [String] }) keyIndustries!: string[];
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: string;
}

/** A platform administrator's edit of a park's key industries (the seed file is only the starting configuration). */
export class UpdateParkKeyIndustriesDto {
  @ApiProperty({ type: [String], enum: INDUSTRY_CODES, description: '重点产业代码（可为空） / industry codes, may be empty' })
  @IsArray()
  @ArrayMaxSize(INDUSTRY_CODES.length)
  @ArrayUnique()
  @IsString({ each: true })
  @IsIn(INDUSTRY_CODES, { each: true, message: 'keyIndustries must contain only industry codes from the taxonomy' })
  keyIndustries!: string[];
}
export class TrlLevelResponse {
  @ApiProperty() level!: number;
  @ApiProperty() zh!: string;
  @ApiProperty() en!: string;
  @ApiProperty() stage!: string;
}
export class ContractTypeResponse extends NamedResponse {
  @ApiProperty() category!: string;
  @ApiProperty() registrant!: string;
}
export class TaxonomyResponse {
  @ApiProperty({ type: [IndustryResponse] }) industries!: IndustryResponse[];
  @ApiProperty({ type: [ParkResponse] }) parks!: ParkResponse[];
  @ApiProperty({ type: [NamedResponse], description: "The zone's cities (a park's city); code is the city's administrative division code" }) cities!: NamedResponse[];
  @ApiProperty({ type: [TrlLevelResponse] }) trlLevels!: TrlLevelResponse[];
  @ApiProperty({ type: [NamedResponse] }) stages!: NamedResponse[];
  @ApiProperty({ type: [NamedResponse] }) transferModes!: NamedResponse[];
  @ApiProperty({ type: [NamedResponse] }) cooperationModes!: NamedResponse[];
  @ApiProperty({ type: [NamedResponse] }) pricingMethods!: NamedResponse[];
  @ApiProperty({ type: [ContractTypeResponse] }) contractTypes!: ContractTypeResponse[];
}
