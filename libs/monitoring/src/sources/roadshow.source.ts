import { Injectable } from '@nestjs/common';
import { PARK_CODES } from '@techbridge/platform';
import { RoadshowService } from '@techbridge/roadshow';
import { ComputedFigure, ComputedIndicatorSource, ReportingPeriod } from './computed-source';
import { EVENT_INDICATORS, eventFigures } from './supply-figures';

/** Roadshows held in the quarter (by their start), with their 1:1 meetings and intentions, through the roadshow facade. */
@Injectable()
export class RoadshowIndicatorSource implements ComputedIndicatorSource {
  readonly name = 'roadshow';
  readonly indicators = EVENT_INDICATORS;

  constructor(private readonly roadshows: RoadshowService) {}

  async collect(period: ReportingPeriod): Promise<ComputedFigure[]> {
    const held = await this.roadshows.eventsHeldBetween(period.from, period.to);
    return eventFigures(held.map((e) => ({ id: e.id, park: e.parkCode, large: e.large, meetingIds: e.meetingIds, intentionMeetingIds: e.intentionMeetingIds })), PARK_CODES);
  }
}
