import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Actor, CurrentActor, receiveFile } from '@techbridge/platform';
import { OrderValuationDto, QuoteValuationDto, ValuationOrderResponse } from './dto/valuation-order.dto';
import { ValuationOrderService } from './valuation-order.service';

@ApiTags('market')
@ApiBearerAuth()
@Controller('market')
export class ValuationOrderController {
  constructor(private readonly orders: ValuationOrderService) {}

  @Post('listings/:id/valuation-orders')
  @ApiOperation({ summary: '委托评估 / The owner orders a valuation report from a verified transfer institution' })
  @ApiCreatedResponse({ type: ValuationOrderResponse })
  order(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: OrderValuationDto): Promise<ValuationOrderResponse> {
    return this.orders.order(actor, id, dto);
  }

  @Get('valuation-orders/:id')
  @ApiOperation({ summary: '评估委托 / A valuation order (the owner and the institution)' })
  @ApiOkResponse({ type: ValuationOrderResponse })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ValuationOrderResponse> {
    return this.orders.get(actor, id);
  }

  @Post('valuation-orders/:id/quote')
  @HttpCode(200)
  @ApiOperation({ summary: '评估报价 / The institution quotes its fee' })
  @ApiOkResponse({ type: ValuationOrderResponse })
  quote(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: QuoteValuationDto): Promise<ValuationOrderResponse> {
    return this.orders.quote(actor, id, dto);
  }

  @Post('valuation-orders/:id/report')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOperation({ summary: '交付评估报告 / The institution delivers the report (PDF), attached to the listing' })
  @ApiOkResponse({ type: ValuationOrderResponse })
  async deliver(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Req() req: FastifyRequest): Promise<ValuationOrderResponse> {
    const file = await receiveFile(req);
    return this.orders.deliver(actor, id, { filename: file.filename, content: file.stream });
  }

  @Get('valuation-orders/:id/report')
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: '下载评估报告 / Download the delivered report' })
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async report(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Res() res: FastifyReply): Promise<void> {
    const r = await this.orders.openReport(actor, id);
    await res.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(r.name)}`).send(r.stream);
  }
}
