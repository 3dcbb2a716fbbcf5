import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Actor, CurrentActor, DomainError, Page, PageQuery, ParseDayPipe, Public, receiveFile, Roles, Role } from '@techbridge/platform';
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
import { ComputeRewardsDto, ContractStatsResponse, DealRecordResponse, HolidayDto, HolidayQuery, RewardLineResponse, StatsQuery } from './dto/ledger.dto';

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
  create(@CurrentActor() actor: Actor, @Body() dto: CreateContractDto): Promise<ContractResponse> {
    return this.contracts.create(actor, dto);
  }

  @Get()
  list(@CurrentActor() actor: Actor, @Query() q: ContractListQuery): Promise<Page<ContractResponse>> {
    return this.contracts.list(actor, q);
  }

  @Get('statistics')
  @Roles(Role.Reviewer, Role.OrgAdmin)
  @ApiOkResponse({ type: ContractStatsResponse })
  statistics(@Query() q: StatsQuery): Promise<ContractStatsResponse> {
    return this.feeds.registeredContractStats(q);
  }

  // ---- holiday calendar ----

  @Get('holidays')
  holidays(@Query() q: HolidayQuery): Promise<Array<{ day: string; kind: string; name: string }>> {
    return this.calendar.listHolidays(q.year);
  }

  @Put('holidays/:day')
  @Roles(Role.PlatformAdmin)
  setHoliday(@CurrentActor() actor: Actor, @Param('day', ParseDayPipe) day: string, @Body() dto: HolidayDto) {
    return this.calendar.setHoliday(actor, day, dto.kind, dto.name);
  }

  @Delete('holidays/:day')
  @Roles(Role.PlatformAdmin)
  @HttpCode(204)
  async removeHoliday(@CurrentActor() actor: Actor, @Param('day', ParseDayPipe) day: string): Promise<void> {
    await this.calendar.removeHoliday(actor, day);
  }

  // ---- rewards ----

  @Post('rewards/computations')
  @Roles(Role.PlatformAdmin)
  @HttpCode(202)
  computeRewards(@Body() dto: ComputeRewardsDto): Promise<{ year: number; jobId: string }> {
    return this.rewardLedger.requestRewardComputation(dto.year);
  }

  @Get('rewards/:year')
  @Roles(Role.PlatformAdmin)
  rewards(@Param('year') year: string): Promise<RewardLineResponse[]> {
    const y = Number(year);
    if (!Number.isInteger(y) || y < 2000 || y > 2100) throw DomainError.validation('year', { zh: '年份无效', en: 'Invalid year' });
    return this.rewardLedger.listRewards(y);
  }

  // ---- institutions and brokers ----

  @Get('institutions')
  institutions(@Query('kind') kind: string, @Query() q: PageQuery): Promise<Page<InstitutionResponse>> {
    if (kind !== 'transfer' && kind !== 'registration') throw DomainError.validation('kind', { zh: 'kind 应为 transfer 或 registration', en: 'kind must be transfer or registration' });
    return this.profiles.listInstitutions(kind, { page: q.page, pageSize: q.pageSize });
  }

  @Get('institutions/:orgId')
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
  setTransferProfile(@CurrentActor() actor: Actor, @Param('orgId', ParseUUIDPipe) orgId: string, @Body() dto: TransferInstitutionProfileDto): Promise<InstitutionResponse> {
    return this.profiles.setTransferProfile(actor, orgId, dto);
  }

  @Put('institutions/:orgId/registration-profile')
  @Roles(Role.PlatformAdmin)
  setRegistrationProfile(@CurrentActor() actor: Actor, @Param('orgId', ParseUUIDPipe) orgId: string, @Body() dto: RegistrationInstitutionProfileDto): Promise<InstitutionResponse> {
    return this.profiles.setRegistrationProfile(actor, orgId, dto);
  }

  @Put('brokers/:userId')
  @Roles(Role.OrgAdmin)
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
  broker(@Param('userId', ParseUUIDPipe) userId: string): Promise<BrokerResponse> {
    return this.profiles.getBroker(userId);
  }

  // ---- one contract ----

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ContractResponse> {
    return this.contracts.get(actor, id);
  }

  @Patch(':id')
  update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateContractDto): Promise<ContractResponse> {
    return this.contracts.update(actor, id, dto);
  }

  @Post(':id/attachment')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  async upload(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Req() req: FastifyRequest): Promise<ContractResponse> {
    const file = await receiveFile(req);
    return this.contracts.uploadAttachment(actor, id, { filename: file.filename, mimetype: file.mimetype, content: file.stream });
  }

  @Get(':id/attachment')
  @ApiProduces('application/pdf')
  async download(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Res() reply: FastifyReply): Promise<void> {
    const { stream, name } = await this.contracts.openAttachment(actor, id);
    await reply.type('application/pdf').header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`).send(stream);
  }

  @Post(':id/submission')
  @HttpCode(202)
  submit(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ContractResponse> {
    return this.workflow.submit(actor, id);
  }

  @Post(':id/registration')
  @Roles(Role.Reviewer)
  @HttpCode(202)
  register(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ContractResponse> {
    return this.workflow.register(actor, id);
  }

  @Post(':id/return')
  @Roles(Role.Reviewer)
  @HttpCode(200)
  returnForCorrection(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReturnContractDto): Promise<ContractResponse> {
    return this.workflow.returnForCorrection(actor, id, dto);
  }

  @Post(':id/refusal')
  @Roles(Role.Reviewer)
  @HttpCode(200)
  refuse(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RefuseContractDto): Promise<ContractResponse> {
    return this.workflow.refuse(actor, id, dto);
  }

  @Post(':id/amount-corrections')
  @Roles(Role.Reviewer)
  @HttpCode(200)
  correctAmounts(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CorrectAmountsDto): Promise<ContractResponse> {
    return this.workflow.correctAmounts(actor, id, dto);
  }

  @Get(':id/amount-corrections')
  corrections(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<AmountCorrectionResponse[]> {
    return this.contracts.corrections(actor, id);
  }

  @Get(':id/events')
  events(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<RegistrationEventResponse[]> {
    return this.contracts.events(actor, id);
  }

  @Get(':id/certificate.pdf')
  @ApiProduces('application/pdf')
  async certificate(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Res() reply: FastifyReply): Promise<void> {
    const pdf = await this.contracts.certificate(actor, id);
    await reply.type('application/pdf').header('content-disposition', `inline; filename="certificate-${id}.pdf"`).send(pdf);
  }
}
