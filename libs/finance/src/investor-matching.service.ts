import { Injectable } from '@nestjs/common';
import { IdentityService } from '@techbridge/identity';
import { MatchingService, MatchReasonResponse } from '@techbridge/matching';
import { Actor, OrgType, Page, pageOf, skipTake, TransactionRunner } from '@techbridge/platform';
import { DealFlowItemResponse, InvestorMatchResponse } from './dto/deal-flow.dto';
import { FinancingListQuery, mapProfile, mapRequest } from './dto/financing.dto';
import { FinancingRequest } from './entities/financing-request.entity';
import { InvestorProfile } from './entities/investor-profile.entity';
import { FinanceErrors } from './finance.exception';
import { FinanceAccessPolicy, FinancingPermission, isInvestor } from './finance-access.policy';
import { LISTED_STATUSES } from './finance.state-machine';
import { FinancingRepository } from './financing.repository';
import { FINANCE_CONCERNS, FINANCE_FEATURE_WEIGHTS, FinanceFeature, financeFeatures } from './investor-matching';

/** Listed requests a deal flow looks at: the newest, enough for a fund's screen. */
const DEAL_FLOW_POOL = 500;

/**
 * Two-sided financing matching: an investor's deal flow (listed requests scored against its profile) and a
 * request's investors (verified funds' profiles scored against it), both with the reasons of the shared tally.
 */
@Injectable()
export class InvestorMatchingService {
  constructor(
    private readonly repo: FinancingRepository,
    private readonly access: FinanceAccessPolicy,
    private readonly matching: MatchingService,
    private readonly identity: IdentityService,
    private readonly tx: TransactionRunner,
  ) {}

  score(r: FinancingRequest, p: InvestorProfile): { score: number; reasons: MatchReasonResponse[]; concerns: MatchReasonResponse[] } {
    const t = this.matching.scoreWithReasons<FinanceFeature>(financeFeatures(r, p), FINANCE_FEATURE_WEIGHTS, FINANCE_CONCERNS);
    // The response shape is matching's reason shape; its code is a finance feature here.
    return { score: t.score, reasons: t.reasons as unknown as MatchReasonResponse[], concerns: t.concerns as unknown as MatchReasonResponse[] };
  }

  async dealFlow(actor: Actor, q: FinancingListQuery): Promise<Page<DealFlowItemResponse>> {
    if (!isInvestor(actor)) throw FinanceErrors.notAnInvestor();
    const profile = await this.repo.findProfile(this.tx.manager, actor.orgId);
    if (!profile) throw FinanceErrors.profileNotFound();
    const pool = await this.repo.listedRequests(this.tx.manager, LISTED_STATUSES, DEAL_FLOW_POOL);
    const scored = pool
      .filter((r) => r.ownerId !== actor.orgId)
      .map((r) => ({ r, s: this.score(r, profile) }))
      .filter((x) => x.s.score > 0)
      .sort((a, b) => b.s.score - a.s.score || (a.r.id < b.r.id ? -1 : 1));
    const { skip, take } = skipTake(q);
    const page = scored.slice(skip, skip + take);
    const engagements = new Map<string, string>();
    for (const x of page) {
      const e = await this.repo.findEngagementOf(this.tx.manager, x.r.id, actor.orgId);
      if (e) engagements.set(x.r.id, e.status);
    }
    return pageOf(
      page.map((x) => ({ request: mapRequest(x.r, false), score: x.s.score, reasons: x.s.reasons, concerns: x.s.concerns, engagementStatus: engagements.get(x.r.id) ?? null })),
      scored.length,
      q,
    );
  }

  /** The owner's view: verified funds with a profile, best first. */
  async investorsFor(actor: Actor, requestId: string): Promise<InvestorMatchResponse[]> {
    const { request } = await this.access.requireRequest(this.tx.manager, actor, FinancingPermission.Manage, requestId);
    const funds = await this.identity.verifiedOrganisationsOfType(OrgType.InvestmentFund);
    const names = new Map(funds.map((f) => [f.id, f.name]));
    const profiles = await this.repo.findProfiles(this.tx.manager, funds.map((f) => f.id));
    return profiles
      .map((p) => ({ investor: mapProfile(p), investorName: names.get(p.organisationId) ?? p.displayName, ...this.score(request, p) }))
      .filter((x) => x.score > 0)
      .sort((a, b) => b.score - a.score || (a.investor.organisationId < b.investor.organisationId ? -1 : 1))
      .slice(0, 50);
  }
}
