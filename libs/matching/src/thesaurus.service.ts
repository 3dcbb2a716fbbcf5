import { Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { ACHIEVEMENTS_INDEX } from '@techbridge/catalog';
import { DEMANDS_INDEX } from '@techbridge/demand';
import { Actor, ChineseTokenizer, JobName, OutboxService, Page, pageOf, SearchIndexer, SearchRebuilder, skipTake, TransactionRunner } from '@techbridge/platform';
import { IdentityService } from '@techbridge/identity';
import type { EntityManager } from 'typeorm';
import { mapThesaurusEntry, ThesaurusEntryDto, ThesaurusEntryResponse, ThesaurusListQuery } from './dto/matching.dto';
import { ThesaurusEntry } from './entities/thesaurus-entry.entity';
import { MatchingErrors } from './matching.exception';
import { ThesaurusRepository } from './thesaurus.repository';
import { shippedThesaurus, Thesaurus, ThesaurusConcept } from './thesaurus/thesaurus';

/** The indexes whose synonyms the thesaurus feeds. */
export const THESAURUS_INDEXES = [ACHIEVEMENTS_INDEX, DEMANDS_INDEX];

/**
 * The domain thesaurus as PostgreSQL holds it (administrators edit it), kept in memory per process and refreshed when
 * the table changes, so the api and the worker build queries from the same words.
 */
@Injectable()
export class ThesaurusService {
  private readonly logger = new Logger('ThesaurusService');
  private cached: { fingerprint: string; thesaurus: Thesaurus } | null = null;
  private readonly addedWords = new Set<string>();

  constructor(
    private readonly repo: ThesaurusRepository,
    private readonly tx: TransactionRunner,
    private readonly tokenizer: ChineseTokenizer,
    private readonly indexer: SearchIndexer,
    private readonly identity: IdentityService,
    private readonly rebuilder: SearchRebuilder,
    private readonly outbox: OutboxService,
  ) {}

  /** Seed on first start, teach the segmenter the words, and register as a synonym source (settings are applied at bootstrap). */
  async initialise(): Promise<void> {
    if ((await this.repo.count(this.tx.manager)) === 0) await this.repo.seed(this.tx.manager, shippedThesaurus());
    await this.current();
    for (const index of THESAURUS_INDEXES) this.indexer.addSynonymSource(index, async () => (await this.current()).toSearchSynonyms());
  }

  /** The thesaurus as of now with its version (a digest of the table's fingerprint), which stored matches carry. */
  /** `fingerprint`: the table's fingerprint when the caller already read it (THESAURUS_FINGERPRINT_SQL), saving a round trip. */
  async versioned(fingerprint?: string): Promise<{ thesaurus: Thesaurus; version: string }> {
    const thesaurus = await this.current(fingerprint);
    return { thesaurus, version: createHash('sha256').update(this.cached?.fingerprint ?? '').digest('hex').slice(0, 12) };
  }

  /** The thesaurus as of now (one cheap query to notice another process's edits). */
  async current(known?: string): Promise<Thesaurus> {
    const fingerprint = known ?? (await this.repo.fingerprint(this.tx.manager));
    if (this.cached?.fingerprint === fingerprint) return this.cached.thesaurus;
    const rows = await this.repo.all(this.tx.manager);
    const thesaurus = new Thesaurus(rows.map((r) => ({ industry: r.industry, term: r.term, synonyms: r.synonyms, broader: r.broader, narrower: r.narrower, symptoms: r.symptoms })));
    this.teachSegmenter(thesaurus.words());
    this.cached = { fingerprint, thesaurus };
    return thesaurus;
  }

  async list(q: ThesaurusListQuery): Promise<Page<ThesaurusEntryResponse>> {
    const [rows, total] = await this.repo.page(this.tx.manager, { industry: q.industry, q: q.q, ...skipTake(q) });
    return pageOf(rows.map(mapThesaurusEntry), total, q);
  }

  async get(id: string): Promise<ThesaurusEntryResponse> {
    const row = await this.repo.find(this.tx.manager, id);
    if (!row) throw MatchingErrors.thesaurusEntryNotFound();
    return mapThesaurusEntry(row);
  }

  async create(actor: Actor, dto: ThesaurusEntryDto): Promise<ThesaurusEntryResponse> {
    const saved = await this.tx.run(async (m) => {
      if (await this.repo.findByTerm(m, dto.industry, dto.term)) throw MatchingErrors.thesaurusEntryExists(dto.term);
      const row = await this.repo.save(m, { ...this.fieldsOf(dto), version: 1 });
      await this.rebuildIfNewWords(m, dto);
      await this.rescoreStored(m);
      await this.identity.audit(m, actor, { action: 'thesaurus.create', entityType: 'thesaurus_entry', entityId: row.id, changes: { term: dto.term } });
      return row;
    });
    await this.changed();
    return mapThesaurusEntry(saved);
  }

  async update(actor: Actor, id: string, dto: ThesaurusEntryDto): Promise<ThesaurusEntryResponse> {
    const saved = await this.tx.run(async (m) => {
      const row = await this.repo.find(m, id, true);
      if (!row) throw MatchingErrors.thesaurusEntryNotFound();
      const clash = await this.repo.findByTerm(m, dto.industry, dto.term);
      if (clash && clash.id !== id) throw MatchingErrors.thesaurusEntryExists(dto.term);
      const next = await this.repo.save(m, { ...row, ...this.fieldsOf(dto), version: row.version + 1 });
      await this.rebuildIfNewWords(m, dto);
      await this.rescoreStored(m);
      await this.identity.audit(m, actor, { action: 'thesaurus.update', entityType: 'thesaurus_entry', entityId: id, changes: { term: dto.term } });
      return next;
    });
    await this.changed();
    return mapThesaurusEntry(saved);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.tx.run(async (m) => {
      const row = await this.repo.find(m, id, true);
      if (!row) throw MatchingErrors.thesaurusEntryNotFound();
      await this.repo.remove(m, id);
      await this.rescoreStored(m);
      await this.identity.audit(m, actor, { action: 'thesaurus.delete', entityType: 'thesaurus_entry', entityId: id, changes: { term: row.term } });
    });
    await this.changed();
  }

  /** Stored matches were scored with the old thesaurus: a pass scores them again (rows already current are skipped). */
  private rescoreStored(m: EntityManager): Promise<void> {
    return this.outbox.enqueue(m, JobName.RescoreStoredMatches, { reason: 'thesaurus' });
  }

  /** Words the segmenter does not know yet change how documents are cut: the worker rebuilds the indexes. */
  private rebuildIfNewWords(m: EntityManager, dto: ThesaurusEntryDto): Promise<boolean> {
    const concept: ThesaurusConcept = { industry: dto.industry, term: dto.term, synonyms: dto.synonyms ?? [], broader: dto.broader ?? [], narrower: dto.narrower ?? [], symptoms: [] };
    return this.rebuilder.requestIfNewWords(m, THESAURUS_INDEXES, new Thesaurus([concept]).words());
  }

  private fieldsOf(dto: ThesaurusEntryDto): Partial<ThesaurusEntry> {
    return { industry: dto.industry, term: dto.term, synonyms: dto.synonyms ?? [], broader: dto.broader ?? [], narrower: dto.narrower ?? [], symptoms: dto.symptoms ?? [] };
  }

  /**
   * After an edit: new words for the segmenter, new synonyms for both indexes (applied in place, no re-indexing);
   * documents are cut again with new words by the worker's rebuild requested in the edit's transaction.
   */
  private async changed(): Promise<void> {
    await this.current();
    for (const index of THESAURUS_INDEXES) await this.indexer.applySettings(index);
  }

  private teachSegmenter(words: string[]): void {
    const known = new Set(this.tokenizer.dictionaryWords());
    // Only words the segmenter does not know yet: every addition bumps its revision, which makes the embedded index rebuild.
    const fresh = words.filter((w) => !known.has(w.normalize('NFKC').toLowerCase()) && !this.addedWords.has(w));
    if (!fresh.length) return;
    for (const w of fresh) this.addedWords.add(w);
    this.tokenizer.addWords(fresh);
    this.logger.debug(`added ${fresh.length} thesaurus words to the segmenter`);
  }
}
