import { Injectable, OnModuleInit } from '@nestjs/common';
import { ComputedFigure, ComputedIndicatorSource, IndicatorSourceRegistry, ReportingPeriod, tally } from '@techbridge/monitoring';
import { PARK_CODES } from '@techbridge/platform';
import type { FinanceFiguresRecord } from './dto/figures.dto';
import { FinanceService } from './finance.service';

export const FINANCE_INDICATORS = [
  'park-funds', 'fund-invested-amount', 'financing-closed', 'financing-closed-amount', 'loans-disbursed', 'loans-outstanding', 'technology-credit',
] as const;

/** Finance indicators for a quarter: sub-funds and their investments by the fund's park, financing and loans by the enterprise's. */
export function financeFigures(r: FinanceFiguresRecord, parks: readonly string[]): ComputedFigure[] {
  const ref = (type: string) => (x: { id: string }) => ({ type, id: x.id });
  const funds = tally('park-funds', r.parkFunds.map((f) => ({ ref: ref('organisation')(f), park: f.parkCode })), parks, 'count');
  const invested = tally('fund-invested-amount', r.investments.map((i) => ({ ref: ref('financing-engagement')(i), park: i.fundParkCode, amount: i.amount })), parks, 'sum');
  const closed = tally('financing-closed', r.financingClosed.map((c) => ({ ref: ref('financing-request')(c), park: c.parkCode })), parks, 'count');
  const closedAmount = tally('financing-closed-amount', r.financingClosed.map((c) => ({ ref: ref('financing-request')(c), park: c.parkCode, amount: c.amount })), parks, 'sum');
  const disbursed = tally('loans-disbursed', r.loansDisbursed.map((l) => ({ ref: ref('pledge-loan')(l), park: l.parkCode, amount: l.amount })), parks, 'sum');
  const outstanding = tally('loans-outstanding', r.loansOutstanding.map((l) => ({ ref: ref('pledge-loan')(l), park: l.parkCode, amount: l.amount })), parks, 'sum');
  // The plan's technology credit (科技信贷规模) is the credit on the books: the pledge loans outstanding.
  const credit = outstanding.map((f) => ({ ...f, indicator: 'technology-credit' }));
  return [...funds, ...invested, ...closed, ...closedAmount, ...disbursed, ...outstanding, ...credit];
}

/** Park sub-funds, their investments, financing closed and IP-pledge loans, registered with monitoring. */
@Injectable()
export class FinanceIndicatorSource implements ComputedIndicatorSource, OnModuleInit {
  readonly name = 'finance';
  readonly indicators = FINANCE_INDICATORS;

  constructor(
    private readonly registry: IndicatorSourceRegistry,
    private readonly finance: FinanceService,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async collect(period: ReportingPeriod): Promise<ComputedFigure[]> {
    return financeFigures(await this.finance.figuresBetween(period.from, period.to), PARK_CODES);
  }
}
