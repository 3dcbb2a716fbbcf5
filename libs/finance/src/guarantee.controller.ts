import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, PageQuery } from '@techbridge/platform';
import { DeclineGuaranteeDto, GuaranteeNoteDto, InviteGuarantorDto, LoanGuaranteeResponse } from './dto/guarantee.dto';
import { GuaranteeService } from './guarantee.service';

class LoanGuaranteePageResponse {
  @ApiProperty({ type: [LoanGuaranteeResponse] }) items!: LoanGuaranteeResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

@ApiTags('finance')
@ApiBearerAuth()
@Controller('pledge-loans')
export class LoanGuaranteeController {
  constructor(private readonly guarantees: GuaranteeService) {}

  @Post(':id/guarantees')
  @ApiOperation({ summary: '邀请担保机构 / Invite a verified guarantor with the amount guaranteed and its share of a loss, before disbursement (the loan’s bank)' })
  @ApiCreatedResponse({ type: LoanGuaranteeResponse })
  invite(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: InviteGuarantorDto): Promise<LoanGuaranteeResponse> {
    return this.guarantees.invite(actor, id, dto);
  }

  @Get(':id/guarantees')
  @ApiOperation({ summary: '贷款担保 / The loan’s guarantees (borrower, bank, staff; a guarantor sees its own)' })
  @ApiOkResponse({ type: [LoanGuaranteeResponse] })
  list(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<LoanGuaranteeResponse[]> {
    return this.guarantees.list(actor, id);
  }

  @Post(':id/guarantees/:guaranteeId/accept')
  @HttpCode(200)
  @ApiOperation({ summary: '接受担保 / Accept the invitation: invited → accepted (the verified guarantor)' })
  @ApiOkResponse({ type: LoanGuaranteeResponse })
  accept(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Param('guaranteeId', ParseUUIDPipe) gid: string, @Body() _dto: GuaranteeNoteDto): Promise<LoanGuaranteeResponse> {
    return this.guarantees.accept(actor, id, gid);
  }

  @Post(':id/guarantees/:guaranteeId/decline')
  @HttpCode(200)
  @ApiOperation({ summary: '婉拒担保 / Decline the invitation with a reason: invited → declined (the verified guarantor)' })
  @ApiOkResponse({ type: LoanGuaranteeResponse })
  decline(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Param('guaranteeId', ParseUUIDPipe) gid: string, @Body() dto: DeclineGuaranteeDto): Promise<LoanGuaranteeResponse> {
    return this.guarantees.decline(actor, id, gid, dto);
  }

  @Post(':id/guarantees/:guaranteeId/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: '撤回担保邀请 / Withdraw an unanswered invitation (the loan’s bank)' })
  @ApiOkResponse({ type: LoanGuaranteeResponse })
  withdraw(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Param('guaranteeId', ParseUUIDPipe) gid: string, @Body() _dto: GuaranteeNoteDto): Promise<LoanGuaranteeResponse> {
    return this.guarantees.withdraw(actor, id, gid);
  }

  @Post(':id/guarantees/:guaranteeId/honour')
  @HttpCode(200)
  @ApiOperation({ summary: '履行代偿 / Record paying what the compensation claim called: called → honoured (the guarantor)' })
  @ApiOkResponse({ type: LoanGuaranteeResponse })
  honour(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Param('guaranteeId', ParseUUIDPipe) gid: string, @Body() _dto: GuaranteeNoteDto): Promise<LoanGuaranteeResponse> {
    return this.guarantees.honour(actor, id, gid);
  }
}

@ApiTags('finance')
@ApiBearerAuth()
@Controller('guarantees')
export class GuarantorController {
  constructor(private readonly guarantees: GuaranteeService) {}

  @Get('mine')
  @ApiOperation({ summary: '我的担保 / The guarantor’s invitations and guarantees, newest first' })
  @ApiOkResponse({ type: LoanGuaranteePageResponse })
  mine(@CurrentActor() actor: Actor, @Query() q: PageQuery) {
    return this.guarantees.mine(actor, q);
  }
}
