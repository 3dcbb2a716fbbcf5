import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Page, PageResponseOf, Public, Role, Roles } from '@techbridge/platform';
import { CatalogService } from './catalog.service';
import {
  AchievementEventResponse, AchievementListQuery, AchievementResponse, ApproveAchievementDto, CreateAchievementDto, InterestResponse, ReturnAchievementDto,
  UpdateAchievementDto,
} from './dto/achievement.dto';

@ApiTags('achievements')
@ApiBearerAuth()
@Controller('achievements')
export class AchievementController {
  constructor(private readonly catalog: CatalogService) {}

  @Post()
  @Roles(Role.Member, Role.OrgAdmin)
  @ApiOperation({ summary: '登记科技成果（草稿） / Create an achievement (draft) owned by your organisation' })
  @ApiOkResponse({ type: AchievementResponse })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateAchievementDto): Promise<AchievementResponse> {
    return this.catalog.create(actor, dto);
  }

  @Get()
  @Public()
  @ApiOperation({ summary: 'List achievements; the public sees published ones, members also their own, reviewers their queue. Lookup by ?source=&externalId=' })
  @ApiOkResponse({ type: PageResponseOf(AchievementResponse) })
  list(@CurrentActor() actor: Actor | null, @Query() q: AchievementListQuery): Promise<Page<AchievementResponse>> {
    return this.catalog.list(actor, q);
  }

  @Get(':id')
  @Public()
  @ApiOkResponse({ type: AchievementResponse })
  @ApiOperation({ summary: '成果详情 / One achievement (published ones for everyone; drafts for the owner and reviewers)' })
  get(@CurrentActor() actor: Actor | null, @Param('id', ParseUUIDPipe) id: string): Promise<AchievementResponse> {
    return this.catalog.get(actor, id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: AchievementResponse })
  @ApiOperation({ summary: '修改成果 / Edit a draft or returned achievement (owner organisation)' })
  update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateAchievementDto): Promise<AchievementResponse> {
    return this.catalog.update(actor, id, dto);
  }

  @Get(':id/events')
  @ApiOperation({ summary: 'Review history (owner and reviewers)' })
  @ApiOkResponse({ type: [AchievementEventResponse] })
  events(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<AchievementEventResponse[]> {
    return this.catalog.events(actor, id);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @ApiOperation({ summary: '提交审核 / Submit an achievement for review; the response carries listing-quality warnings' })
  @ApiOkResponse({ type: AchievementResponse })
  submit(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<AchievementResponse> {
    return this.catalog.transition(actor, id, 'submit');
  }

  @Post(':id/resubmit')
  @HttpCode(200)
  @ApiOperation({ summary: '重新提交 / Resubmit a returned achievement for review' })
  @ApiOkResponse({ type: AchievementResponse })
  resubmit(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<AchievementResponse> {
    return this.catalog.transition(actor, id, 'resubmit');
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles(Role.Reviewer)
  @ApiOperation({ summary: '审核通过并发布 / Approve and publish (platform or park reviewers)' })
  @ApiOkResponse({ type: AchievementResponse })
  approve(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ApproveAchievementDto): Promise<AchievementResponse> {
    return this.catalog.transition(actor, id, 'approve', dto.comment);
  }

  @Post(':id/return')
  @HttpCode(200)
  @Roles(Role.Reviewer)
  @ApiOperation({ summary: '退回修改 / Return to the owner with comments' })
  @ApiOkResponse({ type: AchievementResponse })
  returnForChanges(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReturnAchievementDto): Promise<AchievementResponse> {
    return this.catalog.transition(actor, id, 'return', dto.comment);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: '撤回 / Withdraw an achievement from review or from the listing (owner organisation)' })
  @ApiOkResponse({ type: AchievementResponse })
  withdraw(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<AchievementResponse> {
    return this.catalog.transition(actor, id, 'withdraw');
  }

  @Post(':id/transferred')
  @HttpCode(200)
  @ApiOperation({ summary: '标记已转化 / Mark as transferred' })
  @ApiOkResponse({ type: AchievementResponse })
  transferred(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<AchievementResponse> {
    return this.catalog.transition(actor, id, 'mark-transferred');
  }

  @Post(':id/interest')
  @HttpCode(200)
  @ApiOperation({ summary: '感兴趣 / Express interest (counted once per user)' })
  @ApiOkResponse({ type: InterestResponse })
  interest(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<InterestResponse> {
    return this.catalog.expressInterest(actor, id);
  }
}
