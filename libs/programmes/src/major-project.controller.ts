import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Public, Role, Roles } from '@techbridge/platform';
import {
  ApproveProjectDto, MajorProjectPageResponse, MajorProjectResponse, MidTermCheckDto, MilestoneDto, MilestoneResponse, ObjectDto, ObjectionResponse, ProjectQuery,
  ProjectTransitionDto, ProposeProjectDto, QuotaDashboardResponse, QuotaYearQuery, ResolveObjectionDto,
} from './dto/major-project.dto';
import { MajorProjectService } from './major-project.service';
import { ProjectNoticeService } from './project-notice.service';
import { ProjectQuotaService } from './project-quota.service';

@ApiTags('programmes')
@ApiBearerAuth()
@Controller('major-projects')
export class MajorProjectController {
  constructor(
    private readonly projects: MajorProjectService,
    private readonly notice: ProjectNoticeService,
    private readonly quota: ProjectQuotaService,
  ) {}

  @Post()
  @ApiOperation({ summary: '申报重大科技成果转化项目 / A park administration (or the platform) proposes a major transfer project' })
  @ApiCreatedResponse({ type: MajorProjectResponse })
  propose(@CurrentActor() actor: Actor, @Body() dto: ProposeProjectDto): Promise<MajorProjectResponse> {
    return this.projects.propose(actor, dto);
  }

  @Public()
  @Get()
  @ApiOperation({ summary: 'Major projects: those in notice or in the portfolio for everyone, plus my administration’s proposals' })
  @ApiOkResponse({ type: MajorProjectPageResponse })
  list(@CurrentActor() actor: Actor | null, @Query() q: ProjectQuery) {
    return this.projects.list(actor, q);
  }

  @Public()
  @Get('quota')
  @ApiOperation({ summary: "A year's portfolio against the quota (province ≥ 20, each city ≥ 10), with counts by state" })
  @ApiOkResponse({ type: QuotaDashboardResponse })
  dashboard(@Query() q: QuotaYearQuery): Promise<QuotaDashboardResponse> {
    return this.quota.dashboard(q.year);
  }

  @Public()
  @Get(':id')
  @ApiOperation({ summary: 'One major project' })
  @ApiOkResponse({ type: MajorProjectResponse })
  get(@CurrentActor() actor: Actor | null, @Param('id', ParseUUIDPipe) id: string): Promise<MajorProjectResponse> {
    return this.projects.get(actor, id);
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @Roles(Role.PlatformAdmin)
  @ApiOperation({ summary: 'Shortlist, start the public notice, accept, terminate or reject (platform administrators)' })
  @ApiOkResponse({ type: MajorProjectResponse })
  transition(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ProjectTransitionDto): Promise<MajorProjectResponse> {
    return this.projects.transition(actor, id, dto.action, dto.note);
  }

  @Post(':id/approval')
  @HttpCode(200)
  @Roles(Role.PlatformAdmin)
  @ApiOperation({ summary: 'Approve for a year and level once the notice has run with no objection open' })
  @ApiOkResponse({ type: MajorProjectResponse })
  approve(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ApproveProjectDto): Promise<MajorProjectResponse> {
    return this.projects.approve(actor, id, dto);
  }

  @Post(':id/mid-term-check')
  @HttpCode(200)
  @Roles(Role.PlatformAdmin)
  @ApiOperation({ summary: 'The mid-term check: passed goes on, failed terminates' })
  @ApiOkResponse({ type: MajorProjectResponse })
  midTerm(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: MidTermCheckDto): Promise<MajorProjectResponse> {
    return this.projects.midTermCheck(actor, id, dto);
  }

  @Post(':id/objections')
  @ApiOperation({ summary: 'A real-name objection during the public notice (the notice clock stands still while it is open)' })
  @ApiCreatedResponse({ type: ObjectionResponse })
  object(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ObjectDto): Promise<ObjectionResponse> {
    return this.notice.object(actor, id, dto);
  }

  @Public()
  @Get(':id/objections')
  @ApiOperation({ summary: "A project's objections (names masked except for the proposer and staff)" })
  @ApiOkResponse({ type: [ObjectionResponse] })
  objections(@CurrentActor() actor: Actor | null, @Param('id', ParseUUIDPipe) id: string): Promise<ObjectionResponse[]> {
    return this.notice.list(actor, id);
  }

  @Post(':id/objections/:objectionId/resolution')
  @HttpCode(200)
  @Roles(Role.PlatformAdmin)
  @ApiOperation({ summary: 'Uphold (rejects the project) or dismiss an objection' })
  @ApiOkResponse({ type: ObjectionResponse })
  resolve(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('objectionId', ParseUUIDPipe) objectionId: string,
    @Body() dto: ResolveObjectionDto,
  ): Promise<ObjectionResponse> {
    return this.notice.resolve(actor, id, objectionId, dto);
  }

  @Post(':id/milestones')
  @ApiOperation({ summary: 'The proposing administration reports a quarterly milestone with its evidence' })
  @ApiCreatedResponse({ type: MilestoneResponse })
  milestone(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: MilestoneDto): Promise<MilestoneResponse> {
    return this.projects.reportMilestone(actor, id, dto);
  }

  @Public()
  @Get(':id/milestones')
  @ApiOperation({ summary: "A project's quarterly milestones" })
  @ApiOkResponse({ type: [MilestoneResponse] })
  milestones(@CurrentActor() actor: Actor | null, @Param('id', ParseUUIDPipe) id: string): Promise<MilestoneResponse[]> {
    return this.projects.milestones(actor, id);
  }
}
