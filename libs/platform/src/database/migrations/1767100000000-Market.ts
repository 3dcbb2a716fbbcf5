import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The technology market (the market context): listings and buyers' intents, public notices of negotiated deals with
 * their objections, auctions with bidder registrations and the hash-chained bid log. Targets in other contexts
 * (achievements, organisations, contracts) are referenced by id only. Contracts learn which listing produced them.
 */
export class Market1767100000000 implements MigrationInterface {
  name = 'Market1767100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE market_listing (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      subject text NOT NULL,
      subject_id uuid NOT NULL,
      achievement_id uuid,
      owner_org_id uuid NOT NULL,
      owner_type text NOT NULL,
      park_code text,
      title text NOT NULL,
      industry text NOT NULL,
      field text,
      trl integer NOT NULL,
      transfer_mode text NOT NULL,
      territory text NOT NULL,
      term_months integer NOT NULL,
      price numeric(18,2) NOT NULL,
      price_kind text NOT NULL,
      payment_terms text NOT NULL,
      ip_covered jsonb NOT NULL DEFAULT '[]'::jsonb,
      contact jsonb NOT NULL DEFAULT '{}'::jsonb,
      listing_days integer NOT NULL DEFAULT 20,
      status text NOT NULL DEFAULT 'draft',
      review_comment text,
      reviewed_by uuid,
      listed_at timestamptz,
      listing_ends_at timestamptz,
      accepted_intent_id uuid,
      deal_amount numeric(18,2),
      deal_buyer_org_id uuid,
      contract_id uuid,
      created_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1,
      CONSTRAINT market_listing_subject_check CHECK (subject = ANY (ARRAY['achievement'::text, 'package'::text])),
      CONSTRAINT market_listing_transfer_mode_check CHECK (transfer_mode = ANY (ARRAY['transfer'::text, 'exclusive'::text, 'sole'::text, 'non-exclusive'::text])),
      CONSTRAINT market_listing_price_kind_check CHECK (price_kind = ANY (ARRAY['asking'::text, 'reserve'::text])),
      CONSTRAINT market_listing_price_check CHECK (price > (0)::numeric),
      CONSTRAINT market_listing_status_check CHECK (status = ANY (ARRAY['draft'::text, 'under-review'::text, 'listed'::text, 'negotiating'::text, 'auction'::text, 'deal'::text, 'contracted'::text, 'withdrawn'::text, 'lapsed'::text])))`);
    await q.query(`CREATE INDEX ix_market_listing_status ON market_listing (status, listed_at)`);
    await q.query(`CREATE INDEX ix_market_listing_owner ON market_listing (owner_org_id, created_at)`);
    await q.query(`CREATE INDEX ix_market_listing_subject ON market_listing (subject_id)`);

    await q.query(`CREATE TABLE market_intent (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      listing_id uuid NOT NULL,
      buyer_org_id uuid NOT NULL,
      buyer_user_id uuid NOT NULL,
      offered_price numeric(18,2),
      message text NOT NULL,
      status text NOT NULL DEFAULT 'open',
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT market_intent_status_check CHECK (status = ANY (ARRAY['open'::text, 'accepted'::text, 'declined'::text, 'withdrawn'::text])),
      CONSTRAINT market_intent_listing_id_fkey FOREIGN KEY (listing_id) REFERENCES market_listing(id) ON DELETE CASCADE)`);
    await q.query(`CREATE UNIQUE INDEX ux_market_intent_open ON market_intent (listing_id, buyer_org_id) WHERE (status = ANY (ARRAY['open'::text, 'accepted'::text]))`);
    await q.query(`CREATE INDEX ix_market_intent_buyer ON market_intent (buyer_org_id, created_at)`);

    await q.query(`CREATE TABLE market_notice (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      listing_id uuid NOT NULL,
      seller_org_id uuid NOT NULL,
      buyer_org_id uuid NOT NULL,
      amount numeric(18,2) NOT NULL,
      terms jsonb NOT NULL DEFAULT '{}'::jsonb,
      status text NOT NULL DEFAULT 'running',
      policy_version text NOT NULL,
      notice_days integer NOT NULL,
      started_at timestamptz NOT NULL,
      ends_at timestamptz,
      remaining_ms bigint,
      ended_at timestamptz,
      created_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1,
      CONSTRAINT market_notice_status_check CHECK (status = ANY (ARRAY['running'::text, 'paused'::text, 'ended'::text, 'cancelled'::text])),
      CONSTRAINT market_notice_listing_id_fkey FOREIGN KEY (listing_id) REFERENCES market_listing(id) ON DELETE CASCADE)`);
    await q.query(`CREATE INDEX ix_market_notice_status ON market_notice (status, started_at)`);
    await q.query(`CREATE INDEX ix_market_notice_listing ON market_notice (listing_id)`);

    await q.query(`CREATE TABLE market_objection (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      notice_id uuid NOT NULL,
      objector_user_id uuid NOT NULL,
      objector_org_id uuid NOT NULL,
      real_name text NOT NULL,
      contact_phone text NOT NULL,
      grounds text NOT NULL,
      evidence text NOT NULL,
      status text NOT NULL DEFAULT 'open',
      owner_answer text,
      answered_at timestamptz,
      decided_by uuid,
      decision_reason text,
      decided_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT market_objection_status_check CHECK (status = ANY (ARRAY['open'::text, 'answered'::text, 'sustained'::text, 'dismissed'::text])),
      CONSTRAINT market_objection_notice_id_fkey FOREIGN KEY (notice_id) REFERENCES market_notice(id) ON DELETE CASCADE)`);
    await q.query(`CREATE INDEX ix_market_objection_notice ON market_objection (notice_id, created_at)`);

    await q.query(`CREATE TABLE market_auction (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      listing_id uuid NOT NULL,
      roadshow_event_id uuid,
      status text NOT NULL DEFAULT 'announced',
      starts_at timestamptz NOT NULL,
      scheduled_close_at timestamptz NOT NULL,
      closes_at timestamptz NOT NULL,
      start_price numeric(18,2) NOT NULL,
      reserve_price numeric(18,2) NOT NULL,
      ladder jsonb NOT NULL,
      deposit_amount numeric(18,2) NOT NULL,
      extension_minutes integer NOT NULL DEFAULT 5,
      max_extensions integer NOT NULL DEFAULT 3,
      extensions integer NOT NULL DEFAULT 0,
      confirm_hours integer NOT NULL DEFAULT 72,
      bid_count integer NOT NULL DEFAULT 0,
      high_amount numeric(18,2),
      last_hash text NOT NULL,
      offered_bid_id uuid,
      confirm_by timestamptz,
      winner_org_id uuid,
      final_amount numeric(18,2),
      closed_at timestamptz,
      created_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1,
      CONSTRAINT market_auction_status_check CHECK (status = ANY (ARRAY['announced'::text, 'live'::text, 'awaiting-confirmation'::text, 'sold'::text, 'unsold'::text])),
      CONSTRAINT market_auction_check CHECK (reserve_price >= start_price),
      CONSTRAINT market_auction_listing_id_fkey FOREIGN KEY (listing_id) REFERENCES market_listing(id) ON DELETE CASCADE)`);
    await q.query(`CREATE UNIQUE INDEX ux_market_auction_listing_open ON market_auction (listing_id) WHERE (status = ANY (ARRAY['announced'::text, 'live'::text, 'awaiting-confirmation'::text]))`);

    await q.query(`CREATE TABLE market_bidder (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      auction_id uuid NOT NULL,
      org_id uuid NOT NULL,
      user_id uuid NOT NULL,
      paddle integer NOT NULL,
      letter_key text,
      letter_name text,
      deposit_reference text NOT NULL,
      deposit_status text NOT NULL DEFAULT 'recorded',
      confirmed_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT market_bidder_deposit_status_check CHECK (deposit_status = ANY (ARRAY['recorded'::text, 'confirmed'::text, 'released'::text, 'forfeited'::text, 'applied'::text])),
      CONSTRAINT market_bidder_auction_id_fkey FOREIGN KEY (auction_id) REFERENCES market_auction(id) ON DELETE CASCADE)`);
    await q.query(`CREATE UNIQUE INDEX ux_market_bidder_org ON market_bidder (auction_id, org_id)`);
    await q.query(`CREATE UNIQUE INDEX ux_market_bidder_paddle ON market_bidder (auction_id, paddle)`);

    // Append-only: each bid carries the hash of the previous one; the trigger refuses edits and deletions.
    await q.query(`CREATE TABLE market_bid (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      auction_id uuid NOT NULL,
      seq integer NOT NULL,
      bidder_id uuid NOT NULL,
      org_id uuid NOT NULL,
      user_id uuid NOT NULL,
      paddle integer NOT NULL,
      amount numeric(18,2) NOT NULL,
      placed_at timestamptz NOT NULL,
      prev_hash text NOT NULL,
      hash text NOT NULL,
      CONSTRAINT market_bid_auction_id_fkey FOREIGN KEY (auction_id) REFERENCES market_auction(id) ON DELETE CASCADE)`);
    await q.query(`CREATE UNIQUE INDEX ux_market_bid_seq ON market_bid (auction_id, seq)`);
    await q.query(`CREATE OR REPLACE FUNCTION market_bid_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'market_bid is append-only'; END $$`);
    await q.query(`CREATE TRIGGER market_bid_no_update BEFORE UPDATE ON market_bid FOR EACH ROW EXECUTE FUNCTION market_bid_append_only()`);

    await q.query(`ALTER TABLE technology_contract ADD COLUMN market_listing_id uuid, ADD COLUMN market_notice_missing boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE technology_contract DROP COLUMN IF EXISTS market_notice_missing, DROP COLUMN IF EXISTS market_listing_id`);
    for (const t of ['market_bid', 'market_bidder', 'market_auction', 'market_objection', 'market_notice', 'market_intent', 'market_listing']) await q.query(`DROP TABLE IF EXISTS ${t}`);
    await q.query(`DROP FUNCTION IF EXISTS market_bid_append_only()`);
  }
}
