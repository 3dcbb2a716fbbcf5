import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor, Clock, JobName, JobQueue, OutboxService, TransactionRunner } from '@techbridge/platform';
import { NewNotification, NotificationService } from '@techbridge/notification';
import { mapMeeting, mapPresentation, MeetingResponse, MyScheduleResponse, ReplanResponse, ScheduleStatsResponse } from './dto/roadshow.dto';
import { MeetingRequest } from './entities/meeting-request.entity';
import { Meeting } from './entities/meeting.entity';
import { RoadshowEvent } from './entities/roadshow-event.entity';
import { eventSlots, MeetingSlot } from './event-calendar';
import { buildIcs } from './ics';
import { RoadshowAccessPolicy, RoadshowPermission } from './roadshow-access.policy';
import { RoadshowErrors } from './roadshow.exception';
import { RoadshowCalendarTexts, RoadshowNotices } from './roadshow.notices';
import { RoadshowRepository } from './roadshow.repository';
import { REMINDER_LEAD_NAMES, REMINDER_LEADS, ReminderLead, RoadshowJobIds } from './roadshow.rules';
import { replanMeetings, scheduleMeetings } from './scheduling/meeting-scheduler';
import { Cancellation, MeetingAssignment, ScheduleInput } from './scheduling/meeting-scheduler.types';
import { buildScheduleInput } from './scheduling/schedule-input';

/** The persisted state the scheduler works from. */
interface ScheduleState {
  slots: MeetingSlot[];
  input: ScheduleInput;
  requests: Map<string, MeetingRequest>;
}

