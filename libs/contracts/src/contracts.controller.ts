import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Actor, ApiFileResponse, CurrentActor, DomainError, Page, PageQuery, PageResponseOf, ParseDayPipe, Public, receiveFile, Role, Roles } from '@techbridge/platform';
import { ContractsService } from './contracts.service';
import { HolidayCalendarService } from './holiday-calendar.service';
import { InstitutionProfileService } from './institution-profile.service';
import { RegistrationWorkflowService } from './registration-workflow.service';
import { RewardService } from './reward.service';
import { TechnologyContractService } from './technology-contract.service';
import {
  AmountCorrectionResponse, ContractListQuery, ContractResponse, CorrectAmountsDto, CreateContractDto, RefuseContractDto, RegistrationEventResponse, ReturnContractDto, UpdateContractDto,
} from './dto/contracts.dto';
import { BrokerPageResponse, BrokerProfileDto, BrokerResponse, InstitutionResponse, RegistrationInstitutionProfileDto, TransferInstitutionProfileDto } from './dto/institutions.dto';
import {
  ComputeRewardsDto, ContractStatsResponse, DealRecordResponse, HolidayDto, HolidayQuery, HolidayResponse, RewardComputationResponse, RewardLineResponse, StatsQuery,
} from './dto/ledger.dto';

@ApiTags('contracts')
@ApiBearerAuth()
@Controller('contracts')
export class ContractsController {
  constructor(
    private readonly contracts: TechnologyContractService,
    private readonly workflow: RegistrationWorkflowService,
    private readonly profiles: InstitutionProfileService,
    private readonly calendar: HolidayCalendarService,
    private readonly rewardLedger: RewardService,
    private readonly feeds: ContractsService,
  ) {}

