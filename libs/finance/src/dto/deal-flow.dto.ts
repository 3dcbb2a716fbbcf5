import { ApiProperty } from '@nestjs/swagger';
import { MatchReasonResponse } from '@techbridge/matching';
import { FinancingRequestResponse, InvestorProfileResponse } from './financing.dto';

export class DealFlowItemResponse {
  @ApiProperty({ type: FinancingRequestResponse }) request!: FinancingRequestResponse;
  @ApiProperty() score!: number;
  @ApiProperty({ type: [MatchReasonResponse], description: 'What speaks for the pair (industry, stage, ticket size, region, park fund mandate)' }) reasons!: MatchReasonResponse[];
  @ApiProperty({ type: [MatchReasonResponse], description: 'What speaks against it (amount outside the ticket range)' }) concerns!: MatchReasonResponse[];
  @ApiProperty({ type: String, nullable: true, description: "My engagement's status, if any" }) engagementStatus!: string | null;
}

export class DealFlowPageResponse {
  @ApiProperty({ type: [DealFlowItemResponse] }) items!: DealFlowItemResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class InvestorMatchResponse {
  @ApiProperty({ type: InvestorProfileResponse }) investor!: InvestorProfileResponse;
  @ApiProperty() investorName!: string;
  @ApiProperty() score!: number;
  @ApiProperty({ type: [MatchReasonResponse] }) reasons!: MatchReasonResponse[];
  @ApiProperty({ type: [MatchReasonResponse] }) concerns!: MatchReasonResponse[];
}
