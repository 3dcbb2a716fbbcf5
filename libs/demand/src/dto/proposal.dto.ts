import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { IsYuan } from '@techbridge/platform';
import { PROPOSAL_STATUSES, ProposalStatus } from '../demand.state-machine';
import { Proposal } from '../entities/proposal.entity';
import { MAX_MONEY } from './demand.dto';

const trimmed = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

export class ProposalTeamMemberDto {
  @ApiProperty({ example: '李教授' }) @IsString() @trimmed() @MinLength(1) @MaxLength(60) name!: string;
  @ApiPropertyOptional({ example: '教授' }) @IsOptional() @IsString() @MaxLength(60) title?: string;
  @ApiPropertyOptional({ example: '项目负责人' }) @IsOptional() @IsString() @MaxLength(60) role?: string;
}

export class SubmitProposalDto {
  @ApiProperty({ description: 'How the problem will be solved', minLength: 10 })
  @IsString()
  @MinLength(10)
  @MaxLength(20000)
  approach!: string;

  @ApiPropertyOptional({ type: [ProposalTeamMemberDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ProposalTeamMemberDto)
  team?: ProposalTeamMemberDto[];

  @ApiPropertyOptional({ minimum: 0, nullable: true, description: 'Price in yuan; null = to be negotiated' })
  @IsOptional()
  @IsYuan()
  @Min(0)
  @Max(MAX_MONEY)
  price?: number | null;

  @ApiProperty({ example: '3个月完成中试，6个月工业化应用' })
  @IsString()
  @trimmed()
  @MinLength(2)
  @MaxLength(2000)
  timeline!: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 120 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(120)
  durationMonths?: number;

  @ApiPropertyOptional({ type: [String], description: "Published achievements of your own organisation" })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  achievementIds?: string[];
}

export class DeclineProposalDto {
  @ApiProperty({ example: '技术路线与现有产线不匹配' })
  @IsString()
  @trimmed()
  @MinLength(1)
  @MaxLength(1000)
  reason!: string;
}

export class ProposalTeamMemberResponse {
  @ApiProperty() name!: string;
  @ApiPropertyOptional() title?: string;
  @ApiPropertyOptional() role?: string;
}

export class ProposalResponse {
  @ApiProperty() id!: string;
  @ApiProperty() demandId!: string;
  @ApiProperty() proposerOrgId!: string;
  @ApiProperty() proposerOrgName!: string;
  @ApiProperty() approach!: string;
  @ApiProperty({ type: [ProposalTeamMemberResponse] }) team!: ProposalTeamMemberResponse[];
  @ApiProperty({ type: Number, nullable: true }) price!: number | null;
  @ApiProperty() timeline!: string;
  @ApiProperty({ type: Number, nullable: true }) durationMonths!: number | null;
  @ApiProperty({ type: [String] }) achievementIds!: string[];
  @ApiProperty({ enum: PROPOSAL_STATUSES }) status!: ProposalStatus;
  @ApiProperty({ type: String, nullable: true }) declineReason!: string | null;
  @ApiProperty({ type: String, nullable: true }) decidedAt!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export function mapProposal(p: Proposal): ProposalResponse {
  return {
    id: p.id,
    demandId: p.demandId,
    proposerOrgId: p.proposerOrgId,
    proposerOrgName: p.proposerOrgName,
    approach: p.approach,
    team: p.team,
    price: p.price === null || p.price === undefined ? null : Number(p.price),
    timeline: p.timeline,
    durationMonths: p.durationMonths,
    achievementIds: p.achievementIds,
    status: p.status,
    declineReason: p.declineReason,
    decidedAt: p.decidedAt ? p.decidedAt.toISOString() : null,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}
