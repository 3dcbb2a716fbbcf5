import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Page, PageQuery, Public } from '@techbridge/platform';
import { AuctionService } from './auction.service';
import { DealService } from './deal.service';
import { AuctionResponse, CreateAuctionDto } from './dto/auction.dto';
import {
  AgreeDealDto, CreateListingDto, DeclineIntentDto, IntentPageResponse, IntentResponse, ListingListQuery, ListingPageResponse, ListingResponse, ListingTransitionDto,
  RegisterIntentDto, UpdateListingDto,
} from './dto/listing.dto';
import { ListingService } from './listing.service';

@ApiTags('market')
@ApiBearerAuth()
@Controller('market')
export class ListingsController {
  constructor(
    private readonly listings: ListingService,
    private readonly deals: DealService,
    private readonly auctions: AuctionService,
  ) {}

  @Post('listings')
  @ApiOperation({ summary: '挂牌（草稿）/ Draft a listing of a published achievement or package you own' })
  @ApiCreatedResponse({ type: ListingResponse })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateListingDto): Promise<ListingResponse> {
    return this.listings.create(actor, dto);
  }

  @Get('listings')
  @Public()
  @ApiOperation({ summary: '挂牌项目 / Listings on the market (filters); scope=mine or review for owners and reviewers' })
  @ApiOkResponse({ type: ListingPageResponse })
  list(@CurrentActor() actor: Actor | null, @Query() q: ListingListQuery): Promise<Page<ListingResponse>> {
    return this.listings.list(actor, q);
  }

  @Get('listings/:id')
  @Public()
  @ApiOperation({ summary: '挂牌详情 / A listing (drafts only to their owner and reviewers)' })
  @ApiOkResponse({ type: ListingResponse })
  get(@CurrentActor() actor: Actor | null, @Param('id', ParseUUIDPipe) id: string): Promise<ListingResponse> {
    return this.listings.get(actor, id);
  }

  @Patch('listings/:id')
  @ApiOperation({ summary: '修改挂牌草稿 / Edit a draft listing' })
  @ApiOkResponse({ type: ListingResponse })
  update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateListingDto): Promise<ListingResponse> {
    return this.listings.update(actor, id, dto);
  }

  @Post('listings/:id/transitions')
  @HttpCode(200)
  @ApiOperation({ summary: 'submit | approve | return | withdraw | break-off (409 with currentState if illegal)' })
  @ApiOkResponse({ type: ListingResponse })
  transition(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ListingTransitionDto): Promise<ListingResponse> {
    return this.listings.transition(actor, id, dto.action, dto.comment);
  }

  @Post('listings/:id/intents')
  @ApiOperation({ summary: '登记受让意向 / Register a buyer\'s intent (verified organisations)' })
  @ApiCreatedResponse({ type: IntentResponse })
  registerIntent(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RegisterIntentDto): Promise<IntentResponse> {
    return this.deals.registerIntent(actor, id, dto);
  }

  @Get('listings/:id/intents')
  @ApiOperation({ summary: '意向列表 / Intents: the owner sees all, a buyer its own' })
  @ApiOkResponse({ type: [IntentResponse] })
  intents(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<IntentResponse[]> {
    return this.deals.intentsOf(actor, id);
  }

  @Post('listings/:id/deal')
  @HttpCode(200)
  @ApiOperation({ summary: '达成交易 / Record the negotiated price: public sellers go to notice, others to a draft contract' })
  @ApiOkResponse({ type: ListingResponse })
  agree(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AgreeDealDto): Promise<ListingResponse> {
    return this.deals.agreeDeal(actor, id, dto);
  }

  @Post('listings/:id/auctions')
  @ApiOperation({ summary: '发布竞价拍卖 / Announce an auction (two or more open intents)' })
  @ApiCreatedResponse({ type: AuctionResponse })
  announce(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateAuctionDto): Promise<AuctionResponse> {
    return this.auctions.create(actor, id, dto);
  }

  @Get('listings/:id/auctions')
  @Public()
  @ApiOperation({ summary: '挂牌的拍卖 / Auctions of a listing' })
  @ApiOkResponse({ type: [AuctionResponse] })
  auctionsOf(@CurrentActor() actor: Actor | null, @Param('id', ParseUUIDPipe) id: string): Promise<AuctionResponse[]> {
    return this.auctions.auctionsOfListing(actor, id);
  }

  @Get('intents/mine')
  @ApiOperation({ summary: '我的意向 / My organisation\'s intents' })
  @ApiOkResponse({ type: IntentPageResponse })
  mine(@CurrentActor() actor: Actor, @Query() q: PageQuery): Promise<Page<IntentResponse>> {
    return this.deals.myIntents(actor, q);
  }

  @Post('intents/:id/accept')
  @HttpCode(200)
  @ApiOperation({ summary: '接受意向 / The owner accepts an intent: negotiating' })
  @ApiOkResponse({ type: ListingResponse })
  accept(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ListingResponse> {
    return this.deals.acceptIntent(actor, id);
  }

  @Post('intents/:id/decline')
  @HttpCode(200)
  @ApiOperation({ summary: '谢绝意向 / The owner declines an intent' })
  @ApiOkResponse({ type: IntentResponse })
  decline(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: DeclineIntentDto): Promise<IntentResponse> {
    return this.deals.declineIntent(actor, id, dto);
  }

  @Post('intents/:id/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: '撤回意向 / The buyer withdraws its open intent' })
  @ApiOkResponse({ type: IntentResponse })
  withdraw(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<IntentResponse> {
    return this.deals.withdrawIntent(actor, id);
  }
}
