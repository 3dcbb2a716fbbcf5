import { MigrationInterface, QueryRunner } from 'typeorm';

/** Outbox and the reference-data tables (filled by ReferenceDataSeeder at boot). */
export class Platform1764000000000 implements MigrationInterface {
  name = 'Platform1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
    await q.query(`CREATE TABLE outbox_message (
      id bigserial PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('index','job')),
      target text NOT NULL,
      key text,
      payload jsonb NOT NULL DEFAULT '{}'::jsonb,
      attempts int NOT NULL DEFAULT 0,
      available_at timestamptz NOT NULL DEFAULT now(),
      processed_at timestamptz,
      last_error text,
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX ix_outbox_pending ON outbox_message (available_at) WHERE processed_at IS NULL`);
    await q.query(`CREATE TABLE ref_industry (code text PRIMARY KEY, zh text NOT NULL, en text NOT NULL, position int NOT NULL)`);
    await q.query(`CREATE TABLE ref_field (code text PRIMARY KEY, industry_code text NOT NULL REFERENCES ref_industry(code), zh text NOT NULL, en text NOT NULL, position int NOT NULL)`);
    await q.query(`CREATE TABLE ref_park (code text PRIMARY KEY, zh text NOT NULL, en text NOT NULL, city text NOT NULL, key_industries text[] NOT NULL DEFAULT '{}', position int NOT NULL, updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE TABLE ref_trl (level int PRIMARY KEY CHECK (level BETWEEN 1 AND 9), zh text NOT NULL, en text NOT NULL, stage text NOT NULL)`);
    await q.query(`CREATE TABLE ref_transfer_mode (code text PRIMARY KEY, kind text NOT NULL CHECK (kind IN ('transfer','cooperation','pricing')), zh text NOT NULL, en text NOT NULL, position int NOT NULL)`);
    await q.query(`CREATE TABLE ref_contract_type (code text PRIMARY KEY, category text NOT NULL, zh text NOT NULL, en text NOT NULL, registrant text NOT NULL, scopes text[] NOT NULL DEFAULT '{}', position int NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['ref_contract_type', 'ref_transfer_mode', 'ref_trl', 'ref_park', 'ref_field', 'ref_industry', 'outbox_message']) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
  }
}
