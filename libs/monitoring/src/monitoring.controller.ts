import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Actor, CurrentActor, PageQuery, PageResponseOf, ParseYearPipe, Public, Role, Roles } from '@techbridge/platform';
import {
  AddTargetDto, CorrectFigureDto, CorrectionResponse, DrillDownQuery, DrillDownResponse, EnterFiguresDto, EntryListQuery, EntryResponse, IndexQuery, IndexVerificationResponse, IndexYearsResponse, IndicatorResponse,
  InnovationIndexResponse, OpenQuarterDto, QuarterResponse, ReportQuery, ReportResponse, ReturnEntryDto, TargetProgressResponse, WeightsDto, WeightsResponse,
} from './dto/monitoring.dto';
import { InnovationIndexService } from './innovation-index.service';
import { indexXlsx, reportCsv, reportXlsx } from './monitoring.export';
import { MonitoringService } from './monitoring.service';
import { ContractAmountsResponse, OverviewResponse, TrendsResponse, YearQuery } from './dto/statistics.dto';
import { StatisticsService } from './statistics.service';
import { PlanTargetsService } from './plan-targets.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function file(reply: FastifyReply, content: Buffer, type: string, filename: string): StreamableFile {
  reply.header('content-type', type);
  reply.header('content-disposition', `attachment; filename="${filename}"`);
  return new StreamableFile(content);
}

@ApiTags('monitoring')
@ApiBearerAuth()
@Controller('monitoring')
export class MonitoringController {
  constructor(
    private readonly monitoring: MonitoringService,
    private readonly index: InnovationIndexService,
    private readonly statistics: StatisticsService,
    private readonly targets: PlanTargetsService,
  ) {}

  @Get('overview')
  @Public()
  @ApiOperation({ summary: '首页统计 / Headline figures of this year: achievements, demands, registered deals and amount, events, latest deals' })
  @ApiOkResponse({ type: OverviewResponse })
  overview(): Promise<OverviewResponse> {
    return this.statistics.overview();
  }

  @Get('trends')
  @Public()
  @ApiOperation({ summary: '季度趋势 / Zone-wide value of each indicator over the last published quarters' })
  @ApiOkResponse({ type: TrendsResponse })
  trends(): Promise<TrendsResponse> {
    return this.statistics.trends();
  }

  @Get('contract-amounts')
  @Public()
  @ApiOperation({ summary: '技术合同成交额 / Registered contract amounts of a year by industry and by direction (Beijing/Tianjin → Hebei)' })
  @ApiOkResponse({ type: ContractAmountsResponse })
  contractAmounts(@Query() q: YearQuery): Promise<ContractAmountsResponse> {
    return this.statistics.contractAmounts(q.year);
  }

  @Get('indicators')
  @Public()
  @ApiOperation({ summary: '监测评价指标目录 / The indicator catalogue' })
  @ApiOkResponse({ type: [IndicatorResponse] })
  indicators(): Promise<IndicatorResponse[]> {
    return this.monitoring.listIndicators();
  }

  @Post('targets')
  @Roles(Role.PlatformAdmin)
  @ApiOperation({ summary: "Add a target of a later horizon (the plan's wording, its indicator, value, basis and year)" })
  @ApiCreatedResponse({ type: TargetProgressResponse })
  addTarget(@CurrentActor() actor: Actor, @Body() dto: AddTargetDto): Promise<TargetProgressResponse> {
    return this.targets.add(actor, dto);
  }

  @Get('targets')
  @Public()
  @ApiOperation({ summary: '实施方案目标完成进度 / Progress towards the plan targets (published figures)' })
  @ApiOkResponse({ type: [TargetProgressResponse] })
  listTargets(): Promise<TargetProgressResponse[]> {
    return this.monitoring.targets();
  }

  @Post('quarters')
  @Roles(Role.PlatformAdmin)
  @ApiOperation({ summary: 'Open a quarter for reporting (platform administrators)' })
  @ApiOkResponse({ type: QuarterResponse })
  open(@CurrentActor() actor: Actor, @Body() dto: OpenQuarterDto): Promise<QuarterResponse> {
    return this.monitoring.openQuarter(actor, dto);
  }

