import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsDateString, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUrl, IsUUID, Length, Matches, Max,
  MaxLength, Min, ValidateNested,
} from 'class-validator';
import { INDUSTRY_CODES, PageQuery, PARK_CODES } from '@techbridge/platform';
import { EventDay, EventStatus, RoadshowEvent, ROADSHOW_KINDS, RoadshowKind } from '../entities/roadshow-event.entity';
import { Presentation, PresentationOrigin, PresentationStatus } from '../entities/presentation.entity';
import { Participant, ParticipantStatus } from '../entities/participant.entity';
import { MeetingRequest, MeetingRequestKind } from '../entities/meeting-request.entity';
import { Meeting, MeetingOutcome } from '../entities/meeting.entity';
import { RoadshowSession } from '../entities/roadshow-session.entity';
import { allowedEventActions, EventAction } from '../roadshow.state-machine';

// ---------- requests ----------

export class EventDayDto implements EventDay {
  @ApiProperty({ example: '2026-06-10' }) @Matches(/^\d{4}-\d{2}-\d{2}$/) date!: string;
  @ApiProperty({ example: '09:00' }) @Matches(/^([01]\d|2[0-3]):[0-5]\d$/) opensAt!: string;
  @ApiProperty({ example: '17:00' }) @Matches(/^([01]\d|2[0-3]):[0-5]\d$/) closesAt!: string;
}

export class CreateEventDto {
  @ApiProperty() @IsString() @Length(2, 200) title!: string;
  @ApiPropertyOptional({ enum: ROADSHOW_KINDS, default: 'technology', description: 'investor: presenters pitch to verified investment funds, who attend and ask for 1:1 meetings' })
  @IsOptional() @IsIn(ROADSHOW_KINDS) kind?: RoadshowKind;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) description?: string;
  @ApiProperty({ enum: INDUSTRY_CODES, isArray: true }) @IsArray() @ArrayUnique() @ArrayMaxSize(9) @IsIn(INDUSTRY_CODES, { each: true }) themeIndustries!: string[];
  @ApiPropertyOptional({ enum: PARK_CODES }) @IsOptional() @IsIn(PARK_CODES) parkCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(2, 300) venue?: string;
  @ApiPropertyOptional() @IsOptional() @IsUrl({ require_protocol: true }) onlineLink?: string;
  @ApiProperty({ type: [EventDayDto] }) @IsArray() @ArrayMaxSize(14) @ValidateNested({ each: true }) @Type(() => EventDayDto) days!: EventDayDto[];
  @ApiProperty({ minimum: 5, maximum: 480 }) @IsInt() @Min(5) @Max(480) slotMinutes!: number;
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) @Max(500) tableCount!: number;
  @ApiProperty({ minimum: 1, description: 'Enterprises admitted; later registrations join the waiting list' }) @IsInt() @Min(1) @Max(10000) capacity!: number;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @IsInt() @Min(1) @Max(20) sessionRooms?: number;
  @ApiPropertyOptional({ default: 15 }) @IsOptional() @IsInt() @Min(5) @Max(120) presentationMinutes?: number;
  @ApiPropertyOptional({ default: 6 }) @IsOptional() @IsInt() @Min(1) @Max(50) maxMeetingsPerEnterprise?: number;
  @ApiPropertyOptional({ description: 'Counts toward the zone target of five large events a year' }) @IsOptional() @IsBoolean() large?: boolean;
  @ApiProperty() @IsDateString() registrationOpensAt!: string;
  @ApiProperty() @IsDateString() registrationClosesAt!: string;
  @ApiPropertyOptional({ description: 'Responsible broker (a user of the organiser); defaults to the creator' }) @IsOptional() @IsUUID() responsibleUserId?: string;
}

export class EventTransitionDto {
  @ApiProperty({ enum: ['open-registration', 'close-registration', 'mark-held', 'close', 'cancel'] })
  @IsIn(['open-registration', 'close-registration', 'mark-held', 'close', 'cancel'])
  action!: EventAction;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) reason?: string;
}

