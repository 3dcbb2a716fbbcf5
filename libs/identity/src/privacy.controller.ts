import { Body, Controller, Get, Header, HttpCode, Ip, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { Actor, CurrentActor } from '@techbridge/platform';
import { AccountDeletionService } from './account-deletion.service';
import { AccountDeletionResponse, DeleteAccountDto, PersonalDataResponse } from './dto/privacy.dto';
import { PersonalDataService } from './personal-data.service';

/** 个人信息保护法: a person downloads what the platform holds about them, and has it deleted. */
@ApiTags('privacy')
@ApiBearerAuth()
@Controller('me')
export class PrivacyController {
  constructor(
    private readonly personalData: PersonalDataService,
    private readonly deletion: AccountDeletionService,
  ) {}

  @Get('personal-data')
  @Header('content-disposition', 'attachment; filename="personal-data.json"')
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: '下载个人信息 / Download my personal data: account, membership, agreements, sign-in history, sessions, notifications, favourites, saved searches' })
  @ApiOkResponse({ type: PersonalDataResponse })
  download(@CurrentActor() actor: Actor): Promise<PersonalDataResponse> {
    return this.personalData.download(actor);
  }

  @Post('deletion')
  @HttpCode(200)
  // The password check is a guessing oracle like sign-in: the same per-address limit.
  @UseGuards(ThrottlerGuard)
  @ApiOperation({ summary: '注销账号 / Delete my account (password confirms): personal data erased, business records stay with the organisation, every session ends' })
  @ApiOkResponse({ type: AccountDeletionResponse })
  deleteAccount(@CurrentActor() actor: Actor, @Body() dto: DeleteAccountDto, @Ip() address: string): Promise<AccountDeletionResponse> {
    return this.deletion.deleteOwnAccount(actor, dto, address);
  }
}
