import { Injectable } from '@nestjs/common';
import { PARK_CODES } from '@techbridge/platform';
import { DemandService } from '@techbridge/demand';
import { ComputedFigure, ComputedIndicatorSource, ReportingPeriod, tally } from './computed-source';
import { DEMAND_INDICATORS, demandFigures } from './supply-figures';

/** Enterprise demands posted and solution proposals awarded in the quarter, through the demand facade, by the demand's park. */
@Injectable()
export class DemandIndicatorSource implements ComputedIndicatorSource {
  readonly name = 'demand';
  readonly indicators = [...DEMAND_INDICATORS, 'proposals-awarded'];

  constructor(private readonly demands: DemandService) {}

  async collect(period: ReportingPeriod): Promise<ComputedFigure[]> {
    const [rows, awarded] = await Promise.all([this.demands.demandsPublishedBetween(period.from, period.to), this.demands.proposalsAwardedBetween(period.from, period.to)]);
    return [
      ...demandFigures(rows.map((d) => ({ id: d.id, park: d.park, industry: d.industry, minTrl: d.minTrl })), PARK_CODES),
      ...tally('proposals-awarded', awarded.map((p) => ({ ref: { type: 'proposal', id: p.proposalId }, park: p.park })), PARK_CODES, 'count'),
    ];
  }
}
