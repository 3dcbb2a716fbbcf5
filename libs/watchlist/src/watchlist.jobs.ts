import { Injectable } from '@nestjs/common';
import { JobHandler, JobName, JobPayload } from '@techbridge/platform';
import { SavedSearchAlertService } from './saved-search-alerts.service';

/** Worker handlers of the watchlist context. */
@Injectable()
export class WatchlistJobs {
  constructor(private readonly alerts: SavedSearchAlertService) {}

  @JobHandler(JobName.AlertSavedSearches)
  alertSavedSearches(payload: JobPayload<JobName.AlertSavedSearches>): Promise<unknown> {
    return this.alerts.alert(payload.subject, payload.id);
  }
}
