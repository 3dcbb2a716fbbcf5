import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { IdentityService, OrganisationResponse } from '@techbridge/identity';
import {
  Actor, Clock, DomainError, isFieldOf, JobName, OutboxService, Page, pageOf, skipTake, TransactionRunner, trlStage,
} from '@techbridge/platform';
import { AchievementRepository } from './achievement.repository';
import { AchievementPermission, CatalogAccessPolicy } from './catalog-access.policy';
import { ACHIEVEMENTS_INDEX, PACKAGES_INDEX } from './catalog-indexes';
import { AchievementAction, EDITABLE_STATES, nextAchievementStatus } from './achievement.state-machine';
import { CatalogErrors } from './catalog.exception';
import {
  AchievementEventResponse, AchievementListQuery, AchievementResponse, CreateAchievementDto, mapAchievement, OwnerLike, UpdateAchievementDto,
  PublishedAchievementRecord,
} from './dto/achievement.dto';
import { Achievement, TrlStage } from './entities/achievement.entity';
import { listingQualityWarnings } from './listing-quality';
import { PackageResponse } from './dto/package.dto';
import { PackageRepository } from './package.repository';
import { PackageService } from './package.service';

export { ACHIEVEMENTS_INDEX, PACKAGES_INDEX };

/** The owner types of the search contract; other organisation kinds show as 'other'. */
export function ownerTypeOf(orgType: string): 'university' | 'institute' | 'enterprise' | 'individual' | 'other' {
  return orgType === 'university' || orgType === 'institute' || orgType === 'enterprise' || orgType === 'individual' ? orgType : 'other';
}

function ownerLike(o: OrganisationResponse | undefined | null): OwnerLike | undefined {
  return o ? { id: o.id, name: o.name, type: ownerTypeOf(o.type), region: o.region, claimed: o.claimed } : undefined;
}

/**
 * Achievements: the owner's edits, the review lifecycle, visibility, counters; also the facade other contexts use
 * (getAchievementsByIds, getPublishedAchievement, listPublishedAchievementIdsOfOwner, getPublishedPackage).
 */
@Injectable()
export class CatalogService {
  constructor(
    private readonly repo: AchievementRepository,
    private readonly packages: PackageRepository,
    private readonly tx: TransactionRunner,
    private readonly outbox: OutboxService,
    private readonly identity: IdentityService,
    private readonly clock: Clock,
    private readonly packageService: PackageService,
    private readonly access: CatalogAccessPolicy,
  ) {}

  // ---- facade for other contexts ----

  /** A published technology package with its achievements (in the curator's order); 404 when missing or not published. */
  getPublishedPackage(id: string): Promise<PackageResponse> {
    return this.packageService.getPublished(id);
  }

  /** For the matching reconciler: (id, version) of published achievements after `after` in id order, changed before `changedBefore`. */
  publishedAchievementVersions(after: string | null, limit: number, changedBefore: Date): Promise<Array<{ id: string; version: number }>> {
    return this.repo.publishedVersionsPage(this.tx.manager, after, limit, changedBefore);
  }

  /** Any status, no permission filter: for other contexts' internal use (matching, roadshow, contracts). Order follows `ids`. */
  async getAchievementsByIds(ids: string[]): Promise<AchievementResponse[]> {
    const rows = await this.repo.findMany(this.tx.manager, ids);
    const mapped = await this.mapMany(rows, { withContact: true });
    const byId = new Map(mapped.map((a) => [a.id, a]));
    return ids.map((id) => byId.get(id)).filter((a): a is AchievementResponse => !!a);
  }

  async getPublishedAchievement(id: string): Promise<AchievementResponse> {
    const a = await this.repo.find(this.tx.manager, id);
    if (!a || a.status !== 'published') throw CatalogErrors.achievementNotFound();
    return (await this.mapMany([a]))[0];
  }

  /** For the market's valuation band: achievements of the same sub-field with a TRL in [trlFrom, trlTo]. */
  achievementIdsOfFieldAndTrl(q: { industry: string; field: string | null; trlFrom: number; trlTo: number }): Promise<string[]> {
    return this.repo.idsOfFieldAndTrl(this.tx.manager, q);
  }

  listPublishedAchievementIdsOfOwner(orgId: string): Promise<string[]> {
    return this.repo.publishedIdsOfOwner(this.tx.manager, orgId);
  }

  // ---- owner side ----

