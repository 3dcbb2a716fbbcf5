import { Injectable } from '@nestjs/common';
import { Actor, TransactionRunner } from '@techbridge/platform';
import { HeldEventRecord, YearPlanResponse } from './dto/roadshow.dto';
import { RoadshowEventService } from './roadshow-event.service';
import { RoadshowReportService } from './roadshow-report.service';
import { RoadshowRepository } from './roadshow.repository';

/** The roadshow context's facade for other contexts (monitoring, contracts): read-only plans, figures and records. */
@Injectable()
export class RoadshowService {
  constructor(
    private readonly events: RoadshowEventService,
    private readonly reports: RoadshowReportService,
    private readonly repo: RoadshowRepository,
    private readonly tx: TransactionRunner,
  ) {}

  yearPlan(actor: Actor | null, year: number): Promise<YearPlanResponse> {
    return this.events.yearPlan(actor, year);
  }

  eventsOrganisedBy(userId: string): Promise<{ held: number; upcoming: number }> {
    return this.reports.eventsOrganisedBy(userId);
  }

  /** Events held in [from, to) (by their start) with the meetings that took place and the intentions: the records behind monitoring's event figures. */
  async eventsHeldBetween(from: Date, to: Date): Promise<HeldEventRecord[]> {
    const rows = await this.repo.eventsHeldBetween(this.tx.manager, { from, to });
    return rows.map((r) => ({ id: r.id, parkCode: r.park_code, large: r.large, meetingIds: r.meeting_ids, intentionMeetingIds: r.intention_meeting_ids }));
  }
}
