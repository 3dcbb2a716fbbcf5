import { Injectable } from '@nestjs/common';
import { MeetingRequestResponse, RoadshowService } from '@techbridge/roadshow';
import { Actor, TransactionRunner } from '@techbridge/platform';
import { FinancingRepository } from './financing.repository';
import { InvestorMatchingService } from './investor-matching.service';
import { LISTED_STATUSES } from './finance.state-machine';

/**
 * Meeting suggestions at an investor roadshow from financing match scores: each registered fund's profile against
 * each presenter's listed financing request. The roadshow scheduler places them after the funds' own wishes.
 */
@Injectable()
export class InvestorRoadshowService {
  constructor(
    private readonly roadshows: RoadshowService,
    private readonly repo: FinancingRepository,
    private readonly matching: InvestorMatchingService,
    private readonly tx: TransactionRunner,
  ) {}

  async suggest(actor: Actor, eventId: string, minScore: number): Promise<MeetingRequestResponse[]> {
    const { fundOrgIds, presentations } = await this.roadshows.investorRoadshowPairs(actor, eventId);
    const profiles = await this.repo.findProfiles(this.tx.manager, fundOrgIds);
    const requests = new Map((await this.repo.listedRequestsOf(this.tx.manager, [...new Set(presentations.map((p) => p.presenterOrgId))], LISTED_STATUSES)).map((r) => [r.ownerId, r]));
    const suggestions = presentations.flatMap((p) => {
      const request = requests.get(p.presenterOrgId);
      if (!request) return [];
      return profiles.map((profile) => ({ enterpriseOrgId: profile.organisationId, presentationId: p.id, score: this.matching.score(request, profile).score }));
    });
    return this.roadshows.suggestMeetings(actor, eventId, suggestions, minScore);
  }
}
