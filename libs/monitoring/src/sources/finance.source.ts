import { Injectable } from '@nestjs/common';
import { FinanceService } from '@techbridge/finance';
import { PARK_CODES } from '@techbridge/platform';
import { ComputedFigure, ComputedIndicatorSource, ReportingPeriod } from './computed-source';
import { FINANCE_INDICATORS, financeFigures } from './finance-figures';

/** Park sub-funds, their investments, financing closed and IP-pledge loans, through the finance facade. */
@Injectable()
export class FinanceIndicatorSource implements ComputedIndicatorSource {
  readonly name = 'finance';
  readonly indicators = FINANCE_INDICATORS;

  constructor(private readonly finance: FinanceService) {}

  async collect(period: ReportingPeriod): Promise<ComputedFigure[]> {
    return financeFigures(await this.finance.figuresBetween(period.from, period.to), PARK_CODES);
  }
}
