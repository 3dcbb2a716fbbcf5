import { Injectable } from '@nestjs/common';
import { PARK_CODES } from '@techbridge/platform';
import { DemandService } from '@techbridge/demand';
import { MatchPipelineService } from '@techbridge/matching';
import { ComputedFigure, ComputedIndicatorSource, ReportingPeriod, tally } from './computed-source';

const STEP_INDICATOR = { suggested: 'matches-suggested', contacted: 'matches-contacted', signed: 'matches-signed' } as const;

/** The broker pipeline's conversion (suggested → contacted → signed) in the quarter, by the demand's park. */
@Injectable()
export class MatchingIndicatorSource implements ComputedIndicatorSource {
  readonly name = 'matching';
  readonly indicators = Object.values(STEP_INDICATOR);

  constructor(
    private readonly pipeline: MatchPipelineService,
    private readonly demands: DemandService,
  ) {}

  async collect(period: ReportingPeriod): Promise<ComputedFigure[]> {
    const steps = await this.pipeline.pipelineStepsBetween(period.from, period.to);
    const parks = new Map((await this.demands.getDemandsByIds([...new Set(steps.map((s) => s.demandId))])).map((d) => [d.id, d.park]));
    return (Object.keys(STEP_INDICATOR) as Array<keyof typeof STEP_INDICATOR>).flatMap((step) =>
      tally(STEP_INDICATOR[step], steps.filter((s) => s.step === step).map((s) => ({ ref: { type: 'match', id: s.matchId }, park: parks.get(s.demandId) ?? null })), PARK_CODES, 'count'),
    );
  }
}
