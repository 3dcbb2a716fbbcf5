import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDateString, IsInt, Max, Min } from 'class-validator';
import { LoanRepayment } from '../entities/loan-repayment.entity';
import { PledgeLoanResponse } from './loan.dto';

/** 1e13 fen is ¥100 bn: far above any loan, far below 2^53. */
export const MAX_REPAYMENT_FEN = 10_000_000_000_000;

/** The repayment's fields travel in the query; the proof (bank slip, PDF or image) is the multipart file. */
export class RecordRepaymentQuery {
  @ApiProperty({ example: '2026-06-30', description: 'Value date of the repayment (Beijing), not in the future nor before disbursement' })
  @IsDateString({ strict: true }) repaidOn!: string;

  @ApiProperty({ description: 'Principal repaid, fen (integer)', minimum: 1 })
  @Type(() => Number) @IsInt() @Min(1) @Max(MAX_REPAYMENT_FEN) amountFen!: number;
}

export class LoanRepaymentResponse {
  @ApiProperty() id!: string;
  @ApiProperty() loanId!: string;
  @ApiProperty({ example: '2026-06-30' }) repaidOn!: string;
  @ApiProperty({ description: 'fen' }) amountFen!: number;
  @ApiProperty({ description: 'File name of the proof' }) proofName!: string;
  @ApiProperty() createdAt!: string;
}

export function mapRepayment(r: LoanRepayment): LoanRepaymentResponse {
  return { id: r.id, loanId: r.loanId, repaidOn: r.repaidOn, amountFen: r.amountFen, proofName: r.proofName, createdAt: r.createdAt.toISOString() };
}

export class RepaymentRecordedResponse {
  @ApiProperty({ type: LoanRepaymentResponse }) repayment!: LoanRepaymentResponse;
  @ApiProperty({ type: PledgeLoanResponse, description: 'The loan after the repayment (repaid once nothing is outstanding)' }) loan!: PledgeLoanResponse;
}

export class LoanRepaymentListResponse {
  @ApiProperty({ type: [LoanRepaymentResponse], description: 'Oldest value date first' }) items!: LoanRepaymentResponse[];
  @ApiProperty({ description: 'Principal, fen' }) principalFen!: number;
  @ApiProperty({ description: 'Repaid so far, fen' }) repaidFen!: number;
  @ApiProperty({ description: 'Outstanding principal, fen' }) outstandingFen!: number;
}