export class EventListQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year?: number;
  @ApiPropertyOptional({ enum: ['planned', 'registration-open', 'scheduled', 'held', 'closed', 'cancelled'] })
  @IsOptional()
  @IsIn(['planned', 'registration-open', 'scheduled', 'held', 'closed', 'cancelled'])
  status?: EventStatus;
  @ApiPropertyOptional({ enum: PARK_CODES }) @IsOptional() @IsIn(PARK_CODES) parkCode?: string;
}

export class PlanQuery {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year!: number;
}

export class ApplyPresentationDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID() achievementId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() packageId?: string;
}

export class InvitePresentationDto extends ApplyPresentationDto {}

export class DecidePresentationDto {
  @ApiProperty({ enum: ['accept', 'decline', 'withdraw'] }) @IsIn(['accept', 'decline', 'withdraw']) decision!: 'accept' | 'decline' | 'withdraw';
}

export class RegisterParticipantDto {
  @ApiPropertyOptional({ enum: INDUSTRY_CODES, isArray: true }) @IsOptional() @IsArray() @ArrayUnique() @IsIn(INDUSTRY_CODES, { each: true }) industries?: string[];
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(50) @IsUUID('all', { each: true }) demandIds?: string[];
  @ApiPropertyOptional({ type: [Number], description: 'Meeting slot indices the enterprise can attend (default all)' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(0, { each: true })
  availableSlots?: number[];
  @ApiPropertyOptional({ default: true, description: 'Join the waiting list when the event is full (false: refuse with 409)' }) @IsOptional() @IsBoolean() waitlist?: boolean;
}

export class MeetingRequestDto {
  @ApiProperty() @IsUUID() presentationId!: string;
  @ApiProperty({ enum: ['must-meet', 'would-like'] }) @IsIn(['must-meet', 'would-like']) kind!: 'must-meet' | 'would-like';
}

export class SuggestionDto {
  @ApiProperty() @IsUUID() enterpriseOrgId!: string;
  @ApiProperty() @IsUUID() presentationId!: string;
  @ApiProperty({ minimum: 0, maximum: 100 }) @IsNumber() @Min(0) @Max(100) score!: number;
}

export class AddSuggestionsDto {
  @ApiPropertyOptional({ type: [SuggestionDto], description: 'Explicit suggestions; when omitted, computed from the matching engine' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => SuggestionDto)
  suggestions?: SuggestionDto[];
  @ApiPropertyOptional({ default: 60 }) @IsOptional() @IsNumber() @Min(0) @Max(100) minScore?: number;
}

export class CancelMeetingDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) reason?: string;
}

export class RecordOutcomeDto {
  @ApiProperty({ enum: ['intention', 'no-interest', 'no-show'] }) @IsIn(['intention', 'no-interest', 'no-show']) outcome!: MeetingOutcome;
  @ApiPropertyOptional({ description: 'Required for no-interest' }) @IsOptional() @IsString() @Length(2, 1000) reason?: string;
}

// ---------- responses ----------

export class EventResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ROADSHOW_KINDS }) kind!: RoadshowKind;
  @ApiProperty() organiserOrgId!: string;
  @ApiProperty() responsibleUserId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: [String] }) themeIndustries!: string[];
  @ApiProperty({ type: String, nullable: true }) parkCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) venue!: string | null;
  @ApiProperty({ type: String, nullable: true }) onlineLink!: string | null;
  @ApiProperty({ type: [EventDayDto] }) days!: EventDay[];
  @ApiProperty() startsAt!: string;
  @ApiProperty() endsAt!: string;
  @ApiProperty() slotMinutes!: number;
  @ApiProperty() slotCount!: number;
  @ApiProperty() tableCount!: number;
  @ApiProperty() capacity!: number;
  @ApiProperty() sessionRooms!: number;
  @ApiProperty() presentationMinutes!: number;
  @ApiProperty() maxMeetingsPerEnterprise!: number;
  @ApiProperty() large!: boolean;
  @ApiProperty() registrationOpensAt!: string;
  @ApiProperty() registrationClosesAt!: string;
  @ApiProperty() status!: EventStatus;
  @ApiProperty({ type: [String] }) allowedActions!: EventAction[];
  @ApiProperty({ type: String, nullable: true }) cancelReason!: string | null;
  @ApiProperty({ type: String, nullable: true }) agendaBuiltAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) meetingsScheduledAt!: string | null;
  @ApiPropertyOptional() registeredCount?: number;
  @ApiPropertyOptional() waitlistCount?: number;
  @ApiProperty() version!: number;
}