  @Post()
  @ApiOkResponse({ type: ContractResponse })
  @ApiOperation({ summary: '登记技术合同（草稿） / Create a technology contract (draft) for registration' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateContractDto): Promise<ContractResponse> {
    return this.contracts.create(actor, dto);
  }

  @Get()
  @ApiOperation({ summary: '技术合同列表 / List the contracts the caller may read (parties, their institutions, reviewers)' })
  @ApiOkResponse({ type: PageResponseOf(ContractResponse) })
  list(@CurrentActor() actor: Actor, @Query() q: ContractListQuery): Promise<Page<ContractResponse>> {
    return this.contracts.list(actor, q);
  }

  @Get('statistics')
  @Roles(Role.Reviewer, Role.OrgAdmin)
  @ApiOkResponse({ type: ContractStatsResponse })
  @ApiOperation({ summary: '合同统计 / Registered contracts of a period grouped by park, quarter, industry, type or direction' })
  statistics(@Query() q: StatsQuery): Promise<ContractStatsResponse> {
    return this.feeds.registeredContractStats(q);
  }

  // ---- holiday calendar ----

  @Get('holidays')
  @ApiOperation({ summary: '节假日历 / The holidays and working weekend days of a year (used for review deadlines)' })
  @ApiOkResponse({ type: [HolidayResponse] })
  holidays(@Query() q: HolidayQuery): Promise<HolidayResponse[]> {
    return this.calendar.listHolidays(q.year);
  }

  @Put('holidays/:day')
  @Roles(Role.PlatformAdmin)
  @ApiOperation({ summary: '设置节假日 / Mark a day as holiday or working day (platform administrators)' })
  @ApiOkResponse({ type: HolidayResponse })
  setHoliday(@CurrentActor() actor: Actor, @Param('day', ParseDayPipe) day: string, @Body() dto: HolidayDto) {
    return this.calendar.setHoliday(actor, day, dto.kind, dto.name);
  }

  @Delete('holidays/:day')
  @Roles(Role.PlatformAdmin)
  @HttpCode(204)
  @ApiOperation({ summary: '删除节假日 / Remove a day from the holiday calendar (platform administrators)' })
  async removeHoliday(@CurrentActor() actor: Actor, @Param('day', ParseDayPipe) day: string): Promise<void> {
    await this.calendar.removeHoliday(actor, day);
  }

  // ---- rewards ----

  @Post('rewards/computations')
  @Roles(Role.PlatformAdmin)
  @HttpCode(202)
  @ApiOperation({ summary: '计算奖补 / Ask the worker to compute the reward ledger of a year' })
  @ApiAcceptedResponse({ type: RewardComputationResponse })
  computeRewards(@Body() dto: ComputeRewardsDto): Promise<RewardComputationResponse> {
    return this.rewardLedger.requestRewardComputation(dto.year);
  }

  @Get('rewards/:year')
  @Roles(Role.PlatformAdmin)
  @ApiOperation({ summary: '奖补台账 / The reward ledger lines of a year (platform administrators)' })
  @ApiOkResponse({ type: [RewardLineResponse] })
  rewards(@Param('year') year: string): Promise<RewardLineResponse[]> {
    const y = Number(year);
    if (!Number.isInteger(y) || y < 2000 || y > 2100) throw DomainError.validation('year', { zh: '年份无效', en: 'Invalid year' });
    return this.rewardLedger.listRewards(y);
  }

  // ---- institutions and brokers ----

  @Get('institutions')
  @ApiOperation({ summary: '服务机构名录 / List transfer or registration institutions with their filed profiles' })
  @ApiOkResponse({ type: PageResponseOf(InstitutionResponse) })
  institutions(@Query('kind') kind: string, @Query() q: PageQuery): Promise<Page<InstitutionResponse>> {
    if (kind !== 'transfer' && kind !== 'registration') throw DomainError.validation('kind', { zh: 'kind 应为 transfer 或 registration', en: 'kind must be transfer or registration' });
    return this.profiles.listInstitutions(kind, { page: q.page, pageSize: q.pageSize });
  }

  @Get('institutions/:orgId')
  @ApiOperation({ summary: '服务机构详情 / One transfer or registration institution with its profile' })
  @ApiOkResponse({ type: InstitutionResponse })
  institution(@Param('orgId', ParseUUIDPipe) orgId: string): Promise<InstitutionResponse> {
    return this.profiles.getInstitution(orgId);
  }

  @Get('institutions/:orgId/deals')
  @Public()
  @ApiOperation({ summary: '机构成交记录 / Registered contracts an organisation sold or facilitated: totals and the latest five (no counterparties)' })
  @ApiOkResponse({ type: DealRecordResponse })
  deals(@Param('orgId', ParseUUIDPipe) orgId: string): Promise<DealRecordResponse> {
    return this.feeds.dealRecord(orgId);
  }

  @Put('institutions/:orgId/transfer-profile')
  @Roles(Role.PlatformAdmin)
  @ApiOperation({ summary: '备案转移机构 / File an organisation\'s transfer-institution profile (platform administrators)' })
  @ApiOkResponse({ type: InstitutionResponse })
  setTransferProfile(@CurrentActor() actor: Actor, @Param('orgId', ParseUUIDPipe) orgId: string, @Body() dto: TransferInstitutionProfileDto): Promise<InstitutionResponse> {
    return this.profiles.setTransferProfile(actor, orgId, dto);
  }

  @Put('institutions/:orgId/registration-profile')
  @Roles(Role.PlatformAdmin)
  @ApiOperation({ summary: '备案登记机构 / File an organisation\'s registration-institution profile (platform administrators)' })
  @ApiOkResponse({ type: InstitutionResponse })
  setRegistrationProfile(@CurrentActor() actor: Actor, @Param('orgId', ParseUUIDPipe) orgId: string, @Body() dto: RegistrationInstitutionProfileDto): Promise<InstitutionResponse> {
    return this.profiles.setRegistrationProfile(actor, orgId, dto);
  }

  @Put('brokers/:userId')
  @Roles(Role.OrgAdmin)
  @ApiOperation({ summary: '备案技术经纪人 / File a member as a technology broker (their organisation\'s administrator)' })
  @ApiOkResponse({ type: BrokerResponse })
  setBroker(@CurrentActor() actor: Actor, @Param('userId', ParseUUIDPipe) userId: string, @Body() dto: BrokerProfileDto): Promise<BrokerResponse> {
    return this.profiles.setBrokerProfile(actor, userId, dto);
  }

  @Get('brokers')
  @ApiOperation({ summary: '技术经纪人名录 / The register of filed brokers with their record: registered contracts, pipeline steps, roadshows (signed-in users)' })
  @ApiOkResponse({ type: BrokerPageResponse })
  brokers(@Query() q: PageQuery): Promise<Page<BrokerResponse>> {
    return this.profiles.listBrokers({ page: q.page, pageSize: q.pageSize });
  }

  @Get('brokers/:userId')
  @ApiOperation({ summary: '经纪人详情 / One filed broker with their record' })
  @ApiOkResponse({ type: BrokerResponse })
  broker(@Param('userId', ParseUUIDPipe) userId: string): Promise<BrokerResponse> {
    return this.profiles.getBroker(userId);
  }

  // ---- one contract ----

  @Get(':id')
  @ApiOperation({ summary: '合同详情 / One technology contract (parties, their institutions, reviewers)' })
  @ApiOkResponse({ type: ContractResponse })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ContractResponse> {
    return this.contracts.get(actor, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: '修改合同 / Edit a draft or returned contract' })
  @ApiOkResponse({ type: ContractResponse })
  update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateContractDto): Promise<ContractResponse> {
    return this.contracts.update(actor, id, dto);
  }

