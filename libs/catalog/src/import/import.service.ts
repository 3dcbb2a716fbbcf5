import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { QueryFailedError } from 'typeorm';
import {
  Actor, Clock, DomainError, FileStorage, FileTooLargeError, hasRole, JobName, OutboxService, Role, TransactionRunner,
} from '@techbridge/platform';
import { CatalogAccessPolicy } from '../catalog-access.policy';
import { CatalogErrors } from '../catalog.exception';
import { ImportFormat, ImportJob, ImportLineError } from '../entities/import-job.entity';
import { ImportBatchItem, ImportBatchResult, ImportContext, ImportKind } from './import-kind';
import { ImportRepository } from './import.repository';
import { readRecords } from './record-reader';
import { ImportJobResponse, mapImportJob } from './import.dto';

export const IMPORT_BATCH_SIZE = 500;
/** Stored errors are capped; every failure is still counted. */
export const MAX_STORED_ERRORS = 1000;
export const IMPORT_UPLOAD_LIMIT = 2 * 1024 * 1024 * 1024;
/** An upload in progress stamps its row this often; one silent for UPLOAD_SILENCE_MS is taken for dead. */
export const UPLOAD_HEARTBEAT_MS = 10_000;
export const UPLOAD_SILENCE_MS = 5 * 60_000;
const UPLOAD_ABANDONED = '上传中断：接收文件的服务在上传完成前停止，请重新上传 / Upload interrupted: the server receiving the file stopped before it was complete; upload it again';

export interface ImportUpload {
  stream: Readable;
  format: ImportFormat;
  filename?: string | null;
}

/**
 * The generic import framework: stores the upload, records an import_job and enqueues it through the outbox;
 * the job streams the file through the kind's validator and upserts in batches. Kinds register themselves
 * (catalog: achievements; demand: demands) and share one job name.
 */
@Injectable()
export class ImportService {
  private readonly logger = new Logger('ImportService');
  private readonly kinds = new Map<string, ImportKind<unknown>>();

  constructor(
    private readonly repo: ImportRepository,
    private readonly tx: TransactionRunner,
    private readonly outbox: OutboxService,
    private readonly storage: FileStorage,
    private readonly clock: Clock,
    private readonly access: CatalogAccessPolicy,
  ) {}

  registerKind<R>(kind: ImportKind<R>): void {
    if (this.kinds.has(kind.kind)) throw new Error(`import kind ${kind.kind} registered twice`);
    this.kinds.set(kind.kind, kind as ImportKind<unknown>);
  }

  private kindOf(kind: string): ImportKind<unknown> {
    const k = this.kinds.get(kind);
    if (!k) throw CatalogErrors.unknownImportKind(kind);
    return k;
  }

  async start(actor: Actor, kind: string, upload: ImportUpload, options: { publish?: boolean } = {}): Promise<{ id: string }> {
    this.kindOf(kind);
    // Only platform administrators may skip review; others' flag is ignored rather than refused, so one client works for both.
    const publish = !!options.publish && this.access.mayPublishImport(actor);
    const id = randomUUID();
    const ext = upload.format === 'ndjson' ? 'jsonl' : upload.format;
    const fileKey = `imports/${kind}/${id}.${ext}`;
    // The row first: an upload cut short by a crash leaves a row that the sweep marks failed, not a nameless .part file.
    await this.repo.insert(this.tx.manager, {
      id, kind, format: upload.format, status: 'uploading', fileKey, filename: upload.filename ?? null, publish,
      importerUserId: actor.userId, importerOrgId: actor.orgId, importerOrgType: actor.orgType, importerRoles: actor.roles,
    });
    let beat = Date.now();
    const heartbeat = () => {
      if (Date.now() - beat < UPLOAD_HEARTBEAT_MS) return;
      beat = Date.now();
      void this.repo.touchUploading(this.tx.manager, id).catch(() => undefined);
    };
    try {
      await this.storage.put(fileKey, upload.stream, IMPORT_UPLOAD_LIMIT, heartbeat);
    } catch (err) {
      // The sweep took this upload for dead (and removed its partial file) while it stalled.
      if ((await this.repo.find(this.tx.manager, id))?.status !== 'uploading') throw CatalogErrors.uploadAbandoned();
      const tooLarge = err instanceof FileTooLargeError;
      const reason = tooLarge
        ? `文件超过 ${Math.round(IMPORT_UPLOAD_LIMIT / 1048576)} MB / The file exceeds ${Math.round(IMPORT_UPLOAD_LIMIT / 1048576)} MB`
        : `上传未完成 / The upload did not complete: ${(err as Error).message || (err as Error).name}`;
      await this.repo.markFailed(this.tx.manager, id, this.clock.now(), reason);
      if (tooLarge) throw CatalogErrors.fileTooLarge(IMPORT_UPLOAD_LIMIT);
      throw err;
    }
    const queued = await this.tx.run(async (m) => {
      if (!(await this.repo.markUploaded(m, id))) return false;
      await this.outbox.enqueue(m, JobName.RunImport, { importJobId: id }, { jobId: `import:${id}`, attempts: 3 });
      return true;
    });
    if (!queued) {
      await this.storage.remove(fileKey);
      throw CatalogErrors.uploadAbandoned();
    }
    return { id };
  }

