import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  Actor, actsAs, Clock, DomainError, hasRole, isPlatformStaff, JobName, JobQueue, OrgType, OutboxService, Page, pageOf, Role, TransactionRunner,
} from '@techbridge/platform';
import { CatalogService } from '@techbridge/catalog';
import { DemandService } from '@techbridge/demand';
import { MatchingService, MatchPipelineService } from '@techbridge/matching';
import { NewNotification, NotificationService } from '@techbridge/notification';
import { planAgenda } from './agenda/agenda-planner';
import {
  AddSuggestionsDto, AgendaResponse, ApplyPresentationDto, CreateEventDto, EventListQuery, EventReportResponse, EventResponse, mapEvent, mapMeeting,
  mapMeetingRequest, mapParticipant, mapPresentation, mapSession, MeetingRequestDto, MeetingRequestResponse, MeetingResponse, MyScheduleResponse,
  ParticipantResponse, PresentationResponse, RecordOutcomeDto, RegisterParticipantDto, ReplanResponse, ScheduleStatsResponse, YearPlanResponse,
  WithdrawMeetingRequestResponse,
} from './dto/roadshow.dto';
import { MeetingRequest, MeetingRequestKind } from './entities/meeting-request.entity';
import { Meeting } from './entities/meeting.entity';
import { Participant } from './entities/participant.entity';
import { Presentation } from './entities/presentation.entity';
import { EventStatus, RoadshowEvent } from './entities/roadshow-event.entity';
import { dayIntervals, meetingSlots, MeetingSlot, validateSchedule } from './event-calendar';
import { buildIcs } from './ics';
import { RoadshowErrors } from './roadshow.exception';
import { RoadshowRepository } from './roadshow.repository';
import { EventAction, nextEventStatus } from './roadshow.state-machine';
import { replanMeetings, scheduleMeetings } from './scheduling/meeting-scheduler';
import { Cancellation, PRIORITY_MUST_MEET, PRIORITY_WOULD_LIKE, ScheduleResult, suggestionPriority } from './scheduling/meeting-scheduler.types';
import { buildScheduleInput } from './scheduling/schedule-input';

/** The zone's yearly target of large roadshows. */
export const LARGE_EVENTS_TARGET = 5;
export const MAX_MUST_MEETS = 5;
const MAX_PER_SESSION = 6;
const HOUR = 3600_000;
export const REMINDER_LEADS = { '24h': 24 * HOUR, '1h': HOUR } as const;
export type ReminderLead = keyof typeof REMINDER_LEADS;
export const FOLLOW_UP_DELAY_MS = 7 * 24 * HOUR;

export function reminderJobId(meetingId: string, lead: ReminderLead): string {
  return `roadshow:meeting:${meetingId}:remind-${lead}`;
}

/** An intention recorded after a meeting: what the match pipeline picks up. */
export interface RoadshowIntention {
  meetingId: string;
  eventId: string;
  enterpriseOrgId: string;
  presenterOrgId: string;
  achievementId: string | null;
  packageId: string | null;
  demandIds: string[];
  recordedAt: string;
}

