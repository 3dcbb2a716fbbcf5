import { Injectable } from '@nestjs/common';
import { Actor, Clock, TransactionRunner } from '@techbridge/platform';
import { MatchPipelineService } from '@techbridge/matching';
import { NotificationService } from '@techbridge/notification';
import { mapMeeting, MeetingResponse, RecordOutcomeDto } from './dto/roadshow.dto';
import { RoadshowAccessPolicy, RoadshowPermission } from './roadshow-access.policy';
import { RoadshowErrors } from './roadshow.exception';
import { RoadshowNotices } from './roadshow.notices';
import { RoadshowRepository } from './roadshow.repository';
import { nextEventStatus } from './roadshow.state-machine';

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

/** After the event: the follow-up request to the responsible broker, outcomes of meetings, and the intentions they yield. */
@Injectable()
export class MeetingOutcomeService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: RoadshowRepository,
    private readonly access: RoadshowAccessPolicy,
    private readonly clock: Clock,
    private readonly notifications: NotificationService,
    private readonly pipeline: MatchPipelineService,
  ) {}

  /** Job, 7 days after the event: ask the responsible broker to record every meeting's outcome. */
  async requestFollowUp(eventId: string): Promise<void> {
    await this.tx.run(async (m) => {
      const e = await this.repo.findEvent(m, eventId, true);
      if (!e || e.status === 'cancelled' || e.followUpRequestedAt) return;
      const now = this.clock.now();
      if (e.status === 'scheduled' && now >= e.endsAt) e.status = nextEventStatus(e.status, 'mark-held', e.id);
      const pending = (await this.repo.scheduledMeetings(m, eventId)).filter((x) => !x.outcome);
      for (const x of pending) await this.repo.updateMeeting(m, x.id, { outcomeRequestedAt: now });
      await this.notifications.notify(RoadshowNotices.followUp(e, pending.length), m);
      e.followUpRequestedAt = now;
      await this.repo.saveEvent(m, e);
    });
  }

  /**
   * One unit of work: the outcome, the pairs an intention moves forward in the broker pipeline (through the matching
   * facade, joining this transaction) and the ids of the matches moved, commit together or not at all.
   */
  async recordOutcome(actor: Actor, eventId: string, meetingId: string, dto: RecordOutcomeDto): Promise<MeetingResponse> {
    if (dto.outcome === 'no-interest' && !dto.reason) throw RoadshowErrors.reasonRequired();
    const meeting = await this.tx.run(async (m) => {
      const e = await this.access.requireAccess(m, actor, RoadshowPermission.Organise, eventId);
      const x = await this.repo.findMeeting(m, meetingId, true);
      if (!x || x.eventId !== e.id) throw RoadshowErrors.meetingNotFound();
      if (x.status !== 'scheduled') throw RoadshowErrors.meetingNotCancellable(x.status);
      if (this.clock.now() < x.startsAt) throw RoadshowErrors.outcomeTooEarly();
      const p = await this.repo.findPresentation(m, eventId, x.presentationId);
      const participant = (await this.repo.participantsOf(m, eventId, ['registered', 'cancelled'])).find((q) => q.enterpriseOrgId === x.enterpriseOrgId);
      const pairs = dto.outcome === 'intention' && p?.achievementId ? (participant?.demandIds ?? []).map((demandId) => ({ demandId, achievementId: p.achievementId! })) : [];
      const advanced = pairs.length ? await this.pipeline.advancePairs(actor, pairs, 'roadshow 1:1 meeting: intention', m) : [];
      const advancedMatchIds = advanced.length ? advanced : x.advancedMatchIds;
      const patch = { outcome: dto.outcome, outcomeReason: dto.reason ?? null, outcomeRecordedAt: this.clock.now(), outcomeRecordedBy: actor.userId, advancedMatchIds };
      await this.repo.updateMeeting(m, x.id, patch);
      return { ...x, ...patch };
    });
    return mapMeeting(meeting);
  }

  /** Intentions recorded at an event, for the match pipeline and monitoring. */
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

  /** Meetings of an event that took place (an outcome other than a no-show was recorded): the records behind monitoring's 1:1 meetings figure. */
  async heldMeetingIds(eventId: string): Promise<string[]> {
    return (await this.repo.allMeetings(this.tx.manager, eventId)).filter((x) => x.status === 'scheduled' && !!x.outcome && x.outcome !== 'no-show').map((x) => x.id);
  }
}
