import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Actor, CurrentActor, Page, Public, receiveFile } from '@techbridge/platform';
import {
  AcceptIntroductionDto, AcceptNdaDto, ConfidentialFileResponse, DeclineIntroductionDto, DisclosureResponse, IntroductionListQuery, IntroductionPageResponse, IntroductionResponse,
  NdaResponse, RequestIntroductionDto,
} from './dto/introduction.dto';
import { IntroductionService } from './introduction.service';
import { currentNda } from './rules/nda';

@ApiTags('market')
@ApiBearerAuth()
@Controller('market')
export class IntroductionsController {
  constructor(private readonly introductions: IntroductionService) {}

  @Get('nda')
  @Public()
  @ApiOperation({ summary: '保密协议 / The current NDA text and version' })
  @ApiOkResponse({ type: NdaResponse })
  nda(): NdaResponse {
    return currentNda();
  }

  @Post('introductions')
  @ApiOperation({ summary: '申请对接 / An enterprise asks for an introduction (from an achievement, a listing or a match)' })
  @ApiCreatedResponse({ type: IntroductionResponse })
  request(@CurrentActor() actor: Actor, @Body() dto: RequestIntroductionDto): Promise<IntroductionResponse> {
    return this.introductions.request(actor, dto);
  }

  @Get('introductions')
  @ApiOperation({ summary: '对接请求 / My requests, requests to my organisation, or open requests for brokers' })
  @ApiOkResponse({ type: IntroductionPageResponse })
  list(@CurrentActor() actor: Actor, @Query() q: IntroductionListQuery): Promise<Page<IntroductionResponse>> {
    return this.introductions.list(actor, q);
  }

  @Get('introductions/:id')
  @ApiOperation({ summary: '对接请求详情 / An introduction request' })
  @ApiOkResponse({ type: IntroductionResponse })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<IntroductionResponse> {
    return this.introductions.get(actor, id);
  }

  @Post('introductions/:id/accept')
  @HttpCode(200)
  @ApiOperation({ summary: '同意对接 / The owner accepts (optionally behind the NDA)' })
  @ApiOkResponse({ type: IntroductionResponse })
  accept(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AcceptIntroductionDto): Promise<IntroductionResponse> {
    return this.introductions.accept(actor, id, dto);
  }

  @Post('introductions/:id/decline')
  @HttpCode(200)
  @ApiOperation({ summary: '谢绝对接 / The owner declines with a reason' })
  @ApiOkResponse({ type: IntroductionResponse })
  decline(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: DeclineIntroductionDto): Promise<IntroductionResponse> {
    return this.introductions.decline(actor, id, dto);
  }

  @Post('introductions/:id/nda')
  @HttpCode(200)
  @ApiOperation({ summary: '签署保密协议 / The requester accepts the NDA (version, time and user recorded)' })
  @ApiOkResponse({ type: IntroductionResponse })
  acceptNda(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AcceptNdaDto): Promise<IntroductionResponse> {
    return this.introductions.acceptNda(actor, id, dto);
  }

  @Post('introductions/:id/take')
  @HttpCode(200)
  @ApiOperation({ summary: '经纪人承接 / A broker takes the request into its pipeline' })
  @ApiOkResponse({ type: IntroductionResponse })
  take(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<IntroductionResponse> {
    return this.introductions.take(actor, id);
  }

  @Get('listings/:id/disclosure')
  @ApiOperation({ summary: '联系方式与保密资料 / Contact details and confidential files (after an accepted introduction and its NDA)' })
  @ApiOkResponse({ type: DisclosureResponse })
  disclosure(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<DisclosureResponse> {
    return this.introductions.disclosure(actor, id);
  }

  @Post('listings/:id/confidential-files')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOperation({ summary: '上传保密资料 / The owner adds a confidential file to a listing' })
  @ApiCreatedResponse({ type: ConfidentialFileResponse })
  async upload(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Req() req: FastifyRequest): Promise<ConfidentialFileResponse> {
    const file = await receiveFile(req);
    return this.introductions.uploadConfidential(actor, id, { filename: file.filename, content: file.stream });
  }

  @Get('listings/:id/confidential-files/:fileId')
  @ApiProduces('application/octet-stream')
  @ApiOperation({ summary: '下载保密资料 / Download a confidential file (gated like the disclosure)' })
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async download(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Param('fileId', ParseUUIDPipe) fileId: string, @Res() res: FastifyReply): Promise<void> {
    const f = await this.introductions.openConfidential(actor, id, fileId);
    await res.header('content-type', 'application/octet-stream').header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`).send(f.stream);
  }
}
