import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Actor, CurrentActor, receiveFile } from '@techbridge/platform';
import { CompensationClaimService } from './compensation-claim.service';
import {
  ApplyPledgeLoanDto, ApproveLoanDto, CompensationClaimDto, CompensationClaimResponse, LoanListQuery, LoanNoteDto, PledgeLoanPageResponse, PledgeLoanResponse,
  ValuationFieldsQuery,
} from './dto/loan.dto';
import { LoanRepaymentListResponse, RecordRepaymentQuery, RepaymentRecordedResponse } from './dto/repayment.dto';
import { LoanRepaymentService } from './loan-repayment.service';
import { PledgeLoanService } from './pledge-loan.service';

@ApiTags('finance')
@ApiBearerAuth()
@Controller('pledge-loans')
export class PledgeLoanController {
  constructor(
    private readonly loans: PledgeLoanService,
    private readonly claims: CompensationClaimService,
    private readonly repayments: LoanRepaymentService,
  ) {}

  @Post()
  @ApiOperation({ summary: '申请知识产权质押贷款 / Apply for an IP-pledge loan on an achievement’s patents (enterprises)' })
  @ApiCreatedResponse({ type: PledgeLoanResponse })
  apply(@CurrentActor() actor: Actor, @Body() dto: ApplyPledgeLoanDto): Promise<PledgeLoanResponse> {
    return this.loans.apply(actor, dto);
  }

  @Get()
  @ApiOperation({ summary: '贷款列表 / My loans, or my bank’s loan queue (oldest first)' })
  @ApiOkResponse({ type: PledgeLoanPageResponse })
  list(@CurrentActor() actor: Actor, @Query() q: LoanListQuery) {
    return this.loans.list(actor, q);
  }

  @Get(':id')
  @ApiOperation({ summary: '贷款详情 / A pledge loan (borrower, its bank, platform staff)' })
  @ApiOkResponse({ type: PledgeLoanResponse })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<PledgeLoanResponse> {
    return this.loans.get(actor, id);
  }

  @Post(':id/valuation')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOperation({ summary: '上传评估报告 / Attach the valuation report with the appraised value: applied → valued (borrower)' })
  @ApiOkResponse({ type: PledgeLoanResponse })
  async valuation(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Query() q: ValuationFieldsQuery, @Req() req: FastifyRequest): Promise<PledgeLoanResponse> {
    const file = await receiveFile(req);
    return this.loans.attachValuation(actor, id, q.valuationAmount, file);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiOperation({ summary: '银行审批 / Approve the valued loan (verified bank)' })
  @ApiOkResponse({ type: PledgeLoanResponse })
  approve(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ApproveLoanDto): Promise<PledgeLoanResponse> {
    return this.loans.approve(actor, id, dto);
  }

  @Post(':id/decline')
  @HttpCode(200)
  @ApiOperation({ summary: '拒绝 / Decline the application (verified bank)' })
  @ApiOkResponse({ type: PledgeLoanResponse })
  decline(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: LoanNoteDto): Promise<PledgeLoanResponse> {
    return this.loans.bankStep(actor, id, 'decline', dto.note);
  }

  @Post(':id/disburse')
  @HttpCode(200)
  @ApiOperation({ summary: '放款 / Disburse the approved loan (verified bank)' })
  @ApiOkResponse({ type: PledgeLoanResponse })
  disburse(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: LoanNoteDto): Promise<PledgeLoanResponse> {
    return this.loans.bankStep(actor, id, 'disburse', dto.note);
  }

  @Post(':id/repayments')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary', description: 'Proof of the repayment (PDF, PNG or JPEG)' } } } })
  @ApiOperation({ summary: '登记还款 / Record a (partial) repayment with its proof; the one that clears the principal makes the loan repaid (verified bank)' })
  @ApiCreatedResponse({ type: RepaymentRecordedResponse })
  async repayment(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Query() q: RecordRepaymentQuery, @Req() req: FastifyRequest): Promise<RepaymentRecordedResponse> {
    const file = await receiveFile(req);
    return this.repayments.record(actor, id, q, file);
  }

  @Get(':id/repayments')
  @ApiOperation({ summary: '还款记录 / The loan’s repayments with principal, repaid and outstanding (borrower, its bank, platform staff)' })
  @ApiOkResponse({ type: LoanRepaymentListResponse })
  repaymentsOf(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<LoanRepaymentListResponse> {
    return this.repayments.list(actor, id);
  }

  @Get(':id/repayments/:repaymentId/proof')
  @ApiOperation({ summary: '下载还款凭证 / Download a repayment’s proof (borrower, its bank, platform staff; 404 for anyone else)' })
  @ApiProduces('application/pdf', 'image/png', 'image/jpeg')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async repaymentProof(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('repaymentId', ParseUUIDPipe) repaymentId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const file = await this.repayments.proof(actor, id, repaymentId);
    reply.header('content-type', file.contentType);
    reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`);
    reply.header('cache-control', 'private, no-store');
    return new StreamableFile(file.stream);
  }

  @Post(':id/default')
  @HttpCode(200)
  @ApiOperation({ summary: '违约 / Record a default (verified bank)' })
  @ApiOkResponse({ type: PledgeLoanResponse })
  markDefault(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: LoanNoteDto): Promise<PledgeLoanResponse> {
    return this.loans.bankStep(actor, id, 'default', dto.note);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: '撤回申请 / Withdraw before approval (borrower)' })
  @ApiOkResponse({ type: PledgeLoanResponse })
  withdraw(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() _dto: LoanNoteDto): Promise<PledgeLoanResponse> {
    return this.loans.withdraw(actor, id);
  }

  @Post(':id/compensation-claim')
  @ApiOperation({ summary: '申请风险补偿 / Claim risk compensation from the borrower’s park fund for a defaulted loan (verified bank)' })
  @ApiCreatedResponse({ type: CompensationClaimResponse })
  claim(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CompensationClaimDto): Promise<CompensationClaimResponse> {
    return this.claims.file(actor, id, dto);
  }

  @Get(':id/compensation-claim')
  @ApiOperation({ summary: '风险补偿申请 / The loan’s compensation claim' })
  @ApiOkResponse({ type: CompensationClaimResponse })
  claimOf(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<CompensationClaimResponse> {
    return this.claims.ofLoan(actor, id);
  }
}

@ApiTags('finance')
@ApiBearerAuth()
@Controller('compensation-claims')
export class CompensationClaimController {
  constructor(private readonly claims: CompensationClaimService) {}

  @Get(':id')
  @ApiOperation({ summary: '风险补偿申请详情 / A compensation claim (the park fund, the bank, the borrower)' })
  @ApiOkResponse({ type: CompensationClaimResponse })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<CompensationClaimResponse> {
    return this.claims.get(actor, id);
  }

  @Post(':id/pay')
  @HttpCode(200)
  @ApiOperation({ summary: '补偿 / Pay the claim: the loan becomes compensated (the park fund)' })
  @ApiOkResponse({ type: CompensationClaimResponse })
  pay(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: LoanNoteDto): Promise<CompensationClaimResponse> {
    return this.claims.decide(actor, id, 'pay', dto);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ApiOperation({ summary: '驳回 / Reject the claim (the park fund)' })
  @ApiOkResponse({ type: CompensationClaimResponse })
  reject(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: LoanNoteDto): Promise<CompensationClaimResponse> {
    return this.claims.decide(actor, id, 'reject', dto);
  }
}
