import { Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { EntityManager } from 'typeorm';
import { OutboxService } from '../outbox/outbox.service';
import { JobName } from '../queue/job-catalogue';
import { ChineseTokenizer } from './chinese-tokenizer';
import { ReconcileReport, SearchIndexer } from './search-indexer';

/** Rows read from PostgreSQL and written to the new index per step. */
const REBUILD_PAGE = 1000;
const HAN_ONLY = /^\p{Script=Han}+$/u;

export interface RebuildProgress {
  index: string;
  done: number;
  total: number;
  elapsedMs: number;
}

export interface RebuildReport {
  index: string;
  documents: number;
  seconds: number;
  /** Where the time went: filling the new index, loading it (engines that hold indexes in memory), swapping and dropping the old one, reconciling. */
  phases: { fill: number; load: number; swap: number; reconcile: number };
  /** Writes that reached the old index while the new one was filled, repaired after the swap. */
  repaired: ReconcileReport;
}

/**
 * Rebuilds an index without ever serving a half-built one: fill a fresh index from PostgreSQL with the current
 * settings and segmentation, swap it in (Meilisearch's swap-indexes; the embedded engine swaps names the same way),
 * drop the old one, then reconcile what changed meanwhile. `npm run search:reindex` and the worker's
 * search.rebuild job (after a thesaurus edit brings new words) both run this.
 */
@Injectable()
export class SearchRebuilder {
  private readonly logger = new Logger('SearchRebuilder');

  constructor(
    private readonly indexer: SearchIndexer,
    private readonly tokenizer: ChineseTokenizer,
    private readonly outbox: OutboxService,
  ) {}

  async rebuild(index: string, onProgress?: (progress: RebuildProgress) => void): Promise<RebuildReport> {
    const engine = this.indexer.engine;
    const started = performance.now();
    const next = `${index}__rebuild_${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
    // The serving index must exist to be swapped with (a first start may not have written it yet).
    if ((await engine.count(index)) === 0) await this.indexer.applySettings(index);
    // Settings first: resolving the synonym sources teaches the tokenizer the thesaurus words the documents are cut with.
    await this.indexer.applySettings(index, next);
    const ids = (await this.indexer.projection(index).listIndexable()).map((v) => v.id);
    const marks = [performance.now()];
    try {
      for (let i = 0; i < ids.length; i += REBUILD_PAGE) {
        const { upserts } = await this.indexer.documentsFor(index, ids.slice(i, i + REBUILD_PAGE));
        await engine.upsert(next, upserts);
        onProgress?.({ index, done: Math.min(ids.length, i + REBUILD_PAGE), total: ids.length, elapsedMs: performance.now() - started });
      }
      marks.push(performance.now());
      // An engine that keeps indexes in memory has this process's copy ready before the swap, so here it is instant.
      const preload = (engine as { preload?: (name: string) => Promise<void> }).preload;
      if (preload) await preload.call(engine, next);
      marks.push(performance.now());
      await engine.swapIndexes(index, next);
    } catch (error) {
      await engine.deleteIndex(next).catch(() => undefined);
      throw error;
    }
    // `next` now names the old documents.
    await engine.deleteIndex(next);
    marks.push(performance.now());
    const repaired = await this.indexer.reconcile(index);
    marks.push(performance.now());
    const seconds = (from: number) => Math.round((marks[from + 1] - marks[from]) / 100) / 10;
    const report = {
      index,
      documents: ids.length,
      seconds: Math.round((performance.now() - started) / 100) / 10,
      phases: { fill: seconds(0), load: seconds(1), swap: seconds(2), reconcile: seconds(3) },
      repaired,
    };
    this.logger.log(report, 'search index rebuilt and swapped in');
    return report;
  }

  /**
   * Inside the transaction of a vocabulary edit (the thesaurus): if it brings words the tokenizer does not know yet,
   * documents would be cut differently from now on, so the indexes are rebuilt in the worker (through the outbox,
   * so a crash after commit cannot lose it). Returns whether a rebuild was requested.
   */
  async requestIfNewWords(tx: EntityManager, indexes: string[], words: string[]): Promise<boolean> {
    const known = new Set(this.tokenizer.dictionaryWords());
    const fresh = words.map((w) => this.tokenizer.normalize(w).trim()).filter((w) => HAN_ONLY.test(w) && !known.has(w));
    if (fresh.length === 0) return false;
    for (const index of indexes) await this.outbox.enqueue(tx, JobName.RebuildSearchIndex, { index });
    return true;
  }
}
