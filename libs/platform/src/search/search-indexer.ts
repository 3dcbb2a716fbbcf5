import { Inject, Injectable, Logger } from '@nestjs/common';
import { ChineseTokenizer } from './chinese-tokenizer';
import { engineSettings, withSearchFields } from './search-fields';
import { IndexSettings, SEARCH_INDEX, SearchDocument, SearchIndex } from './search-index.port';
import { SearchProjection } from './search-projection';

export interface ReconcileReport {
  index: string;
  inDatabase: number;
  inIndex: number;
  missing: number;
  stale: number;
  orphaned: number;
}

/** Keeps indexes true to PostgreSQL: settings, re-projection of changed rows, reconciliation. */
@Injectable()
export class SearchIndexer {
  private readonly logger = new Logger('SearchIndexer');
  private readonly projections = new Map<string, SearchProjection>();
  /** Extra synonym sources per index (the matching thesaurus feeds the catalog's indexes without the catalog knowing). */
  private readonly synonymSources = new Map<string, Array<() => Promise<Record<string, string[]>>>>();
  /** Searchable attributes per index: fixed by the projection, while its settings are resolved anew (synonyms). */
  private readonly searchable = new Map<string, string[]>();

  constructor(
    @Inject(SEARCH_INDEX) readonly engine: SearchIndex,
    private readonly tokenizer: ChineseTokenizer,
  ) {}

  register(projection: SearchProjection): void {
    if (this.projections.has(projection.index)) throw new Error(`index ${projection.index} registered twice`);
    this.projections.set(projection.index, projection);
  }

  /** Add synonyms from another context to an index's settings; call applySettings(index) after they change. */
  addSynonymSource(index: string, source: () => Promise<Record<string, string[]>>): void {
    this.synonymSources.set(index, [...(this.synonymSources.get(index) ?? []), source]);
  }

  indexes(): string[] {
    return [...this.projections.keys()];
  }

  projection(index: string): SearchProjection {
    const p = this.projections.get(index);
    if (!p) throw new Error(`no projection registered for index ${index}`);
    return p;
  }

  /**
   * The settings an engine receives for an index: the projection's, with the synonyms of every source, mapped onto
   * the search fields (search-fields.ts). Resolving the synonym sources also teaches the tokenizer the thesaurus words.
   */
  async engineSettingsOf(index: string): Promise<IndexSettings> {
    const settings = await this.projection(index).settings();
    const synonyms: Record<string, string[]> = { ...(settings.synonyms ?? {}) };
    for (const source of this.synonymSources.get(index) ?? []) {
      for (const [term, equivalents] of Object.entries(await source())) {
        synonyms[term] = [...new Set([...(synonyms[term] ?? []), ...equivalents])];
      }
    }
    return engineSettings({ ...settings, synonyms }, this.tokenizer);
  }

  /** Apply settings (idempotent: unchanged settings change nothing). `target` writes them to another index, e.g. a rebuild. */
  async applySettings(index?: string, target?: string): Promise<void> {
    for (const name of index ? [index] : this.indexes()) await this.engine.applySettings(target ?? name, await this.engineSettingsOf(name));
  }

  /** Documents as the engines store them: the projection's, plus the search fields (one function for both engines). */
  async documentsFor(index: string, ids: string[]): Promise<{ upserts: SearchDocument[]; deletes: string[] }> {
    const projection = this.projection(index);
    let searchableAttributes = this.searchable.get(index);
    if (!searchableAttributes) this.searchable.set(index, (searchableAttributes = (await projection.settings()).searchableAttributes));
    const docs = await projection.load(ids);
    const upserts: SearchDocument[] = [];
    const deletes: string[] = [];
    for (const id of ids) {
      const doc = docs.get(id);
      if (doc) upserts.push(withSearchFields(doc, searchableAttributes, this.tokenizer));
      else deletes.push(id);
    }
    return { upserts, deletes };
  }

  /** Bring these documents in line with the database (upsert what is indexable, delete the rest). */
  async reproject(index: string, ids: string[]): Promise<void> {
    if (!ids.length) return;
    const { upserts, deletes } = await this.documentsFor(index, ids);
    if (upserts.length) await this.engine.upsert(index, upserts);
    if (deletes.length) await this.engine.delete(index, deletes, await this.projection(index).versions?.(deletes));
  }

  /** Forget removals older than `before` in every index (a delivery is never that late: the outbox lease is a minute). */
  async purgeTombstones(before: Date): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const index of this.indexes()) out[index] = await this.engine.purgeTombstones(index, before);
    return out;
  }

  /** Find documents missing from, stale in, or orphaned in the index, and repair them. */
  async reconcile(index: string): Promise<ReconcileReport> {
    const want = new Map((await this.projection(index).listIndexable()).map((v) => [v.id, v.version]));
    const have = new Map<string, number>();
    const page = 1000;
    if (this.engine.listVersionsAfter) {
      // By key where the engine can: offsets would make a million documents a quadratic walk.
      for (let after: string | null = null; ; ) {
        const chunk = await this.engine.listVersionsAfter(index, after, page);
        for (const v of chunk) have.set(v.id, v.version);
        if (chunk.length < page) break;
        after = chunk[chunk.length - 1].id;
      }
    } else {
      for (let offset = 0; ; offset += page) {
        const chunk = await this.engine.listVersions(index, offset, page);
        for (const v of chunk) have.set(v.id, v.version);
        if (chunk.length < page) break;
      }
    }
    const missing: string[] = [];
    const stale: string[] = [];
    for (const [id, version] of want) {
      const got = have.get(id);
      if (got === undefined) missing.push(id);
      else if (Number(got) !== Number(version)) stale.push(id);
    }
    const orphaned = [...have.keys()].filter((id) => !want.has(id));
    const repair = [...missing, ...stale];
    for (let i = 0; i < repair.length; i += 500) await this.reproject(index, repair.slice(i, i + 500));
    // Orphans go through re-projection too, so their removal carries the row's version where the row still exists.
    for (let i = 0; i < orphaned.length; i += 500) await this.reproject(index, orphaned.slice(i, i + 500));
    const report = { index, inDatabase: want.size, inIndex: have.size, missing: missing.length, stale: stale.length, orphaned: orphaned.length };
    if (missing.length || stale.length || orphaned.length) this.logger.warn(report, 'index repaired');
    return report;
  }

  async reconcileAll(): Promise<ReconcileReport[]> {
    const out = [];
    for (const index of this.indexes()) out.push(await this.reconcile(index));
    return out;
  }
}
