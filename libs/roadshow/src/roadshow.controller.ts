import { Body, Controller, Delete, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Actor, ApiFileResponse, CurrentActor, Page, PageQuery, PageResponseOf, Public, Role, Roles } from '@techbridge/platform';
import {
  AddSuggestionsDto, AgendaResponse, ApplyPresentationDto, CancelMeetingDto, CreateEventDto, DecidePresentationDto, EventListQuery, EventReportResponse,
  EventResponse, EventTransitionDto, InvitePresentationDto, MeetingRequestDto, MeetingRequestResponse, MeetingResponse, MyScheduleResponse,
  ParticipantResponse, PlanQuery, PresentationResponse, RecordOutcomeDto, RegisterParticipantDto, ReplanResponse, SchedulePreviewResponse, WithdrawMeetingRequestResponse, YearPlanResponse,
} from './dto/roadshow.dto';
import { MeetingOutcomeService } from './meeting-outcome.service';
import { MeetingRequestService } from './meeting-request.service';
import { MeetingScheduleService } from './meeting-schedule.service';
import { ParticipantService } from './participant.service';
import { PresentationService } from './presentation.service';
import { RoadshowEventService } from './roadshow-event.service';
import { RoadshowReportService } from './roadshow-report.service';

@ApiTags('roadshows')
@ApiBearerAuth()
@Controller('roadshows')
export class RoadshowController {
  constructor(
    private readonly events: RoadshowEventService,
    private readonly programme: PresentationService,
    private readonly registrations: ParticipantService,
    private readonly meetingRequests: MeetingRequestService,
    private readonly schedule: MeetingScheduleService,
    private readonly outcomes: MeetingOutcomeService,
    private readonly reports: RoadshowReportService,
  ) {}

