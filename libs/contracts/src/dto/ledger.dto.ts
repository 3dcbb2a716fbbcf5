/** Request and response types of the holiday calendar, the reward ledger, the statistics and the monitoring feeds. */
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDateString, IsIn, IsInt, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { LocalizedText } from '@techbridge/platform';
import { ContractDirection } from '../rules/direction';

export class HolidayDto {
  @ApiProperty({ enum: ['holiday', 'workday'] })
  @IsIn(['holiday', 'workday'])
  kind!: 'holiday' | 'workday';

  @ApiProperty({ example: '国庆节' })
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  name!: string;
}

export class HolidayQuery {
  @ApiProperty({ example: 2026 })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;
}

export class HolidayResponse {
  @ApiProperty({ example: '2026-10-01' }) day!: string;
  @ApiProperty({ enum: ['holiday', 'workday'] }) kind!: string;
  @ApiProperty({ example: '国庆节' }) name!: string;
}

export class RewardComputationResponse {
  @ApiProperty() year!: number;
  @ApiProperty({ description: 'The queued job (deterministic per year)' }) jobId!: string;
}

export class ComputeRewardsDto {
  @ApiProperty({ example: 2026 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;
}

export class RewardContractResponse {
  @ApiProperty() contractId!: string;
  @ApiProperty() registrationNumber!: string;
  @ApiProperty({ description: 'yuan' }) technologyAmount!: number;
}

export class RewardLineResponse {
  @ApiProperty()
  id!: string;
  @ApiProperty()
  year!: number;
  @ApiProperty()
  institutionId!: string;
  @ApiProperty({ enum: ['facilitation', 'registration', 'new-accreditation'] })
  kind!: 'facilitation' | 'registration' | 'new-accreditation';
  @ApiProperty()
  basisAmount!: number;
  @ApiProperty()
  uncappedAmount!: number;
  @ApiProperty()
  amount!: number;
  @ApiProperty()
  capped!: boolean;
  @ApiProperty({ type: String, nullable: true })
  note!: string | null;
  @ApiProperty()
  computedAt!: string;
  /** Computed before the year ended (a monthly provisional run): the yearly run on 1 January replaces it. */
  @ApiProperty()
  provisional!: boolean;
  @ApiProperty({ type: [RewardContractResponse] })
  contracts!: Array<{ contractId: string; registrationNumber: string; technologyAmount: number }>;
}

/** A ledger line as monitoring places it in quarters and parks (the monitoring feed). */
export class RewardAccrualResponse {
  lineId!: string;
  institutionId!: string;
  kind!: RewardLineResponse['kind'];
  /** Yuan, to the fen. */
  amount!: number;
  /** For a line without contracts (the accreditation award): the Beijing date the accreditation took effect. */
  accruedOn!: string | null;
  contracts!: Array<{
    contractId: string;
    technologyAmount: number;
    registeredAt: string | null;
    /** The contract's park (the buyer's park unless filed otherwise), else the buyer organisation's park; null: not in a park. */
    parkCode: string | null;
  }>;
}

export const STATS_GROUPS = ['park', 'quarter', 'industry', 'type', 'direction'] as const;
export type StatsGroup = (typeof STATS_GROUPS)[number];

export class StatsQuery {
  @ApiProperty({ example: '2026-01-01' })
  @IsDateString({ strict: true })
  from!: string;

  @ApiProperty({ example: '2026-12-31', description: 'inclusive' })
  @IsDateString({ strict: true })
  to!: string;

  @ApiProperty({ enum: STATS_GROUPS })
  @IsIn(STATS_GROUPS as unknown as string[])
  groupBy!: StatsGroup;
}

export class StatsRow {
  @ApiProperty({ type: String, nullable: true })
  key!: string | null;
  @ApiProperty()
  contracts!: number;
  @ApiProperty()
  contractAmount!: number;
  @ApiProperty()
  technologyAmount!: number;
}
export class ContractStatsResponse {
  @ApiProperty()
  from!: string;
  @ApiProperty()
  to!: string;
  @ApiProperty({ enum: STATS_GROUPS })
  groupBy!: StatsGroup;
  @ApiProperty({ type: [StatsRow] })
  rows!: StatsRow[];
  @ApiProperty({ type: StatsRow })
  total!: StatsRow;
}

/** A registered contract as monitoring counts it (the monitoring feed): where, what kind, which way, how much, who facilitated. */
export class RegisteredContractRecord {
  id!: string;
  parkCode!: string | null;
  type!: string;
  direction!: ContractDirection;
  contractAmount!: number;
  technologyAmount!: number;
  brokerUserId!: string | null;
  transferInstitutionId!: string | null;
  registeredAt!: string;
}

export class DealLineResponse {
  @ApiProperty() registeredAt!: string;
  @ApiProperty() type!: string;
  @ApiProperty() typeName!: LocalizedText;
  @ApiProperty({ enum: ['absorbed-bj-tj', 'within-province', 'out-of-province', 'other'] }) direction!: ContractDirection;
  @ApiProperty({ description: 'yuan' }) contractAmount!: number;
}

/** An organisation's public deal record: registered contracts it sold or facilitated, without the counterparties. */
export class DealRecordResponse {
  @ApiProperty() contracts!: number;
  @ApiProperty({ description: 'yuan' }) contractAmount!: number;
  @ApiProperty({ type: [DealLineResponse], description: 'the latest five' }) latest!: DealLineResponse[];
}
