import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { IdentityService } from '@techbridge/identity';
import { Actor, DomainError, isPlatformStaff, OrgType, Page, PageQuery, pageOf, skipTake, TransactionRunner } from '@techbridge/platform';
import { DealContractService } from './deal-contract.service';
import { AgreeDealDto, DeclineIntentDto, IntentResponse, ListingResponse, mapIntent, mapListing, RegisterIntentDto } from './dto/listing.dto';
import { MarketListing } from './entities/market-listing.entity';
import { LISTING_LIFECYCLE } from './listing.state-machine';
import { ListingPermission, MarketAccessPolicy } from './market-access.policy';
import { MarketErrors } from './market.exception';
import { MarketRepository } from './market.repository';
import { NoticeService } from './notice.service';
import { fenToYuan, toFen } from './rules/auction-rules';

const BUYER_TYPES: OrgType[] = [OrgType.Enterprise, OrgType.University, OrgType.Institute];

/**
 * Buyers' intents and the negotiated deal: a verified organisation registers an intent; the owner accepts one
 * (negotiating), agrees the price (deal), and the deal goes to public notice (public sellers) or straight to a draft contract.
 */
@Injectable()
export class DealService {
  constructor(
    private readonly repo: MarketRepository,
    private readonly tx: TransactionRunner,
    private readonly access: MarketAccessPolicy,
    private readonly identity: IdentityService,
    private readonly notices: NoticeService,
    private readonly drafts: DealContractService,
  ) {}

  async registerIntent(actor: Actor, listingId: string, dto: RegisterIntentDto): Promise<IntentResponse> {
    return this.tx.run(async (m) => {
      const l = await this.access.requireListing(m, actor, ListingPermission.Read, listingId, { lock: true });
      if (this.access.isOwner(actor, l)) throw MarketErrors.ownListing();
      if (!BUYER_TYPES.includes(actor.orgType)) throw MarketErrors.buyerTypeNotAllowed();
      await this.identity.assertVerified(actor, m);
      if (l.status !== 'listed') throw DomainError.illegalTransition('market listing', l.status, 'register-intent');
      if (await this.repo.findLiveIntent(m, l.id, actor.orgId)) throw MarketErrors.intentExists();
      const i = await this.repo.insertIntent(m, {
        listingId: l.id, buyerOrgId: actor.orgId, buyerUserId: actor.userId, message: dto.message.trim(),
        offeredPrice: dto.offeredPrice === undefined ? null : fenToYuan(toFen(dto.offeredPrice)), status: 'open',
      });
      return mapIntent(i);
    });
  }

  /** The owner (and staff) see every intent; a buyer sees only its own organisation's. */
  async intentsOf(actor: Actor, listingId: string): Promise<IntentResponse[]> {
    const l = await this.access.requireListing(this.tx.manager, actor, ListingPermission.Read, listingId);
    const all = this.access.isOwner(actor, l) || isPlatformStaff(actor);
    return (await this.repo.intentsOfListing(this.tx.manager, l.id, all ? undefined : actor.orgId)).map(mapIntent);
  }

  async myIntents(actor: Actor, q: PageQuery): Promise<Page<IntentResponse>> {
    const { skip, take } = skipTake(q);
    const [rows, total] = await this.repo.intentsOfBuyer(this.tx.manager, actor.orgId, skip, take);
    return pageOf(rows.map(mapIntent), total, q);
  }

  async acceptIntent(actor: Actor, intentId: string): Promise<ListingResponse> {
    return this.tx.run(async (m) => {
      const { l, i } = await this.loadForOwner(m, actor, intentId);
      l.status = LISTING_LIFECYCLE.next(l.status, 'accept-intent', l.id);
      if (i.status !== 'open') throw MarketErrors.intentNotOpen(i.status);
      i.status = 'accepted';
      await this.repo.saveIntent(m, i);
      l.acceptedIntentId = i.id;
      return mapListing(await this.repo.saveListing(m, l));
    });
  }

  async declineIntent(actor: Actor, intentId: string, dto: DeclineIntentDto): Promise<IntentResponse> {
    return this.tx.run(async (m) => {
      const { i } = await this.loadForOwner(m, actor, intentId);
      if (i.status !== 'open') throw DomainError.illegalTransition('intent', i.status, 'decline');
      i.status = 'declined';
      await this.identity.audit(m, actor, { action: 'decline-intent', entityType: 'market-intent', entityId: i.id, changes: { reason: dto.reason } });
      return mapIntent(await this.repo.saveIntent(m, i));
    });
  }

  async withdrawIntent(actor: Actor, intentId: string): Promise<IntentResponse> {
    return this.tx.run(async (m) => {
      const i = await this.repo.findIntent(m, intentId);
      if (!i || i.buyerOrgId !== actor.orgId) throw MarketErrors.intentNotFound();
      if (i.status !== 'open') throw DomainError.illegalTransition('intent', i.status, 'withdraw');
      i.status = 'withdrawn';
      return mapIntent(await this.repo.saveIntent(m, i));
    });
  }

  /** Negotiation broke off: the accepted intent is declined and the listing is on offer again. */
  async breakOff(m: EntityManager, l: MarketListing): Promise<void> {
    if (l.acceptedIntentId) {
      const i = await this.repo.findIntent(m, l.acceptedIntentId);
      if (i && i.status === 'accepted') await this.repo.saveIntent(m, Object.assign(i, { status: 'declined' }));
    }
    l.acceptedIntentId = null;
  }

  /** The owner records the negotiated price with the accepted buyer. */
  async agreeDeal(actor: Actor, listingId: string, dto: AgreeDealDto): Promise<ListingResponse> {
    return this.tx.run(async (m) => {
      const l = await this.access.requireListing(m, actor, ListingPermission.Own, listingId, { lock: true });
      l.status = LISTING_LIFECYCLE.next(l.status, 'agree-deal', l.id);
      const intent = l.acceptedIntentId ? await this.repo.findIntent(m, l.acceptedIntentId) : null;
      if (!intent) throw MarketErrors.noBuyer();
      l.dealAmount = fenToYuan(toFen(dto.amount));
      l.dealBuyerOrgId = intent.buyerOrgId;
      await this.repo.declineOpenIntents(m, l.id, intent.id);
      const saved = await this.repo.saveListing(m, l);
      await this.identity.audit(m, actor, { action: 'agree-deal', entityType: 'market-listing', entityId: l.id, changes: { amount: dto.amount, buyerOrgId: intent.buyerOrgId } });
      if (this.notices.requiresNotice(l.ownerType)) {
        await this.notices.start(m, saved, actor.userId);
        return mapListing(saved);
      }
      return mapListing(await this.drafts.draftContract(m, saved, actor.userId));
    });
  }

  private async loadForOwner(m: EntityManager, actor: Actor, intentId: string) {
    const i = await this.repo.findIntent(m, intentId);
    if (!i) throw MarketErrors.intentNotFound();
    const l = await this.repo.findListing(m, i.listingId, true);
    // An intent is seen by its buyer and the listing's owner only: anyone else gets the same 404.
    if (!l || !this.access.isOwner(actor, l)) {
      if (l && i.buyerOrgId === actor.orgId) throw MarketErrors.notOwner();
      throw MarketErrors.intentNotFound();
    }
    return { l, i };
  }
}