@Injectable()
export class RoadshowService {
  private readonly logger = new Logger('RoadshowService');

  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: RoadshowRepository,
    private readonly outbox: OutboxService,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
    private readonly notifications: NotificationService,
    private readonly catalog: CatalogService,
    private readonly demands: DemandService,
    private readonly matching: MatchingService,
    private readonly pipeline: MatchPipelineService,
  ) {}

  // ---------------- permissions ----------------

  private canOrganise(actor: Actor): boolean {
    return (
      isPlatformStaff(actor) ||
      hasRole(actor, Role.Broker) ||
      (actsAs(actor, OrgType.TransferInstitution, OrgType.ParkAdministration) && hasRole(actor, Role.OrgAdmin))
    );
  }

  private isOrganiser(actor: Actor | null, e: RoadshowEvent): boolean {
    return !!actor && (isPlatformStaff(actor) || actor.orgId === e.organiserOrgId);
  }

  /** Planned events are the organiser's drafts: everyone else gets a 404. */
  private async loadVisible(m: EntityManager, actor: Actor | null, id: string, lock = false): Promise<RoadshowEvent> {
    const e = await this.repo.findEvent(m, id, lock);
    if (!e || (e.status === 'planned' && !this.isOrganiser(actor, e))) throw RoadshowErrors.eventNotFound();
    return e;
  }

  private async loadOrganised(m: EntityManager, actor: Actor, id: string, lock = false): Promise<RoadshowEvent> {
    const e = await this.loadVisible(m, actor, id, lock);
    if (!this.isOrganiser(actor, e)) throw RoadshowErrors.notOrganiser();
    return e;
  }

  private slotsOf(e: RoadshowEvent): MeetingSlot[] {
    return meetingSlots(e.days, e.slotMinutes);
  }

  // ---------------- events ----------------

  async createEvent(actor: Actor, dto: CreateEventDto): Promise<EventResponse> {
    if (!this.canOrganise(actor)) throw RoadshowErrors.notOrganiser();
    const errors = validateSchedule(dto.days, dto.slotMinutes);
    if (!dto.venue && !dto.onlineLink) errors.push({ field: 'venue', message: 'a venue or an online link is required', code: 'venueOrLink' });
    const opens = new Date(dto.registrationOpensAt);
    const closes = new Date(dto.registrationClosesAt);
    if (closes <= opens) errors.push({ field: 'registrationClosesAt', message: 'must be after registrationOpensAt', code: 'windowOrder' });
    const intervals = errors.length ? [] : dayIntervals(dto.days);
    if (intervals.length && closes > intervals[0].startsAt) {
      errors.push({ field: 'registrationClosesAt', message: 'registration must close before the event starts', code: 'closesAfterStart' });
    }
    if (errors.length) throw RoadshowErrors.invalidSchedule(errors);
    const saved = await this.tx.run(async (m) =>
      this.repo.saveEvent(m, {
        organiserOrgId: actor.orgId,
        responsibleUserId: actor.userId,
        title: dto.title.trim(),
        description: dto.description ?? '',
        themeIndustries: dto.themeIndustries,
        parkCode: dto.parkCode ?? null,
        venue: dto.venue ?? null,
        onlineLink: dto.onlineLink ?? null,
        days: dto.days.map((d) => ({ date: d.date, opensAt: d.opensAt, closesAt: d.closesAt })),
        startsAt: intervals[0].startsAt,
        endsAt: intervals[intervals.length - 1].endsAt,
        slotMinutes: dto.slotMinutes,
        tableCount: dto.tableCount,
        capacity: dto.capacity,
        sessionRooms: dto.sessionRooms ?? 1,
        presentationMinutes: dto.presentationMinutes ?? 15,
        maxMeetingsPerEnterprise: dto.maxMeetingsPerEnterprise ?? 6,
        large: dto.large ?? false,
        registrationOpensAt: opens,
        registrationClosesAt: closes,
        status: 'planned',
      }),
    );
    return mapEvent(saved, this.slotsOf(saved).length, { registered: 0, waitlisted: 0 });
  }

  async getEvent(actor: Actor | null, id: string): Promise<EventResponse> {
    const m = this.tx.manager;
    const e = await this.loadVisible(m, actor, id);
    const [registered, waitlisted] = await Promise.all([this.repo.countParticipants(m, id, 'registered'), this.repo.countParticipants(m, id, 'waitlisted')]);
    return mapEvent(e, this.slotsOf(e).length, { registered, waitlisted });
  }

  async listEvents(actor: Actor | null, q: EventListQuery): Promise<Page<EventResponse>> {
    const [rows, total] = await this.repo.listEvents(this.tx.manager, q, { orgId: actor?.orgId ?? null, all: isPlatformStaff(actor) });
    return pageOf(rows.map((e) => mapEvent(e, this.slotsOf(e).length)), total, q);
  }

  /** The yearly plan: events by month and whether the zone reaches its target of large events. */
  async yearPlan(actor: Actor | null, year: number): Promise<YearPlanResponse> {
    const rows = (await this.repo.eventsOfYear(this.tx.manager, year)).filter((e) => e.status !== 'planned' || this.isOrganiser(actor, e) || isPlatformStaff(actor));
    const large = rows.filter((e) => e.large && e.status !== 'cancelled');
    const months = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, events: [] as EventResponse[] }));
    for (const e of rows) {
      const month = new Date(e.startsAt.getTime() + 8 * HOUR).getUTCMonth();
      months[month].events.push(mapEvent(e, this.slotsOf(e).length));
    }
    return {
      year,
      target: LARGE_EVENTS_TARGET,
      largeEvents: large.length,
      heldLargeEvents: large.filter((e) => e.status === 'held' || e.status === 'closed').length,
      reachesTarget: large.length >= LARGE_EVENTS_TARGET,
      shortfall: Math.max(0, LARGE_EVENTS_TARGET - large.length),
      months,
    };
  }

  async transition(actor: Actor, id: string, action: EventAction, reason?: string): Promise<EventResponse> {
    const cancelledMeetings: string[] = [];
    const saved = await this.tx.run(async (m) => {
      const e = await this.loadOrganised(m, actor, id, true);
      const next = nextEventStatus(e.status, action);
      const now = this.clock.now();
      if (action === 'mark-held' && now < e.startsAt) throw DomainError.illegalTransition('roadshow event', e.status, action);
      if (action === 'open-registration') {
        // Registration closes by itself at the end of the window; the handler skips if the organiser closed it first.
        await this.outbox.enqueue(m, JobName.RoadshowCloseRegistration, { eventId: e.id }, { jobId: `roadshow:${e.id}:close-registration`, delayMs: e.registrationClosesAt.getTime() - now.getTime() });
      }
      if (action === 'close-registration') await this.afterRegistrationClosed(m, e, now);
      if (action === 'cancel') {
        e.cancelReason = reason ?? null;
        const meetings = await this.repo.scheduledMeetings(m, e.id);
        await this.repo.cancelMeetings(m, meetings.map((x) => x.id), now, 'event-cancelled');
        cancelledMeetings.push(...meetings.map((x) => x.id));
        const orgs = new Set<string>([...(await this.repo.participantsOf(m, e.id, ['registered', 'waitlisted'])).map((p) => p.enterpriseOrgId), ...(await this.repo.presentationsOf(m, e.id, ['applied', 'invited', 'accepted'])).map((p) => p.presenterOrgId)]);
        await this.notifications.notify(
          [...orgs].map((orgId) => ({
            orgId,
            kind: 'roadshow.cancelled',
            title: { zh: `路演活动「${e.title}」已取消`, en: `Roadshow '${e.title}' was cancelled` },
            body: { zh: reason ?? '', en: reason ?? '' },
            link: `/roadshows/${e.id}`,
            dedupeKey: `roadshow:${e.id}:cancelled:${orgId}`,
          })),
          m,
        );
      }
      e.status = next;
      return this.repo.saveEvent(m, e);
    });
    await this.cancelReminders(cancelledMeetings);
    return mapEvent(saved, this.slotsOf(saved).length);
  }

  /** Registration closed: build the agenda (which then schedules meetings) and plan the follow-up 7 days after the event. */
  private async afterRegistrationClosed(m: EntityManager, e: RoadshowEvent, now: Date): Promise<void> {
    await this.outbox.enqueue(m, JobName.RoadshowBuildAgenda, { eventId: e.id }, { jobId: `roadshow:${e.id}:build-agenda` });
    await this.outbox.enqueue(m, JobName.RoadshowFollowUp, { eventId: e.id }, { jobId: `roadshow:${e.id}:follow-up`, delayMs: e.endsAt.getTime() + FOLLOW_UP_DELAY_MS - now.getTime() });
  }

  /** Job: the registration window ended. Skips when the organiser already closed it (or cancelled). */
  async closeRegistrationOnTime(eventId: string): Promise<void> {
    const early = await this.tx.run(async (m) => {
      const e = await this.repo.findEvent(m, eventId, true);
      if (!e || e.status !== 'registration-open') return null;
      const now = this.clock.now();
      // Fired before the window ends (clock skew, a job promoted by hand): come back when it does.
      if (now < e.registrationClosesAt) return { at: now, delayMs: e.registrationClosesAt.getTime() - now.getTime() };
      e.status = nextEventStatus(e.status, 'close-registration');
      await this.afterRegistrationClosed(m, e, now);
      await this.repo.saveEvent(m, e);
      return null;
    });
    if (early) await this.jobs.enqueue(JobName.RoadshowCloseRegistration, { eventId }, { jobId: `roadshow:${eventId}:close-registration:${early.at.getTime()}`, delayMs: early.delayMs });
  }

  // ---------------- presentations ----------------

  private async subjectOf(dto: ApplyPresentationDto): Promise<{ achievementId: string | null; packageId: string | null; ownerId: string; title: string; industry: string }> {
    if (!!dto.achievementId === !!dto.packageId) {
      throw DomainError.validation('achievementId', { zh: '请指定一个成果或一个技术包', en: 'Give exactly one of achievementId or packageId' }, 'exactlyOne');
    }
    if (dto.packageId) {
      // A technology package is presented by its curator organisation (the broker or transfer institution that built it).
      const p = await this.catalog.getPublishedPackage(dto.packageId);
      return { achievementId: null, packageId: p.id, ownerId: p.curatorOrgId, title: p.title, industry: p.industry };
    }
    const a = await this.catalog.getPublishedAchievement(dto.achievementId!);
    return { achievementId: a.id, packageId: null, ownerId: a.owner.id, title: a.title, industry: a.industry };
  }

  async applyPresentation(actor: Actor, eventId: string, dto: ApplyPresentationDto): Promise<PresentationResponse> {
    const subject = await this.subjectOf(dto);
    if (subject.ownerId !== actor.orgId) throw RoadshowErrors.notOwner(subject.packageId ? 'packageId' : 'achievementId');
    const saved = await this.tx.run(async (m) => {
      const e = await this.loadVisible(m, actor, eventId, true);
      if (e.status !== 'planned' && e.status !== 'registration-open') throw DomainError.illegalTransition('roadshow event', e.status, 'apply to present');
      if (await this.repo.activePresentationExists(m, eventId, subject)) throw RoadshowErrors.duplicatePresentation();
      const p = await this.repo.savePresentation(m, { eventId, presenterOrgId: actor.orgId, achievementId: subject.achievementId, packageId: subject.packageId, title: subject.title, industry: subject.industry, origin: 'application', status: 'applied' });
      await this.notifications.notify({ orgId: e.organiserOrgId, kind: 'roadshow.presentation-applied', title: { zh: `新的路演申请：${subject.title}`, en: `New presentation application: ${subject.title}` }, link: `/roadshows/${e.id}/presentations`, dedupeKey: `roadshow:presentation:${p.id}:applied` }, m);
      return p;
    });
    return mapPresentation(saved);
  }

  async invitePresentation(actor: Actor, eventId: string, dto: ApplyPresentationDto): Promise<PresentationResponse> {
    const subject = await this.subjectOf(dto);
    const saved = await this.tx.run(async (m) => {
      const e = await this.loadOrganised(m, actor, eventId, true);
      if (e.status !== 'planned' && e.status !== 'registration-open') throw DomainError.illegalTransition('roadshow event', e.status, 'invite a presenter');
      if (await this.repo.activePresentationExists(m, eventId, subject)) throw RoadshowErrors.duplicatePresentation();
      const p = await this.repo.savePresentation(m, { eventId, presenterOrgId: subject.ownerId, achievementId: subject.achievementId, packageId: subject.packageId, title: subject.title, industry: subject.industry, origin: 'invitation', status: 'invited' });
      await this.notifications.notify({ orgId: subject.ownerId, kind: 'roadshow.presentation-invited', title: { zh: `邀请您在「${e.title}」路演：${subject.title}`, en: `You are invited to present ${subject.title} at '${e.title}'` }, link: `/roadshows/${e.id}`, dedupeKey: `roadshow:presentation:${p.id}:invited` }, m);
      return p;
    });
    return mapPresentation(saved);
  }

  /** Organisers accept or decline applications; invited owners accept or decline invitations; owners may withdraw. */
  async decidePresentation(actor: Actor, eventId: string, presentationId: string, decision: 'accept' | 'decline' | 'withdraw'): Promise<PresentationResponse> {
    const saved = await this.tx.run(async (m) => {
      const e = await this.loadVisible(m, actor, eventId, true);
      const p = await this.repo.findPresentation(m, eventId, presentationId, true);
      const organiser = this.isOrganiser(actor, e);
      const owner = p?.presenterOrgId === actor.orgId;
      if (!p || (!organiser && !owner)) throw RoadshowErrors.presentationNotFound();
      if (e.status !== 'planned' && e.status !== 'registration-open') throw DomainError.illegalTransition('roadshow event', e.status, `${decision} a presentation`);
      const allowed =
        decision === 'withdraw'
          ? owner && ['applied', 'invited', 'accepted'].includes(p.status)
          : (organiser && p.status === 'applied') || (owner && p.status === 'invited');
      if (!allowed) throw RoadshowErrors.illegalPresentationStep(p.status, decision);
      p.status = decision === 'accept' ? 'accepted' : decision === 'decline' ? 'declined' : 'withdrawn';
      p.decidedAt = this.clock.now();
      const target = owner && !organiser ? e.organiserOrgId : p.presenterOrgId;
      await this.notifications.notify({ orgId: target, kind: `roadshow.presentation-${p.status}`, title: { zh: `路演项目「${p.title}」：${p.status}`, en: `Presentation '${p.title}': ${p.status}` }, link: `/roadshows/${e.id}`, dedupeKey: `roadshow:presentation:${p.id}:${p.status}` }, m);
      return this.repo.savePresentation(m, p);
    });
    return mapPresentation(saved);
  }

  async listPresentations(actor: Actor | null, eventId: string): Promise<PresentationResponse[]> {
    const m = this.tx.manager;
    const e = await this.loadVisible(m, actor, eventId);
    const rows = await this.repo.presentationsOf(m, eventId);
    // The public programme shows accepted presentations; organisers and presenters see their pending ones too.
    return rows.filter((p) => p.status === 'accepted' || this.isOrganiser(actor, e) || p.presenterOrgId === actor?.orgId).map(mapPresentation);
  }

  // ---------------- agenda ----------------

  /** Job: place accepted presentations into theme sessions, then hand over to meeting scheduling. Idempotent. */
  async buildAgenda(eventId: string): Promise<void> {
    await this.tx.run(async (m) => {
      const e = await this.repo.findEvent(m, eventId, true);
      if (!e || e.status !== 'scheduled') return;
      if (!e.agendaBuiltAt) {
        const accepted = await this.repo.presentationsOf(m, eventId, ['accepted']);
        const plan = planAgenda({
          presentations: accepted.map((p) => ({ id: p.id, presenterId: p.presenterOrgId, industry: p.industry, order: (p.decidedAt ?? p.createdAt).getTime() })),
          days: dayIntervals(e.days),
          rooms: e.sessionRooms,
          presentationMinutes: e.presentationMinutes,
          maxPerSession: MAX_PER_SESSION,
        });
        const sessions = await this.repo.replaceSessions(m, eventId, plan.sessions.map((s) => ({ eventId, theme: s.theme, room: s.room, startsAt: s.startsAt, endsAt: s.endsAt })));
        for (let i = 0; i < plan.sessions.length; i++) {
          for (const item of plan.sessions[i].items) await this.repo.placePresentation(m, item.presentationId, sessions[i].id, item.startsAt, item.endsAt);
        }
        const notes: NewNotification[] = [];
        for (const s of plan.sessions) {
          for (const item of s.items) {
            notes.push({ orgId: item.presenterId, kind: 'roadshow.agenda', title: { zh: `「${e.title}」路演时间已确定`, en: `Your presentation slot at '${e.title}' is set` }, body: { zh: `${item.startsAt.toISOString()}，${s.room + 1} 号会场`, en: `${item.startsAt.toISOString()}, room ${s.room + 1}` }, link: `/roadshows/${e.id}/agenda`, dedupeKey: `roadshow:agenda:${item.presentationId}` });
          }
        }
        await this.notifications.notify(notes, m);
        e.agendaBuiltAt = this.clock.now();
        await this.repo.saveEvent(m, e);
      }
      await this.outbox.enqueue(m, JobName.RoadshowScheduleMeetings, { eventId }, { jobId: `roadshow:${eventId}:schedule-meetings` });
    });
  }

  async agenda(actor: Actor | null, eventId: string): Promise<AgendaResponse> {
    const m = this.tx.manager;
    const e = await this.loadVisible(m, actor, eventId);
    const [sessions, presentations] = await Promise.all([this.repo.sessionsOf(m, eventId), this.repo.presentationsOf(m, eventId, ['accepted'])]);
    return {
      eventId,
      builtAt: e.agendaBuiltAt?.toISOString() ?? null,
      sessions: sessions.map((s) => mapSession(s, presentations)),
      unplaced: e.agendaBuiltAt ? presentations.filter((p) => !p.sessionId).map(mapPresentation) : [],
    };
  }

  // ---------------- participants ----------------

  async register(actor: Actor, eventId: string, dto: RegisterParticipantDto): Promise<ParticipantResponse> {
    if (actor.orgType !== OrgType.Enterprise) {
      throw new DomainError('forbidden', 'ROADSHOW_ENTERPRISES_ONLY', { zh: '只有企业可以报名参会', en: 'Only enterprises register as participants' });
    }
    if (dto.demandIds?.length) {
      const own = new Set((await this.demands.getDemandsByIds(dto.demandIds)).filter((d) => d.enterprise.id === actor.orgId).map((d) => d.id));
      const bad = dto.demandIds.findIndex((id) => !own.has(id));
      if (bad >= 0) throw DomainError.validation(`demandIds[${bad}]`, { zh: '只能带上本企业的技术需求', en: 'Only your own demands can be brought' }, 'notOwnDemand');
    }
    return this.tx.run(async (m) => {
      // The event row lock serialises registrations, so the capacity check cannot be raced.
      const e = await this.loadVisible(m, actor, eventId, true);
      const now = this.clock.now();
      if (e.status !== 'registration-open' || now < e.registrationOpensAt || now >= e.registrationClosesAt) throw RoadshowErrors.registrationClosed(e.status, e.registrationClosesAt);
      const slotCount = this.slotsOf(e).length;
      const bad = (dto.availableSlots ?? []).findIndex((s) => s >= slotCount);
      if (bad >= 0) throw DomainError.validation(`availableSlots[${bad}]`, { zh: `时段编号须小于 ${slotCount}`, en: `slot index must be below ${slotCount}` }, 'max');
      if (await this.repo.findActiveParticipant(m, eventId, actor.orgId)) throw RoadshowErrors.alreadyRegistered();
      const registered = await this.repo.countParticipants(m, eventId, 'registered');
      const full = registered >= e.capacity;
      if (full && dto.waitlist === false) throw RoadshowErrors.eventFull(e.capacity);
      const p = await this.repo.saveParticipant(m, {
        eventId,
        enterpriseOrgId: actor.orgId,
        registeredByUserId: actor.userId,
        industries: dto.industries ?? [],
        demandIds: dto.demandIds ?? [],
        availableSlots: dto.availableSlots ? [...dto.availableSlots].sort((a, b) => a - b) : null,
        status: full ? 'waitlisted' : 'registered',
      });
      return mapParticipant(p, await this.repo.waitlistPosition(m, p));
    });
  }

  async myRegistration(actor: Actor, eventId: string): Promise<ParticipantResponse> {
    const m = this.tx.manager;
    await this.loadVisible(m, actor, eventId);
    const p = await this.repo.findActiveParticipant(m, eventId, actor.orgId);
    if (!p) throw RoadshowErrors.participantNotFound();
    return mapParticipant(p, await this.repo.waitlistPosition(m, p));
  }

  async listParticipants(actor: Actor, eventId: string, q: { page: number; pageSize: number }): Promise<Page<ParticipantResponse>> {
    const m = this.tx.manager;
    await this.loadOrganised(m, actor, eventId);
    const all = await this.repo.participantsOf(m, eventId, ['registered', 'waitlisted']);
    let position = 0;
    const mapped = all.map((p) => mapParticipant(p, p.status === 'waitlisted' ? ++position : null));
    return pageOf(mapped.slice((q.page - 1) * q.pageSize, q.page * q.pageSize), mapped.length, q);
  }

  /**
   * An enterprise withdraws. A registered place passes to the first on the waiting list; if meetings
   * were already scheduled, only the withdrawing enterprise's meetings are cancelled and re-planned.
   */
  async cancelRegistration(actor: Actor, eventId: string): Promise<ParticipantResponse> {
    const removedMeetingIds: string[] = [];
    const result = await this.tx.run(async (m) => {
      const e = await this.loadVisible(m, actor, eventId, true);
      if (!['registration-open', 'scheduled'].includes(e.status)) throw DomainError.illegalTransition('roadshow event', e.status, 'cancel a registration');
      const p = await this.repo.findActiveParticipant(m, eventId, actor.orgId);
      if (!p) throw RoadshowErrors.participantNotFound();
      const wasRegistered = p.status === 'registered';
      p.status = 'cancelled';
      p.cancelledAt = this.clock.now();
      await this.repo.saveParticipant(m, p);
      if (e.meetingsScheduledAt) {
        const replan = await this.replanInTx(m, e, { partyIds: [actor.orgId] }, 'participant-withdrew');
        removedMeetingIds.push(...replan.cancelledMeetingIds);
      }
      await this.repo.cancelRequestsOf(m, eventId, actor.orgId);
      if (wasRegistered) {
        const next = await this.repo.nextWaitlisted(m, eventId);
        if (next) {
          next.status = 'registered';
          next.promotedAt = this.clock.now();
          await this.repo.saveParticipant(m, next);
          await this.notifications.notify({ orgId: next.enterpriseOrgId, kind: 'roadshow.promoted', title: { zh: `您已从候补转为正式参会：「${e.title}」`, en: `A place opened up: you are registered for '${e.title}'` }, link: `/roadshows/${e.id}`, dedupeKey: `roadshow:participant:${next.id}:promoted` }, m);
        }
      }
      return mapParticipant(p);
    });
    await this.cancelReminders(removedMeetingIds);
    return result;
  }

  // ---------------- meeting requests ----------------

  async requestMeeting(actor: Actor, eventId: string, dto: MeetingRequestDto): Promise<MeetingRequestResponse> {
    return this.tx.run(async (m) => {
      const e = await this.loadVisible(m, actor, eventId, true);
      if (e.status !== 'registration-open') throw RoadshowErrors.registrationClosed(e.status, e.registrationClosesAt);
      const participant = await this.repo.findActiveParticipant(m, eventId, actor.orgId);
      if (!participant || participant.status !== 'registered') throw RoadshowErrors.notParticipant();
      const p = await this.repo.findPresentation(m, eventId, dto.presentationId);
      if (!p || p.status !== 'accepted') throw RoadshowErrors.presentationNotFound();
      if (p.presenterOrgId === actor.orgId) throw DomainError.validation('presentationId', { zh: '不能预约与本单位洽谈', en: 'You cannot request a meeting with yourself' }, 'self');
      if (dto.kind === 'must-meet' && (await this.repo.countMustMeets(m, eventId, actor.orgId)) >= MAX_MUST_MEETS) throw RoadshowErrors.tooManyMustMeets(MAX_MUST_MEETS);
      const priority = dto.kind === 'must-meet' ? PRIORITY_MUST_MEET : PRIORITY_WOULD_LIKE;
      const existing = await this.repo.findPendingRequest(m, eventId, actor.orgId, p.id);
      if (existing) {
        // Re-ranking replaces the earlier choice (and an organiser's suggestion for the same pair).
        await this.repo.updateRequest(m, existing.id, { kind: dto.kind, priority: priority.toFixed(3) });
        return mapMeetingRequest({ ...existing, kind: dto.kind, priority: priority.toFixed(3) });
      }
      const [row] = await this.repo.insertRequests(m, [{ eventId, enterpriseOrgId: actor.orgId, presentationId: p.id, presenterOrgId: p.presenterOrgId, kind: dto.kind, priority: priority.toFixed(3) }]);
      return mapMeetingRequest(row);
    });
  }

  async listRequests(actor: Actor, eventId: string): Promise<MeetingRequestResponse[]> {
    const m = this.tx.manager;
    const e = await this.loadVisible(m, actor, eventId);
    const rows = await this.repo.pendingRequests(m, eventId, this.isOrganiser(actor, e) ? undefined : actor.orgId);
    return rows.map(mapMeetingRequest);
  }

  /**
   * Withdraw a meeting request: the enterprise its own (wishes or suggestions made to it), the organiser its suggestions.
   * Before meetings are scheduled the request is simply deleted; afterwards it is cancelled and, if it had a meeting,
   * only that meeting is removed and its freed capacity re-planned (the same path as cancelling a meeting).
   */
  async withdrawRequest(actor: Actor, eventId: string, requestId: string): Promise<WithdrawMeetingRequestResponse> {
    const result = await this.tx.run(async (m): Promise<WithdrawMeetingRequestResponse> => {
      const e = await this.loadVisible(m, actor, eventId, true);
      const r = await this.repo.findRequest(m, eventId, requestId);
      const own = !!r && r.enterpriseOrgId === actor.orgId;
      if (!r || (!own && !this.isOrganiser(actor, e))) throw RoadshowErrors.meetingRequestNotFound();
      if (!own && r.kind !== 'suggestion') throw RoadshowErrors.notASuggestion();
      if (r.status !== 'pending') throw RoadshowErrors.requestNotWithdrawable(r.status);
      // Scheduling locks the event row too, so "not scheduled yet" cannot change under us.
      if (e.status === 'registration-open' || (e.status === 'scheduled' && !e.meetingsScheduledAt)) {
        await this.repo.deleteRequest(m, r.id);
        return { requestId: r.id, outcome: 'deleted', replan: null };
      }
      if (e.status !== 'scheduled') throw DomainError.illegalTransition('roadshow event', e.status, 'withdraw a meeting request');
      const meeting = (await this.repo.scheduledMeetings(m, eventId)).find((x) => x.requestId === r.id);
      if (meeting && this.clock.now() >= meeting.startsAt) throw RoadshowErrors.meetingNotCancellable('under-way');
      await this.repo.updateRequest(m, r.id, { status: 'cancelled' });
      const replan = meeting ? await this.replanInTx(m, e, { requestIds: [r.id] }, own ? 'request-withdrawn' : 'suggestion-withdrawn') : null;
      return { requestId: r.id, outcome: 'cancelled', replan };
    });
    if (result.replan) await this.cancelReminders(result.replan.cancelledMeetingIds);
    return result;
  }

  /**
   * Organiser suggestions from match scores (0-100). They weigh less than any enterprise wish and never
   * replace one. Pairs come from the request (scores from the matching engine's results).
   */
  async addSuggestions(actor: Actor, eventId: string, dto: AddSuggestionsDto): Promise<MeetingRequestResponse[]> {
    return this.tx.run(async (m) => {
      const e = await this.loadOrganised(m, actor, eventId, true);
      if (e.status !== 'registration-open') throw RoadshowErrors.registrationClosed(e.status, e.registrationClosesAt);
      const minScore = dto.minScore ?? (dto.suggestions ? 0 : 60);
      const presentations = new Map((await this.repo.presentationsOf(m, eventId, ['accepted'])).map((p) => [p.id, p]));
      const registered = await this.repo.participantsOf(m, eventId);
      const participants = new Set(registered.map((p) => p.enterpriseOrgId));
      const rows: Array<Partial<MeetingRequest>> = [];
      const suggestions = dto.suggestions ?? (await this.suggestFromMatching(registered, [...presentations.values()]));
      suggestions.forEach((s, i) => {
        const p = presentations.get(s.presentationId);
        if (!p) throw DomainError.validation(`suggestions[${i}].presentationId`, { zh: '不是本活动已接受的路演项目', en: 'not an accepted presentation of this event' }, 'notAccepted');
        if (!participants.has(s.enterpriseOrgId)) throw DomainError.validation(`suggestions[${i}].enterpriseOrgId`, { zh: '该企业未报名本活动', en: 'enterprise is not registered' }, 'notRegistered');
        if (s.score < minScore || p.presenterOrgId === s.enterpriseOrgId) return;
        rows.push({ eventId, enterpriseOrgId: s.enterpriseOrgId, presentationId: p.id, presenterOrgId: p.presenterOrgId, kind: 'suggestion' as MeetingRequestKind, priority: suggestionPriority(s.score).toFixed(3), matchScore: s.score.toFixed(2) });
      });
      const inserted = await this.repo.insertRequests(m, rows);
      return inserted.map(mapMeetingRequest);
    });
  }

  /**
   * Score every (demand brought by a participant, accepted achievement) pair with the matching engine and keep,
   * per (enterprise, presentation), the best score over the enterprise's demands.
   */
  private async suggestFromMatching(participants: Participant[], presentations: Presentation[]): Promise<Array<{ enterpriseOrgId: string; presentationId: string; score: number }>> {
    const pairs = participants.flatMap((p) => p.demandIds.flatMap((demandId) => presentations.filter((x) => x.achievementId).map((x) => ({ demandId, achievementId: x.achievementId! }))));
    const scores = await this.matching.scoreDemandAchievementPairs(pairs);
    const enterpriseOf = new Map(participants.flatMap((p) => p.demandIds.map((d) => [d, p.enterpriseOrgId] as const)));
    const best = new Map<string, { enterpriseOrgId: string; presentationId: string; score: number }>();
    for (const sc of scores) {
      const enterpriseOrgId = enterpriseOf.get(sc.demandId);
      if (!enterpriseOrgId) continue;
      for (const x of presentations.filter((p) => p.achievementId === sc.achievementId)) {
        const key = `${enterpriseOrgId}|${x.id}`;
        if ((best.get(key)?.score ?? -1) < sc.score) best.set(key, { enterpriseOrgId, presentationId: x.id, score: sc.score });
      }
    }
    return [...best.values()].sort((a, b) => b.score - a.score || (a.enterpriseOrgId + a.presentationId < b.enterpriseOrgId + b.presentationId ? -1 : 1));
  }

  // ---------------- scheduling ----------------

  private async scheduleFor(m: EntityManager, e: RoadshowEvent): Promise<{ result: ScheduleResult; slots: MeetingSlot[]; requests: Map<string, MeetingRequest> }> {
    const slots = this.slotsOf(e);
    // Sequential: inside a transaction the queries share one connection.
    const participants = await this.repo.participantsOf(m, e.id);
    const presentations = await this.repo.presentationsOf(m, e.id, ['accepted']);
    const requests = await this.repo.pendingRequests(m, e.id);
    const input = buildScheduleInput({
      eventId: e.id,
      slots,
      tableCount: e.tableCount,
      maxMeetingsPerEnterprise: e.maxMeetingsPerEnterprise,
      participants,
      presentations,
      requests: requests.map((r) => ({ ...r, priority: Number(r.priority) })),
    });
    return { result: scheduleMeetings(input), slots, requests: new Map(requests.map((r) => [r.id, r])) };
  }

  /** The schedule the scheduler would produce now, without saving it (organisers check before publishing). */
  async previewSchedule(actor: Actor, eventId: string): Promise<{ meetings: Array<{ requestId: string; slotIndex: number; table: number }>; stats: ScheduleStatsResponse }> {
    const m = this.tx.manager;
    const e = await this.loadOrganised(m, actor, eventId);
    const { result } = await this.scheduleFor(m, e);
    return { meetings: result.meetings.map((x) => ({ requestId: x.requestId, slotIndex: x.slot, table: x.table + 1 })), stats: result.stats };
  }

  /** Job: assign meetings once the agenda is set; saves them, queues reminders, tells every party. Idempotent. */
  async scheduleEventMeetings(eventId: string): Promise<void> {
    await this.tx.run(async (m) => {
      const e = await this.repo.findEvent(m, eventId, true);
      if (!e || e.status !== 'scheduled' || e.meetingsScheduledAt || !e.agendaBuiltAt) return;
      const { result, slots, requests } = await this.scheduleFor(m, e);
      const saved = await this.repo.insertMeetings(
        m,
        result.meetings.map((a) => ({
          eventId,
          requestId: a.requestId,
          enterpriseOrgId: a.enterpriseId,
          presenterOrgId: a.presenterId,
          presentationId: requests.get(a.requestId)!.presentationId,
          slotIndex: a.slot,
          tableNumber: a.table,
          startsAt: slots[a.slot].startsAt,
          endsAt: slots[a.slot].endsAt,
          status: 'scheduled' as const,
        })),
      );
      await this.enqueueReminders(m, saved);
      e.meetingsScheduledAt = this.clock.now();
      await this.repo.saveEvent(m, e);
      const counts = new Map<string, number>();
      for (const x of saved) for (const org of [x.enterpriseOrgId, x.presenterOrgId]) counts.set(org, (counts.get(org) ?? 0) + 1);
      for (const p of await this.repo.participantsOf(m, eventId)) if (!counts.has(p.enterpriseOrgId)) counts.set(p.enterpriseOrgId, 0);
      await this.notifications.notify(
        [...counts].map(([orgId, n]) => ({
          orgId,
          kind: 'roadshow.schedule-ready',
          title: { zh: `「${e.title}」一对一洽谈日程已发布（${n} 场）`, en: `Your 1:1 schedule for '${e.title}' is ready (${n} meetings)` },
          link: `/roadshows/${e.id}/my-schedule`,
          data: { eventId, meetings: n },
          dedupeKey: `roadshow:${e.id}:schedule:${orgId}`,
        })),
        m,
      );
    });
  }

  private async enqueueReminders(m: EntityManager, meetings: Meeting[]): Promise<void> {
    const now = this.clock.now().getTime();
    for (const x of meetings) {
      for (const lead of Object.keys(REMINDER_LEADS) as ReminderLead[]) {
        const delayMs = x.startsAt.getTime() - REMINDER_LEADS[lead] - now;
        // A reminder whose moment has passed is pointless: the schedule notification already went out.
        if (delayMs <= 0) continue;
        await this.outbox.enqueue(m, JobName.RoadshowMeetingReminder, { meetingId: x.id, lead }, { jobId: reminderJobId(x.id, lead), delayMs });
      }
    }
  }

  /** After commit: remove the delayed reminders of cancelled meetings (the handler also skips them if one slips through). */
  private async cancelReminders(meetingIds: string[]): Promise<void> {
    for (const id of meetingIds) {
      for (const lead of Object.keys(REMINDER_LEADS) as ReminderLead[]) await this.jobs.cancel(JobName.RoadshowMeetingReminder, reminderJobId(id, lead)).catch(() => false);
    }
  }

  /** Job: remind both parties of a meeting. Skips cancelled meetings and meetings already under way. */
  async sendReminder(meetingId: string, lead: ReminderLead): Promise<void> {
    const m = this.tx.manager;
    const x = await this.repo.findMeeting(m, meetingId);
    if (!x || x.status !== 'scheduled' || this.clock.now() >= x.startsAt) return;
    const e = await this.repo.findEvent(m, x.eventId);
    if (!e || e.status !== 'scheduled') return;
    const when = lead === '24h' ? { zh: '明天', en: 'in 24 hours' } : { zh: '1 小时后', en: 'in 1 hour' };
    await this.notifications.notify(
      [x.enterpriseOrgId, x.presenterOrgId].map((orgId) => ({
        orgId,
        kind: 'roadshow.meeting-reminder',
        title: { zh: `洽谈提醒：${when.zh}在 ${x.tableNumber + 1} 号桌`, en: `Meeting reminder: ${when.en} at table ${x.tableNumber + 1}` },
        link: `/roadshows/${x.eventId}/my-schedule`,
        data: { meetingId: x.id, lead },
        dedupeKey: `roadshow:meeting:${x.id}:remind-${lead}:${orgId}`,
      })),
    );
  }

  async mySchedule(actor: Actor, eventId: string): Promise<MyScheduleResponse> {
    const m = this.tx.manager;
    await this.loadVisible(m, actor, eventId);
    const [meetings, presentations] = await Promise.all([this.repo.meetingsOfOrg(m, eventId, actor.orgId), this.repo.presentationsOf(m, eventId, ['accepted'])]);
    return { eventId, orgId: actor.orgId, meetings: meetings.map(mapMeeting), presentations: presentations.filter((p) => p.presenterOrgId === actor.orgId).map(mapPresentation) };
  }

  async myScheduleIcs(actor: Actor, eventId: string): Promise<string> {
    const m = this.tx.manager;
    const e = await this.loadVisible(m, actor, eventId);
    const [meetings, presentations] = await Promise.all([this.repo.meetingsOfOrg(m, eventId, actor.orgId), this.repo.presentationsOf(m, eventId, ['accepted'])]);
    const titles = new Map(presentations.map((p) => [p.id, p.title]));
    const location = e.venue ?? e.onlineLink ?? undefined;
    return buildIcs(
      e.title,
      [
        ...meetings.map((x) => ({
          uid: `meeting-${x.id}@techbridge`,
          startsAt: x.startsAt,
          endsAt: x.endsAt,
          summary: `一对一洽谈 1:1 meeting · ${titles.get(x.presentationId) ?? ''} · ${x.tableNumber + 1} 号桌 table ${x.tableNumber + 1}`,
          description: `${e.title}`,
          location,
        })),
        ...presentations
          .filter((p) => p.presenterOrgId === actor.orgId && p.startsAt && p.endsAt)
          .map((p) => ({ uid: `presentation-${p.id}@techbridge`, startsAt: p.startsAt!, endsAt: p.endsAt!, summary: `路演 Presentation · ${p.title}`, description: e.title, location })),
      ],
      this.clock.now(),
    );
  }

  async listMeetings(actor: Actor, eventId: string): Promise<MeetingResponse[]> {
    const m = this.tx.manager;
    await this.loadOrganised(m, actor, eventId);
    return (await this.repo.allMeetings(m, eventId)).map(mapMeeting);
  }

  /** Either party, or the organiser, cancels one meeting; only that meeting's freed capacity is re-planned. */
  async cancelMeeting(actor: Actor, eventId: string, meetingId: string, reason?: string): Promise<ReplanResponse> {
    const result = await this.tx.run(async (m) => {
      const e = await this.loadVisible(m, actor, eventId, true);
      const x = await this.repo.findMeeting(m, meetingId, true);
      const party = x && (x.enterpriseOrgId === actor.orgId || x.presenterOrgId === actor.orgId);
      if (!x || x.eventId !== eventId || (!party && !this.isOrganiser(actor, e))) throw RoadshowErrors.meetingNotFound();
      if (x.status !== 'scheduled' || e.status !== 'scheduled' || this.clock.now() >= x.startsAt) throw RoadshowErrors.meetingNotCancellable(x.status === 'scheduled' ? e.status : x.status);
      await this.repo.updateRequest(m, x.requestId, { status: 'cancelled' });
      return this.replanInTx(m, e, { requestIds: [x.requestId] }, reason ?? 'cancelled');
    });
    await this.cancelReminders(result.cancelledMeetingIds);
    return result;
  }

  /**
   * Re-plan inside the caller's transaction: cancelled meetings go, everything else stays where it is, freed
   * capacity goes to waiting requests. Notifies only the organisations whose schedule changed.
   */
  private async replanInTx(m: EntityManager, e: RoadshowEvent, cancellation: Cancellation, reason: string): Promise<ReplanResponse> {
    const slots = this.slotsOf(e);
    const participants = await this.repo.participantsOf(m, e.id);
    const presentations = await this.repo.presentationsOf(m, e.id, ['accepted']);
    const requests = await this.repo.pendingRequests(m, e.id);
    const meetings = await this.repo.scheduledMeetings(m, e.id);
    const withdrawn = new Set(cancellation.partyIds ?? []);
    const input = buildScheduleInput({
      eventId: e.id,
      slots,
      tableCount: e.tableCount,
      maxMeetingsPerEnterprise: e.maxMeetingsPerEnterprise,
      participants: participants.filter((p) => !withdrawn.has(p.enterpriseOrgId)),
      presentations,
      requests: requests.map((r) => ({ ...r, priority: Number(r.priority) })),
    });
    // A cancelled meeting's request is no longer pending, and a withdrawn party is no longer a party:
    // replanMeetings removes their meetings and keeps every other one fixed.
    const byRequest = new Map(meetings.map((x) => [x.requestId, x]));
    const requestById = new Map(requests.map((r) => [r.id, r]));
    const plan = replanMeetings(
      input,
      meetings.map((x) => ({ requestId: x.requestId, enterpriseId: x.enterpriseOrgId, presenterId: x.presenterOrgId, priority: 1, slot: x.slotIndex, table: x.tableNumber })),
      cancellation,
    );
    const now = this.clock.now();
    const removed = plan.removed.map((a) => byRequest.get(a.requestId)!).filter(Boolean);
    await this.repo.cancelMeetings(m, removed.map((x) => x.id), now, reason);
    const added = await this.repo.insertMeetings(
      m,
      plan.added.map((a) => ({
        eventId: e.id,
        requestId: a.requestId,
        enterpriseOrgId: a.enterpriseId,
        presenterOrgId: a.presenterId,
        presentationId: requestById.get(a.requestId)!.presentationId,
        slotIndex: a.slot,
        tableNumber: a.table,
        startsAt: slots[a.slot].startsAt,
        endsAt: slots[a.slot].endsAt,
        status: 'scheduled' as const,
      })),
    );
    await this.enqueueReminders(m, added);
    const notified = new Set<string>();
    const notes: NewNotification[] = [];
    for (const x of removed) {
      for (const orgId of [x.enterpriseOrgId, x.presenterOrgId]) {
        if (withdrawn.has(orgId)) continue;
        notified.add(orgId);
        notes.push({ orgId, kind: 'roadshow.meeting-cancelled', title: { zh: `洽谈已取消：${slots[x.slotIndex].startsAt.toISOString()} ${x.tableNumber + 1} 号桌`, en: `Meeting cancelled: ${slots[x.slotIndex].startsAt.toISOString()} table ${x.tableNumber + 1}` }, link: `/roadshows/${e.id}/my-schedule`, data: { meetingId: x.id }, dedupeKey: `roadshow:meeting:${x.id}:cancelled:${orgId}` });
      }
    }
    for (const x of added) {
      for (const orgId of [x.enterpriseOrgId, x.presenterOrgId]) {
        notified.add(orgId);
        notes.push({ orgId, kind: 'roadshow.meeting-added', title: { zh: `新增洽谈：${x.startsAt.toISOString()} ${x.tableNumber + 1} 号桌`, en: `New meeting: ${x.startsAt.toISOString()} table ${x.tableNumber + 1}` }, link: `/roadshows/${e.id}/my-schedule`, data: { meetingId: x.id }, dedupeKey: `roadshow:meeting:${x.id}:added:${orgId}` });
      }
    }
    await this.notifications.notify(notes, m);
    return { cancelledMeetingIds: removed.map((x) => x.id), addedMeetings: added.map(mapMeeting), notifiedOrgIds: [...notified].sort() };
  }

  // ---------------- follow-up and outcomes ----------------

  /** Job, 7 days after the event: ask the responsible broker to record every meeting's outcome. */
  async requestFollowUp(eventId: string): Promise<void> {
    await this.tx.run(async (m) => {
      const e = await this.repo.findEvent(m, eventId, true);
      if (!e || e.status === 'cancelled' || e.followUpRequestedAt) return;
      const now = this.clock.now();
      if (e.status === 'scheduled' && now >= e.endsAt) e.status = nextEventStatus(e.status, 'mark-held');
      const pending = (await this.repo.scheduledMeetings(m, eventId)).filter((x) => !x.outcome);
      for (const x of pending) await this.repo.updateMeeting(m, x.id, { outcomeRequestedAt: now });
      await this.notifications.notify(
        {
          userId: e.responsibleUserId,
          kind: 'roadshow.follow-up',
          title: { zh: `请登记「${e.title}」${pending.length} 场洽谈的结果`, en: `Please record the outcome of ${pending.length} meetings at '${e.title}'` },
          body: { zh: '意向、无意向（请注明原因）或未到场', en: 'Intention, no interest (with a reason) or no-show' },
          link: `/roadshows/${e.id}/meetings`,
          data: { eventId, pending: pending.length },
          dedupeKey: `roadshow:${e.id}:follow-up`,
        },
        m,
      );
      e.followUpRequestedAt = now;
      await this.repo.saveEvent(m, e);
    });
  }

  async recordOutcome(actor: Actor, eventId: string, meetingId: string, dto: RecordOutcomeDto): Promise<MeetingResponse> {
    if (dto.outcome === 'no-interest' && !dto.reason) throw DomainError.validation('reason', { zh: '无意向时请注明原因', en: 'A reason is required for no interest' }, 'required');
    const { meeting, pairs } = await this.tx.run(async (m) => {
      const e = await this.loadOrganised(m, actor, eventId);
      const x = await this.repo.findMeeting(m, meetingId, true);
      if (!x || x.eventId !== e.id) throw RoadshowErrors.meetingNotFound();
      if (x.status !== 'scheduled') throw RoadshowErrors.meetingNotCancellable(x.status);
      if (this.clock.now() < x.startsAt) throw RoadshowErrors.outcomeTooEarly();
      const patch = { outcome: dto.outcome, outcomeReason: dto.reason ?? null, outcomeRecordedAt: this.clock.now(), outcomeRecordedBy: actor.userId };
      await this.repo.updateMeeting(m, x.id, patch);
      const p = await this.repo.findPresentation(m, eventId, x.presentationId);
      const participant = (await this.repo.participantsOf(m, eventId, ['registered', 'cancelled'])).find((q) => q.enterpriseOrgId === x.enterpriseOrgId);
      const advance = dto.outcome === 'intention' && p?.achievementId ? (participant?.demandIds ?? []).map((demandId) => ({ demandId, achievementId: p.achievementId! })) : [];
      return { meeting: { ...x, ...patch }, pairs: advance };
    });
    if (pairs.length) meeting.advancedMatchIds = await this.advanceMatches(actor, meeting.id, pairs);
    return mapMeeting(meeting);
  }

  /**
   * An intention moves the pair forward in the broker pipeline: taken by this broker, then suggested → contacted
   * or contacted → negotiating. Pairs the pipeline refuses (demand closed, another broker's match) are skipped.
   */
  private async advanceMatches(actor: Actor, meetingId: string, pairs: Array<{ demandId: string; achievementId: string }>): Promise<string[]> {
    const advanced: string[] = [];
    for (const pair of pairs) {
      try {
        const taken = await this.pipeline.take(actor, { ...pair, note: 'roadshow 1:1 meeting: intention' });
        const action = taken.status === 'suggested' ? 'contact' : taken.status === 'contacted' ? 'negotiate' : null;
        if (action) await this.pipeline.transition(actor, taken.id, { action, note: 'roadshow 1:1 meeting: intention' });
        advanced.push(taken.id);
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        this.logger.log(`intention of meeting ${meetingId} not taken into the pipeline: ${err.code}`);
      }
    }
    if (advanced.length) await this.tx.run((m) => this.repo.updateMeeting(m, meetingId, { advancedMatchIds: advanced }));
    return advanced;
  }

  /** Facade for the match pipeline: intentions recorded at roadshows (optionally of one event). */
  async listIntentions(eventId: string): Promise<RoadshowIntention[]> {
    const m = this.tx.manager;
    const [meetings, presentations, participants] = await Promise.all([this.repo.allMeetings(m, eventId), this.repo.presentationsOf(m, eventId), this.repo.participantsOf(m, eventId, ['registered', 'cancelled'])]);
    const pres = new Map(presentations.map((p) => [p.id, p]));
    const demands = new Map(participants.map((p) => [p.enterpriseOrgId, p.demandIds]));
    return meetings
      .filter((x) => x.outcome === 'intention')
      .map((x) => ({
        meetingId: x.id,
        eventId,
        enterpriseOrgId: x.enterpriseOrgId,
        presenterOrgId: x.presenterOrgId,
        achievementId: pres.get(x.presentationId)?.achievementId ?? null,
        packageId: pres.get(x.presentationId)?.packageId ?? null,
        demandIds: demands.get(x.enterpriseOrgId) ?? [],
        recordedAt: x.outcomeRecordedAt!.toISOString(),
      }));
  }

  // ---------------- report ----------------

  async report(actor: Actor, eventId: string): Promise<EventReportResponse> {
    const m = this.tx.manager;
    const e = await this.loadOrganised(m, actor, eventId);
    const [presentations, participants, requests, meetings] = await Promise.all([
      this.repo.presentationsOf(m, eventId),
      this.repo.participantsOf(m, eventId, ['registered', 'waitlisted', 'cancelled']),
      this.repo.allRequests(m, eventId),
      this.repo.allMeetings(m, eventId),
    ]);
    const live = meetings.filter((x) => x.status === 'scheduled');
    const requestById = new Map(requests.map((r) => [r.id, r]));
    const count = <T>(xs: T[], f: (x: T) => boolean): number => xs.filter(f).length;
    const intentions = count(live, (x) => x.outcome === 'intention');
    return {
      eventId,
      status: e.status,
      presentations: {
        applied: count(presentations, (p: Presentation) => p.origin === 'application'),
        accepted: count(presentations, (p) => p.status === 'accepted'),
        declined: count(presentations, (p) => p.status === 'declined'),
        placed: count(presentations, (p) => p.status === 'accepted' && !!p.sessionId),
      },
      participants: {
        registered: count(participants, (p: Participant) => p.status === 'registered'),
        waitlisted: count(participants, (p) => p.status === 'waitlisted'),
        cancelled: count(participants, (p) => p.status === 'cancelled'),
      },
      meetings: {
        requested: requests.length,
        scheduled: live.length,
        cancelled: count(meetings, (x) => x.status === 'cancelled'),
        held: count(live, (x) => x.outcome === 'intention' || x.outcome === 'no-interest'),
        noShows: count(live, (x) => x.outcome === 'no-show'),
        intentions,
        noInterest: count(live, (x) => x.outcome === 'no-interest'),
        outcomePending: count(live, (x) => !x.outcome),
      },
      scheduling: {
        totalPriority: Math.round(live.reduce((s, x) => s + Number(requestById.get(x.requestId)?.priority ?? 0), 0) * 1000) / 1000,
        mustMeetRequested: count(requests, (r) => r.kind === 'must-meet'),
        mustMeetScheduled: count(live, (x) => requestById.get(x.requestId)?.kind === 'must-meet'),
      },
      matchesMovedForward: new Set(live.flatMap((x) => x.advancedMatchIds)).size,
      noInterestReasons: live.filter((x) => x.outcome === 'no-interest').map((x) => ({ meetingId: x.id, reason: x.outcomeReason ?? '' })),
    };
  }

  // ======== monitoring feed (read-only; added for the monitoring context, owner may reshape) ========

  /** Events a broker is responsible for: those that took place (held or closed) and those announced and still ahead; drafts and cancelled ones do not count. */
  async eventsOrganisedBy(userId: string): Promise<{ held: number; upcoming: number }> {
    const by = await this.repo.countEventsByResponsible(this.tx.manager, userId);
    const n = (...statuses: EventStatus[]) => statuses.reduce((a, s) => a + (by.get(s) ?? 0), 0);
    return { held: n('held', 'closed'), upcoming: n('registration-open', 'scheduled') };
  }

  /** Meetings of an event that took place (an outcome other than a no-show was recorded): the records behind monitoring's 1:1 meetings figure. */
  async heldMeetingIds(eventId: string): Promise<string[]> {
    return (await this.repo.allMeetings(this.tx.manager, eventId)).filter((x) => x.status === 'scheduled' && !!x.outcome && x.outcome !== 'no-show').map((x) => x.id);
  }
}
