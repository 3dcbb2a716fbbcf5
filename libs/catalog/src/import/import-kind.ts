import type { EntityManager } from 'typeorm';

export interface ImportLineFailure {
  field: string;
  message: string;
}

/** Who started the import, as stored on the import_job row (the job runs without a request). */
export interface Importer {
  userId: string;
  orgId: string;
  orgType: string;
  roles: string[];
  isPlatformAdmin: boolean;
}

export interface ImportContext {
  importJobId: string;
  importer: Importer;
  /** `?publish=true` by a platform administrator: trusted registry data goes live directly. */
  publish: boolean;
  /** Per-job memo (e.g. resolved owners), cleared when a batch rolls back. */
  cache: Map<string, unknown>;
}

export interface ImportBatchItem<R> {
  line: number;
  record: R;
}

export interface ImportBatchResult {
  created: number;
  updated: number;
  /** Records the kind refused while storing (e.g. an owner the importer may not write for), by batch index. */
  failures?: Array<{ index: number; field: string; message: string }>;
}

/**
 * One kind of import (achievements, demands, ...). The framework streams the file, numbers the lines,
 * validates through the kind, batches valid records by key and stores each batch in one transaction.
 */
export interface ImportKind<R = unknown> {
  kind: string;
  /** Validate one parsed record; `key` identifies it for upserts (a repeated key starts a new batch). */
  validate(raw: unknown): { record: R; key: string } | { errors: ImportLineFailure[] };
  /** Map a flat CSV/XLSX row (header → cell text) to the JSON shape `validate` reads. */
  fromRow(row: Record<string, string>): unknown;
  /** Insert or update these records inside `m`, with their outbox rows. */
  upsertBatch(m: EntityManager, items: Array<ImportBatchItem<R>>, ctx: ImportContext): Promise<ImportBatchResult>;
  /**
   * Runs in the transaction that marks the import done, so follow-up work (e.g. one batch match job) is enqueued
   * through the outbox exactly when the import is finished. `stored` counts created + updated records.
   */
  finished?(m: EntityManager, ctx: ImportContext, stored: number): Promise<void>;
}
