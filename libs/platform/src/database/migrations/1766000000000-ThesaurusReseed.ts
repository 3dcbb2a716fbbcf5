import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The thesaurus first shipped carried symptom phrases and words copied from evaluation demands (issue #12). Its rows
 * that nobody edited (version 1) are removed, so the next start seeds the rebuilt thesaurus (standards, taxonomy and
 * associations mined from research corpora, each with its source; libs/matching/src/thesaurus). Rows an administrator
 * created or edited stay: they are the administrators' own.
 */
export class ThesaurusReseed1766000000000 implements MigrationInterface {
  name = 'ThesaurusReseed1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM thesaurus_entry WHERE version = 1`);
  }

  async down(): Promise<void> {
    // The removed rows were the old shipped seed; they are not restored (they were the problem).
  }
}
