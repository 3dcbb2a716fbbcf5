import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@techbridge/platform';
import { ListingResponse, mapListing } from './dto/listing.dto';
import { MarketErrors } from './market.exception';
import { MarketRepository } from './market.repository';

/** The market's facade for other parts of the product (the portal's server, reports): read-only. */
@Injectable()
export class MarketService {
  constructor(
    private readonly repo: MarketRepository,
    private readonly tx: TransactionRunner,
  ) {}

  /** A listing by id, any state (internal use; no permission filter). */
  async getListing(id: string): Promise<ListingResponse> {
    const l = await this.repo.findListing(this.tx.manager, id);
    if (!l) throw MarketErrors.listingNotFound();
    return mapListing(l);
  }
}
