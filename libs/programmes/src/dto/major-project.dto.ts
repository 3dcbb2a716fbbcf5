import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { PageQuery, PARK_CODES } from '@techbridge/platform';
import { PROJECT_LEVELS, PROJECT_STATUSES, ProjectAction, ProjectLevel, ProjectStatus } from '../major-project.state-machine';
import type { ObjectionStatus } from '../entities/project-objection.entity';

export class ProposeProjectDto {
  @ApiProperty({ maxLength: 200 }) @IsString() @MinLength(4) @MaxLength(200) title!: string;
  @ApiProperty({ maxLength: 4000 }) @IsString() @MinLength(10) @MaxLength(4000) summary!: string;
  @ApiPropertyOptional({ enum: PARK_CODES, description: 'Platform staff and city administrations (a park of their city) name the park; a park administration proposes for its own' }) @IsOptional() @IsIn(PARK_CODES) parkCode?: string;
  @ApiProperty({ enum: PROJECT_LEVELS, description: 'The level it is proposed for (province or city portfolio)' }) @IsIn(PROJECT_LEVELS) proposedLevel!: ProjectLevel;
  @ApiPropertyOptional({ type: [String], description: 'Achievements transferred by the project' }) @IsOptional() @IsArray() @ArrayMaxSize(50) @IsUUID('all', { each: true }) achievementIds?: string[];
  @ApiPropertyOptional({ type: [String], description: 'Enterprises carrying the project (organisation ids)' }) @IsOptional() @IsArray() @ArrayMaxSize(50) @IsUUID('all', { each: true }) enterpriseIds?: string[];
  @ApiPropertyOptional({ type: [String], description: 'Technology contracts behind it' }) @IsOptional() @IsArray() @ArrayMaxSize(50) @IsUUID('all', { each: true }) contractIds?: string[];
}

export class ProjectQuery extends PageQuery {
  @ApiPropertyOptional({ enum: PROJECT_STATUSES }) @IsOptional() @IsIn(PROJECT_STATUSES) status?: ProjectStatus;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(2016) @Max(2100) year?: number;
  @ApiPropertyOptional({ enum: PARK_CODES }) @IsOptional() @IsIn(PARK_CODES) parkCode?: string;
}

export class ApproveProjectDto {
  @ApiProperty({ minimum: 2016, maximum: 2100 }) @IsInt() @Min(2016) @Max(2100) year!: number;
  @ApiProperty({ enum: PROJECT_LEVELS }) @IsIn(PROJECT_LEVELS) level!: ProjectLevel;
}

export class ProjectNoteDto {
  @ApiProperty({ maxLength: 2000 }) @IsString() @MinLength(2) @MaxLength(2000) note!: string;
}

export class MidTermCheckDto extends ProjectNoteDto {
  @ApiProperty({ description: 'Passed: the project goes on; failed: it is terminated' }) @IsBoolean() passed!: boolean;
}

export class ObjectDto {
  @ApiProperty({ maxLength: 50, description: '实名: the objector’s real name' }) @IsString() @MinLength(2) @MaxLength(50) realName!: string;
  @ApiProperty({ example: '13800138000' }) @Matches(/^1\d{10}$/) phone!: string;
  @ApiProperty({ maxLength: 4000 }) @IsString() @MinLength(10) @MaxLength(4000) grounds!: string;
}

export class ResolveObjectionDto {
  @ApiProperty({ enum: ['upheld', 'dismissed'], description: 'Upheld rejects the project; dismissed lets the notice run on' }) @IsIn(['upheld', 'dismissed']) outcome!: 'upheld' | 'dismissed';
  @ApiProperty({ maxLength: 2000 }) @IsString() @MinLength(2) @MaxLength(2000) resolution!: string;
}

export class MilestoneDto {
  @ApiProperty({ example: '2026Q3' }) @Matches(/^\d{4}Q[1-4]$/) quarter!: string;
  @ApiProperty({ minimum: 0, maximum: 100, description: 'Progress in percent' }) @IsInt() @Min(0) @Max(100) progress!: number;
  @ApiProperty({ maxLength: 4000 }) @IsString() @MinLength(4) @MaxLength(4000) summary!: string;
  @ApiProperty({ maxLength: 4000, description: 'Evidence: documents, acceptance records, links' }) @IsString() @MinLength(4) @MaxLength(4000) evidence!: string;
}

