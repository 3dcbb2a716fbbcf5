import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDateString, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { IsYuan } from '@techbridge/platform';
import { MarketAuction } from '../entities/market-auction.entity';
import { MarketBid } from '../entities/market-bid.entity';
import { MarketBidder } from '../entities/market-bidder.entity';

export class LadderStepDto {
  @ApiProperty({ description: 'From this amount (yuan) upwards' }) @IsYuan() @Min(0) @Max(1e12) from!: number;
  @ApiProperty({ description: 'The minimum raise (yuan)' }) @IsYuan() @Min(0.01) @Max(1e12) step!: number;
}

export class CreateAuctionDto {
  @ApiProperty() @IsDateString() startsAt!: string;
  @ApiProperty({ minimum: 1, maximum: 10080, description: 'Minutes from start to the scheduled close (a roadshow session may be short)' }) @IsInt() @Min(1) @Max(10080) durationMinutes!: number;
  @ApiProperty() @IsYuan() @Min(0.01) @Max(1e12) startPrice!: number;
  @ApiProperty() @IsYuan() @Min(0.01) @Max(1e12) reservePrice!: number;
  @ApiProperty({ type: [LadderStepDto] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => LadderStepDto) ladder!: LadderStepDto[];
  @ApiProperty() @IsYuan() @Min(0) @Max(1e12) depositAmount!: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 30, default: 5 }) @IsOptional() @IsInt() @Min(1) @Max(30) extensionMinutes?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 10, default: 3 }) @IsOptional() @IsInt() @Min(0) @Max(10) maxExtensions?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 720, default: 72, description: 'Hours the winner has to confirm' }) @IsOptional() @IsInt() @Min(1) @Max(720) confirmHours?: number;
  @ApiPropertyOptional({ description: 'A roadshow event the auction is a session of' }) @IsOptional() @IsUUID() roadshowEventId?: string;
}

export class RegisterBidderDto {
  @ApiProperty({ maxLength: 100, description: 'Bank transfer reference of the deposit (no payment gateway: staff confirm receipt)' })
  @IsString() @MinLength(2) @MaxLength(100)
  depositReference!: string;
}

export class PlaceBidDto {
  @ApiProperty({ description: 'Yuan' }) @IsYuan() @Min(0.01) @Max(1e12) amount!: number;
}

export class AuctionResponse {
  @ApiProperty() id!: string;
  @ApiProperty() listingId!: string;
  @ApiProperty({ type: String, nullable: true }) roadshowEventId!: string | null;
  @ApiProperty({ enum: ['announced', 'live', 'awaiting-confirmation', 'sold', 'unsold'] }) status!: string;
  @ApiProperty() startsAt!: string;
  @ApiProperty() scheduledCloseAt!: string;
  @ApiProperty() closesAt!: string;
  @ApiProperty() startPrice!: number;
  @ApiProperty({ description: 'Whether the reserve has been met (the reserve itself stays hidden until the close)' }) reserveMet!: boolean;
  @ApiProperty({ type: Number, nullable: true }) reservePrice!: number | null;
  @ApiProperty({ type: [LadderStepDto] }) ladder!: LadderStepDto[];
  @ApiProperty() depositAmount!: number;
  @ApiProperty() extensionMinutes!: number;
  @ApiProperty() maxExtensions!: number;
  @ApiProperty() extensions!: number;
  @ApiProperty() bidCount!: number;
  @ApiProperty({ type: Number, nullable: true }) highAmount!: number | null;
  @ApiProperty() minimumNextBid!: number;
  @ApiProperty({ type: String, nullable: true }) confirmBy!: string | null;
  @ApiProperty({ type: Number, nullable: true }) finalAmount!: number | null;
  @ApiProperty({ type: String, nullable: true }) winnerOrgId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The contract drafted from the confirmed sale' }) contractId!: string | null;
  @ApiProperty() lastHash!: string;
}

export class BidderResponse {
  @ApiProperty() id!: string;
  @ApiProperty() auctionId!: string;
  @ApiProperty() orgId!: string;
  @ApiProperty() paddle!: number;
  @ApiProperty() letterUploaded!: boolean;
  @ApiProperty() depositReference!: string;
  @ApiProperty({ enum: ['recorded', 'confirmed', 'released', 'forfeited', 'applied'] }) depositStatus!: string;
}

export class BidResponse {
  @ApiProperty() seq!: number;
  @ApiProperty({ description: 'The bidder\'s number in the room (never its name)' }) paddle!: number;
  @ApiProperty() amount!: number;
  @ApiProperty() placedAt!: string;
  @ApiProperty() prevHash!: string;
  @ApiProperty() hash!: string;
}

export class ChainVerificationResponse {
  @ApiProperty() valid!: boolean;
  @ApiProperty({ type: Number, nullable: true }) brokenAt!: number | null;
  @ApiProperty() bids!: number;
  @ApiProperty() head!: string;
  @ApiProperty({ description: 'How each hash is computed, so anyone can recompute it' }) algorithm!: string;
}

export function mapBidder(b: MarketBidder): BidderResponse {
  return { id: b.id, auctionId: b.auctionId, orgId: b.orgId, paddle: b.paddle, letterUploaded: !!b.letterKey, depositReference: b.depositReference, depositStatus: b.depositStatus };
}

export function mapBid(b: MarketBid): BidResponse {
  return { seq: b.seq, paddle: b.paddle, amount: Number(b.amount), placedAt: b.placedAt.toISOString(), prevHash: b.prevHash, hash: b.hash };
}

export function mapAuction(a: MarketAuction, minimumNextBidYuan: number, contractId: string | null): AuctionResponse {
  const closed = a.status === 'awaiting-confirmation' || a.status === 'sold' || a.status === 'unsold';
  return {
    id: a.id, listingId: a.listingId, roadshowEventId: a.roadshowEventId, status: a.status, startsAt: a.startsAt.toISOString(), scheduledCloseAt: a.scheduledCloseAt.toISOString(),
    closesAt: a.closesAt.toISOString(), startPrice: Number(a.startPrice), reserveMet: a.highAmount !== null && Number(a.highAmount) >= Number(a.reservePrice),
    reservePrice: closed ? Number(a.reservePrice) : null, ladder: a.ladder.map((s) => ({ from: s.from / 100, step: s.step / 100 })), depositAmount: Number(a.depositAmount),
    extensionMinutes: a.extensionMinutes, maxExtensions: a.maxExtensions, extensions: a.extensions, bidCount: a.bidCount,
    highAmount: a.highAmount === null ? null : Number(a.highAmount), minimumNextBid: minimumNextBidYuan, confirmBy: a.confirmBy?.toISOString() ?? null,
    finalAmount: a.finalAmount === null ? null : Number(a.finalAmount), winnerOrgId: a.status === 'sold' ? a.winnerOrgId : null, contractId, lastHash: a.lastHash,
  };
}
