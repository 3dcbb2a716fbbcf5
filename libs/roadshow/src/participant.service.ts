import { Injectable } from '@nestjs/common';
import { Actor, Clock, DomainError, Page, pageOf, TransactionRunner } from '@techbridge/platform';
import { DemandService } from '@techbridge/demand';
import { NotificationService } from '@techbridge/notification';
import { mapParticipant, ParticipantResponse, RegisterParticipantDto } from './dto/roadshow.dto';
import { eventSlots } from './event-calendar';
import { MeetingScheduleService } from './meeting-schedule.service';
import { RoadshowAccessPolicy, RoadshowPermission } from './roadshow-access.policy';
import { RoadshowErrors } from './roadshow.exception';
import { RoadshowNotices } from './roadshow.notices';
import { RoadshowRepository } from './roadshow.repository';
import { PARTICIPANT_LIFECYCLE } from './roadshow.state-machine';

/** Enterprises registering for an event, the waiting list, and withdrawals. */
@Injectable()
export class ParticipantService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: RoadshowRepository,
    private readonly access: RoadshowAccessPolicy,
    private readonly schedule: MeetingScheduleService,
    private readonly clock: Clock,
    private readonly notifications: NotificationService,
    private readonly demands: DemandService,
  ) {}

  async register(actor: Actor, eventId: string, dto: RegisterParticipantDto): Promise<ParticipantResponse> {
    this.access.requireEnterprise(actor);
    if (dto.demandIds?.length) {
      const own = new Set((await this.demands.getDemandsByIds(dto.demandIds)).filter((d) => d.enterprise.id === actor.orgId).map((d) => d.id));
      const bad = dto.demandIds.findIndex((id) => !own.has(id));
      if (bad >= 0) throw RoadshowErrors.notOwnDemand(bad);
    }
    return this.tx.run(async (m) => {
      // The event row lock serialises registrations, so the capacity check cannot be raced.
      const e = await this.access.requireAccess(m, actor, RoadshowPermission.Read, eventId, { lock: true });
      this.access.requireAttendee(actor, e);
      const now = this.clock.now();
      if (e.status !== 'registration-open' || now < e.registrationOpensAt || now >= e.registrationClosesAt) throw RoadshowErrors.registrationClosed(e.status, e.registrationClosesAt);
      const slotCount = eventSlots(e).length;
      const bad = (dto.availableSlots ?? []).findIndex((s) => s >= slotCount);
      if (bad >= 0) throw RoadshowErrors.slotOutOfRange(bad, slotCount);
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
    await this.access.requireAccess(m, actor, RoadshowPermission.Read, eventId);
    const p = await this.repo.findActiveParticipant(m, eventId, actor.orgId);
    if (!p) throw RoadshowErrors.participantNotFound();
    return mapParticipant(p, await this.repo.waitlistPosition(m, p));
  }

  async listParticipants(actor: Actor, eventId: string, q: { page: number; pageSize: number }): Promise<Page<ParticipantResponse>> {
    const m = this.tx.manager;
    await this.access.requireAccess(m, actor, RoadshowPermission.Organise, eventId);
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
      const e = await this.access.requireAccess(m, actor, RoadshowPermission.Read, eventId, { lock: true });
      if (!['registration-open', 'scheduled'].includes(e.status)) throw DomainError.illegalTransition('roadshow event', e.status, 'cancel a registration');
      const p = await this.repo.findActiveParticipant(m, eventId, actor.orgId);
      if (!p) throw RoadshowErrors.participantNotFound();
      const wasRegistered = p.status === 'registered';
      p.status = PARTICIPANT_LIFECYCLE.next(p.status, 'withdraw', p.id);
      p.cancelledAt = this.clock.now();
      await this.repo.saveParticipant(m, p);
      if (e.meetingsScheduledAt) {
        const replan = await this.schedule.replanInTx(m, e, { partyIds: [actor.orgId] }, 'participant-withdrew');
        removedMeetingIds.push(...replan.cancelledMeetingIds);
      }
      await this.repo.cancelRequestsOf(m, eventId, actor.orgId);
      if (wasRegistered) {
        const next = await this.repo.nextWaitlisted(m, eventId);
        if (next) {
          next.status = PARTICIPANT_LIFECYCLE.next(next.status, 'promote', next.id);
          next.promotedAt = this.clock.now();
          await this.repo.saveParticipant(m, next);
          await this.notifications.notify(RoadshowNotices.promoted(e, next), m);
        }
      }
      return mapParticipant(p);
    });
    await this.schedule.cancelReminders(removedMeetingIds);
    return result;
  }
}
