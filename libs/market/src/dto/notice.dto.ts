import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PageQuery } from '@techbridge/platform';
import { MarketNotice } from '../entities/market-notice.entity';
import { MarketObjection } from '../entities/market-objection.entity';

export class NoticeListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['current', 'past'], default: 'current' }) @IsOptional() @IsIn(['current', 'past']) when?: 'current' | 'past';
}

export class LodgeObjectionDto {
  @ApiProperty({ description: 'The objector\'s real name (实名)', maxLength: 50 }) @IsString() @MinLength(2) @MaxLength(50) realName!: string;
  @ApiProperty({ maxLength: 30 }) @IsString() @Matches(/^[0-9+\- ]{5,30}$/) contactPhone!: string;
  @ApiProperty({ maxLength: 4000 }) @IsString() @MinLength(5) @MaxLength(4000) grounds!: string;
  @ApiProperty({ maxLength: 8000, description: 'Evidence: documents referred to, facts, links' }) @IsString() @MinLength(5) @MaxLength(8000) evidence!: string;
}

export class AnswerObjectionDto {
  @ApiProperty({ maxLength: 4000 }) @IsString() @MinLength(2) @MaxLength(4000) answer!: string;
}

export class DecideObjectionDto {
  @ApiProperty({ enum: ['sustain', 'dismiss'] }) @IsIn(['sustain', 'dismiss']) decision!: 'sustain' | 'dismiss';
  @ApiProperty({ maxLength: 4000 }) @IsString() @MinLength(2) @MaxLength(4000) reason!: string;
}

export class ObjectionResponse {
  @ApiProperty() id!: string;
  @ApiProperty() noticeId!: string;
  @ApiProperty({ description: 'The real name, shown to the parties and staff only; others see it masked' }) realName!: string;
  @ApiProperty() grounds!: string;
  @ApiProperty() evidence!: string;
  @ApiProperty({ enum: ['open', 'answered', 'sustained', 'dismissed'] }) status!: string;
  @ApiProperty({ type: String, nullable: true }) ownerAnswer!: string | null;
  @ApiProperty({ type: String, nullable: true }) decisionReason!: string | null;
  @ApiProperty({ type: String, nullable: true }) decidedAt!: string | null;
  @ApiProperty() createdAt!: string;
}

export class NoticeResponse {
  @ApiProperty() id!: string;
  @ApiProperty() listingId!: string;
  @ApiProperty() sellerOrgId!: string;
  @ApiProperty() buyerOrgId!: string;
  @ApiProperty() amount!: number;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Achievement, parties and terms as published' }) terms!: Record<string, unknown>;
  @ApiProperty({ enum: ['running', 'paused', 'ended', 'cancelled'] }) status!: string;
  @ApiProperty() policyVersion!: string;
  @ApiProperty() noticeDays!: number;
  @ApiProperty() startedAt!: string;
  @ApiProperty({ type: String, nullable: true, description: 'When it ends if not paused again; null while paused' }) endsAt!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Milliseconds left on the clock while paused' }) remainingMs!: number | null;
  @ApiProperty({ type: String, nullable: true }) endedAt!: string | null;
  @ApiProperty({ type: [ObjectionResponse] }) objections!: ObjectionResponse[];
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function mapObjection(o: MarketObjection, full: boolean): ObjectionResponse {
  return {
    id: o.id, noticeId: o.noticeId, realName: full ? o.realName : `${o.realName.slice(0, 1)}**`, grounds: o.grounds, evidence: o.evidence, status: o.status,
    ownerAnswer: o.ownerAnswer, decisionReason: o.decisionReason, decidedAt: iso(o.decidedAt), createdAt: o.createdAt.toISOString(),
  };
}

export function mapNotice(n: MarketNotice, objections: ObjectionResponse[]): NoticeResponse {
  return {
    id: n.id, listingId: n.listingId, sellerOrgId: n.sellerOrgId, buyerOrgId: n.buyerOrgId, amount: Number(n.amount), terms: n.terms, status: n.status,
    policyVersion: n.policyVersion, noticeDays: n.noticeDays, startedAt: n.startedAt.toISOString(), endsAt: iso(n.endsAt),
    remainingMs: n.remainingMs === null ? null : Number(n.remainingMs), endedAt: iso(n.endedAt), objections,
  };
}

export class NoticePageResponse {
  @ApiProperty({ type: [NoticeResponse] }) items!: NoticeResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