  @Get('quarters')
  @ApiOperation({ summary: '填报季度 / List the reporting quarters, newest first' })
  @ApiOkResponse({ type: PageResponseOf(QuarterResponse) })
  list(@Query() q: PageQuery) {
    return this.monitoring.listQuarters(q);
  }

  @Get('quarters/:quarter')
  @ApiOkResponse({ type: QuarterResponse })
  @ApiOperation({ summary: '季度详情 / One reporting quarter and its state' })
  get(@Param('quarter') quarter: string): Promise<QuarterResponse> {
    return this.monitoring.getQuarter(quarter);
  }

  @Put('quarters/:quarter/parks/:park/entries')
  @ApiOperation({ summary: '园区填报季度数据 / A park administration enters its figures for an open quarter' })
  @ApiOkResponse({ type: [EntryResponse] })
  enter(@CurrentActor() actor: Actor, @Param('quarter') quarter: string, @Param('park') park: string, @Body() dto: EnterFiguresDto): Promise<EntryResponse[]> {
    return this.monitoring.enterFigures(actor, quarter, park, dto);
  }

  @Get('quarters/:quarter/entries')
  @ApiOkResponse({ type: [EntryResponse] })
  @ApiOperation({ summary: '园区填报 / The park entries of a quarter (a park administration its own; reviewers all)' })
  entries(@CurrentActor() actor: Actor, @Param('quarter') quarter: string, @Query() q: EntryListQuery): Promise<EntryResponse[]> {
    return this.monitoring.listEntries(actor, quarter, q);
  }

