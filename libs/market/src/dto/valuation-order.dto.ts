import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsYuan } from '@techbridge/platform';
import { MarketValuationOrder } from '../entities/market-valuation-order.entity';

export class OrderValuationDto {
  @ApiProperty({ description: 'A verified transfer institution' }) @IsUUID() institutionId!: string;
  @ApiProperty({ maxLength: 2000 }) @IsString() @MinLength(2) @MaxLength(2000) note!: string;
}

export class QuoteValuationDto {
  @ApiProperty({ description: 'The fee in yuan' }) @IsYuan() @Min(0.01) @Max(1e9) amount!: number;
}

export class ValuationOrderResponse {
  @ApiProperty() id!: string;
  @ApiProperty() listingId!: string;
  @ApiProperty() ownerOrgId!: string;
  @ApiProperty() institutionId!: string;
  @ApiProperty() note!: string;
  @ApiProperty({ enum: ['requested', 'quoted', 'delivered'] }) status!: string;
  @ApiProperty({ type: Number, nullable: true }) quoteAmount!: number | null;
  @ApiProperty({ type: String, nullable: true }) reportName!: string | null;
  @ApiProperty() createdAt!: string;
}

export function mapValuationOrder(o: MarketValuationOrder): ValuationOrderResponse {
  return {
    id: o.id, listingId: o.listingId, ownerOrgId: o.ownerOrgId, institutionId: o.institutionId, note: o.note, status: o.status,
    quoteAmount: o.quoteAmount === null ? null : Number(o.quoteAmount), reportName: o.reportName, createdAt: o.createdAt.toISOString(),
  };
}
