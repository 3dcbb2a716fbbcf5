import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '@techbridge/catalog';
import { ContractsModule } from '@techbridge/contracts';
import { IdentityModule } from '@techbridge/identity';
import { MatchingModule } from '@techbridge/matching';
import { RoadshowModule } from '@techbridge/roadshow';
import { IntroductionService } from './introduction.service';
import { ValuationController } from './valuation.controller';
import { ValuationOrderController } from './valuation-order.controller';
import { ValuationOrderService } from './valuation-order.service';
import { MarketValuationOrder } from './entities/market-valuation-order.entity';
import { ValuationService } from './valuation.service';
import { MarketPayment } from './entities/market-payment.entity';
import { IntroductionsController } from './introductions.controller';
import { MarketConfidentialFile } from './entities/market-confidential-file.entity';
import { MarketIntroduction } from './entities/market-introduction.entity';
import { AuctionCloseService } from './auction-close.service';
import { AuctionLiveService } from './auction-live.service';
import { AuctionService } from './auction.service';
import { AuctionsController } from './auctions.controller';
import { BiddingService } from './bidding.service';
import { DealContractService } from './deal-contract.service';
import { DealService } from './deal.service';
import { MarketAuction } from './entities/market-auction.entity';
import { MarketBid } from './entities/market-bid.entity';
import { MarketBidder } from './entities/market-bidder.entity';
import { MarketIntent } from './entities/market-intent.entity';
import { MarketListing } from './entities/market-listing.entity';
import { MarketNotice } from './entities/market-notice.entity';
import { MarketObjection } from './entities/market-objection.entity';
import { ListingService } from './listing.service';
import { ListingsController } from './listings.controller';
import { MarketAccessPolicy } from './market-access.policy';
import { MarketJobs } from './market.jobs';
import { MarketRepository } from './market.repository';
import { MarketService } from './market.service';
import { NoticeService } from './notice.service';
import { NoticesController } from './notices.controller';
import { MarketPrivacy } from './market-privacy';

@Module({
  imports: [
    TypeOrmModule.forFeature([MarketListing, MarketIntent, MarketNotice, MarketObjection, MarketAuction, MarketBidder, MarketBid, MarketIntroduction, MarketConfidentialFile, MarketPayment, MarketValuationOrder]),
    IdentityModule,
    CatalogModule,
    ContractsModule,
    MatchingModule,
    RoadshowModule,
  ],
  controllers: [ListingsController, NoticesController, AuctionsController, IntroductionsController, ValuationController, ValuationOrderController],
  providers: [
    MarketRepository, MarketAccessPolicy, ListingService, DealService, DealContractService, NoticeService, AuctionService, BiddingService,
    AuctionCloseService, AuctionLiveService, MarketJobs, MarketService, IntroductionService, ValuationService, ValuationOrderService, MarketPrivacy,
  ],
  exports: [MarketService],
})
export class MarketModule {}