  async create(actor: Actor, dto: CreateAchievementDto): Promise<AchievementResponse> {
    this.checkField(dto.industry, dto.field);
    const saved = await this.tx.run(async (m) => {
      const a = await this.repo.save(m, {
        ownerId: actor.orgId,
        ownerType: ownerTypeOf(actor.orgType),
        source: 'manual',
        externalId: null,
        title: dto.title.trim(),
        summary: dto.summary.trim(),
        keywords: dto.keywords ?? [],
        industry: dto.industry,
        field: dto.field ?? null,
        trl: dto.trl,
        stage: (dto.stage ?? trlStage(dto.trl) ?? 'lab') as TrlStage,
        trlEvidence: dto.trlEvidence ?? null,
        trlAssessedBy: dto.trlAssessedBy ?? 'self',
        transferModes: [...new Set(dto.transferModes ?? [])],
        pricingMethod: dto.pricingMethod ?? null,
        askingPrice: dto.askingPrice ?? null,
        patents: dto.patents ?? [],
        fundingSource: dto.fundingSource ?? null,
        award: dto.award ?? null,
        contact: dto.contact ? { ...dto.contact } : null,
        status: 'draft',
        qualityWarnings: [],
        createdBy: actor.userId,
      });
      await this.identity.audit(m, actor, { action: 'achievement.create', entityType: 'achievement', entityId: a.id });
      return a;
    });
    return this.mapOne(saved, actor);
  }

  async update(actor: Actor, id: string, dto: UpdateAchievementDto): Promise<AchievementResponse> {
    const saved = await this.tx.run(async (m) => {
      const a = await this.loadOwnedForEdit(actor, id, m);
      const industry = dto.industry ?? a.industry;
      const field = dto.field !== undefined ? dto.field : dto.industry && dto.industry !== a.industry ? null : a.field;
      this.checkField(industry, field ?? undefined);
      const changes: Partial<Achievement> = {};
      const assign = <K extends keyof Achievement>(k: K, v: Achievement[K] | undefined) => {
        if (v !== undefined) changes[k] = v;
      };
      assign('title', dto.title?.trim());
      assign('summary', dto.summary?.trim());
      assign('keywords', dto.keywords);
      assign('industry', dto.industry);
      changes.field = field ?? null;
      assign('trl', dto.trl);
      if (dto.stage) changes.stage = dto.stage;
      else if (dto.trl !== undefined) changes.stage = (trlStage(dto.trl) ?? a.stage) as TrlStage;
      assign('trlEvidence', dto.trlEvidence);
      assign('trlAssessedBy', dto.trlAssessedBy);
      if (dto.transferModes) changes.transferModes = [...new Set(dto.transferModes)];
      assign('pricingMethod', dto.pricingMethod);
      if (dto.askingPrice !== undefined) changes.askingPrice = dto.askingPrice;
      assign('patents', dto.patents);
      assign('fundingSource', dto.fundingSource);
      assign('award', dto.award);
      if (dto.contact) changes.contact = { ...dto.contact };
      Object.assign(a, changes);
      const out = await this.repo.save(m, a);
      await this.identity.audit(m, actor, { action: 'achievement.update', entityType: 'achievement', entityId: a.id, changes: { fields: Object.keys(changes) } });
      if (a.status === 'published') {
        await this.outbox.indexChanged(m, ACHIEVEMENTS_INDEX, a.id);
        await this.outbox.indexChanged(m, PACKAGES_INDEX, await this.packages.touchPublishedContaining(m, [a.id]));
        // Its stored matches are scored again (one score per pair everywhere) and new demands it now solves are found.
        await this.outbox.enqueue(m, JobName.ComputeAchievementMatches, { achievementId: a.id }, { jobId: `achievement:${a.id}:matches:edit:${out.version}` });
      }
      return out;
    });
    return this.mapOne(saved, actor);
  }

  async transition(actor: Actor, id: string, action: AchievementAction, comment?: string): Promise<AchievementResponse> {
    const saved = await this.tx.run(async (m) => {
      // Reviewers approve and return; the owner walks its own achievement; a platform administrator may also take one down.
      const permission = action === 'approve' || action === 'return' ? AchievementPermission.Review : action === 'withdraw' ? AchievementPermission.Withdraw : AchievementPermission.Edit;
      const a = await this.access.requireAchievement(m, actor, permission, id, { lock: true });
      const from = a.status;
      const to = nextAchievementStatus(from, action);
      const now = this.clock.now();
      a.status = to;
      if (action === 'submit' || action === 'resubmit') {
        a.submittedAt = now;
        a.qualityWarnings = listingQualityWarnings(a);
      }
      if (action === 'approve') {
        a.publishedAt = now;
        a.reviewComment = comment ?? null;
      }
      if (action === 'return') a.reviewComment = comment ?? null;
      const out = await this.repo.save(m, a);
      await this.repo.insertEvent(m, { achievementId: a.id, action, fromStatus: from, toStatus: to, actorUserId: actor.userId, comment: comment ?? null });
      await this.identity.audit(m, actor, { action: `achievement.${action}`, entityType: 'achievement', entityId: a.id, changes: { from, to } });
      if (from === 'published' || to === 'published') {
        await this.outbox.indexChanged(m, ACHIEVEMENTS_INDEX, a.id);
        // Packages show figures over their published members: re-project the ones listing this achievement.
        await this.outbox.indexChanged(m, PACKAGES_INDEX, await this.packages.touchPublishedContaining(m, [a.id]));
      }
      // A newly published achievement looks for the demands it could solve (the worker notifies both sides).
      if (to === 'published') {
        await this.outbox.enqueue(m, JobName.ComputeAchievementMatches, { achievementId: a.id }, { jobId: `achievement:${a.id}:matches:${now.getTime()}` });
        // Saved searches that find it alert their owners (once per search and achievement, however often it is published).
        await this.outbox.enqueue(m, JobName.AlertSavedSearches, { subject: 'achievement', id: a.id }, { jobId: `achievement:${a.id}:saved-search-alerts:${now.getTime()}` });
      }
      return out;
    });
    return this.mapOne(saved, actor);
  }

