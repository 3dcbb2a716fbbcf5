import { Injectable } from '@nestjs/common';
import { IdentityService } from '@techbridge/identity';
import { BeijingCalendar, OrgType, TransactionRunner } from '@techbridge/platform';
import { principalFen } from './entities/pledge-loan.entity';
import { FinanceFiguresRecord } from './dto/figures.dto';
import { FinancingRepository } from './financing.repository';
import { FinancingMatchService } from './financing-match.service';
import { PledgeLoanRepository } from './pledge-loan.repository';

/** The finance context's facade for other contexts (monitoring's indicators) and for the worker's start. */
@Injectable()
export class FinanceService {
  constructor(
    private readonly financing: FinancingRepository,
    private readonly loans: PledgeLoanRepository,
    private readonly identity: IdentityService,
    private readonly tx: TransactionRunner,
    private readonly matches: FinancingMatchService,
  ) {}

  /** At worker start: queue a rescoring pass if stored matches are of another scoring version (true when queued). */
  queueMatchCatchUp(): Promise<boolean> {
    return this.matches.queueCatchUpIfStale();
  }

  /** The records behind the finance indicators of [from, to). */
  async figuresBetween(from: Date, to: Date): Promise<FinanceFiguresRecord> {
    const m = this.tx.manager;
    const verified = await this.identity.verifiedOrganisationsOfType(OrgType.InvestmentFund);
    const funds = verified.filter((f) => !!f.parkCode && f.verifiedAt && new Date(f.verifiedAt) < to);
    // A sub-fund's park is its organisation's; an investment by a fund that is no sub-fund counts for the zone only.
    const fundPark = new Map(verified.map((f) => [f.id, f.parkCode]));
    const invested = await this.financing.investedBetween(m, from, to);
    const funded = await this.financing.fundedBetween(m, from, to);
    const loans = await this.loans.disbursedTouching(m, from, to);
    const amountOf = (l: { approvedAmount: number | null; amount: number }) => l.approvedAmount ?? l.amount;
    // Outstanding at the period's end: the principal less the repayments with a value date before it.
    const onBooks = loans.filter((l) => !l.closedAt || l.closedAt >= to);
    const repaid = await this.loans.repaidBefore(m, onBooks.map((l) => l.id), BeijingCalendar.dateOf(to));
    const remainingFen = (l: (typeof loans)[number]) => principalFen(l) - (repaid.get(l.id) ?? 0);
    return {
      parkFunds: funds.map((f) => ({ id: f.id, parkCode: f.parkCode! })),
      investments: invested.map((e) => ({ id: e.id, fundParkCode: fundPark.get(e.investorId) ?? null, amount: e.investedAmount ?? 0 })),
      financingClosed: funded.map((r) => ({ id: r.id, parkCode: r.parkCode, amount: r.fundedAmount ?? 0 })),
      loansDisbursed: loans.filter((l) => l.disbursedAt! >= from).map((l) => ({ id: l.id, parkCode: l.parkCode, amount: amountOf(l) })),
      loansOutstanding: onBooks.filter((l) => remainingFen(l) > 0).map((l) => ({ id: l.id, parkCode: l.parkCode, amount: remainingFen(l) / 100 })),
    };
  }
}
