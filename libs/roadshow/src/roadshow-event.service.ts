import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor, BeijingCalendar, Clock, DomainError, JobName, JobQueue, OutboxService, Page, pageOf, TransactionRunner } from '@techbridge/platform';
import { NotificationService } from '@techbridge/notification';
import { CreateEventDto, EventListQuery, EventResponse, mapEvent, YearPlanResponse } from './dto/roadshow.dto';
import { RoadshowEvent } from './entities/roadshow-event.entity';
import { dayIntervals, eventSlots, validateSchedule } from './event-calendar';
import { MeetingScheduleService } from './meeting-schedule.service';
import { RoadshowAccessPolicy, RoadshowPermission } from './roadshow-access.policy';
import { RoadshowErrors } from './roadshow.exception';
import { RoadshowNotices } from './roadshow.notices';
import { RoadshowRepository } from './roadshow.repository';
import { FOLLOW_UP_DELAY_MS, LARGE_EVENTS_TARGET, RoadshowJobIds } from './roadshow.rules';
import { ACTIVE_PRESENTATION, EventAction, nextEventStatus } from './roadshow.state-machine';

/** Roadshow events: creating them, the year plan, and the event lifecycle with what each step sets in motion. */
@Injectable()
export class RoadshowEventService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: RoadshowRepository,
    private readonly access: RoadshowAccessPolicy,
    private readonly schedule: MeetingScheduleService,
    private readonly outbox: OutboxService,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
    private readonly notifications: NotificationService,
  ) {}

  async createEvent(actor: Actor, dto: CreateEventDto): Promise<EventResponse> {
    this.access.requireCanCreate(actor);
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
        kind: dto.kind ?? 'technology',
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
    return mapEvent(saved, eventSlots(saved).length, { registered: 0, waitlisted: 0 });
  }

  async getEvent(actor: Actor | null, id: string): Promise<EventResponse> {
    const m = this.tx.manager;
    const e = await this.access.requireAccess(m, actor, RoadshowPermission.Read, id);
    const [registered, waitlisted] = await Promise.all([this.repo.countParticipants(m, id, 'registered'), this.repo.countParticipants(m, id, 'waitlisted')]);
    return mapEvent(e, eventSlots(e).length, { registered, waitlisted });
  }

  async listEvents(actor: Actor | null, q: EventListQuery): Promise<Page<EventResponse>> {
    const [rows, total] = await this.repo.listEvents(this.tx.manager, q, this.access.draftScope(actor));
    return pageOf(rows.map((e) => mapEvent(e, eventSlots(e).length)), total, q);
  }

  /** The yearly plan: events by month and whether the zone reaches its target of large events. */
  async yearPlan(actor: Actor | null, year: number): Promise<YearPlanResponse> {
    const rows = (await this.repo.eventsOfYear(this.tx.manager, year)).filter((e) => this.access.canSee(actor, e));
    const large = rows.filter((e) => e.large && e.status !== 'cancelled');
    const months = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, events: [] as EventResponse[] }));
    for (const e of rows) {
      months[BeijingCalendar.partsOf(e.startsAt).month - 1].events.push(mapEvent(e, eventSlots(e).length));
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
      const e = await this.access.requireAccess(m, actor, RoadshowPermission.Organise, id, { lock: true });
      const now = this.clock.now();
      if (action === 'mark-held' && e.status === 'scheduled' && now < e.startsAt) throw DomainError.illegalTransition('roadshow event', e.status, action);
      const next = nextEventStatus(e.status, action, e.id);
      if (action === 'open-registration') {
        // Registration closes by itself at the end of the window; the handler skips if the organiser closed it first.
        await this.outbox.enqueue(m, JobName.RoadshowCloseRegistration, { eventId: e.id }, { jobId: RoadshowJobIds.closeRegistration(e.id), delayMs: e.registrationClosesAt.getTime() - now.getTime() });
      }
      if (action === 'close-registration') await this.afterRegistrationClosed(m, e, now);
      if (action === 'cancel') {
        e.cancelReason = reason ?? null;
        cancelledMeetings.push(...(await this.schedule.cancelAllMeetings(m, e.id)));
        const orgs = new Set<string>([
          ...(await this.repo.participantsOf(m, e.id, ['registered', 'waitlisted'])).map((p) => p.enterpriseOrgId),
          ...(await this.repo.presentationsOf(m, e.id, ACTIVE_PRESENTATION)).map((p) => p.presenterOrgId),
        ]);
        await this.notifications.notify([...orgs].map((orgId) => RoadshowNotices.eventCancelled(e, orgId, reason)), m);
      }
      e.status = next;
      return this.repo.saveEvent(m, e);
    });
    await this.schedule.cancelReminders(cancelledMeetings);
    return mapEvent(saved, eventSlots(saved).length);
  }

  /** Registration closed: build the agenda (which then schedules meetings) and plan the follow-up 7 days after the event. */
  private async afterRegistrationClosed(m: EntityManager, e: RoadshowEvent, now: Date): Promise<void> {
    await this.outbox.enqueue(m, JobName.RoadshowBuildAgenda, { eventId: e.id }, { jobId: RoadshowJobIds.buildAgenda(e.id) });
    await this.outbox.enqueue(m, JobName.RoadshowFollowUp, { eventId: e.id }, { jobId: RoadshowJobIds.followUp(e.id), delayMs: e.endsAt.getTime() + FOLLOW_UP_DELAY_MS - now.getTime() });
  }

  /** Job: the registration window ended. Skips when the organiser already closed it (or cancelled). */
  async closeRegistrationOnTime(eventId: string): Promise<void> {
    const early = await this.tx.run(async (m) => {
      const e = await this.repo.findEvent(m, eventId, true);
      if (!e || e.status !== 'registration-open') return null;
      const now = this.clock.now();
      // Fired before the window ends (clock skew, a job promoted by hand): come back when it does.
      if (now < e.registrationClosesAt) return { at: now, delayMs: e.registrationClosesAt.getTime() - now.getTime() };
      e.status = nextEventStatus(e.status, 'close-registration', e.id);
      await this.afterRegistrationClosed(m, e, now);
      await this.repo.saveEvent(m, e);
      return null;
    });
    if (early) await this.jobs.enqueue(JobName.RoadshowCloseRegistration, { eventId }, { jobId: RoadshowJobIds.closeRegistrationRearmed(eventId, early.at), delayMs: early.delayMs });
  }
}
