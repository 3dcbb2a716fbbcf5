/**
 * The closed catalogue of background work: every queue, every job name and its payload.
 * Payloads carry IDs only (JSON-compatible); handlers re-read state from PostgreSQL.
 * Adding a job: a JobName member, its queue in JOB_QUEUE, its payload in JobPayloads,
 * and exactly one @JobHandler for it in the owning context (worker start fails otherwise).
 */
export enum QueueName {
  Maintenance = 'maintenance',
  Imports = 'imports',
  Matching = 'matching',
  Lifecycle = 'lifecycle',
  Roadshow = 'roadshow',
  Contracts = 'contracts',
  Monitoring = 'monitoring',
  Notifications = 'notifications',
  Market = 'market',
}

export enum JobName {
  ReconcileSearchIndex = 'search.reconcile',
  /** Fill a fresh copy of an index from PostgreSQL and swap it in (new segmentation after a thesaurus edit). */
  RebuildSearchIndex = 'search.rebuild',
  RunImport = 'catalog.import.run',
  ComputeDemandMatches = 'matching.compute-demand-matches',
  ComputeAchievementMatches = 'matching.compute-achievement-matches',
  /** One job per import published with ?publish=true: matches for all its achievements, one summary notification. */
  ComputeMatchesForImport = 'matching.compute-matches-for-import',
  /** demand: published → expired at the deadline (delayed; jobId per demand and deadline). */
  DemandExpire = 'demand.expire',
  // contracts: registration workflow, deadlines, rewards
  CheckContract = 'contracts.check',
  IssueRegistrationNumber = 'contracts.issue-registration-number',
  RemindRegistrationDeadline = 'contracts.remind-deadline',
  EscalateRegistrationDeadline = 'contracts.escalate-deadline',
  ComputeRewards = 'contracts.compute-rewards',
  /** Repeatable (job scheduler): the year is resolved when it runs, so one fixed payload serves every year. */
  ComputeScheduledRewards = 'contracts.compute-scheduled-rewards',
  // roadshow: registration window, agenda, 1:1 meetings, reminders, follow-up
  RoadshowCloseRegistration = 'roadshow.close-registration',
  RoadshowBuildAgenda = 'roadshow.build-agenda',
  RoadshowScheduleMeetings = 'roadshow.schedule-meetings',
  RoadshowMeetingReminder = 'roadshow.meeting-reminder',
  RoadshowFollowUp = 'roadshow.follow-up',
  /** Repeatable: delete outbox messages delivered longer ago than OUTBOX_RETENTION_DAYS. */
  PruneOutbox = 'outbox.prune',
  /** Repeatable: forget search tombstones older than a day (they only fence off late deliveries). */
  PurgeSearchTombstones = 'search.purge-tombstones',
  /** Repeatable, then chained: compute the matches of published achievements and demands whose current version has none. */
  ReconcileMatches = 'matching.reconcile',
  /** Repeatable: imports whose upload stopped (the api died) are failed with the reason; their partial files removed. */
  SweepAbandonedUploads = 'catalog.import.sweep-abandoned-uploads',
  /** One notification to its recipients' mailboxes (those who want that category by e-mail); enqueued through the outbox. */
  SendNotificationEmail = 'notification.send-email',
  /** A newly published achievement or demand checked against every saved search of its kind; matches are alerted. */
  AlertSavedSearches = 'watchlist.alert-saved-searches',
  /** Repeatable (daily): delete audit entries older than AUDIT_RETENTION_DAYS (never younger than 180 days). */
  PruneAuditLog = 'identity.prune-audit-log',
  /** Chained pages: stored matches computed with other weights or another thesaurus than the current ones are scored again. */
  RescoreStoredMatches = 'matching.rescore-stored',
  /** Refit the matcher's weights from brokers' outcomes and enterprises' shortlists into a new version (repeatable, and after outcomes). */
  RefitMatchWeights = 'matching.refit-weights',
  /** Repeatable (daily): every retention_policy period applied by the rule its context registered (个人信息保护法). */
  ApplyRetention = 'privacy.apply-retention',
  /** brokers: remind a certificate's holder before it expires (delayed; jobId per certificate and expiry). */
  RemindBrokerCertificateExpiry = 'brokers.remind-certificate-expiry',
  /** market: a listing's period ends (delayed; jobId per listing and end instant). */
  MarketListingLapse = 'market.listing-lapse',
  /** market: a deal's public notice ends, unless paused or already moved on (jobId per notice and end instant). */
  MarketNoticeEnd = 'market.notice-end',
  /** market: an auction closes at its (possibly extended) close (jobId per auction and close instant). */
  MarketAuctionClose = 'market.auction-close',
  /** market: the offered bidder's time to confirm runs out; the next highest is offered (jobId per auction and bid). */
  MarketAuctionConfirmDeadline = 'market.auction-confirm-deadline',
  /** vouchers: an issued voucher unused at its expiry returns its money (delayed; jobId per voucher). */
  VoucherExpire = 'vouchers.expire',
  /** finance: store a financing request's investor matches anew after it changed (jobId per request and version). */
  RescoreFinancingRequest = 'finance.rescore-request',
  /** finance: store an investor's matches anew after its profile changed (jobId per investor and profile version). */
  RescoreInvestorProfile = 'finance.rescore-investor',
  /** finance: every listed request's matches stored anew after the scoring version changed (chained pages; jobId per version and cursor). */
  RescoreFinancingMatches = 'finance.rescore-all',
}

