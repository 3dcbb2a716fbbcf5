import { Injectable } from '@nestjs/common';
import { Actor, TransactionRunner } from '@techbridge/platform';
import { EventReportResponse } from './dto/roadshow.dto';
import { EventStatus } from './entities/roadshow-event.entity';
import { RoadshowAccessPolicy, RoadshowPermission } from './roadshow-access.policy';
import { RoadshowRepository } from './roadshow.repository';

/** Reports on events: the organiser's event report and a broker's event counts. */
@Injectable()
export class RoadshowReportService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: RoadshowRepository,
    private readonly access: RoadshowAccessPolicy,
  ) {}

  async report(actor: Actor, eventId: string): Promise<EventReportResponse> {
    const m = this.tx.manager;
    const e = await this.access.requireAccess(m, actor, RoadshowPermission.Organise, eventId);
    const [presentations, participants, requests, meetings] = await Promise.all([
      this.repo.presentationsOf(m, eventId),
      this.repo.participantsOf(m, eventId, ['registered', 'waitlisted', 'cancelled']),
      this.repo.allRequests(m, eventId),
      this.repo.allMeetings(m, eventId),
    ]);
    const live = meetings.filter((x) => x.status === 'scheduled');
    const requestById = new Map(requests.map((r) => [r.id, r]));
    const count = <T>(xs: T[], f: (x: T) => boolean): number => xs.filter(f).length;
    return {
      eventId,
      status: e.status,
      presentations: {
        applied: count(presentations, (p) => p.origin === 'application'),
        accepted: count(presentations, (p) => p.status === 'accepted'),
        declined: count(presentations, (p) => p.status === 'declined'),
        placed: count(presentations, (p) => p.status === 'accepted' && !!p.sessionId),
      },
      participants: {
        registered: count(participants, (p) => p.status === 'registered'),
        waitlisted: count(participants, (p) => p.status === 'waitlisted'),
        cancelled: count(participants, (p) => p.status === 'cancelled'),
      },
      meetings: {
        requested: requests.length,
        scheduled: live.length,
        cancelled: count(meetings, (x) => x.status === 'cancelled'),
        held: count(live, (x) => x.outcome === 'intention' || x.outcome === 'no-interest'),
        noShows: count(live, (x) => x.outcome === 'no-show'),
        intentions: count(live, (x) => x.outcome === 'intention'),
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

  /** Events a broker is responsible for: those that took place (held or closed) and those announced and still ahead; drafts and cancelled ones do not count. */
  async eventsOrganisedBy(userId: string): Promise<{ held: number; upcoming: number }> {
    const by = await this.repo.countEventsByResponsible(this.tx.manager, userId);
    const n = (...statuses: EventStatus[]) => statuses.reduce((a, s) => a + (by.get(s) ?? 0), 0);
    return { held: n('held', 'closed'), upcoming: n('registration-open', 'scheduled') };
  }
}
