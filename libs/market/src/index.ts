export * from './market.module';
export { MarketService } from './market.service';
export { ListingResponse, IntentResponse } from './dto/listing.dto';
export { NoticeResponse, ObjectionResponse } from './dto/notice.dto';
export { AuctionResponse, BidderResponse, BidResponse, ChainVerificationResponse } from './dto/auction.dto';
