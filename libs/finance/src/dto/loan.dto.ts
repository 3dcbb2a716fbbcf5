import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { IsYuan, PageQuery } from '@techbridge/platform';
import { ClaimStatus, CompensationClaim, LOAN_STATUSES, LoanStatus, outstandingFen, PledgeLoan, principalFen } from '../entities/pledge-loan.entity';
import { LOAN_LIFECYCLE } from '../finance.state-machine';

export class ApplyPledgeLoanDto {
  @ApiProperty({ description: 'A verified bank' }) @IsUUID('4') bankId!: string;
  @ApiProperty({ description: 'An achievement of the borrower whose patents are pledged' }) @IsUUID('4') achievementId!: string;
  @ApiProperty({ description: 'Amount applied for, yuan' }) @IsYuan() amount!: number;
  @ApiProperty({ minimum: 1, maximum: 120 }) @IsInt() @Min(1) @Max(120) termMonths!: number;
}

export class ValuationFieldsQuery {
  @ApiProperty({ description: 'Appraised value of the pledged patents, yuan (the report is the multipart file)' })
  @Type(() => Number) @IsYuan() valuationAmount!: number;
}

export class ApproveLoanDto {
  @ApiProperty({ description: 'Approved amount, yuan' }) @IsYuan() approvedAmount!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) note?: string;
}

export class LoanNoteDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) note?: string;
}

export class CompensationClaimDto {
  @ApiProperty({ description: 'Amount claimed from the park fund, yuan (at most the outstanding principal)' }) @IsYuan() amount!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) note?: string;
}

export class LoanListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: LOAN_STATUSES }) @IsOptional() @IsIn(LOAN_STATUSES) status?: LoanStatus;
}

export class PledgeLoanResponse {
  @ApiProperty() id!: string;
  @ApiProperty() borrowerId!: string;
  @ApiProperty({ type: String, nullable: true }) borrowerName!: string | null;
  @ApiProperty() bankId!: string;
  @ApiProperty() achievementId!: string;
  @ApiProperty({ type: [String] }) patents!: string[];
  @ApiProperty() amount!: number;
  @ApiProperty() termMonths!: number;
  @ApiProperty({ type: String, nullable: true }) parkCode!: string | null;
  @ApiProperty({ type: Number, nullable: true }) valuationAmount!: number | null;
  @ApiProperty({ type: String, nullable: true }) valuationReportName!: string | null;
  @ApiProperty({ type: Number, nullable: true }) approvedAmount!: number | null;
  @ApiProperty({ enum: LOAN_STATUSES }) status!: LoanStatus;
  @ApiProperty({ type: String, nullable: true }) decisionNote!: string | null;
  @ApiProperty({ description: 'Principal on the books, fen (approved amount once approved)' }) principalFen!: number;
  @ApiProperty({ description: 'Principal repaid so far, fen' }) repaidFen!: number;
  @ApiProperty({ description: 'Outstanding principal, fen: principal − repaid' }) outstandingFen!: number;
  @ApiProperty({ type: String, nullable: true }) disbursedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) closedAt!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: [String], description: "Steps open now; 'record-repayment' while disbursed (the loan is repaid by the repayment that clears it)" }) allowedActions!: string[];
}

export function mapLoan(l: PledgeLoan, borrowerName: string | null = null): PledgeLoanResponse {
  return {
    id: l.id, borrowerId: l.borrowerId, borrowerName, bankId: l.bankId, achievementId: l.achievementId, patents: l.patents, amount: l.amount, termMonths: l.termMonths,
    parkCode: l.parkCode, valuationAmount: l.valuationAmount, valuationReportName: l.valuationReportName, approvedAmount: l.approvedAmount, status: l.status,
    decisionNote: l.decisionNote, principalFen: principalFen(l), repaidFen: l.repaidFen, outstandingFen: outstandingFen(l), disbursedAt: l.disbursedAt?.toISOString() ?? null, closedAt: l.closedAt?.toISOString() ?? null, createdAt: l.createdAt.toISOString(),
    // 'repay' is no step of its own: the repayment that leaves nothing outstanding takes it.
    allowedActions: LOAN_LIFECYCLE.allowed(l.status).map((a) => (a === 'repay' ? 'record-repayment' : a)),
  };
}

export class PledgeLoanPageResponse {
  @ApiProperty({ type: [PledgeLoanResponse] }) items!: PledgeLoanResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class CompensationClaimResponse {
  @ApiProperty() id!: string;
  @ApiProperty() loanId!: string;
  @ApiProperty({ description: "The park's sub-fund the claim is made to" }) fundId!: string;
  @ApiProperty() amount!: number;
  @ApiProperty({ enum: ['filed', 'paid', 'rejected'] }) status!: ClaimStatus;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: String, nullable: true }) decidedAt!: string | null;
}

export function mapClaim(c: CompensationClaim): CompensationClaimResponse {
  return { id: c.id, loanId: c.loanId, fundId: c.fundId, amount: c.amount, status: c.status, note: c.note, createdAt: c.createdAt.toISOString(), decidedAt: c.decidedAt?.toISOString() ?? null };
}

export class CompensationClaimPageResponse {
  @ApiProperty({ type: [CompensationClaimResponse] }) items!: CompensationClaimResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
