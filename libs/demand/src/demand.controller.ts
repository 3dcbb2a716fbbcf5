import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Actor, ApiFileResponse, CurrentActor, prefetchedStream, Public } from '@techbridge/platform';
import { DemandQueryService } from './demand-query.service';
import { DemandService } from './demand.service';
import {
  AssignBrokerDto, CloseDemandDto, CreateDemandDto, DemandBrokerResponse, DemandExportQuery, DemandListQuery, DemandPageResponse, DemandResponse,
  DemandSearchQuery, DemandSearchResponse, DemandView, UpdateDemandDto,
} from './dto/demand.dto';
import { DeclineProposalDto, ProposalResponse, SubmitProposalDto } from './dto/proposal.dto';
import { ProposalService } from './proposal.service';

@ApiTags('demands')
@ApiBearerAuth()
@Controller('demands')
export class DemandController {
  constructor(
    private readonly demands: DemandService,
    private readonly queries: DemandQueryService,
    private readonly proposals: ProposalService,
  ) {}

  @Post()
  @ApiOperation({ summary: '发布技术需求（草稿） / Create a demand (draft) for your enterprise' })
  @ApiOkResponse({ type: DemandResponse })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateDemandDto): Promise<DemandResponse> {
    return this.demands.create(actor, dto);
  }

  @Get()
  @Public()
  @ApiOperation({ summary: 'List demands; items the viewer may not read are redacted to title, industry, field and park' })
  @ApiOkResponse({ type: DemandPageResponse })
  list(@CurrentActor() actor: Actor | null, @Query() q: DemandListQuery) {
    return this.queries.list(actor, q);
  }

  @Get('export')
  @Public()
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'Export the list as CSV, redacted for the viewer exactly as the list' })
  @ApiFileResponse('The demand list as CSV, redacted for the viewer', 'text/csv')
  async export(@CurrentActor() actor: Actor | null, @Query() q: DemandExportQuery): Promise<StreamableFile> {
    const { format: _format, ...filters } = q;
    return new StreamableFile(await prefetchedStream(this.queries.exportCsv(actor, Object.assign(new DemandListQuery(), filters))), {
      type: 'text/csv; charset=utf-8',
      disposition: 'attachment; filename="demands.csv"',
    });
  }

  @Get(':id')
  @Public()
  @ApiOkResponse({ type: DemandResponse, description: 'or a RedactedDemandResponse' })
  @ApiOperation({ summary: '需求详情 / One demand; a viewer outside its visibility gets the redacted form' })
  get(@CurrentActor() actor: Actor | null, @Param('id', ParseUUIDPipe) id: string): Promise<DemandView> {
    return this.queries.get(actor, id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: DemandResponse })
  @ApiOperation({ summary: '修改需求 / Edit a demand (the enterprise that posted it)' })
  update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateDemandDto): Promise<DemandResponse> {
    return this.demands.update(actor, id, dto);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @ApiOkResponse({ type: DemandResponse })
  @ApiOperation({ summary: '发布需求 / Publish a draft demand' })
  publish(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<DemandResponse> {
    return this.demands.publish(actor, id);
  }

  @Post(':id/close')
  @HttpCode(200)
  @ApiOkResponse({ type: DemandResponse })
  @ApiOperation({ summary: '关闭需求 / Close a demand with a reason' })
  close(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CloseDemandDto): Promise<DemandResponse> {
    return this.demands.close(actor, id, dto.reason);
  }

  @Post(':id/solve')
  @HttpCode(200)
  @ApiOkResponse({ type: DemandResponse })
  @ApiOperation({ summary: '需求已解决 / Mark a demand as solved' })
  solve(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<DemandResponse> {
    return this.demands.solve(actor, id);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @ApiOkResponse({ type: DemandResponse })
  @ApiOperation({ summary: '重新开放需求 / Reopen a closed demand' })
  reopen(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<DemandResponse> {
    return this.demands.reopen(actor, id);
  }

  @Post(':id/brokers')
  @ApiOperation({ summary: 'Assign a broker to follow the demand (the enterprise or a platform administrator)' })
  @ApiOkResponse({ type: DemandBrokerResponse })
  assignBroker(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AssignBrokerDto): Promise<DemandBrokerResponse> {
    return this.demands.assignBroker(actor, id, dto);
  }

  @Get(':id/brokers')
  @ApiOkResponse({ type: [DemandBrokerResponse] })
  @ApiOperation({ summary: '需求的经纪人 / List the brokers assigned to follow a demand' })
  brokers(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<DemandBrokerResponse[]> {
    return this.demands.listBrokers(actor, id);
  }

  @Post(':id/proposals')
  @ApiOperation({ summary: '揭榜 / Propose a solution (universities and institutes, before the deadline)' })
  @ApiOkResponse({ type: ProposalResponse })
  propose(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: SubmitProposalDto): Promise<ProposalResponse> {
    return this.proposals.submit(actor, id, dto);
  }

  @Get(':id/proposals')
  @ApiOkResponse({ type: [ProposalResponse] })
  @ApiOperation({ summary: '揭榜方案列表 / List the proposals for a demand (the enterprise sees all; a proposer its own)' })
  listProposals(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ProposalResponse[]> {
    return this.proposals.list(actor, id);
  }
}

@ApiTags('demands')
@ApiBearerAuth()
@Controller('proposals')
export class ProposalController {
  constructor(private readonly proposals: ProposalService) {}

  @Get(':id')
  @ApiOkResponse({ type: ProposalResponse })
  @ApiOperation({ summary: '揭榜方案详情 / One proposal (the enterprise and the proposer)' })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ProposalResponse> {
    return this.proposals.get(actor, id);
  }

  @Post(':id/shortlist')
  @HttpCode(200)
  @ApiOkResponse({ type: ProposalResponse })
  @ApiOperation({ summary: '入围 / Shortlist a proposal (the enterprise)' })
  shortlist(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ProposalResponse> {
    return this.proposals.shortlist(actor, id);
  }

  @Post(':id/award')
  @HttpCode(200)
  @ApiOperation({ summary: 'Award (the enterprise only): the demand moves to in-negotiation, other open proposals are declined' })
  @ApiOkResponse({ type: ProposalResponse })
  award(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ProposalResponse> {
    return this.proposals.award(actor, id);
  }

  @Post(':id/decline')
  @HttpCode(200)
  @ApiOkResponse({ type: ProposalResponse })
  @ApiOperation({ summary: '婉拒方案 / Decline a proposal with a reason (the enterprise)' })
  decline(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: DeclineProposalDto): Promise<ProposalResponse> {
    return this.proposals.decline(actor, id, dto);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @ApiOkResponse({ type: ProposalResponse })
  @ApiOperation({ summary: '撤回方案 / Withdraw a proposal (the proposer)' })
  withdraw(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ProposalResponse> {
    return this.proposals.withdraw(actor, id);
  }
}

@ApiTags('search')
@Controller('search')
export class DemandSearchController {
  constructor(private readonly queries: DemandQueryService) {}

  @Get('demands')
  @Public()
  @ApiOperation({ summary: 'Search demands with facets (industry, park, cooperationMode), honouring visibility' })
  @ApiOkResponse({ type: DemandSearchResponse })
  search(@CurrentActor() actor: Actor | null, @Query() q: DemandSearchQuery): Promise<DemandSearchResponse> {
    return this.queries.searchDemands(actor, q);
  }
}
