import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Actor, CurrentActor, receiveFile } from '@techbridge/platform';
import { VoucherStatisticsQuery, VoucherStatisticsResponse } from './dto/statistics.dto';
import { ApplyVoucherDto, AuditDto, ClaimDto, DecisionNoteDto, RateDto, ReserveVoucherDto, VoucherListQuery, VoucherPageResponse, VoucherResponse } from './dto/voucher.dto';
import { VoucherAuditService } from './voucher-audit.service';
import { VoucherIssuingService } from './voucher-issuing.service';
import { VoucherRedemptionService } from './voucher-redemption.service';
import { VoucherStatisticsService } from './voucher-statistics.service';
import { VoucherService } from './voucher.service';

@ApiTags('vouchers')
@ApiBearerAuth()
@Controller('vouchers')
export class VouchersController {
  constructor(
    private readonly vouchers: VoucherService,
    private readonly issuing: VoucherIssuingService,
    private readonly redemption: VoucherRedemptionService,
    private readonly audits: VoucherAuditService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Apply for a voucher with the evidence the rules need (enterprises); automatic rules screen it at once' })
  @ApiCreatedResponse({ type: VoucherResponse })
  apply(@CurrentActor() actor: Actor, @Body() dto: ApplyVoucherDto): Promise<VoucherResponse> {
    return this.issuing.apply(actor, dto);
  }

  @Get()
  @ApiOperation({ summary: 'Vouchers I hold (as=enterprise), serve (as=provider) or administer (as=admin)' })
  @ApiOkResponse({ type: VoucherPageResponse })
  list(@CurrentActor() actor: Actor, @Query() q: VoucherListQuery) {
    return this.vouchers.list(actor, q);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A voucher (its holder, its provider, its programme administrators)' })
  @ApiOkResponse({ type: VoucherResponse })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<VoucherResponse> {
    return this.vouchers.get(actor, id);
  }

  @Post(':id/issue')
  @HttpCode(200)
  @ApiOperation({ summary: 'Issue a screened application (programme administrators): amount and expiry, money moves from the pool' })
  @ApiOkResponse({ type: VoucherResponse })
  issue(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: DecisionNoteDto): Promise<VoucherResponse> {
    return this.issuing.issue(actor, id, dto);
  }

  @Post(':id/refuse')
  @HttpCode(200)
  @ApiOperation({ summary: 'Refuse a screened application (programme administrators)' })
  @ApiOkResponse({ type: VoucherResponse })
  refuse(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: DecisionNoteDto): Promise<VoucherResponse> {
    return this.issuing.refuse(actor, id, dto);
  }

  @Post(':id/reservation')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reserve the voucher against a service order with a registered provider (the holder); related parties and blacklisted providers are refused' })
  @ApiOkResponse({ type: VoucherResponse })
  reserve(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReserveVoucherDto): Promise<VoucherResponse> {
    return this.redemption.reserve(actor, id, dto);
  }

  @Post(':id/release')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel the reservation (the holder)' })
  @ApiOkResponse({ type: VoucherResponse })
  release(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<VoucherResponse> {
    return this.redemption.release(actor, id);
  }

  @Post(':id/delivery')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record the service as delivered (the provider)' })
  @ApiOkResponse({ type: VoucherResponse })
  deliver(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<VoucherResponse> {
    return this.redemption.deliver(actor, id);
  }

  @Post(':id/claim-documents/:kind')
  @HttpCode(200)
  @ApiOperation({ summary: 'Upload a claim document: contract, invoice, payment-proof or service-report (the provider)' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOkResponse({ type: VoucherResponse })
  async upload(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Param('kind') kind: string, @Req() req: FastifyRequest): Promise<VoucherResponse> {
    const file = await receiveFile(req);
    return this.redemption.uploadDocument(actor, id, kind, { filename: file.filename, content: file.stream });
  }

  @Post(':id/claim')
  @HttpCode(200)
  @ApiOperation({ summary: 'Claim payment for a delivered voucher (the provider): all four documents and a unique invoice number' })
  @ApiOkResponse({ type: VoucherResponse })
  claim(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ClaimDto): Promise<VoucherResponse> {
    return this.redemption.claim(actor, id, dto);
  }

  @Post(':id/audit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Audit a claim (programme administrators): approve, reject, or collusion (voids and blacklists the provider)' })
  @ApiOkResponse({ type: VoucherResponse })
  audit(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AuditDto): Promise<VoucherResponse> {
    return this.audits.audit(actor, id, dto);
  }

  @Post(':id/payment')
  @HttpCode(200)
  @ApiOperation({ summary: 'Pay an audited claim (programme administrators)' })
  @ApiOkResponse({ type: VoucherResponse })
  pay(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<VoucherResponse> {
    return this.audits.pay(actor, id);
  }

  @Post(':id/rating')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rate the provider of a paid voucher, once (the holder)' })
  @ApiOkResponse({ type: VoucherResponse })
  rate(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RateDto): Promise<VoucherResponse> {
    return this.redemption.rate(actor, id, dto);
  }
}

@ApiTags('vouchers')
@ApiBearerAuth()
@Controller('voucher-statistics')
export class VoucherStatisticsController {
  constructor(private readonly statistics: VoucherStatisticsService) {}

  @Get()
  @ApiOperation({ summary: 'Vouchers issued and redeemed by park, and cross-region flows, for a year (platform and park administrations)' })
  @ApiOkResponse({ type: VoucherStatisticsResponse })
  yearly(@CurrentActor() actor: Actor, @Query() q: VoucherStatisticsQuery): Promise<VoucherStatisticsResponse> {
    return this.statistics.yearly(actor, q.year);
  }
}
