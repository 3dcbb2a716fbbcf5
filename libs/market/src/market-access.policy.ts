import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor, hasRole, isPlatformStaff, OrgType, Role } from '@techbridge/platform';
import { MarketListing } from './entities/market-listing.entity';
import { PUBLIC_LISTING_STATUSES } from './listing.state-machine';
import { MarketErrors } from './market.exception';
import { MarketRepository } from './market.repository';

export enum ListingPermission {
  /** Public states to anyone; drafts to the owner's organisation and staff; under review also to the park's reviewer. */
  Read = 'listing.read',
  /** The owner's organisation (its org-admin or members) edits, submits, withdraws, accepts intents, agrees the deal. */
  Own = 'listing.own',
  /** Platform staff or the verified park administration's reviewer of the owner's park. */
  Review = 'listing.review',
}

/** The one place that decides who sees and acts on a listing (and through it, its intents, notices and auctions). */
@Injectable()
export class MarketAccessPolicy {
  constructor(private readonly repo: MarketRepository) {}

  isReviewerOf(actor: Actor | null, l: Pick<MarketListing, 'parkCode'>): boolean {
    if (!actor) return false;
    if (isPlatformStaff(actor)) return true;
    return actor.orgType === OrgType.ParkAdministration && actor.verified === true && hasRole(actor, Role.Reviewer) && !!l.parkCode && actor.parkCode === l.parkCode;
  }

  isOwner(actor: Actor | null, l: Pick<MarketListing, 'ownerOrgId'>): boolean {
    return !!actor && actor.orgId === l.ownerOrgId;
  }

  canSee(actor: Actor | null, l: MarketListing): boolean {
    if (PUBLIC_LISTING_STATUSES.includes(l.status)) return true;
    if (isPlatformStaff(actor) || this.isOwner(actor, l)) return true;
    return l.status === 'under-review' && this.isReviewerOf(actor, l);
  }

  /** The listing for a permission: 404 when the caller may not see it, 403 when seen but not theirs to act on. */
  async requireListing(m: EntityManager, actor: Actor | null, permission: ListingPermission, id: string, opts: { lock?: boolean } = {}): Promise<MarketListing> {
    const l = await this.repo.findListing(m, id, opts.lock ?? false);
    if (!l || !this.canSee(actor, l)) throw MarketErrors.listingNotFound();
    if (permission === ListingPermission.Own && !this.isOwner(actor, l)) throw MarketErrors.notOwner();
    if (permission === ListingPermission.Review && !this.isReviewerOf(actor, l)) throw MarketErrors.notReviewer();
    return l;
  }

  requireStaff(actor: Actor): void {
    if (!isPlatformStaff(actor)) throw MarketErrors.notStaff();
  }
}