  // ---- reading ----

  async get(actor: Actor | null, id: string): Promise<AchievementResponse> {
    const a = await this.access.requireAchievement(this.tx.manager, actor, AchievementPermission.Read, id);
    if (a.status === 'published' && !this.access.isOwnerMember(actor, a)) {
      await this.repo.incrementViews(this.tx.manager, a.id);
      a.viewCount += 1;
    }
    return this.mapOne(a, actor);
  }

  async list(actor: Actor | null, q: AchievementListQuery): Promise<Page<AchievementResponse>> {
    const m = this.tx.manager;
    const visibleTo = await this.access.listScope(actor, m);
    const [rows, total] = await this.repo.list(m, {
      status: q.reviewQueue ? 'submitted' : q.status,
      industry: q.industry,
      ownerId: q.owner,
      source: q.source,
      externalId: q.externalId,
      q: q.q?.trim() || undefined,
      visibleTo,
      ...skipTake(q),
    });
    const owners = await this.identity.findOrganisations(rows.map((r) => r.ownerId));
    const items = [];
    for (const a of rows) {
      const privileged = await this.reviewView(actor, a);
      items.push(mapAchievement(a, ownerLike(owners.get(a.ownerId)), { withReview: privileged, withContact: !!actor }));
    }
    return pageOf(items, total, q);
  }

  async events(actor: Actor, id: string): Promise<AchievementEventResponse[]> {
    const a = await this.access.requireAchievement(this.tx.manager, actor, AchievementPermission.ReadReview, id);
    return (await this.repo.listEvents(this.tx.manager, a.id)).map((e) => ({
      action: e.action,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      actorUserId: e.actorUserId,
      comment: e.comment,
      at: e.createdAt.toISOString(),
    }));
  }

  /** 感兴趣: one per user; the owner's own members do not count. */
  async expressInterest(actor: Actor, id: string): Promise<{ interestCount: number; added: boolean }> {
    return this.tx.run(async (m) => {
      const a = await this.access.requireAchievement(m, actor, AchievementPermission.Read, id);
      if (a.status !== 'published') throw DomainError.illegalTransition('achievement', a.status, 'express interest');
      if (this.access.isOwnerMember(actor, a)) return { interestCount: a.interestCount, added: false };
      const added = await this.repo.addInterest(m, { achievementId: a.id, userId: actor.userId, organisationId: actor.orgId });
      return { interestCount: a.interestCount + (added ? 1 : 0), added };
    });
  }

  /** Locks the row (so `m` must be a transaction's) unless `lock` is false, for a check before the transaction. */
  async loadOwnedForEdit(actor: Actor, id: string, m: EntityManager, lock = true): Promise<Achievement> {
    const a = await this.access.requireAchievement(m, actor, AchievementPermission.Edit, id, { lock });
    if (!EDITABLE_STATES.includes(a.status)) throw CatalogErrors.notEditable(a.status);
    return a;
  }

  // ---- mapping ----

  private reviewView(actor: Actor | null, a: Achievement): Promise<boolean> {
    return this.access.seesReview(actor, a, this.tx.manager);
  }

  private async mapOne(a: Achievement, actor: Actor | null): Promise<AchievementResponse> {
    const privileged = await this.reviewView(actor, a);
    return (await this.mapMany([a], { withReview: privileged, withContact: !!actor }))[0];
  }

  async mapMany(rows: Achievement[], opts: { withContact?: boolean; withReview?: boolean } = {}): Promise<AchievementResponse[]> {
    const owners = await this.identity.findOrganisations(rows.map((r) => r.ownerId));
    return rows.map((a) => mapAchievement(a, ownerLike(owners.get(a.ownerId)), opts));
  }

  private checkField(industry: string, field: string | undefined | null): void {
    if (field && !isFieldOf(industry, field)) {
      throw DomainError.validation('field', { zh: `子领域 ${field} 不属于产业 ${industry}`, en: `Field ${field} is not a sub-field of ${industry}` }, 'FIELD_NOT_OF_INDUSTRY');
    }
  }

  // ======== monitoring feed ========

  /** Achievements first published in [from, to), whatever they became since: the records behind monitoring's achievements-published figure. */
  async achievementsPublishedBetween(from: Date, to: Date): Promise<PublishedAchievementRecord[]> {
    const rows = await this.repo.publishedBetween(this.tx.manager, { from, to });
    return rows.map((r) => ({ id: r.id, ownerId: r.owner_id, industry: r.industry, trl: r.trl }));
  }
}
