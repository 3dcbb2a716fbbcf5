import { Injectable } from '@nestjs/common';
import { CatalogService } from '@techbridge/catalog';
import { IdentityService } from '@techbridge/identity';
import { MarketService } from '@techbridge/market';
import { MajorProjectService } from '@techbridge/programmes';
import { Actor, Clock, OrgType, Page, pageOf, skipTake, TransactionRunner } from '@techbridge/platform';
import { CreateFinancingRequestDto, FinancingListQuery, FinancingRequestResponse, mapRequest } from './dto/financing.dto';
import { FinancingRequest } from './entities/financing-request.entity';
import { FinanceErrors } from './finance.exception';
import { FinanceAccessPolicy, FinancingPermission } from './finance-access.policy';
import { FINANCING_LIFECYCLE } from './finance.state-machine';
import { FinancingRepository } from './financing.repository';
import { FinancingMatchService } from './financing-match.service';

/** Financing requests of enterprises and university spin-offs: made from achievements, listings or major projects, published, withdrawn. */
@Injectable()
export class FinancingRequestService {
  constructor(
    private readonly repo: FinancingRepository,
    private readonly access: FinanceAccessPolicy,
    private readonly catalog: CatalogService,
    private readonly market: MarketService,
    private readonly projects: MajorProjectService,
    private readonly identity: IdentityService,
    private readonly matches: FinancingMatchService,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, dto: CreateFinancingRequestDto): Promise<FinancingRequestResponse> {
    if (actor.orgType !== OrgType.Enterprise) throw FinanceErrors.notABorrower();
    const org = await this.identity.findOrganisation(actor.orgId);
    if (dto.spinOffOf) {
      const parent = await this.identity.findOrganisation(dto.spinOffOf);
      if (!parent || (parent.type !== OrgType.University && parent.type !== OrgType.Institute)) {
        throw FinanceErrors.amountField('spinOffOf', { zh: '衍生来源须为高校或科研院所', en: 'spinOffOf must be a university or institute' });
      }
    }
    const owners = new Set([actor.orgId, ...(dto.spinOffOf ? [dto.spinOffOf] : [])]);
    const achievementIds = dto.achievementIds ?? [];
    const listingIds = dto.listingIds ?? [];
    const majorProjectIds = dto.majorProjectIds ?? [];
    if (!achievementIds.length && !listingIds.length && !majorProjectIds.length) throw FinanceErrors.noAttachment();
    const achievements = await this.catalog.getAchievementsByIds(achievementIds);
    achievementIds.forEach((id, i) => {
      const a = achievements.find((x) => x.id === id);
      if (!a || !owners.has(a.owner.id)) throw FinanceErrors.achievementNotYours(`achievementIds[${i}]`);
    });
    await this.checkReferences(actor, [...owners], listingIds, majorProjectIds);
    const saved = await this.tx.run(async (m) => {
      const r = await this.repo.saveRequest(m, {
        ownerId: actor.orgId, createdBy: actor.userId, spinOffOf: dto.spinOffOf ?? null, title: dto.title, summary: dto.summary, amount: dto.amount, stage: dto.stage,
        industry: dto.industry, useOfFunds: dto.useOfFunds, valuation: dto.valuation ?? null, achievementIds, listingIds, majorProjectIds, parkCode: org?.parkCode ?? null,
        region: org?.region ?? 'other', status: 'draft',
      });
      await this.identity.audit(m, actor, { action: 'financing-request.create', entityType: 'financing-request', entityId: r.id, changes: { title: r.title, amount: r.amount } });
      return r;
    });
    return mapRequest(saved, true);
  }

  /** Listings and major projects through their contexts' facades: 404 when unseen, 403 when seen but neither own nor public. */
  private async checkReferences(actor: Actor, owners: string[], listingIds: string[], majorProjectIds: string[]): Promise<void> {
    for (const [i, id] of listingIds.entries()) {
      const ref = await this.market.listingReference(actor, id, owners);
      if (!ref) throw FinanceErrors.attachmentNotFound(`listingIds[${i}]`);
      if (!ref.referenceable) throw FinanceErrors.attachmentNotAllowed(`listingIds[${i}]`);
    }
    for (const [i, id] of majorProjectIds.entries()) {
      const ref = await this.projects.projectReference(actor, id, owners);
      if (!ref) throw FinanceErrors.attachmentNotFound(`majorProjectIds[${i}]`);
      if (!ref.referenceable) throw FinanceErrors.attachmentNotAllowed(`majorProjectIds[${i}]`);
    }
  }

  async get(actor: Actor, id: string): Promise<FinancingRequestResponse> {
    const { request } = await this.access.requireRequest(this.tx.manager, actor, FinancingPermission.Read, id);
    return mapRequest(request, request.ownerId === actor.orgId);
  }

  async mine(actor: Actor, q: FinancingListQuery): Promise<Page<FinancingRequestResponse>> {
    const { skip, take } = skipTake(q);
    const [rows, total] = await this.repo.listRequestsOfOwner(this.tx.manager, actor.orgId, skip, take);
    return pageOf(rows.map((r) => mapRequest(r, true)), total, q);
  }

  async publish(actor: Actor, id: string): Promise<FinancingRequestResponse> {
    return this.step(actor, id, 'publish', (r) => {
      r.publishedAt = this.clock.now();
    });
  }

  async withdraw(actor: Actor, id: string): Promise<FinancingRequestResponse> {
    return this.step(actor, id, 'withdraw');
  }

  private async step(actor: Actor, id: string, action: 'publish' | 'withdraw', apply?: (r: FinancingRequest) => void): Promise<FinancingRequestResponse> {
    const saved = await this.tx.run(async (m) => {
      const { request } = await this.access.requireRequest(m, actor, FinancingPermission.Manage, id, true);
      const from = request.status;
      request.status = FINANCING_LIFECYCLE.next(from, action, request.id);
      apply?.(request);
      const r = await this.repo.saveRequest(m, request);
      // Published: scored against the funds; withdrawn: its stored matches go.
      await this.matches.requestChanged(m, r);
      await this.identity.audit(m, actor, { action: `financing-request.${action}`, entityType: 'financing-request', entityId: r.id, changes: { from, to: r.status } });
      return r;
    });
    return mapRequest(saved, true);
  }
}
