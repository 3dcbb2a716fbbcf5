import { ApiProperty } from '@nestjs/swagger';
import { IsDateString, Max, Min } from 'class-validator';
import { IsYuan } from '@techbridge/platform';
import { MarketPayment } from '../entities/market-payment.entity';

export class ValuationBandResponse {
  @ApiProperty() listingId!: string;
  @ApiProperty({ description: 'Comparable registered contracts found' }) count!: number;
  @ApiProperty({ type: Number, nullable: true }) p25!: number | null;
  @ApiProperty({ type: Number, nullable: true }) p50!: number | null;
  @ApiProperty({ type: Number, nullable: true }) p75!: number | null;
  @ApiProperty({ description: 'How comparables were chosen', type: 'object', additionalProperties: true }) criteria!: Record<string, unknown>;
}

export class RecordPaymentDto {
  @ApiProperty({ format: 'date' }) @IsDateString({ strict: true }) receivedOn!: string;
  @ApiProperty({ description: 'Yuan' }) @IsYuan() @Min(0.01) @Max(1e12) amount!: number;
}

export class PaymentResponse {
  @ApiProperty() id!: string;
  @ApiProperty() contractId!: string;
  @ApiProperty() receivedOn!: string;
  @ApiProperty() amount!: number;
  @ApiProperty({ type: String, nullable: true }) proofName!: string | null;
  @ApiProperty() createdAt!: string;
}

export class PaymentLedgerResponse {
  @ApiProperty() contractId!: string;
  @ApiProperty({ description: 'The contract amount agreed' }) agreed!: number;
  @ApiProperty({ description: 'Received so far' }) paid!: number;
  @ApiProperty() outstanding!: number;
  @ApiProperty({ type: [PaymentResponse] }) payments!: PaymentResponse[];
}

export function mapPayment(p: MarketPayment): PaymentResponse {
  return { id: p.id, contractId: p.contractId, receivedOn: p.receivedOn, amount: Number(p.amount), proofName: p.proofName, createdAt: p.createdAt.toISOString() };
}
