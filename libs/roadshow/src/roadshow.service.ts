import { Injectable } from '@nestjs/common';
import { Actor } from '@techbridge/platform';
import { YearPlanResponse } from './dto/roadshow.dto';
import { MeetingOutcomeService, RoadshowIntention } from './meeting-outcome.service';
import { RoadshowEventService } from './roadshow-event.service';
import { RoadshowReportService } from './roadshow-report.service';

/** The roadshow context's facade for other contexts (monitoring, contracts): read-only figures and intentions. */
@Injectable()
export class RoadshowService {
  constructor(
    private readonly events: RoadshowEventService,
    private readonly outcomes: MeetingOutcomeService,
    private readonly reports: RoadshowReportService,
  ) {}

  yearPlan(actor: Actor | null, year: number): Promise<YearPlanResponse> {
    return this.events.yearPlan(actor, year);
  }

  eventsOrganisedBy(userId: string): Promise<{ held: number; upcoming: number }> {
    return this.reports.eventsOrganisedBy(userId);
  }

  heldMeetingIds(eventId: string): Promise<string[]> {
    return this.outcomes.heldMeetingIds(eventId);
  }

  listIntentions(eventId: string): Promise<RoadshowIntention[]> {
    return this.outcomes.listIntentions(eventId);
  }
}
