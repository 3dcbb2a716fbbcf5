import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Introductions and staged disclosure: an enterprise asks the owner of an achievement (from the achievement, a listing
 * or a match) for an introduction; the owner accepts (optionally behind a one-click NDA, the text versioned) or declines;
 * brokers see and take requests. Confidential files of a listing are shown only after an accepted introduction.
 */
export class MarketIntroductions1767100100000 implements MigrationInterface {
  name = 'MarketIntroductions1767100100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE market_introduction (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      subject text NOT NULL,
      subject_id uuid NOT NULL,
      achievement_id uuid NOT NULL,
      listing_id uuid,
      owner_org_id uuid NOT NULL,
      requester_org_id uuid NOT NULL,
      requester_user_id uuid NOT NULL,
      message text NOT NULL,
      status text NOT NULL DEFAULT 'requested',
      decline_reason text,
      requires_nda boolean NOT NULL DEFAULT false,
      nda_version text,
      nda_accepted_at timestamptz,
      nda_accepted_by uuid,
      broker_user_id uuid,
      broker_org_id uuid,
      decided_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT market_introduction_subject_check CHECK (subject = ANY (ARRAY['achievement'::text, 'listing'::text, 'match'::text])),
      CONSTRAINT market_introduction_status_check CHECK (status = ANY (ARRAY['requested'::text, 'accepted'::text, 'declined'::text, 'withdrawn'::text])))`);
    await q.query(`CREATE INDEX ix_market_introduction_owner ON market_introduction (owner_org_id, created_at)`);
    await q.query(`CREATE INDEX ix_market_introduction_requester ON market_introduction (requester_org_id, created_at)`);
    await q.query(`CREATE UNIQUE INDEX ux_market_introduction_open ON market_introduction (achievement_id, requester_org_id) WHERE (status = 'requested'::text)`);

    await q.query(`CREATE TABLE market_confidential_file (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      listing_id uuid NOT NULL,
      storage_key text NOT NULL,
      filename text NOT NULL,
      size integer NOT NULL,
      created_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT market_confidential_file_listing_id_fkey FOREIGN KEY (listing_id) REFERENCES market_listing(id) ON DELETE CASCADE)`);
    await q.query(`CREATE INDEX ix_market_confidential_file_listing ON market_confidential_file (listing_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS market_confidential_file`);
    await q.query(`DROP TABLE IF EXISTS market_introduction`);
  }
}
