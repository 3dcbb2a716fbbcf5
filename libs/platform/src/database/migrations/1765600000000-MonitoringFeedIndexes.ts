import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The monitoring feeds read one quarter of records each, by the instant they count (published, awarded, created,
 * stepped forward); these indexes make each feed a range scan. Contracts also list by their facilitating institution.
 */
export class MonitoringFeedIndexes1765600000000 implements MigrationInterface {
  name = 'MonitoringFeedIndexes1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX ix_technology_contract_transfer_institution ON technology_contract (transfer_institution_id) WHERE transfer_institution_id IS NOT NULL`);
    await q.query(`CREATE INDEX ix_achievement_published_at ON achievement (published_at) WHERE published_at IS NOT NULL`);
    await q.query(`CREATE INDEX ix_demand_published_at ON demand (published_at) WHERE published_at IS NOT NULL`);
    await q.query(`CREATE INDEX ix_demand_proposal_awarded_at ON demand_proposal (decided_at) WHERE status = 'awarded'`);
    await q.query(`CREATE INDEX ix_match_created_at ON match (created_at)`);
    await q.query(`CREATE INDEX ix_match_event_step ON match_event (occurred_at) WHERE to_status IN ('contacted', 'signed')`);
    await q.query(`CREATE INDEX ix_roadshow_meeting_event ON roadshow_meeting (event_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const name of [
      'ix_roadshow_meeting_event', 'ix_match_event_step', 'ix_match_created_at', 'ix_demand_proposal_awarded_at', 'ix_demand_published_at', 'ix_achievement_published_at',
      'ix_technology_contract_transfer_institution',
    ]) {
      await q.query(`DROP INDEX ${name}`);
    }
  }
}
