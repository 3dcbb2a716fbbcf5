import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, PageQuery, Public, Role, Roles } from '@techbridge/platform';
import {
  AgreementPageResponse, AgreementResponse, CreateAgreementDto, CreateProgrammeDto, LedgerEntryPageResponse, LedgerViewResponse, ProgrammeListQuery, ProgrammePageResponse,
  ProgrammeResponse, ReplaceRulesDto,
} from './dto/programme.dto';
import { RecordPartnerVoucherDto, VoucherResponse } from './dto/voucher.dto';
import { ProgrammeService } from './programme.service';
import { VoucherIssuingService } from './voucher-issuing.service';

@ApiTags('vouchers')
@ApiBearerAuth()
@Controller('voucher-programmes')
export class ProgrammesController {
  constructor(private readonly programmes: ProgrammeService, private readonly issuing: VoucherIssuingService) {}

  @Post()
  @ApiOperation({ summary: 'Set up a voucher programme (platform or verified park administration): budget, cap, face values, services, rules, rounds' })
  @ApiCreatedResponse({ type: ProgrammeResponse })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateProgrammeDto): Promise<ProgrammeResponse> {
    return this.programmes.create(actor, dto);
  }

  @Public()
  @Get()
  @ApiOperation({ summary: 'Voucher programmes (public): what enterprises may apply for' })
  @ApiOkResponse({ type: ProgrammePageResponse })
  list(@Query() q: ProgrammeListQuery) {
    return this.programmes.list(q);
  }

  @Public()
  @Get(':id')
  @ApiOperation({ summary: 'A voucher programme with its eligibility rules and rounds (public)' })
  @ApiOkResponse({ type: ProgrammeResponse })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<ProgrammeResponse> {
    return this.programmes.get(id);
  }

  @Put(':id/rules')
  @ApiOperation({ summary: "Replace a programme's eligibility rules (its administrators)" })
  @ApiOkResponse({ type: ProgrammeResponse })
  replaceRules(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReplaceRulesDto): Promise<ProgrammeResponse> {
    return this.programmes.replaceRules(actor, id, dto);
  }

  @Get(':id/ledger')
  @ApiOperation({ summary: "The programme's ledger balances in fen (pool, issued, reserved, paid, returned, voided); they sum to the budget" })
  @ApiOkResponse({ type: LedgerViewResponse })
  ledger(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<LedgerViewResponse> {
    return this.programmes.ledgerView(actor, id);
  }

  @Get(':id/ledger/entries')
  @ApiOperation({ summary: "The programme's ledger entries, newest first" })
  @ApiOkResponse({ type: LedgerEntryPageResponse })
  entries(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Query() q: PageQuery) {
    return this.programmes.ledgerEntries(actor, id, q);
  }

  @Post(':id/recorded-vouchers')
  @ApiOperation({ summary: 'Record a Beijing or Tianjin voucher under its programme and recognition agreement, to be redeemed here' })
  @ApiCreatedResponse({ type: VoucherResponse })
  record(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RecordPartnerVoucherDto): Promise<VoucherResponse> {
    return this.issuing.recordPartnerVoucher(actor, id, dto);
  }
}

@ApiTags('vouchers')
@ApiBearerAuth()
@Controller('voucher-recognition-agreements')
export class RecognitionAgreementsController {
  constructor(private readonly programmes: ProgrammeService) {}

  @Post()
  @Roles(Role.PlatformAdmin)
  @ApiOperation({ summary: 'Record a mutual-recognition agreement with Beijing or Tianjin (platform administrators)' })
  @ApiCreatedResponse({ type: AgreementResponse })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateAgreementDto): Promise<AgreementResponse> {
    return this.programmes.createAgreement(actor, dto);
  }

  @Public()
  @Get()
  @ApiOperation({ summary: 'Mutual-recognition agreements (public)' })
  @ApiOkResponse({ type: AgreementPageResponse })
  list(@Query() q: PageQuery) {
    return this.programmes.listAgreements(q);
  }
}