  @Post(':id/attachment')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOperation({ summary: '上传合同文本 / Upload the signed contract (PDF)' })
  @ApiCreatedResponse({ type: ContractResponse })
  async upload(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Req() req: FastifyRequest): Promise<ContractResponse> {
    const file = await receiveFile(req);
    return this.contracts.uploadAttachment(actor, id, { filename: file.filename, mimetype: file.mimetype, content: file.stream });
  }

  @Get(':id/attachment')
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: '下载合同文本 / Download the signed contract (PDF)' })
  @ApiFileResponse('The signed contract', 'application/pdf')
  async download(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Res() reply: FastifyReply): Promise<void> {
    const { stream, name } = await this.contracts.openAttachment(actor, id);
    await reply.type('application/pdf').header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`).send(stream);
  }

  @Post(':id/submission')
  @HttpCode(202)
  @ApiOperation({ summary: '提交登记 / Submit a contract for registration review' })
  @ApiAcceptedResponse({ type: ContractResponse })
  submit(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ContractResponse> {
    return this.workflow.submit(actor, id);
  }

  @Post(':id/registration')
  @Roles(Role.Reviewer)
  @HttpCode(202)
  @ApiOperation({ summary: '准予登记 / Register a submitted contract (reviewers)' })
  @ApiAcceptedResponse({ type: ContractResponse })
  register(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ContractResponse> {
    return this.workflow.register(actor, id);
  }

  @Post(':id/return')
  @Roles(Role.Reviewer)
  @HttpCode(200)
  @ApiOperation({ summary: '退回补正 / Return a submitted contract for correction (reviewers)' })
  @ApiOkResponse({ type: ContractResponse })
  returnForCorrection(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReturnContractDto): Promise<ContractResponse> {
    return this.workflow.returnForCorrection(actor, id, dto);
  }

  @Post(':id/refusal')
  @Roles(Role.Reviewer)
  @HttpCode(200)
  @ApiOperation({ summary: '不予登记 / Refuse to register a submitted contract, with the reason (reviewers)' })
  @ApiOkResponse({ type: ContractResponse })
  refuse(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RefuseContractDto): Promise<ContractResponse> {
    return this.workflow.refuse(actor, id, dto);
  }

  @Post(':id/amount-corrections')
  @Roles(Role.Reviewer)
  @HttpCode(200)
  @ApiOperation({ summary: '核定金额 / Correct the technology amounts of a contract under review (reviewers)' })
  @ApiOkResponse({ type: ContractResponse })
  correctAmounts(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CorrectAmountsDto): Promise<ContractResponse> {
    return this.workflow.correctAmounts(actor, id, dto);
  }

  @Get(':id/amount-corrections')
  @ApiOperation({ summary: '金额核定记录 / The amount corrections made to a contract' })
  @ApiOkResponse({ type: [AmountCorrectionResponse] })
  corrections(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<AmountCorrectionResponse[]> {
    return this.contracts.corrections(actor, id);
  }

  @Get(':id/events')
  @ApiOperation({ summary: '登记记录 / The registration history of a contract' })
  @ApiOkResponse({ type: [RegistrationEventResponse] })
  events(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<RegistrationEventResponse[]> {
    return this.contracts.events(actor, id);
  }

  @Get(':id/certificate.pdf')
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: '登记证明 / The registration certificate of a registered contract (PDF)' })
  @ApiFileResponse('The registration certificate', 'application/pdf')
  async certificate(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Res() reply: FastifyReply): Promise<void> {
    const pdf = await this.contracts.certificate(actor, id);
    await reply.type('application/pdf').header('content-disposition', `inline; filename="certificate-${id}.pdf"`).send(pdf);
  }
}
