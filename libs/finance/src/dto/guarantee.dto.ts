import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsYuan } from '@techbridge/platform';
import { GUARANTEE_STATUSES, GuaranteeStatus, LoanGuarantee } from '../entities/loan-guarantee.entity';
import { GUARANTEE_LIFECYCLE } from '../finance.state-machine';

export class InviteGuarantorDto {
  @ApiProperty({ description: 'A verified guarantor organisation' }) @IsUUID('4') guarantorId!: string;
  @ApiProperty({ description: 'Amount guaranteed at most, yuan' }) @IsYuan() amount!: number;
  @ApiProperty({ description: "The guarantor's share of a loss on default, percent of the outstanding principal", minimum: 1, maximum: 100 })
  @IsInt() @Min(1) @Max(100) sharePercent!: number;
}

export class DeclineGuaranteeDto {
  @ApiProperty({ description: 'Why the guarantor declines (shown to the bank and the borrower)' }) @IsString() @MinLength(2) @MaxLength(1000) reason!: string;
}

export class GuaranteeNoteDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) note?: string;
}

/** The steps a party may take by hand (call and release follow the loan). */
const HAND_STEPS = { guarantor: ['accept', 'decline', 'honour'], bank: ['withdraw'] } as const;

export class LoanGuaranteeResponse {
  @ApiProperty() id!: string;
  @ApiProperty() loanId!: string;
  @ApiProperty() guarantorId!: string;
  @ApiProperty({ type: String, nullable: true }) guarantorName!: string | null;
  @ApiProperty({ description: 'yuan' }) amount!: number;
  @ApiProperty() sharePercent!: number;
  @ApiProperty({ enum: GUARANTEE_STATUSES }) status!: GuaranteeStatus;
  @ApiProperty({ type: String, nullable: true }) declineReason!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'What the compensation claim called on the guarantee, yuan' }) calledAmount!: number | null;
  @ApiProperty({ type: String, nullable: true }) decidedAt!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: [String], description: "The caller's steps from this state" }) allowedActions!: string[];
}

export function mapGuarantee(g: LoanGuarantee, guarantorName: string | null, party: 'guarantor' | 'bank' | null): LoanGuaranteeResponse {
  const hand: readonly string[] = party ? HAND_STEPS[party] : [];
  return {
    id: g.id, loanId: g.loanId, guarantorId: g.guarantorId, guarantorName, amount: g.amount, sharePercent: g.sharePercent, status: g.status, declineReason: g.declineReason,
    calledAmount: g.calledAmount, decidedAt: g.decidedAt?.toISOString() ?? null, createdAt: g.createdAt.toISOString(),
    allowedActions: GUARANTEE_LIFECYCLE.allowed(g.status).filter((a) => hand.includes(a)),
  };
}