/** The 1:1 meeting schedule: building it, re-planning after a cancellation, reminders, and each party's calendar. */
@Injectable()
export class MeetingScheduleService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: RoadshowRepository,
    private readonly access: RoadshowAccessPolicy,
    private readonly outbox: OutboxService,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
    private readonly notifications: NotificationService,
  ) {}

  /** Registered participants (less any withdrawing party), accepted presentations and pending requests, as scheduler input. */
  private async scheduleState(m: EntityManager, e: RoadshowEvent, withdrawn: ReadonlySet<string> = new Set()): Promise<ScheduleState> {
    const slots = eventSlots(e);
    // Sequential: inside a transaction the queries share one connection.
    const participants = await this.repo.participantsOf(m, e.id);
    const presentations = await this.repo.presentationsOf(m, e.id, ['accepted']);
    const requests = await this.repo.pendingRequests(m, e.id);
    const input = buildScheduleInput({
      eventId: e.id,
      slots,
      tableCount: e.tableCount,
      maxMeetingsPerEnterprise: e.maxMeetingsPerEnterprise,
      participants: participants.filter((p) => !withdrawn.has(p.enterpriseOrgId)),
      presentations,
      requests: requests.map((r) => ({ ...r, priority: Number(r.priority) })),
    });
    return { slots, input, requests: new Map(requests.map((r) => [r.id, r])) };
  }

  /** Store the scheduler's assignments as meetings and queue their reminders. */
  private async saveAssignments(m: EntityManager, e: RoadshowEvent, state: ScheduleState, assignments: MeetingAssignment[]): Promise<Meeting[]> {
    const saved = await this.repo.insertMeetings(
      m,
      assignments.map((a) => ({
        eventId: e.id,
        requestId: a.requestId,
        enterpriseOrgId: a.enterpriseId,
        presenterOrgId: a.presenterId,
        presentationId: state.requests.get(a.requestId)!.presentationId,
        slotIndex: a.slot,
        tableNumber: a.table,
        startsAt: state.slots[a.slot].startsAt,
        endsAt: state.slots[a.slot].endsAt,
        status: 'scheduled' as const,
      })),
    );
    await this.enqueueReminders(m, saved);
    return saved;
  }

  /** The schedule the scheduler would produce now, without saving it (organisers check before publishing). */
  async previewSchedule(actor: Actor, eventId: string): Promise<{ meetings: Array<{ requestId: string; slotIndex: number; table: number }>; stats: ScheduleStatsResponse }> {
    const m = this.tx.manager;
    const e = await this.access.requireAccess(m, actor, RoadshowPermission.Organise, eventId);
    const result = scheduleMeetings((await this.scheduleState(m, e)).input);
    return { meetings: result.meetings.map((x) => ({ requestId: x.requestId, slotIndex: x.slot, table: x.table + 1 })), stats: result.stats };
  }

  /** Job: assign meetings once the agenda is set; saves them, queues reminders, tells every party. Idempotent. */
  async scheduleEventMeetings(eventId: string): Promise<void> {
    await this.tx.run(async (m) => {
      const e = await this.repo.findEvent(m, eventId, true);
      if (!e || e.status !== 'scheduled' || e.meetingsScheduledAt || !e.agendaBuiltAt) return;
      const state = await this.scheduleState(m, e);
      const saved = await this.saveAssignments(m, e, state, scheduleMeetings(state.input).meetings);
      e.meetingsScheduledAt = this.clock.now();
      await this.repo.saveEvent(m, e);
      const counts = new Map<string, number>();
      for (const x of saved) for (const org of [x.enterpriseOrgId, x.presenterOrgId]) counts.set(org, (counts.get(org) ?? 0) + 1);
      for (const p of await this.repo.participantsOf(m, eventId)) if (!counts.has(p.enterpriseOrgId)) counts.set(p.enterpriseOrgId, 0);
      await this.notifications.notify([...counts].map(([orgId, n]) => RoadshowNotices.scheduleReady(e, orgId, n)), m);
    });
  }

  private async enqueueReminders(m: EntityManager, meetings: Meeting[]): Promise<void> {
    const now = this.clock.now().getTime();
    for (const x of meetings) {
      for (const lead of REMINDER_LEAD_NAMES) {
        const delayMs = x.startsAt.getTime() - REMINDER_LEADS[lead] - now;
        // A reminder whose moment has passed is pointless: the schedule notification already went out.
        if (delayMs <= 0) continue;
        await this.outbox.enqueue(m, JobName.RoadshowMeetingReminder, { meetingId: x.id, lead }, { jobId: RoadshowJobIds.reminder(x.id, lead), delayMs });
      }
    }
  }

  /** After commit: remove the delayed reminders of cancelled meetings (the handler also skips them if one slips through). */
  async cancelReminders(meetingIds: string[]): Promise<void> {
    for (const id of meetingIds) {
      for (const lead of REMINDER_LEAD_NAMES) await this.jobs.cancel(JobName.RoadshowMeetingReminder, RoadshowJobIds.reminder(id, lead)).catch(() => false);
    }
  }

  /** Job: remind both parties of a meeting. Skips cancelled meetings and meetings already under way. */
  async sendReminder(meetingId: string, lead: ReminderLead): Promise<void> {
    const m = this.tx.manager;
    const x = await this.repo.findMeeting(m, meetingId);
    if (!x || x.status !== 'scheduled' || this.clock.now() >= x.startsAt) return;
    const e = await this.repo.findEvent(m, x.eventId);
    if (!e || e.status !== 'scheduled') return;
    await this.notifications.notify([x.enterpriseOrgId, x.presenterOrgId].map((orgId) => RoadshowNotices.meetingReminder(x, lead, orgId)));
  }

  async mySchedule(actor: Actor, eventId: string): Promise<MyScheduleResponse> {
    const m = this.tx.manager;
    await this.access.requireAccess(m, actor, RoadshowPermission.Read, eventId);
    const [meetings, presentations] = await Promise.all([this.repo.meetingsOfOrg(m, eventId, actor.orgId), this.repo.presentationsOf(m, eventId, ['accepted'])]);
    return { eventId, orgId: actor.orgId, meetings: meetings.map(mapMeeting), presentations: presentations.filter((p) => p.presenterOrgId === actor.orgId).map(mapPresentation) };
  }

  async myScheduleIcs(actor: Actor, eventId: string): Promise<string> {
    const m = this.tx.manager;
    const e = await this.access.requireAccess(m, actor, RoadshowPermission.Read, eventId);
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
          summary: RoadshowCalendarTexts.meeting(titles.get(x.presentationId) ?? '', x.tableNumber),
          description: `${e.title}`,
          location,
        })),
        ...presentations
          .filter((p) => p.presenterOrgId === actor.orgId && p.startsAt && p.endsAt)
          .map((p) => ({ uid: `presentation-${p.id}@techbridge`, startsAt: p.startsAt!, endsAt: p.endsAt!, summary: RoadshowCalendarTexts.presentation(p.title), description: e.title, location })),
      ],
      this.clock.now(),
    );
  }

  async listMeetings(actor: Actor, eventId: string): Promise<MeetingResponse[]> {
    const m = this.tx.manager;
    await this.access.requireAccess(m, actor, RoadshowPermission.Organise, eventId);
    return (await this.repo.allMeetings(m, eventId)).map(mapMeeting);
  }

  /** Either party, or the organiser, cancels one meeting; only that meeting's freed capacity is re-planned. */
  async cancelMeeting(actor: Actor, eventId: string, meetingId: string, reason?: string): Promise<ReplanResponse> {
    const result = await this.tx.run(async (m) => {
      const e = await this.access.requireAccess(m, actor, RoadshowPermission.Read, eventId, { lock: true });
      const x = await this.repo.findMeeting(m, meetingId, true);
      const party = x && (x.enterpriseOrgId === actor.orgId || x.presenterOrgId === actor.orgId);
      if (!x || x.eventId !== eventId || (!party && !this.access.isOrganiser(actor, e))) throw RoadshowErrors.meetingNotFound();
      if (x.status !== 'scheduled' || e.status !== 'scheduled' || this.clock.now() >= x.startsAt) throw RoadshowErrors.meetingNotCancellable(x.status === 'scheduled' ? e.status : x.status);
      await this.repo.cancelRequests(m, [x.requestId]);
      return this.replanInTx(m, e, { requestIds: [x.requestId] }, reason ?? 'cancelled');
    });
    await this.cancelReminders(result.cancelledMeetingIds);
    return result;
  }

  /** The event is cancelled: every scheduled meeting goes with it (reminders are removed by the caller after commit). */
  async cancelAllMeetings(m: EntityManager, eventId: string): Promise<string[]> {
    const ids = (await this.repo.scheduledMeetings(m, eventId)).map((x) => x.id);
    await this.repo.cancelMeetings(m, ids, this.clock.now(), 'event-cancelled');
    return ids;
  }

  /**
   * Re-plan inside the caller's transaction: cancelled meetings go, everything else stays where it is, freed
   * capacity goes to waiting requests. Notifies only the organisations whose schedule changed.
   */
  async replanInTx(m: EntityManager, e: RoadshowEvent, cancellation: Cancellation, reason: string): Promise<ReplanResponse> {
    const withdrawn = new Set(cancellation.partyIds ?? []);
    const state = await this.scheduleState(m, e, withdrawn);
    const meetings = await this.repo.scheduledMeetings(m, e.id);
    // A cancelled meeting's request is no longer pending, and a withdrawn party is no longer a party:
    // replanMeetings removes their meetings and keeps every other one fixed.
    const byRequest = new Map(meetings.map((x) => [x.requestId, x]));
    const plan = replanMeetings(
      state.input,
      meetings.map((x) => ({ requestId: x.requestId, enterpriseId: x.enterpriseOrgId, presenterId: x.presenterOrgId, priority: 1, slot: x.slotIndex, table: x.tableNumber })),
      cancellation,
    );
    const removed = plan.removed.map((a) => byRequest.get(a.requestId)!).filter(Boolean);
    await this.repo.cancelMeetings(m, removed.map((x) => x.id), this.clock.now(), reason);
    const added = await this.saveAssignments(m, e, state, plan.added);
    const notified = new Set<string>();
    const notes: NewNotification[] = [];
    for (const x of removed) {
      for (const orgId of [x.enterpriseOrgId, x.presenterOrgId]) {
        if (withdrawn.has(orgId)) continue;
        notified.add(orgId);
        notes.push(RoadshowNotices.meetingCancelled(x, state.slots[x.slotIndex].startsAt, orgId));
      }
    }
    for (const x of added) {
      for (const orgId of [x.enterpriseOrgId, x.presenterOrgId]) {
        notified.add(orgId);
        notes.push(RoadshowNotices.meetingAdded(x, orgId));
      }
    }
    await this.notifications.notify(notes, m);
    return { cancelledMeetingIds: removed.map((x) => x.id), addedMeetings: added.map(mapMeeting), notifiedOrgIds: [...notified].sort() };
  }
}
