import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { PageQuery } from '@techbridge/platform';
import { MarketConfidentialFile } from '../entities/market-confidential-file.entity';
import { MarketIntroduction } from '../entities/market-introduction.entity';
import { ListingContactResponse } from './listing.dto';

export class RequestIntroductionDto {
  @ApiProperty({ enum: ['achievement', 'listing', 'match'] }) @IsIn(['achievement', 'listing', 'match']) subject!: 'achievement' | 'listing' | 'match';
  @ApiProperty() @IsUUID() subjectId!: string;
  @ApiProperty({ maxLength: 2000 }) @IsString() @MinLength(2) @MaxLength(2000) message!: string;
}

export class AcceptIntroductionDto {
  @ApiPropertyOptional({ default: false, description: 'Require the one-click NDA before contact details and confidential files are shown' })
  @IsOptional() @IsBoolean()
  requireNda?: boolean;
}

export class DeclineIntroductionDto {
  @ApiProperty({ maxLength: 2000 }) @IsString() @MinLength(2) @MaxLength(2000) reason!: string;
}

export class AcceptNdaDto {
  @ApiProperty({ description: 'The NDA version the requester read (GET /market/nda)' }) @IsString() @MaxLength(20) version!: string;
}

export class IntroductionListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['mine', 'incoming', 'brokerage'], default: 'mine', description: 'mine: my requests; incoming: to my organisation; brokerage: open requests for brokers' })
  @IsOptional() @IsIn(['mine', 'incoming', 'brokerage'])
  scope?: 'mine' | 'incoming' | 'brokerage';
}

export class NdaResponse {
  @ApiProperty() version!: string;
  @ApiProperty() zh!: string;
  @ApiProperty() en!: string;
}

export class IntroductionResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['achievement', 'listing', 'match'] }) subject!: string;
  @ApiProperty() subjectId!: string;
  @ApiProperty() achievementId!: string;
  @ApiProperty({ type: String, nullable: true }) listingId!: string | null;
  @ApiProperty() ownerOrgId!: string;
  @ApiProperty() requesterOrgId!: string;
  @ApiProperty() message!: string;
  @ApiProperty({ enum: ['requested', 'accepted', 'declined', 'withdrawn'] }) status!: string;
  @ApiProperty({ type: String, nullable: true }) declineReason!: string | null;
  @ApiProperty() requiresNda!: boolean;
  @ApiProperty({ type: String, nullable: true }) ndaVersion!: string | null;
  @ApiProperty({ type: String, nullable: true }) ndaAcceptedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) brokerUserId!: string | null;
  @ApiProperty({ type: String, nullable: true }) brokerOrgId!: string | null;
  @ApiProperty() createdAt!: string;
}

export class IntroductionPageResponse {
  @ApiProperty({ type: [IntroductionResponse] }) items!: IntroductionResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class ConfidentialFileResponse {
  @ApiProperty() id!: string;
  @ApiProperty() filename!: string;
  @ApiProperty() size!: number;
  @ApiProperty() createdAt!: string;
}

export class DisclosureResponse {
  @ApiProperty({ type: ListingContactResponse, nullable: true }) contact!: ListingContactResponse | null;
  @ApiProperty({ type: [ConfidentialFileResponse] }) files!: ConfidentialFileResponse[];
}

export function mapIntroduction(i: MarketIntroduction): IntroductionResponse {
  return {
    id: i.id, subject: i.subject, subjectId: i.subjectId, achievementId: i.achievementId, listingId: i.listingId, ownerOrgId: i.ownerOrgId, requesterOrgId: i.requesterOrgId,
    message: i.message, status: i.status, declineReason: i.declineReason, requiresNda: i.requiresNda, ndaVersion: i.ndaVersion,
    ndaAcceptedAt: i.ndaAcceptedAt?.toISOString() ?? null, brokerUserId: i.brokerUserId, brokerOrgId: i.brokerOrgId, createdAt: i.createdAt.toISOString(),
  };
}

export function mapConfidentialFile(f: MarketConfidentialFile): ConfidentialFileResponse {
  return { id: f.id, filename: f.filename, size: f.size, createdAt: f.createdAt.toISOString() };
}
