import { Injectable } from '@nestjs/common';
import { PARK_CODES } from '@techbridge/platform';
import { ContractsService } from '@techbridge/contracts';
import { ComputedFigure, ComputedIndicatorSource, ReportingPeriod } from './computed-source';
import { CONTRACT_INDICATORS, contractFigures } from './contract-figures';

/** Registered technology contracts, through the contracts facade: amounts, types, directions, brokers and institutions. */
@Injectable()
export class ContractsIndicatorSource implements ComputedIndicatorSource {
  readonly name = 'contracts';
  readonly indicators = CONTRACT_INDICATORS;

  constructor(private readonly contracts: ContractsService) {}

  async collect(period: ReportingPeriod): Promise<ComputedFigure[]> {
    const rows = await this.contracts.registeredContractsBetween(period.from, period.to);
    return contractFigures(
      rows.map((c) => ({ ...c, park: c.parkCode })),
      PARK_CODES,
    );
  }
}