export class QuotaYearQuery {
  @ApiProperty({ minimum: 2016, maximum: 2100 }) @Type(() => Number) @IsInt() @Min(2016) @Max(2100) year!: number;
}

export class NoticeResponse {
  @ApiProperty() policyVersion!: number;
  @ApiProperty() noticeDays!: number;
  @ApiProperty() startedAt!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Null while the clock stands still for an open objection' }) endsAt!: string | null;
  @ApiProperty() paused!: boolean;
  @ApiProperty({ description: 'Milliseconds left on the clock' }) remainingMs!: number;
}

export class MajorProjectResponse {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() summary!: string;
  @ApiProperty() parkCode!: string;
  @ApiProperty() city!: string;
  @ApiProperty() proposedByOrgId!: string;
  @ApiProperty({ enum: PROJECT_LEVELS }) proposedLevel!: ProjectLevel;
  @ApiProperty({ type: [String] }) achievementIds!: string[];
  @ApiProperty({ type: [String] }) enterpriseIds!: string[];
  @ApiProperty({ type: [String] }) contractIds!: string[];
  @ApiProperty({ enum: PROJECT_STATUSES }) status!: ProjectStatus;
  @ApiProperty({ type: Number, nullable: true }) year!: number | null;
  @ApiProperty({ enum: PROJECT_LEVELS, nullable: true }) level!: ProjectLevel | null;
  @ApiProperty({ type: NoticeResponse, nullable: true }) notice!: NoticeResponse | null;
  @ApiProperty({ type: String, nullable: true }) approvedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) closingNote!: string | null;
  @ApiProperty({ type: [String], description: 'Steps the caller could take now' }) allowedActions!: ProjectAction[];
  @ApiProperty() createdAt!: string;
}

export class MajorProjectPageResponse {
  @ApiProperty({ type: [MajorProjectResponse] }) items!: MajorProjectResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class ObjectionResponse {
  @ApiProperty() id!: string;
  @ApiProperty() projectId!: string;
  @ApiProperty({ description: 'Shown to the proposer and staff; others see it masked' }) realName!: string;
  @ApiProperty() grounds!: string;
  @ApiProperty({ enum: ['open', 'upheld', 'dismissed'] }) status!: ObjectionStatus;
  @ApiProperty({ type: String, nullable: true }) resolution!: string | null;
  @ApiProperty() createdAt!: string;
}

export class MilestoneResponse {
  @ApiProperty() id!: string;
  @ApiProperty() quarter!: string;
  @ApiProperty() progress!: number;
  @ApiProperty() summary!: string;
  @ApiProperty() evidence!: string;
  @ApiProperty() createdAt!: string;
}

export class QuotaLineResponse {
  @ApiProperty({ enum: PROJECT_LEVELS }) level!: ProjectLevel;
  @ApiProperty({ type: String, nullable: true, description: 'The city for city-level lines' }) city!: string | null;
  @ApiProperty() quota!: number;
  @ApiProperty({ description: 'Projects in the portfolio (approved, mid-term passed, accepted)' }) inPortfolio!: number;
  @ApiProperty() met!: boolean;
  @ApiProperty({ description: 'Counts by status, terminated included' }) byStatus!: Record<string, number>;
}

export class QuotaDashboardResponse {
  @ApiProperty() year!: number;
  @ApiProperty({ type: QuotaLineResponse }) province!: QuotaLineResponse;
  @ApiProperty({ type: [QuotaLineResponse] }) cities!: QuotaLineResponse[];
}

export const SIMPLE_PROJECT_ACTIONS = ['shortlist', 'start-notice', 'accept', 'terminate', 'reject'] as const;
export type SimpleProjectAction = (typeof SIMPLE_PROJECT_ACTIONS)[number];

export class ProjectTransitionDto {
  @ApiProperty({ enum: SIMPLE_PROJECT_ACTIONS, description: 'approve and the mid-term check have their own routes' }) @IsIn([...SIMPLE_PROJECT_ACTIONS]) action!: SimpleProjectAction;
  @ApiPropertyOptional({ maxLength: 2000, description: 'The reason (acceptance note, termination or rejection reason)' }) @IsOptional() @IsString() @MaxLength(2000) note?: string;
}
