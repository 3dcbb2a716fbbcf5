import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { IdentityService } from '@techbridge/identity';
import { Clock, JobName, OrgType, OutboxService, TransactionRunner } from '@techbridge/platform';
import { FinancingMatch } from './entities/financing-match.entity';
import { FinancingRequest } from './entities/financing-request.entity';
import { InvestorProfile } from './entities/investor-profile.entity';
import { LISTED_STATUSES } from './finance.state-machine';
import { FinancingRepository } from './financing.repository';
import { InvestorMatchingService } from './investor-matching.service';
import { FINANCE_SCORING_VERSION } from './investor-matching';

/** Listed requests scored per batch when a profile changes. */
const BATCH = 500;
/** Listed requests rescored per job of a catch-up pass (each page is one chained job). */
export const CATCH_UP_PAGE = 100;

/**
 * The stored investor ↔ request matches: a change to a request or an investor profile enqueues (through the outbox,
 * in the change's transaction) a rescoring job with a deterministic id; the job re-reads the current state and
 * replaces that side's rows. Only pairs that score above zero are kept.
 */
@Injectable()
export class FinancingMatchService {
  constructor(
    private readonly repo: FinancingRepository,
    private readonly scoring: InvestorMatchingService,
    private readonly identity: IdentityService,
    private readonly outbox: OutboxService,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  requestChanged(m: EntityManager, r: Pick<FinancingRequest, 'id' | 'version'>): Promise<void> {
    return this.outbox.enqueue(m, JobName.RescoreFinancingRequest, { requestId: r.id }, { jobId: `finance-match:request:${r.id}:v${r.version}` });
  }

  profileChanged(m: EntityManager, p: Pick<InvestorProfile, 'organisationId' | 'version'>): Promise<void> {
    return this.outbox.enqueue(m, JobName.RescoreInvestorProfile, { investorId: p.organisationId }, { jobId: `finance-match:investor:${p.organisationId}:v${p.version}` });
  }

  /**
   * Called at worker start: when stored matches carry another scoring version than the current one, or listed requests
   * have none while investor profiles exist, one catch-up pass is queued through the outbox (jobId per version, so
   * several workers starting at once queue it once). An empty platform queues nothing.
   */
  async queueCatchUpIfStale(): Promise<boolean> {
    return this.tx.run(async (m) => {
      const [{ stale }] = await m.query(
        `SELECT EXISTS (SELECT 1 FROM financing_match WHERE scoring_version <> $1)
             OR (EXISTS (SELECT 1 FROM investor_profile)
                 AND EXISTS (SELECT 1 FROM financing_request r WHERE r.status = ANY($2) AND NOT EXISTS (SELECT 1 FROM financing_match x WHERE x.request_id = r.id))) AS stale`,
        [FINANCE_SCORING_VERSION, LISTED_STATUSES],
      );
      if (!stale) return false;
      await this.outbox.enqueue(m, JobName.RescoreFinancingMatches, { version: FINANCE_SCORING_VERSION }, { jobId: `finance-match:catch-up:${FINANCE_SCORING_VERSION}:start` });
      return true;
    });
  }

  /**
   * One page of the catch-up pass: each listed request after the cursor is rescored; the last page also drops rows of
   * another version that no listed request owns. Returns the cursor of the next page, or null at the end.
   */
  async catchUpPage(after: string | null): Promise<{ rescored: number; next: string | null }> {
    const page = await this.repo.listedRequestsAfter(this.tx.manager, LISTED_STATUSES, after, CATCH_UP_PAGE);
    for (const r of page) await this.rescoreRequest(r.id);
    if (page.length === CATCH_UP_PAGE) return { rescored: page.length, next: page[page.length - 1].id };
    await this.tx.manager.query(`DELETE FROM financing_match WHERE scoring_version <> $1`, [FINANCE_SCORING_VERSION]);
    return { rescored: page.length, next: null };
  }

  /** The request's matches with every verified fund's profile; none once it is no longer listed. */
  async rescoreRequest(requestId: string): Promise<string> {
    const funds = await this.identity.verifiedOrganisationsOfType(OrgType.InvestmentFund);
    return this.tx.run(async (m) => {
      const r = await this.repo.findRequest(m, requestId, true);
      await m.getRepository(FinancingMatch).delete({ requestId });
      if (!r || !LISTED_STATUSES.includes(r.status)) return 'unlisted';
      const profiles = await this.repo.findProfiles(m, funds.map((f) => f.id).filter((id) => id !== r.ownerId));
      const n = await this.store(m, profiles.map((p) => [r, p] as const));
      return `stored ${n}`;
    });
  }

  /** The investor's matches with every listed request; none when it is no verified fund with a profile. */
  async rescoreInvestor(investorId: string): Promise<string> {
    const org = await this.identity.findOrganisation(investorId);
    return this.tx.run(async (m) => {
      await m.getRepository(FinancingMatch).delete({ investorId });
      const profile = await this.repo.findProfile(m, investorId);
      if (!profile || !org || org.type !== OrgType.InvestmentFund || !org.verified) return 'no profile';
      let stored = 0;
      for (let after: string | null = null; ;) {
        const batch = await this.repo.listedRequestsAfter(m, LISTED_STATUSES, after, BATCH);
        stored += await this.store(m, batch.filter((r) => r.ownerId !== investorId).map((r) => [r, profile] as const));
        if (batch.length < BATCH) break;
        after = batch[batch.length - 1].id;
      }
      return `stored ${stored}`;
    });
  }

  private async store(m: EntityManager, pairs: ReadonlyArray<readonly [FinancingRequest, InvestorProfile]>): Promise<number> {
    const now = this.clock.now();
    let n = 0;
    for (const [r, p] of pairs) {
      const s = this.scoring.score(r, p);
      if (s.score <= 0) continue;
      // Upsert: the request's job and the investor's job may store the same pair at once.
      await m.query(
        `INSERT INTO financing_match (request_id, investor_id, score, reasons, concerns, scoring_version, computed_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (request_id, investor_id) DO UPDATE SET score = EXCLUDED.score, reasons = EXCLUDED.reasons, concerns = EXCLUDED.concerns,
           scoring_version = EXCLUDED.scoring_version, computed_at = EXCLUDED.computed_at`,
        [r.id, p.organisationId, s.score, JSON.stringify(s.reasons), JSON.stringify(s.concerns), FINANCE_SCORING_VERSION, now],
      );
      n++;
    }
    return n;
  }
}
