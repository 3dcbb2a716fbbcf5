import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { LocalizedText } from '@techbridge/platform';

/** One indicator's zone-wide value in each published quarter (null: no figure that quarter). */
export class IndicatorTrendResponse {
  @ApiProperty() code!: string;
  @ApiProperty() name!: LocalizedText;
  @ApiProperty({ enum: ['count', 'yuan', 'percent', 'per-10k'] }) unit!: string;
  @ApiProperty() dimension!: string;
  @ApiProperty({ type: [Number], nullable: true, description: 'one value per entry of `quarters`, in that order' }) values!: Array<number | null>;
}

export class TrendsResponse {
  @ApiProperty({ type: [String], description: 'the published quarters, oldest first (at most the last eight)' }) quarters!: string[];
  @ApiProperty({ type: [IndicatorTrendResponse] }) indicators!: IndicatorTrendResponse[];
}

export class AmountRowResponse {
  @ApiProperty({ type: String, nullable: true, description: 'industry code, or direction: absorbed-bj-tj (Beijing/Tianjin → Hebei), within-province, out-of-province, other' }) key!: string | null;
  @ApiProperty() contracts!: number;
  @ApiProperty({ description: 'yuan' }) contractAmount!: number;
  @ApiProperty({ description: 'yuan' }) technologyAmount!: number;
}

export class ContractAmountsResponse {
  @ApiProperty() year!: number;
  @ApiProperty({ type: [AmountRowResponse] }) byIndustry!: AmountRowResponse[];
  @ApiProperty({ type: [AmountRowResponse] }) byDirection!: AmountRowResponse[];
  @ApiProperty({ type: AmountRowResponse }) total!: AmountRowResponse;
}

export class LatestDealResponse {
  @ApiProperty() id!: string;
  @ApiProperty() registeredAt!: string;
  @ApiProperty({ type: String, nullable: true }) parkCode!: string | null;
  @ApiProperty({ description: 'contract type code' }) type!: string;
  @ApiProperty() typeName!: LocalizedText;
  @ApiProperty({ enum: ['absorbed-bj-tj', 'within-province', 'out-of-province', 'other'] }) direction!: string;
  @ApiProperty({ description: 'yuan' }) contractAmount!: number;
}

/** The headline figures of the home page: what the zone did this year. */
export class OverviewResponse {
  @ApiProperty() year!: number;
  @ApiProperty({ description: 'achievements published this year' }) achievements!: number;
  @ApiProperty({ description: 'enterprise demands published this year' }) demands!: number;
  @ApiProperty({ description: 'technology contracts registered this year' }) deals!: number;
  @ApiProperty({ description: 'their contract amount, yuan' }) dealAmount!: number;
  @ApiProperty({ description: 'roadshows and matchmaking events held this year' }) events!: number;
  @ApiProperty({ type: [LatestDealResponse], description: 'the latest registered contracts (no party names: the figures are public, the parties are not)' }) latestDeals!: LatestDealResponse[];
}

export class YearQuery {
  @ApiProperty({ required: false, example: 2026, description: 'default: this year (Beijing time)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}
