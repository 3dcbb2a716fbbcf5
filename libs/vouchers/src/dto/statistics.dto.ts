import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

export class VoucherStatisticsQuery {
  @ApiProperty({ minimum: 2000, maximum: 2100 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year!: number;
}

export class ParkVoucherFiguresResponse {
  @ApiProperty({ type: String, nullable: true, description: 'null: holders outside the parks' }) parkCode!: string | null;
  @ApiProperty() issuedCount!: number;
  @ApiProperty() issuedFen!: number;
  @ApiProperty() redeemedCount!: number;
  @ApiProperty() redeemedFen!: number;
}

export class CrossRegionFlowResponse {
  @ApiProperty({ description: "The programme's region (who funds)" }) programmeRegion!: string;
  @ApiProperty({ description: "The provider's region (who serves)" }) providerRegion!: string;
  @ApiProperty() count!: number;
  @ApiProperty() amountFen!: number;
}

export class VoucherStatisticsResponse {
  @ApiProperty() year!: number;
  @ApiProperty({ type: [ParkVoucherFiguresResponse] }) parks!: ParkVoucherFiguresResponse[];
  @ApiProperty({ type: [CrossRegionFlowResponse], description: 'Redemptions where the programme or the provider is not of this province' }) crossRegion!: CrossRegionFlowResponse[];
}
