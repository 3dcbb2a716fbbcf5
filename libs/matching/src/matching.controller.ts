import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, PageQuery, Public, Role, Roles } from '@techbridge/platform';
import {
  AchievementMatchesResponse, DemandMatchesResponse, MatchEventResponse, MatchesQuery, MatchIntroductionDto, MatchListQuery, MatchNoteDto, MatchPageResponse,
  MatchResponse, MatchTransitionDto, MatchWeightsPageResponse, MatchWeightsVersionResponse, RefitRequestedResponse, TakeExistingMatchDto, TakeMatchDto, ThesaurusEntryDto, ThesaurusEntryResponse, ThesaurusListQuery, ThesaurusPageResponse,
} from './dto/matching.dto';
import { MatchPipelineService } from './match-pipeline.service';
import { MatchingService } from './matching.service';
import { ThesaurusService } from './thesaurus.service';
import { MatchWeightsService } from './weights/match-weights.service';

@ApiTags('matching')
@ApiBearerAuth()
@Controller()
export class MatchingController {
  constructor(private readonly matching: MatchingService) {}

  /** Achievements that can solve a demand (the viewer must be allowed to read the demand). */
  @Public()
  @Get('demands/:id/matches')
  @ApiOkResponse({ type: AchievementMatchesResponse })
  @ApiOperation({ summary: '需求的匹配成果 / Achievements that match a demand, best first, with the reasons' })
  forDemand(@CurrentActor() actor: Actor | null, @Param('id', ParseUUIDPipe) id: string, @Query() q: MatchesQuery): Promise<AchievementMatchesResponse> {
    return this.matching.matchesForDemand(actor, id, q.limit);
  }

  /** Demands an achievement can solve, among those the viewer may read. */
  @Public()
  @Get('achievements/:id/matches')
  @ApiOkResponse({ type: DemandMatchesResponse })
  @ApiOperation({ summary: '成果的匹配需求 / Demands that match an achievement, best first, with the reasons' })
  forAchievement(@CurrentActor() actor: Actor | null, @Param('id', ParseUUIDPipe) id: string, @Query() q: MatchesQuery): Promise<DemandMatchesResponse> {
    return this.matching.matchesForAchievement(actor, id, q.limit);
  }
}

@ApiTags('matching')
@ApiBearerAuth()
@Controller('matches')
export class MatchPipelineController {
  constructor(private readonly pipeline: MatchPipelineService) {}

  @Get()
  @ApiOkResponse({ type: MatchPageResponse })
  @ApiOperation({ summary: '撮合工作台 / List the matches in the broker pipeline, filtered by status or broker' })
  list(@CurrentActor() actor: Actor, @Query() q: MatchListQuery) {
    return this.pipeline.list(actor, q);
  }

  /** A broker takes a demand-achievement pair into the pipeline. */
  @Post()
  @Roles(Role.Broker)
  @ApiOkResponse({ type: MatchResponse })
  @ApiOperation({ summary: '承接撮合 / A broker takes a demand–achievement pair into the pipeline' })
  take(@CurrentActor() actor: Actor, @Body() dto: TakeMatchDto): Promise<MatchResponse> {
    return this.pipeline.take(actor, dto);
  }

  @Get(':id')
  @ApiOkResponse({ type: MatchResponse })
  @ApiOperation({ summary: '撮合详情 / One match in the pipeline' })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<MatchResponse> {
    return this.pipeline.get(actor, id);
  }

