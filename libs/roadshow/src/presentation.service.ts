import { Injectable } from '@nestjs/common';
import { Actor, Clock, DomainError, JobName, OutboxService, TransactionRunner } from '@techbridge/platform';
import { CatalogService } from '@techbridge/catalog';
import { NewNotification, NotificationService } from '@techbridge/notification';
import { planAgenda } from './agenda/agenda-planner';
import { AgendaResponse, ApplyPresentationDto, mapPresentation, mapSession, PresentationResponse } from './dto/roadshow.dto';
import { PresentationOrigin } from './entities/presentation.entity';
import { RoadshowEvent } from './entities/roadshow-event.entity';
import { dayIntervals } from './event-calendar';
import { RoadshowAccessPolicy, RoadshowPermission } from './roadshow-access.policy';
import { RoadshowErrors } from './roadshow.exception';
import { RoadshowNotices } from './roadshow.notices';
import { RoadshowRepository } from './roadshow.repository';
import { MAX_PER_SESSION, RoadshowJobIds } from './roadshow.rules';
import { PRESENTATION_LIFECYCLE, PresentationDecision, presentationAction, PROGRAMME_OPEN } from './roadshow.state-machine';

interface PresentationSubject {
  achievementId: string | null;
  packageId: string | null;
  ownerId: string;
  title: string;
  industry: string;
}

/** The programme: applications and invitations to present, decisions on them, and the agenda of theme sessions. */
@Injectable()
export class PresentationService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: RoadshowRepository,
    private readonly access: RoadshowAccessPolicy,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly notifications: NotificationService,
    private readonly catalog: CatalogService,
  ) {}

  private async subjectOf(dto: ApplyPresentationDto): Promise<PresentationSubject> {
    if (!!dto.achievementId === !!dto.packageId) throw RoadshowErrors.exactlyOneSubject();
    if (dto.packageId) {
      // A technology package is presented by its curator organisation (the broker or transfer institution that built it).
      const p = await this.catalog.getPublishedPackage(dto.packageId);
      return { achievementId: null, packageId: p.id, ownerId: p.curatorOrgId, title: p.title, industry: p.industry };
    }
    const a = await this.catalog.getPublishedAchievement(dto.achievementId!);
    return { achievementId: a.id, packageId: null, ownerId: a.owner.id, title: a.title, industry: a.industry };
  }

  private assertProgrammeOpen(e: RoadshowEvent, step: string): void {
    if (!PROGRAMME_OPEN.includes(e.status)) throw DomainError.illegalTransition('roadshow event', e.status, step);
  }

  /** The owner of a published achievement or package asks to present it. */
  async applyPresentation(actor: Actor, eventId: string, dto: ApplyPresentationDto): Promise<PresentationResponse> {
    const subject = await this.subjectOf(dto);
    if (subject.ownerId !== actor.orgId) throw RoadshowErrors.notOwner(subject.packageId ? 'packageId' : 'achievementId');
    return this.addToProgramme(actor, eventId, subject, 'application');
  }

  /** The organiser invites the owner of a published achievement or package to present it. */
  async invitePresentation(actor: Actor, eventId: string, dto: ApplyPresentationDto): Promise<PresentationResponse> {
    return this.addToProgramme(actor, eventId, await this.subjectOf(dto), 'invitation');
  }

  /** An application waits for the organiser, an invitation for the owner: the side that has to decide is told. */
  private async addToProgramme(actor: Actor, eventId: string, subject: PresentationSubject, origin: PresentationOrigin): Promise<PresentationResponse> {
    const invitation = origin === 'invitation';
    const saved = await this.tx.run(async (m) => {
      const e = await this.access.requireAccess(m, actor, invitation ? RoadshowPermission.Organise : RoadshowPermission.Read, eventId, { lock: true });
      this.assertProgrammeOpen(e, invitation ? 'invite a presenter' : 'apply to present');
      if (await this.repo.activePresentationExists(m, eventId, subject)) throw RoadshowErrors.duplicatePresentation();
      const { achievementId, packageId, title, industry } = subject;
      const p = await this.repo.savePresentation(m, { eventId, presenterOrgId: subject.ownerId, achievementId, packageId, title, industry, origin, status: invitation ? 'invited' : 'applied' });
      await this.notifications.notify(invitation ? RoadshowNotices.presentationInvited(e, p) : RoadshowNotices.presentationApplied(e, p), m);
      return p;
    });
    return mapPresentation(saved);
  }

  /** Organisers accept or decline applications; invited owners accept or decline invitations; owners may withdraw. */
  async decidePresentation(actor: Actor, eventId: string, presentationId: string, decision: PresentationDecision): Promise<PresentationResponse> {
    const saved = await this.tx.run(async (m) => {
      const e = await this.access.requireAccess(m, actor, RoadshowPermission.Read, eventId, { lock: true });
      const p = await this.repo.findPresentation(m, eventId, presentationId, true);
      const organiser = this.access.isOrganiser(actor, e);
      const owner = p?.presenterOrgId === actor.orgId;
      if (!p || (!organiser && !owner)) throw RoadshowErrors.presentationNotFound();
      this.assertProgrammeOpen(e, `${decision} a presentation`);
      p.status = PRESENTATION_LIFECYCLE.next(p.status, presentationAction(p.status, decision, { organiser, owner }), p.id);
      p.decidedAt = this.clock.now();
      const target = owner && !organiser ? e.organiserOrgId : p.presenterOrgId;
      await this.notifications.notify(RoadshowNotices.presentationDecided(e, p, target), m);
      return this.repo.savePresentation(m, p);
    });
    return mapPresentation(saved);
  }

  async listPresentations(actor: Actor | null, eventId: string): Promise<PresentationResponse[]> {
    const m = this.tx.manager;
    const e = await this.access.requireAccess(m, actor, RoadshowPermission.Read, eventId);
    const rows = await this.repo.presentationsOf(m, eventId);
    const organiser = this.access.isOrganiser(actor, e);
    // The public programme shows accepted presentations; organisers and presenters see their pending ones too.
    return rows.filter((p) => p.status === 'accepted' || organiser || p.presenterOrgId === actor?.orgId).map(mapPresentation);
  }

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
        const notes: NewNotification[] = plan.sessions.flatMap((s) => s.items.map((item) => RoadshowNotices.agendaSet(e, item, s.room)));
        await this.notifications.notify(notes, m);
        e.agendaBuiltAt = this.clock.now();
        await this.repo.saveEvent(m, e);
      }
      await this.outbox.enqueue(m, JobName.RoadshowScheduleMeetings, { eventId }, { jobId: RoadshowJobIds.scheduleMeetings(eventId) });
    });
  }

  async agenda(actor: Actor | null, eventId: string): Promise<AgendaResponse> {
    const m = this.tx.manager;
    const e = await this.access.requireAccess(m, actor, RoadshowPermission.Read, eventId);
    const [sessions, presentations] = await Promise.all([this.repo.sessionsOf(m, eventId), this.repo.presentationsOf(m, eventId, ['accepted'])]);
    return {
      eventId,
      builtAt: e.agendaBuiltAt?.toISOString() ?? null,
      sessions: sessions.map((s) => mapSession(s, presentations)),
      unplaced: e.agendaBuiltAt ? presentations.filter((p) => !p.sessionId).map(mapPresentation) : [],
    };
  }
}
