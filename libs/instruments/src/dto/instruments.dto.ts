import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsDateString, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateNested,
} from 'class-validator';
import { IsYuan, PageQuery, PARK_CODES } from '@techbridge/platform';
import { BOOKING_STATUSES } from '../booking.state-machine';
import { Booking, Instrument, photoIdOf, ServiceItem, SubsidyClaim } from '../entities/instrument.entity';
import { parsePeriod } from '../rules/availability';

export class ServiceItemDto {
  @ApiProperty({ maxLength: 100 }) @IsString() @MinLength(1) @MaxLength(100) name!: string;
  @ApiProperty({ enum: ['hour', 'sample'] }) @IsIn(['hour', 'sample']) unit!: 'hour' | 'sample';
  @ApiProperty({ description: 'Price for users of the owner, yuan per unit' }) @IsYuan() @Min(0) @Max(1e9) internalPrice!: number;
  @ApiProperty({ description: 'Price for outside users, yuan per unit' }) @IsYuan() @Min(0) @Max(1e9) externalPrice!: number;
}

export class AvailabilityWindowDto {
  @ApiProperty({ minimum: 1, maximum: 7, description: '1 Monday … 7 Sunday' }) @IsInt() @Min(1) @Max(7) weekday!: number;
  @ApiProperty({ example: '08:00' }) @Matches(/^([01]\d|2[0-3]):[0-5]\d$/) from!: string;
  @ApiProperty({ example: '18:00' }) @Matches(/^([01]\d|2[0-4]):[0-5]\d$/) to!: string;
}

export class RegisterInstrumentDto {
  @ApiProperty({ maxLength: 200 }) @IsString() @MinLength(2) @MaxLength(200) name!: string;
  @ApiProperty({ maxLength: 200 }) @IsString() @MinLength(1) @MaxLength(200) model!: string;
  @ApiProperty({ description: 'Original value, yuan' }) @IsYuan() @Min(0) @Max(1e12) originalValue!: number;
  @ApiPropertyOptional({ enum: PARK_CODES }) @IsOptional() @IsIn(PARK_CODES) parkCode?: string;
  @ApiProperty({ maxLength: 300 }) @IsString() @MinLength(2) @MaxLength(300) location!: string;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() trainingRequired?: boolean;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() approvalRequired?: boolean;
  @ApiProperty({ type: [ServiceItemDto] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => ServiceItemDto) serviceItems!: ServiceItemDto[];
  @ApiPropertyOptional({ type: [AvailabilityWindowDto] }) @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => AvailabilityWindowDto) availability?: AvailabilityWindowDto[];
}

export class InstrumentListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: PARK_CODES }) @IsOptional() @IsIn(PARK_CODES) park?: string;
  @ApiPropertyOptional({ maxLength: 100 }) @IsOptional() @IsString() @MaxLength(100) q?: string;
}

export class RecordTrainingDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() userId!: string;
  @ApiProperty({ format: 'date' }) @IsDateString({ strict: true }) trainedOn!: string;
}

export class BookInstrumentDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() serviceItemId!: string;
  @ApiProperty({ format: 'date-time' }) @IsDateString() start!: string;
  @ApiProperty({ format: 'date-time' }) @IsDateString() end!: string;
  @ApiPropertyOptional({ maxLength: 500 }) @IsOptional() @IsString() @MaxLength(500) note?: string;
}

export class CalendarQuery {
  @ApiProperty({ format: 'date-time' }) @IsDateString() from!: string;
  @ApiProperty({ format: 'date-time' }) @IsDateString() to!: string;
}

export class RecordUseDto {
  @ApiProperty({ description: 'Actual hours of use' }) @IsYuan({ message: 'actualHours must be a number with at most two decimals' }) @Min(0) @Max(1000) actualHours!: number;
  @ApiPropertyOptional({ description: 'Samples, for items priced per sample' }) @IsOptional() @IsInt() @Min(0) @Max(100_000) samples?: number;
}

export class PayBookingDto {
  @ApiProperty({ enum: ['cash', 'voucher'], description: 'cash: recorded by the owner; voucher: by the booker with a voucher it holds' }) @IsIn(['cash', 'voucher']) method!: 'cash' | 'voucher';
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() voucherId?: string;
}

export class RateBookingDto {
  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5) rating!: number;
}

export class BookingListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['booker', 'owner'], default: 'booker' }) @IsOptional() @IsIn(['booker', 'owner']) as?: 'booker' | 'owner';
  @ApiPropertyOptional({ enum: BOOKING_STATUSES }) @IsOptional() @IsIn([...BOOKING_STATUSES]) status?: string;
}

export class SubsidyClaimDto {
  @ApiProperty({ minimum: 2000, maximum: 2100 }) @IsInt() @Min(2000) @Max(2100) year!: number;
}

export class ServiceItemResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['hour', 'sample'] }) unit!: string;
  @ApiProperty() internalPrice!: number;
  @ApiProperty() externalPrice!: number;
}

export class AvailabilityWindowResponse extends AvailabilityWindowDto {}

