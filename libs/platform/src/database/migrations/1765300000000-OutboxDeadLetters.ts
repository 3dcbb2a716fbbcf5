import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outbox delivery without a transaction held across the call to Redis or the search engine: a relay leases rows
 * (locked_until) instead of keeping them locked. A row that keeps failing is set aside as dead (dead_at) for an
 * administrator; delivered rows are pruned by processed_at.
 */
export class OutboxDeadLetters1765300000000 implements MigrationInterface {
  name = 'OutboxDeadLetters1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox_message ADD COLUMN locked_until timestamptz, ADD COLUMN dead_at timestamptz`);
    await q.query(`DROP INDEX ix_outbox_pending`);
    await q.query(`CREATE INDEX ix_outbox_pending ON outbox_message (available_at) WHERE processed_at IS NULL AND dead_at IS NULL`);
    await q.query(`CREATE INDEX ix_outbox_dead ON outbox_message (dead_at) WHERE dead_at IS NOT NULL`);
    await q.query(`CREATE INDEX ix_outbox_processed ON outbox_message (processed_at) WHERE processed_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_outbox_processed`);
    await q.query(`DROP INDEX ix_outbox_dead`);
    await q.query(`DROP INDEX ix_outbox_pending`);
    await q.query(`CREATE INDEX ix_outbox_pending ON outbox_message (available_at) WHERE processed_at IS NULL`);
    await q.query(`ALTER TABLE outbox_message DROP COLUMN dead_at, DROP COLUMN locked_until`);
  }
}
