import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { FIELD_CODES, PageQuery } from '@techbridge/platform';
import { RATING_ACTIONS, RATING_STATUSES, RATING_SUBJECTS, RatingAction, RatingStatus, RatingSubject } from '../rating.state-machine';
import { Expert } from '../entities/expert.entity';
import { ServiceRating } from '../entities/service-rating.entity';

// ---- ratings ----

export class SubmitRatingDto {
  @ApiProperty({ format: 'uuid', description: 'A registered contract your organisation is the buyer or the seller of' })
  @IsUUID()
  contractId!: string;

  @ApiProperty({ enum: RATING_SUBJECTS, description: "The contract's transfer institution or its broker" })
  @IsIn([...RATING_SUBJECTS])
  subject!: RatingSubject;

  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  score!: number;

  @ApiProperty({ minLength: 5, maxLength: 1000 })
  @IsString()
  @MinLength(5)
  @MaxLength(1000)
  comment!: string;
}

export class ModerateRatingDto {
  @ApiProperty({ enum: RATING_ACTIONS })
  @IsIn([...RATING_ACTIONS])
  action!: RatingAction;

  @ApiPropertyOptional({ maxLength: 500, description: 'Why (shown to the rater when rejected)' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class RatingModerationQuery extends PageQuery {
  @ApiPropertyOptional({ enum: RATING_STATUSES, default: 'pending' })
  @IsOptional()
  @IsIn([...RATING_STATUSES])
  status?: RatingStatus;
}

export class RatingResponse {
  @ApiProperty() id!: string;
  @ApiProperty() contractId!: string;
  @ApiProperty({ enum: RATING_SUBJECTS }) subject!: RatingSubject;
  @ApiProperty() subjectId!: string;
  @ApiProperty() raterOrgId!: string;
  @ApiProperty({ minimum: 1, maximum: 5 }) score!: number;
  @ApiProperty() comment!: string;
  @ApiProperty({ enum: RATING_STATUSES }) status!: RatingStatus;
  @ApiProperty({ type: String, nullable: true }) moderationNote!: string | null;
  @ApiProperty() createdAt!: string;
}

/** An approved rating as the public profile shows it: the score, the words and the date; not who wrote it. */
export class PublicRatingResponse {
  @ApiProperty({ minimum: 1, maximum: 5 }) score!: number;
  @ApiProperty() comment!: string;
  @ApiProperty() createdAt!: string;
}

export class RatingSummaryResponse {
  @ApiProperty({ enum: RATING_SUBJECTS }) subject!: RatingSubject;
  @ApiProperty() subjectId!: string;
  @ApiProperty({ description: 'Approved ratings' }) count!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Average of the approved scores, one decimal; null without any' }) average!: number | null;
  @ApiProperty({ type: [PublicRatingResponse], description: 'The latest ten approved ratings' }) latest!: PublicRatingResponse[];
}

export class RatingPageResponse {
  @ApiProperty({ type: [RatingResponse] }) items!: RatingResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export function mapRating(r: ServiceRating): RatingResponse {
  return {
    id: r.id, contractId: r.contractId, subject: r.subjectKind, subjectId: r.subjectId, raterOrgId: r.raterOrgId, score: r.score, comment: r.comment,
    status: r.status, moderationNote: r.moderationNote, createdAt: r.createdAt.toISOString(),
  };
}

// ---- experts ----

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class RegisterExpertDto {
  @ApiProperty({ maxLength: 60 }) @Transform(trim) @IsString() @MinLength(2) @MaxLength(60) name!: string;
  @ApiProperty({ maxLength: 60, description: 'Professional title (职称)' }) @Transform(trim) @IsString() @MinLength(2) @MaxLength(60) title!: string;
  @ApiProperty({ type: [String], enum: FIELD_CODES, description: 'Industry fields of the taxonomy (1–5)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  @ArrayUnique()
  @IsIn(FIELD_CODES, { each: true })
  fields!: string[];

  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @MaxLength(2000) bio?: string;
}

export class UpdateExpertDto {
  @ApiPropertyOptional({ maxLength: 60 }) @IsOptional() @Transform(trim) @IsString() @MinLength(2) @MaxLength(60) name?: string;
  @ApiPropertyOptional({ maxLength: 60 }) @IsOptional() @Transform(trim) @IsString() @MinLength(2) @MaxLength(60) title?: string;
  @ApiPropertyOptional({ type: [String], enum: FIELD_CODES })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  @ArrayUnique()
  @IsIn(FIELD_CODES, { each: true })
  fields?: string[];

  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @MaxLength(2000) bio?: string;
  @ApiPropertyOptional({ description: 'false: no longer listed in the directory' }) @IsOptional() @IsBoolean() listed?: boolean;
}

export class ExpertListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: FIELD_CODES }) @IsOptional() @IsIn(FIELD_CODES) field?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() organisationId?: string;
}

export class ContactExpertDto {
  @ApiProperty({ minLength: 10, maxLength: 1000, description: 'What you would like to discuss; the expert\'s organisation answers through the platform' })
  @IsString()
  @MinLength(10)
  @MaxLength(1000)
  message!: string;
}

export class ExpertResponse {
  @ApiProperty() id!: string;
  @ApiProperty() organisationId!: string;
  @ApiProperty() organisationName!: string;
  @ApiProperty() name!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: [String] }) fields!: string[];
  @ApiProperty() bio!: string;
  @ApiProperty() listed!: boolean;
}

export class ExpertPageResponse {
  @ApiProperty({ type: [ExpertResponse] }) items!: ExpertResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class ContactRequestResponse {
  @ApiProperty() expertId!: string;
  @ApiProperty({ description: 'The organisation that registered the expert, which received the request' }) organisationId!: string;
  @ApiProperty() sent!: boolean;
}

export function mapExpert(e: Expert, organisationName: string): ExpertResponse {
  return { id: e.id, organisationId: e.organisationId, organisationName, name: e.name, title: e.title, fields: e.fields, bio: e.bio, listed: e.listed };
}
