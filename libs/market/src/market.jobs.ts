import { Injectable } from '@nestjs/common';
import { JobHandler, JobName, JobPayload } from '@techbridge/platform';
import { AuctionCloseService } from './auction-close.service';
import { ListingService } from './listing.service';
import { NoticeService } from './notice.service';

/** Worker handlers of the market: each re-reads its row under lock and skips when it has moved on. */
@Injectable()
export class MarketJobs {
  constructor(
    private readonly listings: ListingService,
    private readonly notices: NoticeService,
    private readonly closing: AuctionCloseService,
  ) {}

  @JobHandler(JobName.MarketListingLapse)
  async lapse(p: JobPayload<JobName.MarketListingLapse>): Promise<{ outcome: string }> {
    return { outcome: await this.listings.lapse(p.listingId) };
  }

  @JobHandler(JobName.MarketNoticeEnd)
  async endNotice(p: JobPayload<JobName.MarketNoticeEnd>): Promise<{ outcome: string }> {
    return { outcome: await this.notices.end(p.noticeId) };
  }

  @JobHandler(JobName.MarketAuctionClose)
  async close(p: JobPayload<JobName.MarketAuctionClose>): Promise<{ outcome: string }> {
    return { outcome: await this.closing.close(p.auctionId) };
  }

  @JobHandler(JobName.MarketAuctionConfirmDeadline)
  async confirmDeadline(p: JobPayload<JobName.MarketAuctionConfirmDeadline>): Promise<{ outcome: string }> {
    return { outcome: await this.closing.confirmDeadline(p.auctionId, p.bidId) };
  }
}