  /**
   * After a crash of the process receiving an upload: rows still `uploading` that no byte has reached for
   * UPLOAD_SILENCE_MS are failed with the reason, and partial files nobody writes to any more are removed.
   */
  async sweepAbandonedUploads(): Promise<{ failed: string[]; partialsRemoved: string[] }> {
    const failed = await this.repo.failStaleUploads(this.tx.manager, UPLOAD_SILENCE_MS, this.clock.now(), UPLOAD_ABANDONED);
    // File times are the machine's real time, as the heartbeats are the database's.
    const partialsRemoved = await this.storage.removeAbandonedPartials(new Date(Date.now() - UPLOAD_SILENCE_MS));
    if (failed.length || partialsRemoved.length) this.logger.warn(`abandoned uploads: ${failed.length} import(s) failed, ${partialsRemoved.length} partial file(s) removed`);
    return { failed, partialsRemoved };
  }

  /** Visible to the importer's organisation and platform administrators; others 404. */
  async get(actor: Actor, id: string): Promise<ImportJobResponse> {
    const job = await this.repo.find(this.tx.manager, id);
    if (!job || !this.access.canSeeImport(actor, job)) throw CatalogErrors.importNotFound();
    return mapImportJob(job);
  }

  /**
   * The job body. Idempotent and resumable: a finished job is skipped; each batch commits with the import's progress
   * (counters, line errors, the last line accounted for), so a run killed mid-file resumes after the last committed
   * batch rather than from the top (a batch redone after a crash between its commit and nothing else is harmless:
   * upserts are keyed).
   */
  async run(importJobId: string): Promise<ImportJobResponse | null> {
    const m0 = this.tx.manager;
    const job = await this.repo.find(m0, importJobId);
    if (!job || job.status === 'done' || job.status === 'failed' || job.status === 'uploading') return null;
    if (!(await this.repo.claim(m0, job.id, this.clock.now()))) return null;
    const kind = this.kindOf(job.kind);
    const ctx: ImportContext = {
      importJobId: job.id,
      importer: { userId: job.importerUserId, orgId: job.importerOrgId, orgType: job.importerOrgType, roles: job.importerRoles, isPlatformAdmin: job.importerRoles.includes(Role.PlatformAdmin) },
      publish: job.publish,
      cache: new Map(),
    };
    // Where an earlier, killed run got to (all zero on a first run).
    const resumeAfter = job.resumeAfterLine;
    const counters = { total: job.total, processed: job.processed, created: job.created, updated: job.updated, failed: job.failed };
    const errors: ImportLineError[] = [...job.errors];
    let lastLine = resumeAfter;
    const fail = (line: number, field: string, message: string) => {
      // Messages quote the bad input; PostgreSQL cannot store a NUL character in text or jsonb.
      if (errors.length < MAX_STORED_ERRORS) errors.push({ line, field: withoutNul(field), message: withoutNul(message) });
    };
    const progress = () => ({ ...counters, errors: [...errors], resumeAfterLine: lastLine });
    let batch: Array<ImportBatchItem<unknown>> = [];
    let keys = new Set<string>();

    const count = (items: Array<ImportBatchItem<unknown>>, res: ImportBatchResult) => {
      counters.created += res.created;
      counters.updated += res.updated;
      for (const f of res.failures ?? []) {
        counters.failed++;
        fail(items[f.index].line, f.field, f.message);
      }
    };
    const flush = async () => {
      if (!batch.length) return;
      const items = batch;
      batch = [];
      keys = new Set();
      const before = { ...counters, errors: errors.length };
      try {
        // The batch and the progress that accounts for it commit together.
        await this.tx.run(async (m) => {
          count(items, await kind.upsertBatch(m, items, ctx));
          counters.processed += items.length;
          await this.repo.update(m, job.id, progress());
        });
      } catch (err) {
        // Only rows refused by a rule or by PostgreSQL are worth finding one by one; anything else (a lost connection)
        // fails the run, and the retry resumes after the last committed batch.
        if (!(err instanceof QueryFailedError) && !(err instanceof DomainError)) throw err;
        Object.assign(counters, { total: before.total, processed: before.processed, created: before.created, updated: before.updated, failed: before.failed });
        errors.length = before.errors;
        // One bad row must not sink its batch: retry one by one to find it and report it on its line.
        ctx.cache.clear();
        this.logger.warn(`import ${job.id}: batch failed (${(err as Error).message}); retrying line by line`);
        for (const item of items) {
          try {
            count([item], await this.tx.run((m) => kind.upsertBatch(m, [item], ctx)));
          } catch (e) {
            ctx.cache.clear();
            counters.failed++;
            fail(item.line, '', `could not be stored: ${(e as Error).message}`);
          }
        }
        counters.processed += items.length;
        await this.repo.update(this.tx.manager, job.id, progress());
      }
    };

    try {
      const stream = await this.storage.open(job.fileKey);
      for await (const item of readRecords(stream, job.format)) {
        // Accounted for by a committed batch of an earlier run (a file-level error has no line and always counts).
        if (item.line > 0 && item.line <= resumeAfter) continue;
        if ('parseError' in item) {
          counters.total++;
          counters.failed++;
          counters.processed++;
          fail(item.line, '', item.parseError);
          lastLine = Math.max(lastLine, item.line);
          continue;
        }
        const raw = item.row ? kind.fromRow(item.row) : item.raw;
        const v = kind.validate(raw);
        if ('errors' in v) {
          counters.total++;
          counters.failed++;
          counters.processed++;
          for (const e of v.errors) fail(item.line, e.field, e.message);
          lastLine = item.line;
          continue;
        }
        // A second record with the same key goes in the next batch (one statement cannot upsert a row twice).
        if (keys.has(v.key)) await flush();
        counters.total++;
        lastLine = item.line;
        keys.add(v.key);
        batch.push({ line: item.line, record: v.record });
        if (batch.length >= IMPORT_BATCH_SIZE) await flush();
      }
      await flush();
      await this.tx.run(async (m) => {
        await this.repo.update(m, job.id, { ...progress(), status: 'done', finishedAt: this.clock.now() });
        await kind.finished?.(m, ctx, counters.created + counters.updated);
      });
    } catch (err) {
      const reason = withoutNul((err as Error).message || (err as Error).name || String(err)).slice(0, 2000);
      // Only the reason: the progress in the row is what the committed batches account for, and a retry resumes from it.
      await this.repo.update(this.tx.manager, job.id, { failureReason: reason });
      throw err;
    }
    return mapImportJob((await this.repo.find(this.tx.manager, job.id))!);
  }

  /**
   * Keyset page over the achievements this import published (as recorded by its import events) that are still published,
   * for the batch match computation: ids after `after`, in id order.
   */
  async publishedAchievementsOfImport(importJobId: string, after: string | null, limit: number): Promise<Array<{ id: string; version: number }>> {
    return this.repo.publishedAchievementsOfImport(this.tx.manager, importJobId, after, limit);
  }

  /** For jobs (no request): the import's row, or null. */
  async findForJob(importJobId: string): Promise<(ImportJobResponse & { importerUserId: string; importerOrgId: string }) | null> {
    const job = await this.repo.find(this.tx.manager, importJobId);
    return job ? { ...mapImportJob(job), importerUserId: job.importerUserId, importerOrgId: job.importerOrgId } : null;
  }

  /** After the last attempt: a person sees the failure on the import, with a reason (the run's own, or the job's). */
  async markFailed(importJobId: string, reason?: string): Promise<void> {
    await this.repo.markFailed(this.tx.manager, importJobId, this.clock.now(), withoutNul(reason || '导入失败 / The import failed').slice(0, 2000));
  }
}

function withoutNul(text: string): string {
  return text.replace(/\u0000/g, '\\u0000');
}
