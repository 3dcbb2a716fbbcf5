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
import { FINANCE_CONCERNS, FINANCE_FEATURE_WEIGHTS, FINANCE_SCORING_VERSION, FinanceFeature, financeFeatures } from './investor-matching';

/**
 * Two-sided financing matching: an investor's deal flow (listed requests scored against its profile) and a
 * request's investors (verified funds' profiles scored against it), both with the reasons of the shared tally. The
 * scores are read from the stored matches (FinancingMatchService keeps them current), not computed per request.
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

  /** The investor's stored matches (kept current by the rescoring jobs), best first, with its engagement on each. */
  async dealFlow(actor: Actor, q: FinancingListQuery): Promise<Page<DealFlowItemResponse>> {
    if (!isInvestor(actor)) throw FinanceErrors.notAnInvestor();
    const profile = await this.repo.findProfile(this.tx.manager, actor.orgId);
    if (!profile) throw FinanceErrors.profileNotFound();
    const { skip, take } = skipTake(q);
    const [rows, total] = await this.repo.storedDealFlow(this.tx.manager, actor.orgId, FINANCE_SCORING_VERSION, LISTED_STATUSES, skip, take);
    const requests = new Map((await this.repo.findRequests(this.tx.manager, rows.map((x) => x.requestId))).map((r) => [r.id, r]));
    const items: DealFlowItemResponse[] = [];
    for (const x of rows) {
      const r = requests.get(x.requestId);
      if (!r) continue;
      const e = await this.repo.findEngagementOf(this.tx.manager, r.id, actor.orgId);
      items.push({ request: mapRequest(r, false), score: x.score, reasons: x.reasons as MatchReasonResponse[], concerns: x.concerns as MatchReasonResponse[], engagementStatus: e?.status ?? null });
    }
    return pageOf(items, total, q);
  }

  /** The owner's view: the stored matches of funds still verified, best first. */
  async investorsFor(actor: Actor, requestId: string): Promise<InvestorMatchResponse[]> {
    const { request } = await this.access.requireRequest(this.tx.manager, actor, FinancingPermission.Manage, requestId);
    const funds = await this.identity.verifiedOrganisationsOfType(OrgType.InvestmentFund);
    const names = new Map(funds.map((f) => [f.id, f.name]));
    const stored = (await this.repo.storedInvestorsFor(this.tx.manager, request.id, FINANCE_SCORING_VERSION, 200)).filter((x) => names.has(x.investorId)).slice(0, 50);
    const profiles = new Map((await this.repo.findProfiles(this.tx.manager, stored.map((x) => x.investorId))).map((p) => [p.organisationId, p]));
    return stored
      .filter((x) => profiles.has(x.investorId))
      .map((x) => {
        const p = profiles.get(x.investorId)!;
        return { investor: mapProfile(p), investorName: names.get(p.organisationId) ?? p.displayName, score: x.score, reasons: x.reasons as MatchReasonResponse[], concerns: x.concerns as MatchReasonResponse[] };
      });
  }
}