  @Post(':id/take')
  @HttpCode(200)
  @Roles(Role.Broker)
  @ApiOkResponse({ type: MatchResponse })
  @ApiOperation({ summary: '承接已有撮合 / A broker takes an existing computed match' })
  takeExisting(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: TakeExistingMatchDto): Promise<MatchResponse> {
    return this.pipeline.takeExisting(actor, id, dto.note);
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @Roles(Role.Broker)
  @ApiOkResponse({ type: MatchResponse })
  @ApiOperation({ summary: '推进撮合 / Move a match to its next pipeline step (409 with currentState if illegal)' })
  transition(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: MatchTransitionDto): Promise<MatchResponse> {
    return this.pipeline.transition(actor, id, dto);
  }

  @Get(':id/events')
  @ApiOkResponse({ type: [MatchEventResponse] })
  @ApiOperation({ summary: '撮合记录 / The history of a match: steps, notes and introductions' })
  events(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<MatchEventResponse[]> {
    return this.pipeline.events(actor, id);
  }

  @Post(':id/notes')
  @Roles(Role.Broker)
  @ApiOkResponse({ type: MatchEventResponse })
  @ApiOperation({ summary: '撮合备注 / Add a note to a match' })
  note(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: MatchNoteDto): Promise<MatchEventResponse> {
    return this.pipeline.addNote(actor, id, dto);
  }

  @Post(':id/introductions')
  @Roles(Role.Broker)
  @ApiOkResponse({ type: MatchEventResponse })
  @ApiOperation({ summary: '引荐 / Record an introduction of the enterprise to the achievement owner' })
  introduce(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: MatchIntroductionDto): Promise<MatchEventResponse> {
    return this.pipeline.addIntroduction(actor, id, dto);
  }
}

@ApiTags('thesaurus')
@ApiBearerAuth()
@Controller('thesaurus')
export class ThesaurusController {
  constructor(private readonly thesaurus: ThesaurusService) {}

  @Get()
  @Roles(Role.Broker, Role.PlatformAdmin)
  @ApiOkResponse({ type: ThesaurusPageResponse })
  @ApiOperation({ summary: '同义词表 / List the thesaurus entries used by search and matching' })
  list(@Query() q: ThesaurusListQuery) {
    return this.thesaurus.list(q);
  }

  @Get(':id')
  @Roles(Role.Broker, Role.PlatformAdmin)
  @ApiOkResponse({ type: ThesaurusEntryResponse })
  @ApiOperation({ summary: '同义词详情 / One thesaurus entry' })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<ThesaurusEntryResponse> {
    return this.thesaurus.get(id);
  }

  @Post()
  @Roles(Role.PlatformAdmin)
  @ApiOkResponse({ type: ThesaurusEntryResponse })
  @ApiOperation({ summary: '新增同义词 / Add a thesaurus entry' })
  create(@CurrentActor() actor: Actor, @Body() dto: ThesaurusEntryDto): Promise<ThesaurusEntryResponse> {
    return this.thesaurus.create(actor, dto);
  }

  @Put(':id')
  @Roles(Role.PlatformAdmin)
  @ApiOkResponse({ type: ThesaurusEntryResponse })
  @ApiOperation({ summary: '修改同义词 / Replace a thesaurus entry' })
  update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ThesaurusEntryDto): Promise<ThesaurusEntryResponse> {
    return this.thesaurus.update(actor, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(Role.PlatformAdmin)
  @ApiOperation({ summary: '删除同义词 / Remove a thesaurus entry' })
  remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.thesaurus.remove(actor, id);
  }
}

/** The matcher's weights versions: brokers read them (what ranks their board), platform administrators activate or refit. */
@ApiTags('matching')
@ApiBearerAuth()
@Controller('matching/weights')
export class MatchWeightsController {
  constructor(private readonly weights: MatchWeightsService) {}

  @Get()
  @Roles(Role.Broker, Role.PlatformAdmin)
  @ApiOperation({ summary: 'List the matcher weights versions, newest first (which one ranks now, where each came from)' })
  @ApiOkResponse({ type: MatchWeightsPageResponse })
  list(@Query() q: PageQuery): Promise<MatchWeightsPageResponse> {
    return this.weights.list(q);
  }

  @Get(':version')
  @Roles(Role.Broker, Role.PlatformAdmin)
  @ApiOperation({ summary: 'One matcher weights version with its per-field and feature weights and evidence' })
  @ApiOkResponse({ type: MatchWeightsVersionResponse })
  get(@Param('version', ParseIntPipe) version: number): Promise<MatchWeightsVersionResponse> {
    return this.weights.get(version);
  }

  /** Make this version the one that ranks (a rollback activates an older one); every stored match is then scored again. */
  @Post(':version/activate')
  @HttpCode(200)
  @Roles(Role.PlatformAdmin)
  @ApiOperation({ summary: 'Activate a weights version (a rollback activates an older one); stored matches are rescored' })
  @ApiOkResponse({ type: MatchWeightsVersionResponse })
  activate(@CurrentActor() actor: Actor, @Param('version', ParseIntPipe) version: number): Promise<MatchWeightsVersionResponse> {
    return this.weights.activateAs(actor, version);
  }

  /** Refit the weights from outcomes now (the worker does it nightly too); a new version only when the weights move. */
  @Post('refit')
  @HttpCode(202)
  @Roles(Role.PlatformAdmin)
  @ApiOperation({ summary: 'Ask the worker to refit the weights from broker outcomes now' })
  @ApiAcceptedResponse({ type: RefitRequestedResponse })
  refit(): Promise<RefitRequestedResponse> {
    return this.weights.requestRefit();
  }
}
