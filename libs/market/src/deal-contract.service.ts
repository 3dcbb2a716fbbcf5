import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CatalogService } from '@techbridge/catalog';
import { ContractsService } from '@techbridge/contracts';
import { MarketListing } from './entities/market-listing.entity';
import { LISTING_LIFECYCLE } from './listing.state-machine';
import { MarketErrors } from './market.exception';
import { MarketRepository } from './market.repository';
import { contractTypeOf } from './rules/notice-policy';

/** A concluded deal becomes the seller's draft technology contract (through the contracts facade), in the caller's transaction. */
@Injectable()
export class DealContractService {
  constructor(
    private readonly repo: MarketRepository,
    private readonly contracts: ContractsService,
    private readonly catalog: CatalogService,
  ) {}

  async draftContract(m: EntityManager, l: MarketListing, createdBy: string): Promise<MarketListing> {
    if (!l.dealBuyerOrgId || !l.dealAmount) throw MarketErrors.noBuyer();
    const [achievement] = l.achievementId ? await this.catalog.getAchievementsByIds([l.achievementId]) : [];
    const hasPatents = l.ipCovered.length > 0 || (achievement?.patents.length ?? 0) > 0;
    const { type, licenseScope } = contractTypeOf(l.transferMode, hasPatents);
    const broker = await this.repo.brokerOfDeal(m, { listingId: l.id, achievementId: l.achievementId, ownerOrgId: l.ownerOrgId, buyerOrgId: l.dealBuyerOrgId });
    const contract = await this.contracts.draftContractFromDeal(
      {
        marketListingId: l.id, sellerOrgId: l.ownerOrgId, buyerOrgId: l.dealBuyerOrgId, title: `${l.title}${l.transferMode === 'transfer' ? '转让合同' : '实施许可合同'}`,
        type, licenseScope, amount: Number(l.dealAmount), achievementId: l.achievementId, industry: l.industry, createdBy,
        brokerUserId: broker?.brokerUserId ?? null, transferInstitutionId: broker?.brokerOrgId ?? null,
      },
      m,
    );
    l.contractId = contract.id;
    l.status = LISTING_LIFECYCLE.next(l.status, 'contract', l.id);
    return this.repo.saveListing(m, l);
  }
}