export class InstrumentResponse {
  @ApiProperty() id!: string;
  @ApiProperty() ownerOrgId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() model!: string;
  @ApiProperty() originalValue!: number;
  @ApiProperty({ type: String, nullable: true }) parkCode!: string | null;
  @ApiProperty() location!: string;
  @ApiProperty() trainingRequired!: boolean;
  @ApiProperty() approvalRequired!: boolean;
  @ApiProperty({ type: [String], description: 'Photo file names' }) photos!: string[];
  @ApiProperty({ type: [String], description: 'Photo ids, in the order of the names: GET /instruments/{id}/photos/{photoId} streams one' }) photoIds!: string[];
  @ApiProperty({ type: [AvailabilityWindowResponse] }) availability!: AvailabilityWindowResponse[];
  @ApiProperty({ type: [ServiceItemResponse] }) serviceItems!: ServiceItemResponse[];
  @ApiProperty({ enum: ['active', 'withdrawn'] }) status!: string;
}

export class InstrumentPageResponse {
  @ApiProperty({ type: [InstrumentResponse] }) items!: InstrumentResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class CalendarSlotResponse {
  @ApiProperty() start!: string;
  @ApiProperty() end!: string;
  @ApiProperty({ enum: BOOKING_STATUSES }) status!: string;
}

export class CalendarResponse {
  @ApiProperty({ type: [AvailabilityWindowResponse] }) availability!: AvailabilityWindowResponse[];
  @ApiProperty({ type: [CalendarSlotResponse], description: 'Periods taken (who booked is not shown)' }) taken!: CalendarSlotResponse[];
}

export class TrainingResponse {
  @ApiProperty() id!: string;
  @ApiProperty() instrumentId!: string;
  @ApiProperty() userId!: string;
  @ApiProperty() trainedOn!: string;
}

export class BookingResponse {
  @ApiProperty() id!: string;
  @ApiProperty() instrumentId!: string;
  @ApiProperty() serviceItemId!: string;
  @ApiProperty() bookerOrgId!: string;
  @ApiProperty() start!: string;
  @ApiProperty() end!: string;
  @ApiProperty({ enum: BOOKING_STATUSES }) status!: string;
  @ApiProperty() external!: boolean;
  @ApiProperty() note!: string;
  @ApiProperty({ type: Number, nullable: true }) actualHours!: number | null;
  @ApiProperty({ type: Number, nullable: true }) samples!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'yuan' }) amount!: number | null;
  @ApiProperty({ type: String, nullable: true, enum: ['cash', 'voucher'] }) paymentMethod!: string | null;
  @ApiProperty({ type: String, nullable: true }) voucherId!: string | null;
  @ApiProperty({ type: Number, nullable: true }) rating!: number | null;
  @ApiProperty({ type: [String] }) allowedActions!: string[];
  @ApiProperty() createdAt!: string;
}

export class BookingPageResponse {
  @ApiProperty({ type: [BookingResponse] }) items!: BookingResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class SubsidyLineResponse {
  @ApiProperty() instrumentId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() model!: string;
  @ApiProperty() bookings!: number;
  @ApiProperty() effectiveHours!: number;
  @ApiProperty() externalHours!: number;
  @ApiProperty() shareRate!: number;
  @ApiProperty() externalRevenue!: number;
}

export class SubsidyClaimResponse {
  @ApiProperty() id!: string;
  @ApiProperty() ownerOrgId!: string;
  @ApiProperty() year!: number;
  @ApiProperty() bookings!: number;
  @ApiProperty() effectiveHours!: number;
  @ApiProperty() externalHours!: number;
  @ApiProperty({ description: 'external hours ÷ effective hours' }) shareRate!: number;
  @ApiProperty({ description: 'yuan' }) externalRevenue!: number;
  @ApiProperty({ type: [SubsidyLineResponse] }) lines!: SubsidyLineResponse[];
  @ApiProperty() computedAt!: string;
}

export class SubsidyClaimPageResponse {
  @ApiProperty({ type: [SubsidyClaimResponse] }) items!: SubsidyClaimResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export function mapInstrument(i: Instrument, items: ServiceItem[]): InstrumentResponse {
  return {
    id: i.id, ownerOrgId: i.ownerOrgId, name: i.name, model: i.model, originalValue: i.originalValue, parkCode: i.parkCode, location: i.location,
    trainingRequired: i.trainingRequired, approvalRequired: i.approvalRequired, photos: i.photos.map((p) => p.filename), photoIds: i.photos.map(photoIdOf), availability: i.availability,
    serviceItems: items.map((s) => ({ id: s.id, name: s.name, unit: s.unit, internalPrice: s.internalPrice, externalPrice: s.externalPrice })), status: i.status,
  };
}

export function mapBooking(b: Booking, allowedActions: string[]): BookingResponse {
  const { start, end } = parsePeriod(b.period);
  return {
    id: b.id, instrumentId: b.instrumentId, serviceItemId: b.serviceItemId, bookerOrgId: b.bookerOrgId, start: start.toISOString(), end: end.toISOString(), status: b.status,
    external: b.external, note: b.note, actualHours: b.actualHours, samples: b.samples, amount: b.amount, paymentMethod: b.paymentMethod, voucherId: b.voucherId, rating: b.rating,
    allowedActions, createdAt: b.createdAt.toISOString(),
  };
}

export function mapClaim(c: SubsidyClaim): SubsidyClaimResponse {
  return {
    id: c.id, ownerOrgId: c.ownerOrgId, year: c.year, bookings: c.bookings, effectiveHours: c.effectiveHours, externalHours: c.externalHours, shareRate: c.shareRate,
    externalRevenue: c.externalRevenue, lines: c.lines, computedAt: c.computedAt.toISOString(),
  };
}
