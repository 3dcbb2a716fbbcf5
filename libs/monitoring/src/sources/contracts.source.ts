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
      rows.map((c) => ({
        id: c.id, park: c.parkCode, type: c.type, direction: c.direction, contractAmount: c.contractAmount, technologyAmount: c.technologyAmount,
        brokerUserId: c.brokerUserId, transferInstitutionId: c.transferInstitutionId,
      })),
      PARK_CODES,
    );
  }
}