export function mapEvent(e: RoadshowEvent, slotCount: number, counts?: { registered: number; waitlisted: number }): EventResponse {
  return {
    id: e.id,
    kind: e.kind,
    organiserOrgId: e.organiserOrgId,
    responsibleUserId: e.responsibleUserId,
    title: e.title,
    description: e.description,
    themeIndustries: [...e.themeIndustries],
    parkCode: e.parkCode,
    venue: e.venue,
    onlineLink: e.onlineLink,
    days: e.days.map((d) => ({ ...d })),
    startsAt: e.startsAt.toISOString(),
    endsAt: e.endsAt.toISOString(),
    slotMinutes: e.slotMinutes,
    slotCount,
    tableCount: e.tableCount,
    capacity: e.capacity,
    sessionRooms: e.sessionRooms,
    presentationMinutes: e.presentationMinutes,
    maxMeetingsPerEnterprise: e.maxMeetingsPerEnterprise,
    large: e.large,
    registrationOpensAt: e.registrationOpensAt.toISOString(),
    registrationClosesAt: e.registrationClosesAt.toISOString(),
    status: e.status,
    allowedActions: allowedEventActions(e.status),
    cancelReason: e.cancelReason,
    agendaBuiltAt: e.agendaBuiltAt?.toISOString() ?? null,
    meetingsScheduledAt: e.meetingsScheduledAt?.toISOString() ?? null,
    ...(counts ? { registeredCount: counts.registered, waitlistCount: counts.waitlisted } : {}),
    version: e.version,
  };
}

export class PlanMonthResponse {
  @ApiProperty() month!: number;
  @ApiProperty({ type: [EventResponse] }) events!: EventResponse[];
}

export class YearPlanResponse {
  @ApiProperty() year!: number;
  @ApiProperty({ description: 'Zone target of large events a year' }) target!: number;
  @ApiProperty({ description: 'Large events not cancelled' }) largeEvents!: number;
  @ApiProperty() heldLargeEvents!: number;
  @ApiProperty() reachesTarget!: boolean;
  @ApiProperty() shortfall!: number;
  @ApiProperty({ type: [PlanMonthResponse] }) months!: PlanMonthResponse[];
}

export class PresentationResponse {
  @ApiProperty() id!: string;
  @ApiProperty() eventId!: string;
  @ApiProperty() presenterOrgId!: string;
  @ApiProperty({ type: String, nullable: true }) achievementId!: string | null;
  @ApiProperty({ type: String, nullable: true }) packageId!: string | null;
  @ApiProperty() title!: string;
  @ApiProperty() industry!: string;
  @ApiProperty() origin!: PresentationOrigin;
  @ApiProperty() status!: PresentationStatus;
  @ApiProperty({ type: String, nullable: true }) sessionId!: string | null;
  @ApiProperty({ type: String, nullable: true }) startsAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) endsAt!: string | null;
}

export function mapPresentation(p: Presentation): PresentationResponse {
  return {
    id: p.id,
    eventId: p.eventId,
    presenterOrgId: p.presenterOrgId,
    achievementId: p.achievementId,
    packageId: p.packageId,
    title: p.title,
    industry: p.industry,
    origin: p.origin,
    status: p.status,
    sessionId: p.sessionId,
    startsAt: p.startsAt?.toISOString() ?? null,
    endsAt: p.endsAt?.toISOString() ?? null,
  };
}

export class SessionResponse {
  @ApiProperty() id!: string;
  @ApiProperty() theme!: string;
  @ApiProperty() room!: number;
  @ApiProperty() startsAt!: string;
  @ApiProperty() endsAt!: string;
  @ApiProperty({ type: [PresentationResponse] }) presentations!: PresentationResponse[];
}

