import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { PageQuery } from '@techbridge/platform';
import { BROKER_LEVELS, BrokerLevel, ModuleHours, TRAINING_MODULES, TrainingModule } from '../broker-training.policy';
import type { CertificateStatus } from '../entities/broker-certificate.entity';
import type { EnrolmentStatus } from '../entities/broker-enrolment.entity';

const ENROLMENT_STATUSES: EnrolmentStatus[] = ['enrolled', 'passed', 'failed', 'certified', 'withdrawn'];
const CERTIFICATE_STATUSES: CertificateStatus[] = ['active', 'suspended', 'revoked'];
export const CERTIFICATE_STANDINGS = ['valid', 'expired', 'suspended', 'revoked'] as const;
export type CertificateStanding = (typeof CERTIFICATE_STANDINGS)[number];

export class ModuleHoursDto implements ModuleHours {
  @ApiProperty({ minimum: 0, maximum: 500, description: '通用知识 general knowledge' }) @IsInt() @Min(0) @Max(500) general!: number;
  @ApiProperty({ minimum: 0, maximum: 500, description: '政策法规 policy and law' }) @IsInt() @Min(0) @Max(500) policy!: number;
  @ApiProperty({ minimum: 0, maximum: 500, description: '实务操作 practice' }) @IsInt() @Min(0) @Max(500) practice!: number;
  @ApiProperty({ minimum: 0, maximum: 500, description: '能力提升 capability' }) @IsInt() @Min(0) @Max(500) capability!: number;
}

export class CreateCourseDto {
  @ApiProperty({ maxLength: 200 }) @IsString() @MinLength(2) @MaxLength(200) title!: string;
  @ApiPropertyOptional({ maxLength: 4000 }) @IsOptional() @IsString() @MaxLength(4000) description?: string;
  @ApiProperty({ enum: BROKER_LEVELS }) @IsIn([...BROKER_LEVELS]) level!: BrokerLevel;
  @ApiProperty({ type: ModuleHoursDto, description: 'Hours the course takes in each module (at least one hour in all)' })
  @ValidateNested()
  @Type(() => ModuleHoursDto)
  hours!: ModuleHoursDto;
}

export class CourseQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() trainingBaseId?: string;
  @ApiPropertyOptional({ enum: BROKER_LEVELS }) @IsOptional() @IsIn([...BROKER_LEVELS]) level?: BrokerLevel;
}

export class LogHoursDto {
  @ApiProperty({ enum: TRAINING_MODULES }) @IsIn([...TRAINING_MODULES]) module!: TrainingModule;
  @ApiProperty({ minimum: 1, maximum: 200 }) @IsInt() @Min(1) @Max(200) hours!: number;
}

export class RecordExamDto {
  @ApiProperty({ minimum: 0, maximum: 100, description: 'Exam score; 60 passes' }) @IsInt() @Min(0) @Max(100) score!: number;
}

export class CertificateReasonDto {
  @ApiProperty({ maxLength: 500 }) @IsString() @MinLength(2) @MaxLength(500) reason!: string;
}

export class CertificateNumberParam {
  @ApiProperty({ example: 'BRK-2026-000001' }) @Matches(/^BRK-\d{4}-\d{6}$/) number!: string;
}

export class ModuleHoursResponse extends ModuleHoursDto {}

export class CourseResponse {
  @ApiProperty() id!: string;
  @ApiProperty() trainingBaseId!: string;
  @ApiProperty() trainingBaseName!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ enum: BROKER_LEVELS }) level!: BrokerLevel;
  @ApiProperty({ type: ModuleHoursResponse }) hours!: ModuleHoursResponse;
  @ApiProperty() totalHours!: number;
  @ApiProperty() createdAt!: string;
}

export class CoursePageResponse {
  @ApiProperty({ type: [CourseResponse] }) items!: CourseResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class EnrolmentResponse {
  @ApiProperty() id!: string;
  @ApiProperty() courseId!: string;
  @ApiProperty() courseTitle!: string;
  @ApiProperty({ enum: BROKER_LEVELS }) level!: BrokerLevel;
  @ApiProperty() trainingBaseId!: string;
  @ApiProperty() userId!: string;
  @ApiProperty() traineeName!: string;
  @ApiProperty({ enum: ENROLMENT_STATUSES }) status!: EnrolmentStatus;
  @ApiProperty({ type: ModuleHoursResponse, description: "The course's hours per module" }) requiredHours!: ModuleHoursResponse;
  @ApiProperty({ type: ModuleHoursResponse, description: 'Hours logged by the base per module' }) loggedHours!: ModuleHoursResponse;
  @ApiProperty({ type: Number, nullable: true }) examScore!: number | null;
  @ApiProperty({ type: String, nullable: true }) examinedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) certificateId!: string | null;
  @ApiProperty() createdAt!: string;
}

export class EnrolmentPageResponse {
  @ApiProperty({ type: [EnrolmentResponse] }) items!: EnrolmentResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class CertificateResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'BRK-2026-000001' }) number!: string;
  @ApiProperty() userId!: string;
  @ApiProperty() holderName!: string;
  @ApiProperty() trainingBaseId!: string;
  @ApiProperty() trainingBaseName!: string;
  @ApiProperty({ enum: BROKER_LEVELS }) level!: BrokerLevel;
  @ApiProperty({ enum: CERTIFICATE_STATUSES }) status!: CertificateStatus;
  @ApiProperty({ enum: CERTIFICATE_STANDINGS, description: 'valid only while active and unexpired: what the broker role asks' }) standing!: CertificateStanding;
  @ApiProperty() issuedAt!: string;
  @ApiProperty() expiresAt!: string;
  @ApiProperty() renewals!: number;
  @ApiProperty({ type: String, nullable: true }) statusReason!: string | null;
}

export class CertificatePageResponse {
  @ApiProperty({ type: [CertificateResponse] }) items!: CertificateResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

/** What anyone may check about a certificate by its number (no account ids). */
export class PublicCertificateResponse {
  @ApiProperty() number!: string;
  @ApiProperty() holderName!: string;
  @ApiProperty() trainingBaseName!: string;
  @ApiProperty({ enum: BROKER_LEVELS }) level!: BrokerLevel;
  @ApiProperty({ enum: CERTIFICATE_STANDINGS }) standing!: CertificateStanding;
  @ApiProperty() issuedAt!: string;
  @ApiProperty() expiresAt!: string;
}
