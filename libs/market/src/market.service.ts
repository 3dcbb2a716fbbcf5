import { Injectable } from '@nestjs/common';
import { Actor, TransactionRunner } from '@techbridge/platform';
import { ListingResponse, mapListing } from './dto/listing.dto';
import { PUBLIC_LISTING_STATUSES } from './listing.state-machine';
import { MarketAccessPolicy } from './market-access.policy';
import { MarketErrors } from './market.exception';
import { MarketRepository } from './market.repository';

/** The market's facade for other parts of the product (the portal's server, reports): read-only. */
@Injectable()
export class MarketService {
  constructor(
    private readonly repo: MarketRepository,
    private readonly access: MarketAccessPolicy,
    private readonly tx: TransactionRunner,
  ) {}

  /**
   * May `ownOrgIds` (the caller's organisation and whom it acts for) attach the listing to their own records, e.g. a
   * financing request? Their own listings in any state, anyone's while publicly listed. Null when the caller may not
   * see it (answer 404); `referenceable: false` when it sees it but may not attach it (403).
   */
  async listingReference(actor: Actor, id: string, ownOrgIds: readonly string[]): Promise<{ listing: ListingResponse; referenceable: boolean } | null> {
    const l = await this.repo.findListing(this.tx.manager, id);
    if (!l) return null;
    const own = ownOrgIds.includes(l.ownerOrgId);
    if (!own && !this.access.canSee(actor, l)) return null;
    return { listing: mapListing(l), referenceable: own || PUBLIC_LISTING_STATUSES.includes(l.status) };
  }

  /** A listing by id, any state (internal use; no permission filter). */
  async getListing(id: string): Promise<ListingResponse> {
    const l = await this.repo.findListing(this.tx.manager, id);
    if (!l) throw MarketErrors.listingNotFound();
    return mapListing(l);
  }
}