export function mapSession(s: RoadshowSession, presentations: Presentation[]): SessionResponse {
  return {
    id: s.id,
    theme: s.theme,
    room: s.room,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    presentations: presentations
      .filter((p) => p.sessionId === s.id)
      .sort((a, b) => (a.startsAt?.getTime() ?? 0) - (b.startsAt?.getTime() ?? 0))
      .map(mapPresentation),
  };
}

export class AgendaResponse {
  @ApiProperty() eventId!: string;
  @ApiProperty({ type: String, nullable: true }) builtAt!: string | null;
  @ApiProperty({ type: [SessionResponse] }) sessions!: SessionResponse[];
  @ApiProperty({ type: [PresentationResponse], description: 'Accepted presentations that did not fit the opening hours' }) unplaced!: PresentationResponse[];
}

export class ParticipantResponse {
  @ApiProperty() id!: string;
  @ApiProperty() eventId!: string;
  @ApiProperty() enterpriseOrgId!: string;
  @ApiProperty({ type: [String] }) industries!: string[];
  @ApiProperty({ type: [String] }) demandIds!: string[];
  @ApiProperty({ nullable: true, type: [Number] }) availableSlots!: number[] | null;
  @ApiProperty() status!: ParticipantStatus;
  @ApiProperty({ type: Number, nullable: true, description: '1-based place on the waiting list' }) waitlistPosition!: number | null;
  @ApiProperty() registeredAt!: string;
}

export function mapParticipant(p: Participant, waitlistPosition: number | null = null): ParticipantResponse {
  return {
    id: p.id,
    eventId: p.eventId,
    enterpriseOrgId: p.enterpriseOrgId,
    industries: [...p.industries],
    demandIds: [...p.demandIds],
    availableSlots: p.availableSlots ? [...p.availableSlots] : null,
    status: p.status,
    waitlistPosition,
    registeredAt: p.createdAt.toISOString(),
  };
}

export class MeetingRequestResponse {
  @ApiProperty() id!: string;
  @ApiProperty() eventId!: string;
  @ApiProperty() enterpriseOrgId!: string;
  @ApiProperty() presentationId!: string;
  @ApiProperty() presenterOrgId!: string;
  @ApiProperty() kind!: MeetingRequestKind;
  @ApiProperty() priority!: number;
  @ApiProperty({ type: Number, nullable: true }) matchScore!: number | null;
  @ApiProperty() status!: string;
}

export function mapMeetingRequest(r: MeetingRequest): MeetingRequestResponse {
  return {
    id: r.id,
    eventId: r.eventId,
    enterpriseOrgId: r.enterpriseOrgId,
    presentationId: r.presentationId,
    presenterOrgId: r.presenterOrgId,
    kind: r.kind,
    priority: Number(r.priority),
    matchScore: r.matchScore === null ? null : Number(r.matchScore),
    status: r.status,
  };
}

export class MeetingResponse {
  @ApiProperty() id!: string;
  @ApiProperty() eventId!: string;
  @ApiProperty() requestId!: string;
  @ApiProperty() enterpriseOrgId!: string;
  @ApiProperty() presenterOrgId!: string;
  @ApiProperty() presentationId!: string;
  @ApiProperty() slotIndex!: number;
  @ApiProperty({ description: '1-based table number as shown at the venue' }) table!: number;
  @ApiProperty() startsAt!: string;
  @ApiProperty() endsAt!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ nullable: true }) outcome!: MeetingOutcome | null;
  @ApiProperty({ type: String, nullable: true }) outcomeReason!: string | null;
  @ApiProperty({ type: [String], description: 'Broker-pipeline matches this meeting moved forward' }) advancedMatchIds!: string[];
}

export function mapMeeting(m: Meeting): MeetingResponse {
  return {
    id: m.id,
    eventId: m.eventId,
    requestId: m.requestId,
    enterpriseOrgId: m.enterpriseOrgId,
    presenterOrgId: m.presenterOrgId,
    presentationId: m.presentationId,
    slotIndex: m.slotIndex,
    table: m.tableNumber + 1,
    startsAt: m.startsAt.toISOString(),
    endsAt: m.endsAt.toISOString(),
    status: m.status,
    outcome: m.outcome,
    outcomeReason: m.outcomeReason,
    advancedMatchIds: [...(m.advancedMatchIds ?? [])],
  };
}