export interface JobPayloads {
  [JobName.ReconcileSearchIndex]: { index?: string };
  [JobName.RebuildSearchIndex]: { index: string };
  /** One bulk import (any kind: achievements, demands); the handler re-reads the import_job row. */
  [JobName.RunImport]: { importJobId: string };
  [JobName.ComputeDemandMatches]: { demandId: string };
  [JobName.ComputeAchievementMatches]: { achievementId: string };
  /** One page per run: `after` is the last achievement id done, the counts so far ride along for the final summary. */
  [JobName.ComputeMatchesForImport]: { importJobId: string; after?: string; achievements?: number; stored?: number };
  [JobName.DemandExpire]: { demandId: string };
  /** `submission` is the contract's submission count: jobs of an earlier submission skip. */
  [JobName.CheckContract]: { contractId: string; submission: number };
  [JobName.IssueRegistrationNumber]: { contractId: string };
  [JobName.RemindRegistrationDeadline]: { contractId: string; submission: number };
  [JobName.EscalateRegistrationDeadline]: { contractId: string; submission: number };
  [JobName.ComputeRewards]: { year: number };
  /** previous-year: the final yearly ledger (run on 1 January); current-year: a provisional monthly run. */
  [JobName.ComputeScheduledRewards]: { period: 'previous-year' | 'current-year' };
  [JobName.RoadshowCloseRegistration]: { eventId: string };
  [JobName.RoadshowBuildAgenda]: { eventId: string };
  [JobName.RoadshowScheduleMeetings]: { eventId: string };
  /** `lead` is how long before the meeting the reminder fires. */
  [JobName.RoadshowMeetingReminder]: { meetingId: string; lead: '24h' | '1h' };
  [JobName.RoadshowFollowUp]: { eventId: string };
  [JobName.PruneOutbox]: Record<string, never>;
  [JobName.PurgeSearchTombstones]: Record<string, never>;
  /** Empty to start a pass; a continuation carries where the pass is and the instant it started from. */
  [JobName.ReconcileMatches]: { subject?: 'achievement' | 'demand'; after?: string | null; changedBefore?: string };
  [JobName.SweepAbandonedUploads]: Record<string, never>;
  [JobName.SendNotificationEmail]: { notificationId: string };
  [JobName.AlertSavedSearches]: { subject: 'achievement' | 'demand'; id: string };
  [JobName.PruneAuditLog]: Record<string, never>;
  /** `after`: the last match id done in this pass; `reason` says what changed (weights:N, thesaurus, reconcile). */
  [JobName.RescoreStoredMatches]: { reason?: string; after?: string | null };
  [JobName.RefitMatchWeights]: Record<string, never>;
  [JobName.ApplyRetention]: Record<string, never>;
  /** `expiresAt` (ISO) is the expiry the reminder was set for: after a renewal the old reminder skips. */
  [JobName.RemindBrokerCertificateExpiry]: { certificateId: string; expiresAt: string };
  [JobName.MarketListingLapse]: { listingId: string };
  [JobName.MarketNoticeEnd]: { noticeId: string };
  [JobName.MarketAuctionClose]: { auctionId: string };
  [JobName.MarketAuctionConfirmDeadline]: { auctionId: string; bidId: string };
  [JobName.VoucherExpire]: { voucherId: string };
  [JobName.RescoreFinancingRequest]: { requestId: string };
  [JobName.RescoreInvestorProfile]: { investorId: string };
  /** `version`: the scoring version the pass was queued for (a job of another version skips); `after`: the last request id done. */
  [JobName.RescoreFinancingMatches]: { version: string; after?: string | null };
}

