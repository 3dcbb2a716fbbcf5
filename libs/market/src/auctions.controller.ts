import { Body, Controller, Get, HttpCode, MessageEvent, Param, ParseUUIDPipe, Post, Query, Req, Sse } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiExcludeEndpoint, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { from, map, Observable, switchMap } from 'rxjs';
import { Actor, CurrentActor, PageQuery, Public, receiveFile } from '@techbridge/platform';
import { AuctionCloseService } from './auction-close.service';
import { AuctionService } from './auction.service';
import { BiddingService } from './bidding.service';
import { AuctionResponse, BidderResponse, BidResponse, ChainVerificationResponse, PlaceBidDto, RegisterBidderDto } from './dto/auction.dto';

@ApiTags('market')
@ApiBearerAuth()
@Controller('market')
export class AuctionsController {
  constructor(
    private readonly auctions: AuctionService,
    private readonly bidding: BiddingService,
    private readonly closing: AuctionCloseService,
  ) {}

  @Get('auctions/:id')
  @Public()
  @ApiOperation({ summary: '拍卖 / An auction: price, close, extensions (live events at /market/auctions/{id}/live, text/event-stream)' })
  @ApiOkResponse({ type: AuctionResponse })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<AuctionResponse> {
    return this.auctions.get(id);
  }

  @Get('roadshows/:eventId/auctions')
  @Public()
  @ApiOperation({ summary: '路演中的拍卖场次 / Auctions held as sessions of a roadshow event' })
  @ApiOkResponse({ type: [AuctionResponse] })
  ofRoadshow(@Param('eventId', ParseUUIDPipe) eventId: string): Promise<AuctionResponse[]> {
    return this.auctions.auctionsOfRoadshow(eventId);
  }

  /** Server-sent events; kept out of the OpenAPI document (a stream never ends, the generated suites would wait on it). */
  @Sse('auctions/:id/live')
  @Public()
  @ApiExcludeEndpoint()
  live(@Param('id', ParseUUIDPipe) id: string): Observable<MessageEvent> {
    return from(this.bidding.watch(id)).pipe(
      switchMap((events) => events),
      map((e) => ({ type: e.type, data: e })),
    );
  }

  @Post('auctions/:id/bidders')
  @ApiOperation({ summary: '竞买登记 / Register to bid (verified organisation; deposit reference)' })
  @ApiCreatedResponse({ type: BidderResponse })
  register(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RegisterBidderDto): Promise<BidderResponse> {
    return this.auctions.registerBidder(actor, id, dto);
  }

  @Get('auctions/:id/bidders')
  @ApiOperation({ summary: '竞买人 / Registrations: staff and the owner see all, a bidder its own' })
  @ApiOkResponse({ type: [BidderResponse] })
  bidders(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<BidderResponse[]> {
    return this.auctions.bidders(actor, id);
  }

  @Post('bidders/:id/letter')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOperation({ summary: '上传授权委托书 / Upload the authorisation letter (PDF)' })
  @ApiOkResponse({ type: BidderResponse })
  async letter(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Req() req: FastifyRequest): Promise<BidderResponse> {
    const file = await receiveFile(req);
    return this.auctions.uploadLetter(actor, id, { filename: file.filename, mimetype: file.mimetype, content: file.stream });
  }

  @Post('bidders/:id/confirm-deposit')
  @HttpCode(200)
  @ApiOperation({ summary: '确认保证金 / Platform staff confirm the deposit arrived' })
  @ApiOkResponse({ type: BidderResponse })
  confirmDeposit(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<BidderResponse> {
    return this.auctions.confirmDeposit(actor, id);
  }

  @Post('auctions/:id/bids')
  @ApiOperation({ summary: '出价 / Bid (qualified bidders; 409 with the reason and the minimum when refused)' })
  @ApiCreatedResponse({ type: BidResponse })
  bid(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: PlaceBidDto): Promise<BidResponse> {
    return this.bidding.placeBid(actor, id, dto);
  }

  @Get('auctions/:id/bids')
  @Public()
  @ApiOperation({ summary: '出价记录 / The bid log in order, by paddle number, with its hash chain' })
  @ApiOkResponse({ type: [BidResponse] })
  bids(@Param('id', ParseUUIDPipe) id: string, @Query() q: PageQuery): Promise<BidResponse[]> {
    return this.bidding.bids(id, q);
  }

  @Get('auctions/:id/verify')
  @Public()
  @ApiOperation({ summary: '校验出价记录 / Recompute the bid log\'s hash chain (after the close)' })
  @ApiOkResponse({ type: ChainVerificationResponse })
  verify(@Param('id', ParseUUIDPipe) id: string): Promise<ChainVerificationResponse> {
    return this.bidding.verify(id);
  }

  @Post('auctions/:id/confirm')
  @HttpCode(200)
  @ApiOperation({ summary: '成交确认 / The offered bidder confirms: sold, draft contract' })
  @ApiOkResponse({ type: AuctionResponse })
  confirm(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<AuctionResponse> {
    return this.closing.confirm(actor, id);
  }
}