  @Post('entries/:id/approve')
  @HttpCode(200)
  @ApiOkResponse({ type: EntryResponse })
  @ApiOperation({ summary: '审核通过填报 / Approve a park\'s entry (platform reviewers)' })
  approve(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<EntryResponse> {
    return this.monitoring.approveEntry(actor, id);
  }

  @Post('entries/:id/return')
  @HttpCode(200)
  @ApiOkResponse({ type: EntryResponse })
  @ApiOperation({ summary: '退回填报 / Return a park\'s entry for correction (platform reviewers)' })
  returnEntry(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReturnEntryDto): Promise<EntryResponse> {
    return this.monitoring.returnEntry(actor, id, dto.reason);
  }

  @Post('quarters/:quarter/publish')
  @HttpCode(200)
  @Roles(Role.PlatformAdmin)
  @ApiOperation({ summary: 'Publish: freeze computed figures and approved entries into the snapshot' })
  @ApiOkResponse({ type: QuarterResponse })
  publish(@CurrentActor() actor: Actor, @Param('quarter') quarter: string): Promise<QuarterResponse> {
    return this.monitoring.publishQuarter(actor, quarter);
  }

  @Post('quarters/:quarter/corrections')
  @Roles(Role.PlatformAdmin)
  @ApiOperation({ summary: 'Correct a published figure; the superseded revision stays in the history' })
  @ApiOkResponse({ type: CorrectionResponse })
  correct(@CurrentActor() actor: Actor, @Param('quarter') quarter: string, @Body() dto: CorrectFigureDto): Promise<CorrectionResponse> {
    return this.monitoring.correctFigure(actor, quarter, dto);
  }

  @Get('quarters/:quarter/corrections')
  @ApiOkResponse({ type: [CorrectionResponse] })
  @ApiOperation({ summary: '更正记录 / The corrections made to a published quarter' })
  corrections(@CurrentActor() actor: Actor, @Param('quarter') quarter: string): Promise<CorrectionResponse[]> {
    return this.monitoring.listCorrections(actor, quarter);
  }

  @Get('reports/:quarter')
  @ApiOperation({ summary: '季度监测报告 / Quarterly report per park and for the zone, with QoQ and YoY change' })
  @ApiProduces('application/json', 'text/csv', XLSX)
  @ApiOkResponse({ type: ReportResponse })
  async report(
    @CurrentActor() actor: Actor, @Param('quarter') quarter: string, @Query() q: ReportQuery, @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ReportResponse | StreamableFile> {
    const r = await this.monitoring.report(actor, quarter, q.park);
    const name = `monitoring-${r.quarter}${q.park ? `-${q.park}` : ''}`;
    if (q.format === 'csv') return file(reply, reportCsv(r), 'text/csv; charset=utf-8', `${name}.csv`);
    if (q.format === 'xlsx') return file(reply, await reportXlsx(r), XLSX, `${name}.xlsx`);
    return r;
  }

  @Get('quarters/:quarter/preview')
  @Roles(Role.PlatformAdmin)
  @ApiOperation({ summary: 'Preview an open quarter: the figures publishing would freeze now (nothing stored)' })
  @ApiOkResponse({ type: ReportResponse })
  preview(@CurrentActor() actor: Actor, @Param('quarter') quarter: string, @Query() q: ReportQuery): Promise<ReportResponse> {
    return this.monitoring.preview(actor, quarter, q.park);
  }

  @Get('reports/:quarter/drill-down')
  @ApiOperation({ summary: 'The records (or entry) behind one figure, with its revisions' })
  @ApiOkResponse({ type: DrillDownResponse })
  drillDown(@CurrentActor() actor: Actor, @Param('quarter') quarter: string, @Query() q: DrillDownQuery): Promise<DrillDownResponse> {
    return this.monitoring.drillDown(actor, quarter, q);
  }

  @Get('figures/:id')
  @ApiOperation({ summary: 'One published figure by id (as listed in the index inputs), with its records and revisions' })
  @ApiOkResponse({ type: DrillDownResponse })
  figure(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<DrillDownResponse> {
    return this.monitoring.figure(actor, id);
  }

  @Get('innovation-index/weights')
  @Public()
  @ApiOkResponse({ type: WeightsResponse })
  @ApiOperation({ summary: '创新指数权重 / The current weights of the innovation index dimensions' })
  weights(): Promise<WeightsResponse> {
    return this.index.currentWeights();
  }

  @Put('innovation-index/weights')
  @Roles(Role.PlatformAdmin)
  @ApiOperation({ summary: 'Set the index weights (a new version; past computations keep theirs)' })
  @ApiOkResponse({ type: WeightsResponse })
  setWeights(@CurrentActor() actor: Actor, @Body() dto: WeightsDto): Promise<WeightsResponse> {
    return this.index.setWeights(actor, dto);
  }

  @Post('innovation-index/:year/compute')
  @HttpCode(200)
  @Roles(Role.PlatformAdmin)
  @ApiOperation({ summary: "Compute the year's index from its published quarters with the current weights" })
  @ApiOkResponse({ type: InnovationIndexResponse })
  compute(@CurrentActor() actor: Actor, @Param('year', ParseYearPipe) year: number): Promise<InnovationIndexResponse> {
    return this.index.compute(actor, year);
  }

  @Get('innovation-index')
  @Public()
  @ApiOperation({ summary: '已发布创新指数的年份 / The years with a computed innovation index, newest first' })
  @ApiOkResponse({ type: IndexYearsResponse })
  indexYears(): Promise<IndexYearsResponse> {
    return this.index.years();
  }

  @Get('innovation-index/:year')
  @Public()
  @ApiOperation({ summary: '示范区创新指数 / The zone innovation index: score, dimension sub-scores, rank and year-on-year change' })
  @ApiProduces('application/json', XLSX)
  @ApiOkResponse({ type: InnovationIndexResponse })
  async getIndex(@Param('year', ParseYearPipe) year: number, @Query() q: IndexQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<InnovationIndexResponse | StreamableFile> {
    const r = await this.index.get(year);
    if (q.format === 'xlsx') return file(reply, await indexXlsx(r), XLSX, `innovation-index-${year}.xlsx`);
    return r;
  }

  @Get('innovation-index/:year/verify')
  @Public()
  @ApiOperation({ summary: 'Replay the stored computation from its stored inputs and weights' })
  @ApiOkResponse({ type: IndexVerificationResponse })
  verify(@Param('year', ParseYearPipe) year: number): Promise<IndexVerificationResponse> {
    return this.index.verify(year);
  }
}