export const JOB_QUEUE: { [K in JobName]: QueueName } = {
  [JobName.ReconcileSearchIndex]: QueueName.Maintenance,
  [JobName.RebuildSearchIndex]: QueueName.Maintenance,
  [JobName.RunImport]: QueueName.Imports,
  [JobName.ComputeDemandMatches]: QueueName.Matching,
  [JobName.ComputeAchievementMatches]: QueueName.Matching,
  [JobName.ComputeMatchesForImport]: QueueName.Matching,
  [JobName.DemandExpire]: QueueName.Lifecycle,
  [JobName.CheckContract]: QueueName.Contracts,
  [JobName.IssueRegistrationNumber]: QueueName.Contracts,
  [JobName.RemindRegistrationDeadline]: QueueName.Contracts,
  [JobName.EscalateRegistrationDeadline]: QueueName.Contracts,
  [JobName.ComputeRewards]: QueueName.Contracts,
  [JobName.ComputeScheduledRewards]: QueueName.Contracts,
  [JobName.RoadshowCloseRegistration]: QueueName.Roadshow,
  [JobName.RoadshowBuildAgenda]: QueueName.Roadshow,
  [JobName.RoadshowScheduleMeetings]: QueueName.Roadshow,
  [JobName.RoadshowMeetingReminder]: QueueName.Roadshow,
  [JobName.RoadshowFollowUp]: QueueName.Roadshow,
  [JobName.PruneOutbox]: QueueName.Maintenance,
  [JobName.PurgeSearchTombstones]: QueueName.Maintenance,
  [JobName.ReconcileMatches]: QueueName.Matching,
  [JobName.SweepAbandonedUploads]: QueueName.Maintenance,
  [JobName.SendNotificationEmail]: QueueName.Notifications,
  [JobName.AlertSavedSearches]: QueueName.Notifications,
  [JobName.PruneAuditLog]: QueueName.Maintenance,
  [JobName.RescoreStoredMatches]: QueueName.Matching,
  [JobName.RefitMatchWeights]: QueueName.Matching,
  [JobName.ApplyRetention]: QueueName.Maintenance,
  [JobName.RemindBrokerCertificateExpiry]: QueueName.Lifecycle,
  [JobName.MarketListingLapse]: QueueName.Market,
  [JobName.MarketNoticeEnd]: QueueName.Market,
  [JobName.MarketAuctionClose]: QueueName.Market,
  [JobName.MarketAuctionConfirmDeadline]: QueueName.Market,
  [JobName.VoucherExpire]: QueueName.Lifecycle,
  [JobName.RescoreFinancingRequest]: QueueName.Matching,
  [JobName.RescoreInvestorProfile]: QueueName.Matching,
  [JobName.RescoreFinancingMatches]: QueueName.Matching,
};

export type JobPayload<N extends JobName> = JobPayloads[N];