  @Post()
  @Roles(Role.Broker, Role.OrgAdmin)
  @ApiOperation({ summary: '创建路演活动 / Create a roadshow event (transfer institutions, brokers, park administrations)' })
  @ApiOkResponse({ type: EventResponse })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateEventDto): Promise<EventResponse> {
    return this.events.createEvent(actor, dto);
  }

  @Get()
  @Public()
  @ApiOperation({ summary: '路演活动列表 / List roadshow events (public ones for everyone; drafts for their organiser)' })
  @ApiOkResponse({ type: PageResponseOf(EventResponse) })
  list(@CurrentActor() actor: Actor | null, @Query() q: EventListQuery): Promise<Page<EventResponse>> {
    return this.events.listEvents(actor, q);
  }

  @Get('plan')
  @Public()
  @ApiOperation({ summary: '年度路演计划 / Yearly plan against the target of five large events' })
  @ApiOkResponse({ type: YearPlanResponse })
  plan(@CurrentActor() actor: Actor | null, @Query() q: PlanQuery): Promise<YearPlanResponse> {
    return this.events.yearPlan(actor, q.year);
  }

  @Get(':id')
  @Public()
  @ApiOkResponse({ type: EventResponse })
  @ApiOperation({ summary: '路演活动详情 / One roadshow event' })
  get(@CurrentActor() actor: Actor | null, @Param('id', ParseUUIDPipe) id: string): Promise<EventResponse> {
    return this.events.getEvent(actor, id);
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @ApiOperation({ summary: 'open-registration | close-registration | mark-held | close | cancel (409 with currentState if illegal)' })
  @ApiOkResponse({ type: EventResponse })
  transition(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: EventTransitionDto): Promise<EventResponse> {
    return this.events.transition(actor, id, dto.action, dto.reason);
  }

  @Post(':id/presentations')
  @ApiOperation({ summary: '申请路演 / Apply to present a published achievement' })
  @ApiCreatedResponse({ type: PresentationResponse })
  apply(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ApplyPresentationDto): Promise<PresentationResponse> {
    return this.programme.applyPresentation(actor, id, dto);
  }

  @Post(':id/invitations')
  @ApiOperation({ summary: '邀请路演 / Organiser invites the owner of a published achievement' })
  @ApiCreatedResponse({ type: PresentationResponse })
  invite(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: InvitePresentationDto): Promise<PresentationResponse> {
    return this.programme.invitePresentation(actor, id, dto);
  }

  @Get(':id/presentations')
  @Public()
  @ApiOperation({ summary: '路演项目 / List the presentations of an event (accepted ones for everyone; all for the organiser)' })
  @ApiOkResponse({ type: [PresentationResponse] })
  presentations(@CurrentActor() actor: Actor | null, @Param('id', ParseUUIDPipe) id: string): Promise<PresentationResponse[]> {
    return this.programme.listPresentations(actor, id);
  }

  @Post(':id/presentations/:presentationId/decision')
  @HttpCode(200)
  @ApiOperation({ summary: '审定路演项目 / Accept or decline a presentation (the organiser)' })
  @ApiOkResponse({ type: PresentationResponse })
  decide(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('presentationId', ParseUUIDPipe) presentationId: string,
    @Body() dto: DecidePresentationDto,
  ): Promise<PresentationResponse> {
    return this.programme.decidePresentation(actor, id, presentationId, dto.decision);
  }

  @Get(':id/agenda')
  @Public()
  @ApiOkResponse({ type: AgendaResponse })
  @ApiOperation({ summary: '路演议程 / The agenda of an event: accepted presentations in their slots' })
  agenda(@CurrentActor() actor: Actor | null, @Param('id', ParseUUIDPipe) id: string): Promise<AgendaResponse> {
    return this.programme.agenda(actor, id);
  }

  @Post(':id/participants')
  @ApiOperation({ summary: '企业报名 / Enterprise registers (waiting list beyond capacity)' })
  @ApiCreatedResponse({ type: ParticipantResponse })
  register(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RegisterParticipantDto): Promise<ParticipantResponse> {
    return this.registrations.register(actor, id, dto);
  }

  @Get(':id/participants')
  @ApiOperation({ summary: '报名企业 / List the registered enterprises of an event (the organiser)' })
  @ApiOkResponse({ type: PageResponseOf(ParticipantResponse) })
  participants(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Query() q: PageQuery): Promise<Page<ParticipantResponse>> {
    return this.registrations.listParticipants(actor, id, q);
  }

  @Get(':id/participants/me')
  @ApiOperation({ summary: '我的报名 / The caller\'s own registration for an event' })
  @ApiOkResponse({ type: ParticipantResponse })
  myRegistration(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ParticipantResponse> {
    return this.registrations.myRegistration(actor, id);
  }

  @Delete(':id/participants/me')
  @ApiOperation({ summary: 'Withdraw: the waiting list moves up; scheduled meetings are re-planned' })
  @ApiOkResponse({ type: ParticipantResponse })
  withdraw(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ParticipantResponse> {
    return this.registrations.cancelRegistration(actor, id);
  }

  @Post(':id/meeting-requests')
  @ApiOperation({ summary: '预约洽谈 / Rank a presenter: must-meet or would-like' })
  @ApiCreatedResponse({ type: MeetingRequestResponse })
  requestMeeting(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: MeetingRequestDto): Promise<MeetingRequestResponse> {
    return this.meetingRequests.requestMeeting(actor, id, dto);
  }

  @Get(':id/meeting-requests')
  @ApiOperation({ summary: '洽谈预约列表 / List meeting requests (an enterprise its own; the organiser all)' })
  @ApiOkResponse({ type: [MeetingRequestResponse] })
  requests(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<MeetingRequestResponse[]> {
    return this.meetingRequests.listRequests(actor, id);
  }

  @Delete(':id/meeting-requests/:requestId')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw a meeting request (enterprise: its own; organiser: a suggestion). After scheduling, its meeting is cancelled and re-planned' })
  @ApiOkResponse({ type: WithdrawMeetingRequestResponse })
  withdrawRequest(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('requestId', ParseUUIDPipe) requestId: string,
  ): Promise<WithdrawMeetingRequestResponse> {
    return this.meetingRequests.withdrawRequest(actor, id, requestId);
  }

  @Post(':id/meeting-suggestions')
  @ApiOperation({ summary: 'Organiser adds suggestions from match scores' })
  @ApiCreatedResponse({ type: [MeetingRequestResponse] })
  suggest(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AddSuggestionsDto): Promise<MeetingRequestResponse[]> {
    return this.meetingRequests.addSuggestions(actor, id, dto);
  }

  @Get(':id/schedule-preview')
  @ApiOperation({ summary: 'What the scheduler would produce now (deterministic), with the upper bound' })
  @ApiOkResponse({ type: SchedulePreviewResponse })
  preview(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<SchedulePreviewResponse> {
    return this.schedule.previewSchedule(actor, id);
  }

  @Get(':id/meetings')
  @ApiOperation({ summary: '洽谈日程 / List the scheduled meetings of an event (the organiser)' })
  @ApiOkResponse({ type: [MeetingResponse] })
  meetings(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<MeetingResponse[]> {
    return this.schedule.listMeetings(actor, id);
  }

  @Get(':id/my-schedule')
  @ApiOkResponse({ type: MyScheduleResponse })
  @ApiOperation({ summary: '我的日程 / The caller\'s own meetings at an event' })
  mySchedule(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<MyScheduleResponse> {
    return this.schedule.mySchedule(actor, id);
  }

  @Get(':id/my-schedule.ics')
  @Header('content-type', 'text/calendar; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="roadshow-schedule.ics"')
  @ApiProduces('text/calendar')
  @ApiOperation({ summary: '导出日程 / The caller\'s own meetings as an iCalendar file' })
  @ApiFileResponse('iCalendar file of the caller\'s meetings', 'text/calendar')
  myScheduleIcs(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<string> {
    return this.schedule.myScheduleIcs(actor, id);
  }

  @Post(':id/meetings/:meetingId/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel one meeting: only affected meetings are re-planned and only their parties notified' })
  @ApiOkResponse({ type: ReplanResponse })
  cancelMeeting(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('meetingId', ParseUUIDPipe) meetingId: string,
    @Body() dto: CancelMeetingDto,
  ): Promise<ReplanResponse> {
    return this.schedule.cancelMeeting(actor, id, meetingId, dto.reason);
  }

  @Post(':id/meetings/:meetingId/outcome')
  @HttpCode(200)
  @ApiOperation({ summary: '洽谈结果 / Record the outcome of a meeting (its parties or the organiser)' })
  @ApiOkResponse({ type: MeetingResponse })
  outcome(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('meetingId', ParseUUIDPipe) meetingId: string,
    @Body() dto: RecordOutcomeDto,
  ): Promise<MeetingResponse> {
    return this.outcomes.recordOutcome(actor, id, meetingId, dto);
  }

  @Get(':id/report')
  @ApiOkResponse({ type: EventReportResponse })
  @ApiOperation({ summary: '活动报告 / The report of a held event: attendance, meetings and outcomes' })
  report(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<EventReportResponse> {
    return this.reports.report(actor, id);
  }
}
