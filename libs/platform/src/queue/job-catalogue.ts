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
}

export enum JobName {
  ReconcileSearchIndex = 'search.reconcile',
}

export interface JobPayloads {
  [JobName.ReconcileSearchIndex]: { index?: string };
}

export const JOB_QUEUE: { [K in JobName]: QueueName } = {
  [JobName.ReconcileSearchIndex]: QueueName.Maintenance,
};

export type JobPayload<N extends JobName> = JobPayloads[N];
