import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Actor, CurrentActor, receiveFile } from '@techbridge/platform';
import { PaymentLedgerResponse, PaymentResponse, RecordPaymentDto, ValuationBandResponse } from './dto/valuation.dto';
import { ValuationService } from './valuation.service';

@ApiTags('market')
@ApiBearerAuth()
@Controller('market')
export class ValuationController {
  constructor(private readonly valuation: ValuationService) {}

  @Get('listings/:id/valuation-band')
  @ApiOperation({ summary: '市场价格区间 / P25–P75 of comparable registered contracts (same sub-field and mode, TRL ±1, last 3 years)' })
  @ApiOkResponse({ type: ValuationBandResponse })
  band(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ValuationBandResponse> {
    return this.valuation.band(actor, id);
  }

  @Get('contracts/:contractId/payments')
  @ApiOperation({ summary: '收款情况 / Payments received against a contract: paid vs agreed (its parties)' })
  @ApiOkResponse({ type: PaymentLedgerResponse })
  ledger(@CurrentActor() actor: Actor, @Param('contractId', ParseUUIDPipe) contractId: string): Promise<PaymentLedgerResponse> {
    return this.valuation.ledger(actor, contractId);
  }

  @Post('contracts/:contractId/payments')
  @ApiOperation({ summary: '登记收款 / The seller records a payment actually received' })
  @ApiCreatedResponse({ type: PaymentResponse })
  record(@CurrentActor() actor: Actor, @Param('contractId', ParseUUIDPipe) contractId: string, @Body() dto: RecordPaymentDto): Promise<PaymentResponse> {
    return this.valuation.record(actor, contractId, dto);
  }

  @Post('payments/:id/proof')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOperation({ summary: '上传收款凭证 / Attach the proof of a payment' })
  @ApiOkResponse({ type: PaymentResponse })
  async proof(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Req() req: FastifyRequest): Promise<PaymentResponse> {
    const file = await receiveFile(req);
    return this.valuation.attachProof(actor, id, { filename: file.filename, content: file.stream });
  }
}
