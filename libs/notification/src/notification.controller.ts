import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '@techbridge/platform';
import { EmailPreferencesResponse, UpdateEmailPreferencesDto } from './dto/email-preference.dto';
import { NotificationPageResponse, NotificationQuery, NotificationResponse } from './dto/notification.dto';
import { EmailPreferenceService } from './email/email-preference.service';
import { NotificationService } from './notification.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationController {
  constructor(
    private readonly notifications: NotificationService,
    private readonly preferences: EmailPreferenceService,
  ) {}

  @Get()
  @ApiOperation({ summary: '站内通知 / List the caller\'s notifications, newest first, with the unread count' })
  @ApiOkResponse({ type: NotificationPageResponse })
  list(@CurrentActor() actor: Actor, @Query() q: NotificationQuery) {
    return this.notifications.list(actor, q);
  }

  @Get('email-preferences')
  @ApiOperation({ summary: 'Which notification categories the caller also receives by e-mail' })
  @ApiOkResponse({ type: EmailPreferencesResponse })
  emailPreferences(@CurrentActor() actor: Actor): Promise<EmailPreferencesResponse> {
    return this.preferences.get(actor);
  }

  @Put('email-preferences')
  @ApiOperation({ summary: 'Turn e-mail on or off per notification category' })
  @ApiOkResponse({ type: EmailPreferencesResponse })
  updateEmailPreferences(@CurrentActor() actor: Actor, @Body() dto: UpdateEmailPreferencesDto): Promise<EmailPreferencesResponse> {
    return this.preferences.update(actor, dto);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: '标记已读 / Mark one of the caller\'s notifications as read' })
  @ApiOkResponse({ type: NotificationResponse })
  read(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.notifications.markRead(actor, id);
  }
}
