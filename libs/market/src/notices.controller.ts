import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Page, Public } from '@techbridge/platform';
import { AnswerObjectionDto, DecideObjectionDto, LodgeObjectionDto, NoticeListQuery, NoticePageResponse, NoticeResponse, ObjectionResponse } from './dto/notice.dto';
import { NoticeService } from './notice.service';

@ApiTags('market')
@ApiBearerAuth()
@Controller('market')
export class NoticesController {
  constructor(private readonly notices: NoticeService) {}

  @Get('notices')
  @Public()
  @ApiOperation({ summary: '交易公示 / Notices of negotiated deals (current or past)' })
  @ApiOkResponse({ type: NoticePageResponse })
  list(@Query() q: NoticeListQuery): Promise<Page<NoticeResponse>> {
    return this.notices.list(q);
  }

  @Get('notices/:id')
  @Public()
  @ApiOperation({ summary: '公示详情 / A notice with its countdown and objections' })
  @ApiOkResponse({ type: NoticeResponse })
  get(@CurrentActor() actor: Actor | null, @Param('id', ParseUUIDPipe) id: string): Promise<NoticeResponse> {
    return this.notices.get(actor, id);
  }

  @Post('notices/:id/objections')
  @ApiOperation({ summary: '提出异议 / Lodge a real-name objection with evidence (pauses the clock)' })
  @ApiOkResponse({ type: NoticeResponse })
  object(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: LodgeObjectionDto): Promise<NoticeResponse> {
    return this.notices.lodge(actor, id, dto);
  }

  @Post('objections/:id/answer')
  @HttpCode(200)
  @ApiOperation({ summary: '答复异议 / The seller answers an objection' })
  @ApiOkResponse({ type: ObjectionResponse })
  answer(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AnswerObjectionDto): Promise<ObjectionResponse> {
    return this.notices.answer(actor, id, dto);
  }

  @Post('objections/:id/decide')
  @HttpCode(200)
  @ApiOperation({ summary: '异议裁定 / Platform staff sustain (notice cancelled) or dismiss (clock resumes) an answered objection' })
  @ApiOkResponse({ type: NoticeResponse })
  decide(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: DecideObjectionDto): Promise<NoticeResponse> {
    return this.notices.decide(actor, id, dto);
  }
}
