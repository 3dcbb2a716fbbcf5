import { Injectable } from '@nestjs/common';
import { Actor, Clock, DomainError, TransactionRunner } from '@techbridge/platform';
import { MatchingService } from '@techbridge/matching';
import { AddSuggestionsDto, mapMeetingRequest, MeetingRequestDto, MeetingRequestResponse, WithdrawMeetingRequestResponse } from './dto/roadshow.dto';
import { MeetingRequest, MeetingRequestKind } from './entities/meeting-request.entity';
import { Participant } from './entities/participant.entity';
import { Presentation } from './entities/presentation.entity';
import { MeetingScheduleService } from './meeting-schedule.service';
import { RoadshowAccessPolicy, RoadshowPermission } from './roadshow-access.policy';
import { RoadshowErrors } from './roadshow.exception';
import { RoadshowRepository } from './roadshow.repository';
import { MAX_MUST_MEETS } from './roadshow.rules';
import { PRIORITY_MUST_MEET, PRIORITY_WOULD_LIKE, suggestionPriority } from './scheduling/meeting-scheduler.types';

interface Suggestion {
  enterpriseOrgId: string;
  presentationId: string;
  score: number;
}

/** What the scheduler works from: enterprises' wishes (must-meet, would-like) and the organiser's suggestions. */
@Injectable()
export class MeetingRequestService {
  constructor(
    private readonly matching: MatchingService,
    private readonly schedule: MeetingScheduleService,
    private readonly access: RoadshowAccessPolicy,
    private readonly repo: RoadshowRepository,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async requestMeeting(actor: Actor, eventId: string, dto: MeetingRequestDto): Promise<MeetingRequestResponse> {
    return this.tx.run(async (m) => {
      const e = await this.access.requireAccess(m, actor, RoadshowPermission.Read, eventId, { lock: true });
      if (e.status !== 'registration-open') throw RoadshowErrors.registrationClosed(e.status, e.registrationClosesAt);
      const participant = await this.repo.findActiveParticipant(m, eventId, actor.orgId);
      if (!participant || participant.status !== 'registered') throw RoadshowErrors.notParticipant();
      const p = await this.repo.findPresentation(m, eventId, dto.presentationId);
      if (!p || p.status !== 'accepted') throw RoadshowErrors.presentationNotFound();
      if (p.presenterOrgId === actor.orgId) throw RoadshowErrors.meetingWithSelf();
      if (dto.kind === 'must-meet' && (await this.repo.countMustMeets(m, eventId, actor.orgId)) >= MAX_MUST_MEETS) throw RoadshowErrors.tooManyMustMeets(MAX_MUST_MEETS);
      const priority = (dto.kind === 'must-meet' ? PRIORITY_MUST_MEET : PRIORITY_WOULD_LIKE).toFixed(3);
      const existing = await this.repo.findPendingRequest(m, eventId, actor.orgId, p.id);
      if (existing) {
        // Re-ranking replaces the earlier choice (and an organiser's suggestion for the same pair).
        await this.repo.rerankRequest(m, existing.id, { kind: dto.kind, priority });
        return mapMeetingRequest({ ...existing, kind: dto.kind, priority });
      }
      const [row] = await this.repo.insertRequests(m, [{ eventId, enterpriseOrgId: actor.orgId, presentationId: p.id, presenterOrgId: p.presenterOrgId, kind: dto.kind, priority }]);
      return mapMeetingRequest(row);
    });
  }

  async listRequests(actor: Actor, eventId: string): Promise<MeetingRequestResponse[]> {
    const m = this.tx.manager;
    const e = await this.access.requireAccess(m, actor, RoadshowPermission.Read, eventId);
    const rows = await this.repo.pendingRequests(m, eventId, this.access.isOrganiser(actor, e) ? undefined : actor.orgId);
    return rows.map(mapMeetingRequest);
  }

  /**
   * Withdraw a meeting request: the enterprise its own (wishes or suggestions made to it), the organiser its suggestions.
   * Before meetings are scheduled the request is simply deleted; afterwards it is cancelled and, if it had a meeting,
   * only that meeting is removed and its freed capacity re-planned (the same path as cancelling a meeting).
   */
  async withdrawRequest(actor: Actor, eventId: string, requestId: string): Promise<WithdrawMeetingRequestResponse> {
    const result = await this.tx.run(async (m): Promise<WithdrawMeetingRequestResponse> => {
      const e = await this.access.requireAccess(m, actor, RoadshowPermission.Read, eventId, { lock: true });
      const r = await this.repo.findRequest(m, eventId, requestId);
      const own = !!r && r.enterpriseOrgId === actor.orgId;
      if (!r || (!own && !this.access.isOrganiser(actor, e))) throw RoadshowErrors.meetingRequestNotFound();
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
      await this.repo.cancelRequests(m, [r.id]);
      const replan = meeting ? await this.schedule.replanInTx(m, e, { requestIds: [r.id] }, own ? 'request-withdrawn' : 'suggestion-withdrawn') : null;
      return { requestId: r.id, outcome: 'cancelled', replan };
    });
    if (result.replan) await this.schedule.cancelReminders(result.replan.cancelledMeetingIds);
    return result;
  }

  /**
   * Organiser suggestions from match scores (0-100). They weigh less than any enterprise wish and never
   * replace one. Pairs come from the request (scores from the matching engine's results).
   */
  async addSuggestions(actor: Actor, eventId: string, dto: AddSuggestionsDto): Promise<MeetingRequestResponse[]> {
    return this.tx.run(async (m) => {
      const e = await this.access.requireAccess(m, actor, RoadshowPermission.Organise, eventId, { lock: true });
      if (e.status !== 'registration-open') throw RoadshowErrors.registrationClosed(e.status, e.registrationClosesAt);
      const minScore = dto.minScore ?? (dto.suggestions ? 0 : 60);
      const presentations = new Map((await this.repo.presentationsOf(m, eventId, ['accepted'])).map((p) => [p.id, p]));
      const registered = await this.repo.participantsOf(m, eventId);
      const participants = new Set(registered.map((p) => p.enterpriseOrgId));
      const rows: Array<Partial<MeetingRequest>> = [];
      const suggestions = dto.suggestions ?? (await this.suggestFromMatching(registered, [...presentations.values()]));
      suggestions.forEach((s, i) => {
        const p = presentations.get(s.presentationId);
        if (!p) throw RoadshowErrors.suggestionNotAccepted(i);
        if (!participants.has(s.enterpriseOrgId)) throw RoadshowErrors.suggestionNotRegistered(i);
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
  private async suggestFromMatching(participants: Participant[], presentations: Presentation[]): Promise<Suggestion[]> {
    const pairs = participants.flatMap((p) => p.demandIds.flatMap((demandId) => presentations.filter((x) => x.achievementId).map((x) => ({ demandId, achievementId: x.achievementId! }))));
    const scores = await this.matching.scoreDemandAchievementPairs(pairs);
    const enterpriseOf = new Map(participants.flatMap((p) => p.demandIds.map((d) => [d, p.enterpriseOrgId] as const)));
    const best = new Map<string, Suggestion>();
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
}
