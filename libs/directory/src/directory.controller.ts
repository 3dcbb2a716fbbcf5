import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Page, Public, Role, Roles } from '@techbridge/platform';
import {
  ContactExpertDto, ContactRequestResponse, ExpertListQuery, ExpertPageResponse, ExpertResponse, ModerateRatingDto, RatingModerationQuery, RatingPageResponse,
  RatingResponse, RatingSummaryResponse, RegisterExpertDto, SubmitRatingDto, UpdateExpertDto,
} from './dto/directory.dto';
import { ExpertService } from './expert.service';
import { RatingService } from './rating.service';

@ApiTags('ratings')
@ApiBearerAuth()
@Controller('ratings')
export class RatingsController {
  constructor(private readonly ratings: RatingService) {}

  @Post()
  @ApiOperation({ summary: '评价服务机构或经纪人 / Rate the transfer institution or the broker of a registered contract your organisation is a party of (once per contract; moderated)' })
  @ApiCreatedResponse({ type: RatingResponse })
  submit(@CurrentActor() actor: Actor, @Body() dto: SubmitRatingDto): Promise<RatingResponse> {
    return this.ratings.submit(actor, dto);
  }

  @Get()
  @ApiOperation({ summary: '评价列表 / The moderation queue (platform administrators, oldest first) or your organisation\'s own ratings' })
  @ApiOkResponse({ type: RatingPageResponse })
  list(@CurrentActor() actor: Actor, @Query() q: RatingModerationQuery): Promise<Page<RatingResponse>> {
    return this.ratings.list(actor, q);
  }

  @Get('institutions/:orgId/summary')
  @Public()
  @ApiOperation({ summary: '机构评分 / Average of the approved ratings of a transfer institution, their count and the latest comments' })
  @ApiOkResponse({ type: RatingSummaryResponse })
  institutionSummary(@Param('orgId', ParseUUIDPipe) orgId: string): Promise<RatingSummaryResponse> {
    return this.ratings.summary('institution', orgId);
  }

  @Get('brokers/:userId/summary')
  @Public()
  @ApiOperation({ summary: '经纪人评分 / Average of the approved ratings of a broker, their count and the latest comments' })
  @ApiOkResponse({ type: RatingSummaryResponse })
  brokerSummary(@Param('userId', ParseUUIDPipe) userId: string): Promise<RatingSummaryResponse> {
    return this.ratings.summary('broker', userId);
  }

  @Get(':id')
  @ApiOperation({ summary: '评价详情 / One rating (its organisation and platform administrators)' })
  @ApiOkResponse({ type: RatingResponse })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<RatingResponse> {
    return this.ratings.get(actor, id);
  }

  @Post(':id/moderation')
  @Roles(Role.PlatformAdmin)
  @HttpCode(200)
  @ApiOperation({ summary: '审核评价 / Approve or reject a pending rating (platform administrators; 409 with currentState once decided)' })
  @ApiOkResponse({ type: RatingResponse })
  moderate(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ModerateRatingDto): Promise<RatingResponse> {
    return this.ratings.moderate(actor, id, dto);
  }
}

@ApiTags('experts')
@ApiBearerAuth()
@Controller('experts')
export class ExpertsController {
  constructor(private readonly experts: ExpertService) {}

  @Post()
  @Roles(Role.OrgAdmin)
  @ApiOperation({ summary: '登记专家 / Register an expert of your verified university, institute or transfer institution (no personal contact data)' })
  @ApiCreatedResponse({ type: ExpertResponse })
  register(@CurrentActor() actor: Actor, @Body() dto: RegisterExpertDto): Promise<ExpertResponse> {
    return this.experts.register(actor, dto);
  }

  @Get()
  @Public()
  @ApiOperation({ summary: '专家库 / The expert directory, by field or organisation' })
  @ApiOkResponse({ type: ExpertPageResponse })
  list(@Query() q: ExpertListQuery): Promise<Page<ExpertResponse>> {
    return this.experts.list(q);
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: '专家详情 / One expert of the directory' })
  @ApiOkResponse({ type: ExpertResponse })
  get(@CurrentActor() actor: Actor | null, @Param('id', ParseUUIDPipe) id: string): Promise<ExpertResponse> {
    return this.experts.get(actor, id);
  }

  @Patch(':id')
  @Roles(Role.OrgAdmin)
  @ApiOperation({ summary: '修改专家信息 / Edit or unlist an expert (administrators of the registering organisation)' })
  @ApiOkResponse({ type: ExpertResponse })
  update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateExpertDto): Promise<ExpertResponse> {
    return this.experts.update(actor, id, dto);
  }

  @Post(':id/contact-requests')
  @ApiOperation({ summary: '联系专家 / Ask to contact an expert: the request reaches the expert\'s organisation through the platform' })
  @ApiCreatedResponse({ type: ContactRequestResponse })
  contact(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ContactExpertDto): Promise<ContactRequestResponse> {
    return this.experts.contact(actor, id, dto);
  }
}
