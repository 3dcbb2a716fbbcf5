import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor, DomainError, TransactionRunner } from '@techbridge/platform';
import { AuctionSessionRecord, HeldEventRecord, InvestorRoadshowRecord, MeetingRequestResponse, YearPlanResponse } from './dto/roadshow.dto';
import { MeetingRequestService } from './meeting-request.service';
import { RoadshowAccessPolicy, RoadshowPermission } from './roadshow-access.policy';
import { RoadshowEventService } from './roadshow-event.service';
import { RoadshowReportService } from './roadshow-report.service';
import { RoadshowErrors } from './roadshow.exception';
import { RoadshowRepository } from './roadshow.repository';
import { EVENT_LIFECYCLE } from './roadshow.state-machine';

/** The roadshow context's facade for other contexts (monitoring, contracts): read-only plans, figures and records. */
@Injectable()
export class RoadshowService {
  constructor(
    private readonly events: RoadshowEventService,
    private readonly reports: RoadshowReportService,
    private readonly repo: RoadshowRepository,
    private readonly tx: TransactionRunner,
    private readonly access: RoadshowAccessPolicy,
    private readonly requests: MeetingRequestService,
  ) {}

  yearPlan(actor: Actor | null, year: number): Promise<YearPlanResponse> {
    return this.events.yearPlan(actor, year);
  }

  eventsOrganisedBy(userId: string): Promise<{ held: number; upcoming: number }> {
    return this.reports.eventsOrganisedBy(userId);
  }

  /** Events held in [from, to) (by their start) with the meetings that took place and the intentions: the records behind monitoring's event figures. */
  async eventsHeldBetween(from: Date, to: Date): Promise<HeldEventRecord[]> {
    const rows = await this.repo.eventsHeldBetween(this.tx.manager, { from, to });
    return rows.map((r) => ({ id: r.id, parkCode: r.park_code, large: r.large, meetingIds: r.meeting_ids, intentionMeetingIds: r.intention_meeting_ids }));
  }

  /**
   * An investor roadshow's registered funds and accepted presentations, for its organiser: what finance scores to
   * suggest 1:1 meetings (roadshow cannot read finance's profiles; finance sits above it).
   */
  async investorRoadshowPairs(actor: Actor, eventId: string): Promise<InvestorRoadshowRecord> {
    const m = this.tx.manager;
    const e = await this.access.requireAccess(m, actor, RoadshowPermission.Organise, eventId);
    if (e.kind !== 'investor') throw DomainError.illegalTransition('roadshow event', e.kind, 'suggest investor meetings');
    const funds = (await this.repo.participantsOf(m, eventId)).map((p) => p.enterpriseOrgId);
    const presentations = (await this.repo.presentationsOf(m, eventId, ['accepted'])).map((p) => ({ id: p.id, presenterOrgId: p.presenterOrgId }));
    return { fundOrgIds: funds, presentations };
  }

  /**
   * A live auction held as a session of the event (路演/对接会 with an auction), asked by the market when the seller
   * announces it: the event must still be ahead (it can be cancelled: planned, registration open or scheduled), the
   * session must lie within the event's time, and the seller must present the auctioned achievement or package at the
   * event (an accepted presentation) or organise the event itself. Answers what the auction shows of the event.
   */
  async auctionSession(q: { eventId: string; sellerOrgId: string; subjectId: string; startsAt: Date; endsAt: Date }, within?: EntityManager): Promise<AuctionSessionRecord> {
    const m = within ?? this.tx.manager;
    const e = await this.repo.findEvent(m, q.eventId);
    if (!e) throw RoadshowErrors.eventNotFound();
    if (!EVENT_LIFECYCLE.can(e.status, 'cancel')) throw DomainError.illegalTransition('roadshow event', e.status, 'host an auction session');
    if (q.startsAt < e.startsAt || q.endsAt > e.endsAt) throw RoadshowErrors.sessionOutsideEvent(e.startsAt, e.endsAt);
    if (e.organiserOrgId !== q.sellerOrgId) {
      const presented = (await this.repo.presentationsOf(m, e.id, ['accepted']))
        .some((p) => p.presenterOrgId === q.sellerOrgId && (p.achievementId === q.subjectId || p.packageId === q.subjectId));
      if (!presented) throw RoadshowErrors.notPresented();
    }
    return { eventId: e.id, title: e.title, venue: e.venue, onlineLink: e.onlineLink, startsAt: e.startsAt.toISOString(), endsAt: e.endsAt.toISOString() };
  }

  /** The organiser's suggested meetings with their match scores (they weigh less than any wish; the scheduler places them). */
  suggestMeetings(actor: Actor, eventId: string, suggestions: Array<{ enterpriseOrgId: string; presentationId: string; score: number }>, minScore: number): Promise<MeetingRequestResponse[]> {
    return this.requests.addSuggestions(actor, eventId, { suggestions, minScore });
  }
}
