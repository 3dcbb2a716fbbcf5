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
    const year = Number(period.quarter.slice(0, 4));
    // The year plan lists every non-planned event of the year; held and closed ones are the events that took place.
    const plan = await this.roadshows.yearPlan(null, year);
    const held = plan.months.flatMap((m) => m.events).filter((e) => (e.status === 'held' || e.status === 'closed') && new Date(e.startsAt) >= period.from && new Date(e.startsAt) < period.to);
    const events = [];
    for (const e of held) {
      const [meetingIds, intentions] = await Promise.all([this.roadshows.heldMeetingIds(e.id), this.roadshows.listIntentions(e.id)]);
      events.push({ id: e.id, park: e.parkCode, large: e.large, meetingIds, intentionMeetingIds: intentions.map((i) => i.meetingId) });
    }
    return eventFigures(events, PARK_CODES);
  }
}
