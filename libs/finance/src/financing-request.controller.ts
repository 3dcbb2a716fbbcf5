import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Actor, CurrentActor, receiveFile } from '@techbridge/platform';
import { DataRoomService } from './data-room.service';
import { InvestorMatchResponse } from './dto/deal-flow.dto';
import {
  CreateFinancingRequestDto, DataRoomDocumentResponse, DataRoomViewPageResponse, EngagementNoteDto, EngagementResponse, FinancingListQuery, FinancingRequestPageResponse,
  FinancingRequestResponse, InvestDto, InviteInvestorDto, TermSheetDto,
} from './dto/financing.dto';
import { EngagementService } from './engagement.service';
import { FinancingRequestService } from './financing-request.service';
import { InvestorMatchingService } from './investor-matching.service';

const FILE_BODY: { schema: Record<string, unknown> } = { schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } };

@ApiTags('finance')
@ApiBearerAuth()
@Controller('financing-requests')
export class FinancingRequestController {
  constructor(
    private readonly requests: FinancingRequestService,
    private readonly engagements: EngagementService,
    private readonly dataRoom: DataRoomService,
    private readonly matching: InvestorMatchingService,
  ) {}

  @Post()
  @ApiOperation({ summary: '发布融资需求（草稿）/ Draft a financing request from my achievements (enterprises, incl. university spin-offs)' })
  @ApiCreatedResponse({ type: FinancingRequestResponse })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateFinancingRequestDto): Promise<FinancingRequestResponse> {
    return this.requests.create(actor, dto);
  }

  @Get()
  @ApiOperation({ summary: '我的融资需求 / My organisation’s financing requests' })
  @ApiOkResponse({ type: FinancingRequestPageResponse })
  mine(@CurrentActor() actor: Actor, @Query() q: FinancingListQuery) {
    return this.requests.mine(actor, q);
  }

  @Get(':id')
  @ApiOperation({ summary: '融资需求详情 / A financing request (owner; verified investors while listed)' })
  @ApiOkResponse({ type: FinancingRequestResponse })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<FinancingRequestResponse> {
    return this.requests.get(actor, id);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @ApiOperation({ summary: '发布 / Publish a draft to investors (409 with currentState otherwise)' })
  @ApiOkResponse({ type: FinancingRequestResponse })
  publish(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() _dto: EngagementNoteDto): Promise<FinancingRequestResponse> {
    return this.requests.publish(actor, id);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: '撤回 / Withdraw the request (any state before funded)' })
  @ApiOkResponse({ type: FinancingRequestResponse })
  withdraw(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() _dto: EngagementNoteDto): Promise<FinancingRequestResponse> {
    return this.requests.withdraw(actor, id);
  }

  @Get(':id/investor-matches')
  @ApiOperation({ summary: '匹配投资方 / Verified funds matched to my request, with reasons (owner)' })
  @ApiOkResponse({ type: [InvestorMatchResponse] })
  investorMatches(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<InvestorMatchResponse[]> {
    return this.matching.investorsFor(actor, id);
  }

  @Post(':id/engagements')
  @ApiOperation({ summary: '申请洽谈 / A verified investor asks to talk and see the data room' })
  @ApiCreatedResponse({ type: EngagementResponse })
  express(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: EngagementNoteDto): Promise<EngagementResponse> {
    return this.engagements.express(actor, id, dto.note);
  }

  @Get(':id/engagements')
  @ApiOperation({ summary: '洽谈列表 / Investors engaged with my request (owner)' })
  @ApiOkResponse({ type: [EngagementResponse] })
  engagementsOf(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<EngagementResponse[]> {
    return this.engagements.listOfRequest(actor, id);
  }

  @Post(':id/invitations')
  @ApiOperation({ summary: '邀请投资方 / Admit a verified investor straight into the data room (owner)' })
  @ApiCreatedResponse({ type: EngagementResponse })
  invite(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: InviteInvestorDto): Promise<EngagementResponse> {
    return this.engagements.invite(actor, id, dto.investorId);
  }

  @Post(':id/engagements/:engagementId/admit')
  @HttpCode(200)
  @ApiOperation({ summary: '准入资料室 / Admit the investor to the data room; the first admission opens the talks (owner)' })
  @ApiOkResponse({ type: EngagementResponse })
  admit(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Param('engagementId', ParseUUIDPipe) eid: string, @Body() dto: EngagementNoteDto) {
    return this.engagements.decide(actor, id, eid, 'admit', dto);
  }

  @Post(':id/engagements/:engagementId/decline')
  @HttpCode(200)
  @ApiOperation({ summary: '婉拒 / Decline the investor’s request (owner)' })
  @ApiOkResponse({ type: EngagementResponse })
  decline(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Param('engagementId', ParseUUIDPipe) eid: string, @Body() dto: EngagementNoteDto) {
    return this.engagements.decide(actor, id, eid, 'decline', dto);
  }

  @Post(':id/engagements/:engagementId/term-sheet')
  @HttpCode(200)
  @ApiOperation({ summary: '签署投资条款书 / Record a term sheet with this investor (owner)' })
  @ApiOkResponse({ type: EngagementResponse })
  termSheet(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Param('engagementId', ParseUUIDPipe) eid: string, @Body() dto: TermSheetDto) {
    return this.engagements.decide(actor, id, eid, 'term-sheet', dto);
  }

  @Post(':id/engagements/:engagementId/invest')
  @HttpCode(200)
  @ApiOperation({ summary: '完成投资 / Record the investment: the request closes funded (owner)' })
  @ApiOkResponse({ type: EngagementResponse })
  invest(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Param('engagementId', ParseUUIDPipe) eid: string, @Body() dto: InvestDto) {
    return this.engagements.decide(actor, id, eid, 'invest', dto);
  }

  @Post(':id/engagements/:engagementId/end')
  @HttpCode(200)
  @ApiOperation({ summary: '结束洽谈 / End the talks (owner, or the investor its own)' })
  @ApiOkResponse({ type: EngagementResponse })
  end(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Param('engagementId', ParseUUIDPipe) eid: string, @Body() dto: EngagementNoteDto) {
    return this.engagements.decide(actor, id, eid, 'end', dto);
  }

  @Post(':id/data-room')
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_BODY)
  @ApiOperation({ summary: '上传资料室文件 / Upload a PDF, PNG or JPEG to the data room (owner, ≤ 20 MB)' })
  @ApiCreatedResponse({ type: DataRoomDocumentResponse })
  async upload(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Req() req: FastifyRequest): Promise<DataRoomDocumentResponse> {
    const file = await receiveFile(req);
    return this.dataRoom.upload(actor, id, file);
  }

  @Get(':id/data-room')
  @ApiOperation({ summary: '资料室 / The data room’s documents (owner and admitted investors; 404 for anyone else; logged)' })
  @ApiOkResponse({ type: [DataRoomDocumentResponse] })
  documents(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<DataRoomDocumentResponse[]> {
    return this.dataRoom.list(actor, id);
  }

  @Get(':id/data-room/:documentId')
  @ApiOperation({ summary: '打开资料室文件 / Open a document (owner and admitted investors; logged)' })
  @ApiProduces('application/pdf', 'image/png', 'image/jpeg')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async open(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('documentId', ParseUUIDPipe) documentId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const file = await this.dataRoom.open(actor, id, documentId);
    reply.header('content-type', file.contentType);
    reply.header('content-length', String(file.size));
    reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`);
    reply.header('cache-control', 'private, no-store');
    return new StreamableFile(file.stream);
  }

  @Get(':id/data-room-views')
  @ApiOperation({ summary: '资料室访问记录 / Who looked into the data room and when (owner)' })
  @ApiOkResponse({ type: DataRoomViewPageResponse })
  views(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Query() q: FinancingListQuery) {
    return this.dataRoom.views(actor, id, q);
  }
}
