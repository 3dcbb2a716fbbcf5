import { Injectable } from '@nestjs/common';
import { Between, EntityManager, In, Not } from 'typeorm';
import { skipTake } from '@techbridge/platform';
import { EventStatus, RoadshowEvent } from './entities/roadshow-event.entity';
import { RoadshowSession } from './entities/roadshow-session.entity';
import { Presentation, PresentationStatus } from './entities/presentation.entity';
import { Participant } from './entities/participant.entity';
import { MeetingRequest } from './entities/meeting-request.entity';
import { Meeting } from './entities/meeting.entity';
import { ACTIVE_PRESENTATION, MEETING_LIFECYCLE, MEETING_REQUEST_LIFECYCLE } from './roadshow.state-machine';

/** The only TypeORM code of the roadshow context. */
@Injectable()
export class RoadshowRepository {
  // ---- events ----
  saveEvent(m: EntityManager, e: Partial<RoadshowEvent>): Promise<RoadshowEvent> {
    return m.getRepository(RoadshowEvent).save(m.getRepository(RoadshowEvent).create(e));
  }

  findEvent(m: EntityManager, id: string, lock = false): Promise<RoadshowEvent | null> {
    return m.getRepository(RoadshowEvent).findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  async listEvents(
    m: EntityManager,
    q: { page: number; pageSize: number; year?: number; status?: EventStatus; parkCode?: string },
    visibility: { orgId: string | null; all: boolean },
  ): Promise<[RoadshowEvent[], number]> {
    const qb = m.getRepository(RoadshowEvent).createQueryBuilder('e');
    // Planned events are drafts: visible to their organiser (and platform staff) only.
    if (!visibility.all) qb.where(`(e.status <> 'planned' OR e.organiser_org_id = :org)`, { org: visibility.orgId });
    if (q.year) qb.andWhere(`e.starts_at >= :from AND e.starts_at < :to`, { from: yearStart(q.year), to: yearStart(q.year + 1) });
    if (q.status) qb.andWhere('e.status = :status', { status: q.status });
    if (q.parkCode) qb.andWhere('e.park_code = :park', { park: q.parkCode });
    const { skip, take } = skipTake(q);
    return qb.orderBy('e.starts_at', 'ASC').addOrderBy('e.id', 'ASC').skip(skip).take(take).getManyAndCount();
  }

  /** Events a user is responsible for, counted per status (drafts included; the caller decides what counts). */
  async countEventsByResponsible(m: EntityManager, userId: string): Promise<Map<EventStatus, number>> {
    const rows: Array<{ status: EventStatus; n: number }> = await m.query(`SELECT status, count(*)::int AS n FROM roadshow_event WHERE responsible_user_id = $1 GROUP BY status`, [userId]);
    return new Map(rows.map((r) => [r.status, r.n]));
  }

  eventsOfYear(m: EntityManager, year: number): Promise<RoadshowEvent[]> {
    return m.getRepository(RoadshowEvent).find({ where: { startsAt: Between(yearStart(year), new Date(yearStart(year + 1).getTime() - 1)) }, order: { startsAt: 'ASC', id: 'ASC' } });
  }

  // ---- presentations and sessions ----
  savePresentation(m: EntityManager, p: Partial<Presentation>): Promise<Presentation> {
    return m.getRepository(Presentation).save(m.getRepository(Presentation).create(p));
  }

  findPresentation(m: EntityManager, eventId: string, id: string, lock = false): Promise<Presentation | null> {
    return m.getRepository(Presentation).findOne({ where: { id, eventId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  presentationsOf(m: EntityManager, eventId: string, statuses?: PresentationStatus[]): Promise<Presentation[]> {
    return m.getRepository(Presentation).find({ where: { eventId, ...(statuses ? { status: In(statuses) } : {}) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async activePresentationExists(m: EntityManager, eventId: string, subject: { achievementId?: string | null; packageId?: string | null }): Promise<boolean> {
    const where = { eventId, status: In(ACTIVE_PRESENTATION), ...(subject.achievementId ? { achievementId: subject.achievementId } : { packageId: subject.packageId! }) };
    return (await m.getRepository(Presentation).count({ where })) > 0;
  }

  async replaceSessions(m: EntityManager, eventId: string, sessions: Array<Partial<RoadshowSession>>): Promise<RoadshowSession[]> {
    await m.getRepository(Presentation).update({ eventId }, { sessionId: null, startsAt: null, endsAt: null });
    await m.getRepository(RoadshowSession).delete({ eventId });
    if (!sessions.length) return [];
    return m.getRepository(RoadshowSession).save(sessions.map((s) => m.getRepository(RoadshowSession).create(s)));
  }

  async placePresentation(m: EntityManager, id: string, sessionId: string, startsAt: Date, endsAt: Date): Promise<void> {
    await m.getRepository(Presentation).update({ id }, { sessionId, startsAt, endsAt });
  }

  sessionsOf(m: EntityManager, eventId: string): Promise<RoadshowSession[]> {
    return m.getRepository(RoadshowSession).find({ where: { eventId }, order: { startsAt: 'ASC', room: 'ASC' } });
  }

  // ---- participants ----
  saveParticipant(m: EntityManager, p: Partial<Participant>): Promise<Participant> {
    return m.getRepository(Participant).save(m.getRepository(Participant).create(p));
  }

  findActiveParticipant(m: EntityManager, eventId: string, orgId: string): Promise<Participant | null> {
    return m.getRepository(Participant).findOne({ where: { eventId, enterpriseOrgId: orgId, status: Not('cancelled' as const) } });
  }

  findParticipant(m: EntityManager, eventId: string, id: string): Promise<Participant | null> {
    return m.getRepository(Participant).findOne({ where: { eventId, id } });
  }

  countParticipants(m: EntityManager, eventId: string, status: Participant['status']): Promise<number> {
    return m.getRepository(Participant).count({ where: { eventId, status } });
  }

  participantsOf(m: EntityManager, eventId: string, statuses: Participant['status'][] = ['registered']): Promise<Participant[]> {
    return m.getRepository(Participant).find({ where: { eventId, status: In(statuses) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** First on the waiting list, locked so two cancellations never promote the same enterprise. */
  nextWaitlisted(m: EntityManager, eventId: string): Promise<Participant | null> {
    return m
      .getRepository(Participant)
      .createQueryBuilder('p')
      .where(`p.event_id = :eventId AND p.status = 'waitlisted'`, { eventId })
      .orderBy('p.created_at', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .limit(1)
      .getOne();
  }

  async waitlistPosition(m: EntityManager, p: Participant): Promise<number | null> {
    if (p.status !== 'waitlisted') return null;
    const ahead = await m
      .getRepository(Participant)
      .createQueryBuilder('p')
      .where(`p.event_id = :e AND p.status = 'waitlisted' AND (p.created_at < :t OR (p.created_at = :t AND p.id < :id))`, { e: p.eventId, t: p.createdAt, id: p.id })
      .getCount();
    return ahead + 1;
  }

  // ---- meeting requests ----
  async insertRequests(m: EntityManager, rows: Array<Partial<MeetingRequest>>): Promise<MeetingRequest[]> {
    if (!rows.length) return [];
    // A pending request for the same pair wins: an enterprise's own wish is never overwritten by a suggestion.
    const result = await m
      .createQueryBuilder()
      .insert()
      .into(MeetingRequest)
      .values(rows)
      .orIgnore()
      .returning('*')
      .execute();
    const ids = (result.raw as Array<{ id: string }>).map((r) => r.id);
    return ids.length ? m.getRepository(MeetingRequest).find({ where: { id: In(ids) } }) : [];
  }

  findRequest(m: EntityManager, eventId: string, id: string): Promise<MeetingRequest | null> {
    return m.getRepository(MeetingRequest).findOne({ where: { eventId, id } });
  }

  findPendingRequest(m: EntityManager, eventId: string, enterpriseOrgId: string, presentationId: string): Promise<MeetingRequest | null> {
    return m.getRepository(MeetingRequest).findOne({ where: { eventId, enterpriseOrgId, presentationId, status: 'pending' } });
  }

  /** Re-ranking a pending request; its status moves only through `cancelRequests`. */
  async rerankRequest(m: EntityManager, id: string, patch: Pick<MeetingRequest, 'kind' | 'priority'>): Promise<void> {
    await m.getRepository(MeetingRequest).update({ id }, patch);
  }

  async cancelRequests(m: EntityManager, ids: string[]): Promise<void> {
    if (!ids.length) return;
    const { from, to } = MEETING_REQUEST_LIFECYCLE.step('cancel');
    const done = await m.getRepository(MeetingRequest).createQueryBuilder().update().set({ status: to }).where('id IN (:...ids) AND status IN (:...from)', { ids, from }).returning('id').execute();
    MEETING_REQUEST_LIFECYCLE.logStep('cancel', (done.raw as Array<{ id: string }>).map((r) => r.id));
  }

  /** Before meetings are scheduled a withdrawn wish leaves no trace worth keeping (no meeting refers to it). */
  async deleteRequest(m: EntityManager, id: string): Promise<void> {
    await m.getRepository(MeetingRequest).delete({ id });
  }

  pendingRequests(m: EntityManager, eventId: string, enterpriseOrgId?: string): Promise<MeetingRequest[]> {
    return m.getRepository(MeetingRequest).find({ where: { eventId, status: 'pending', ...(enterpriseOrgId ? { enterpriseOrgId } : {}) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  countMustMeets(m: EntityManager, eventId: string, enterpriseOrgId: string): Promise<number> {
    return m.getRepository(MeetingRequest).count({ where: { eventId, enterpriseOrgId, kind: 'must-meet', status: 'pending' } });
  }

  /** A party leaves: its pending requests, on either side, are cancelled. */
  async cancelRequestsOf(m: EntityManager, eventId: string, orgId: string): Promise<void> {
    const { from, to } = MEETING_REQUEST_LIFECYCLE.step('cancel');
    const done = await m
      .createQueryBuilder()
      .update(MeetingRequest)
      .set({ status: to })
      .where(`event_id = :eventId AND status IN (:...from) AND (enterprise_org_id = :orgId OR presenter_org_id = :orgId)`, { eventId, orgId, from })
      .returning('id')
      .execute();
    MEETING_REQUEST_LIFECYCLE.logStep('cancel', (done.raw as Array<{ id: string }>).map((r) => r.id));
  }

  allRequests(m: EntityManager, eventId: string): Promise<MeetingRequest[]> {
    return m.getRepository(MeetingRequest).find({ where: { eventId } });
  }

  // ---- meetings ----
  async insertMeetings(m: EntityManager, rows: Array<Partial<Meeting>>): Promise<Meeting[]> {
    if (!rows.length) return [];
    return m.getRepository(Meeting).save(rows.map((r) => m.getRepository(Meeting).create(r)));
  }

  scheduledMeetings(m: EntityManager, eventId: string): Promise<Meeting[]> {
    return m.getRepository(Meeting).find({ where: { eventId, status: 'scheduled' }, order: { slotIndex: 'ASC', tableNumber: 'ASC' } });
  }

  allMeetings(m: EntityManager, eventId: string): Promise<Meeting[]> {
    return m.getRepository(Meeting).find({ where: { eventId }, order: { slotIndex: 'ASC', tableNumber: 'ASC' } });
  }

  meetingsOfOrg(m: EntityManager, eventId: string, orgId: string): Promise<Meeting[]> {
    return m
      .getRepository(Meeting)
      .createQueryBuilder('x')
      .where(`x.event_id = :eventId AND x.status = 'scheduled' AND (x.enterprise_org_id = :orgId OR x.presenter_org_id = :orgId)`, { eventId, orgId })
      .orderBy('x.starts_at', 'ASC')
      .getMany();
  }

  findMeeting(m: EntityManager, id: string, lock = false): Promise<Meeting | null> {
    return m.getRepository(Meeting).findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  async cancelMeetings(m: EntityManager, ids: string[], at: Date, reason: string): Promise<void> {
    if (!ids.length) return;
    const { from, to } = MEETING_LIFECYCLE.step('cancel');
    await m.getRepository(Meeting).update({ id: In(ids), status: In([...from]) }, { status: to, cancelledAt: at, cancelReason: reason });
    MEETING_LIFECYCLE.logStep('cancel', ids);
  }

  /** Outcomes and follow-up marks; a meeting's status moves only through `cancelMeetings`. */
  async updateMeeting(m: EntityManager, id: string, patch: Partial<Omit<Meeting, 'status'>>): Promise<void> {
    await m.getRepository(Meeting).update({ id }, patch);
  }
}

function yearStart(year: number): Date {
  // Years follow Beijing time: an event at 00:30 on 1 January Beijing time belongs to the new year.
  return new Date(Date.UTC(year, 0, 1) - 8 * 3600_000);
}
