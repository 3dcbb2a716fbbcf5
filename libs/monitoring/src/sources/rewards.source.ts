import { Injectable } from '@nestjs/common';
import { BeijingCalendar, PARK_CODES } from '@techbridge/platform';
import { ContractsService } from '@techbridge/contracts';
import { ComputedFigure, ComputedIndicatorSource, ReportingPeriod } from './computed-source';
import { REWARD_INDICATORS, rewardFigures } from './reward-figures';


/** Rewards accrued, from the year's reward ledger (final or provisional) through the contracts facade. */
@Injectable()
export class RewardsIndicatorSource implements ComputedIndicatorSource {
  readonly name = 'rewards';
  readonly indicators = REWARD_INDICATORS;

  constructor(private readonly contracts: ContractsService) {}

  async collect(period: ReportingPeriod): Promise<ComputedFigure[]> {
    // The ledger is per calendar year: a quarter's share comes from its own year's ledger.
    const lines = await this.contracts.rewardAccruals(Number(period.quarter.slice(0, 4)));
    return rewardFigures(
      lines.map((l) => ({
        lineId: l.lineId, kind: l.kind, amount: l.amount,
        accruedAt: l.accruedOn ? BeijingCalendar.instant(l.accruedOn) : null,
        contracts: l.contracts.map((c) => ({ contractId: c.contractId, technologyAmount: c.technologyAmount, registeredAt: c.registeredAt ? new Date(c.registeredAt) : null, park: c.parkCode })),
      })),
      period,
      PARK_CODES,
    );
  }
}
