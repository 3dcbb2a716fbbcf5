import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { ThesaurusConcept } from './thesaurus/thesaurus';
import { ThesaurusEntry } from './entities/thesaurus-entry.entity';

/** The thesaurus table's fingerprint as one scalar query (also read with the other matching fingerprints in one round trip). */
export const THESAURUS_FINGERPRINT_SQL = `SELECT count(*)::int || ':' || coalesce(max(updated_at), 'epoch')::text || ':' || coalesce(sum(version), 0)::bigint FROM thesaurus_entry`;

@Injectable()
export class ThesaurusRepository {
  async all(m: EntityManager): Promise<ThesaurusEntry[]> {
    return m.getRepository(ThesaurusEntry).find({ order: { industry: 'ASC', term: 'ASC' } });
  }

  /** Changes whenever a row is added, edited or removed: cheap enough to ask before each use. */
  async fingerprint(m: EntityManager): Promise<string> {
    const [row] = await m.query(`SELECT (${THESAURUS_FINGERPRINT_SQL}) AS fingerprint`);
    return row.fingerprint;
  }

  async count(m: EntityManager): Promise<number> {
    return m.getRepository(ThesaurusEntry).count();
  }

  /** First start: the shipped thesaurus; concurrent processes may both try, the unique key keeps one copy. */
  async seed(m: EntityManager, concepts: ThesaurusConcept[]): Promise<void> {
    if (!concepts.length) return;
    await m
      .createQueryBuilder()
      .insert()
      .into(ThesaurusEntry)
      .values(concepts.map((c) => ({ industry: c.industry, term: c.term, synonyms: c.synonyms, broader: c.broader, narrower: c.narrower, symptoms: c.symptoms })))
      .orIgnore()
      .execute();
  }

  async page(m: EntityManager, q: { industry?: string; q?: string; skip: number; take: number }): Promise<[ThesaurusEntry[], number]> {
    const qb = m.getRepository(ThesaurusEntry).createQueryBuilder('t').orderBy('t.industry', 'ASC').addOrderBy('t.term', 'ASC').skip(q.skip).take(q.take);
    if (q.industry) qb.andWhere('t.industry = :industry', { industry: q.industry });
    if (q.q) qb.andWhere(`(t.term ILIKE :like OR array_to_string(t.synonyms, ' ') ILIKE :like)`, { like: `%${q.q.replace(/[%_\\]/g, '\\$&')}%` });
    return qb.getManyAndCount();
  }

  find(m: EntityManager, id: string, lock = false): Promise<ThesaurusEntry | null> {
    return m.getRepository(ThesaurusEntry).findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  findByTerm(m: EntityManager, industry: string, term: string): Promise<ThesaurusEntry | null> {
    return m.getRepository(ThesaurusEntry).findOne({ where: { industry, term } });
  }

  save(m: EntityManager, entry: Partial<ThesaurusEntry>): Promise<ThesaurusEntry> {
    const repo = m.getRepository(ThesaurusEntry);
    return repo.save(repo.create(entry));
  }

  async remove(m: EntityManager, id: string): Promise<void> {
    await m.getRepository(ThesaurusEntry).delete({ id });
  }
}