export class ScheduleStatsResponse {
  @ApiProperty() requests!: number;
  @ApiProperty() scheduled!: number;
  @ApiProperty() totalPriority!: number;
  @ApiProperty() upperBound!: number;
  @ApiProperty() ratio!: number;
}

export class PreviewMeetingResponse {
  @ApiProperty() requestId!: string;
  @ApiProperty() slotIndex!: number;
  @ApiProperty({ description: '1-based table number' }) table!: number;
}

/** What the scheduler would produce now; nothing is stored. */
export class SchedulePreviewResponse {
  @ApiProperty({ type: [PreviewMeetingResponse] }) meetings!: PreviewMeetingResponse[];
  @ApiProperty({ type: ScheduleStatsResponse }) stats!: ScheduleStatsResponse;
}

export class MyScheduleResponse {
  @ApiProperty() eventId!: string;
  @ApiProperty() orgId!: string;
  @ApiProperty({ type: [MeetingResponse] }) meetings!: MeetingResponse[];
  @ApiProperty({ type: [PresentationResponse] }) presentations!: PresentationResponse[];
}

export class ReplanResponse {
  @ApiProperty({ type: [String] }) cancelledMeetingIds!: string[];
  @ApiProperty({ type: [MeetingResponse] }) addedMeetings!: MeetingResponse[];
  @ApiProperty({ type: [String], description: 'Organisations notified: only those whose schedule changed' }) notifiedOrgIds!: string[];
}

/** DELETE of a meeting request: removed outright before meetings are scheduled, cancelled (and re-planned) after. */
export class WithdrawMeetingRequestResponse {
  @ApiProperty() requestId!: string;
  @ApiProperty({ enum: ['deleted', 'cancelled'] }) outcome!: 'deleted' | 'cancelled';
  @ApiProperty({ type: ReplanResponse, nullable: true, description: 'Only when a scheduled meeting was affected' }) replan!: ReplanResponse | null;
}

export class EventReportResponse {
  @ApiProperty() eventId!: string;
  @ApiProperty() status!: EventStatus;
  @ApiProperty() presentations!: { applied: number; accepted: number; declined: number; placed: number };
  @ApiProperty() participants!: { registered: number; waitlisted: number; cancelled: number };
  @ApiProperty() meetings!: { requested: number; scheduled: number; cancelled: number; held: number; noShows: number; intentions: number; noInterest: number; outcomePending: number };
  @ApiProperty() scheduling!: { totalPriority: number; mustMeetRequested: number; mustMeetScheduled: number };
  @ApiProperty({ description: 'Broker-pipeline matches moved forward by recorded intentions' }) matchesMovedForward!: number;
  @ApiProperty({ type: [Object] }) noInterestReasons!: Array<{ meetingId: string; reason: string }>;
}

/** A roadshow event as the market shows an auction held as one of its sessions (路演/对接会 with a live auction). */
export class AuctionSessionRecord {
  @ApiProperty() eventId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, nullable: true }) venue!: string | null;
  @ApiProperty({ type: String, nullable: true }) onlineLink!: string | null;
  @ApiProperty() startsAt!: string;
  @ApiProperty() endsAt!: string;
}

/** An event that took place, as monitoring counts it (the monitoring feed). */
export class HeldEventRecord {
  id!: string;
  parkCode!: string | null;
  large!: boolean;
  /** Meetings that took place: an outcome other than a no-show was recorded. */
  meetingIds!: string[];
  /** Meetings whose outcome was an intention. */
  intentionMeetingIds!: string[];
}

/** An investor roadshow's funds and accepted presentations (finance scores the pairs). */
export interface InvestorRoadshowRecord {
  fundOrgIds: string[];
  presentations: Array<{ id: string; presenterOrgId: string }>;
}
