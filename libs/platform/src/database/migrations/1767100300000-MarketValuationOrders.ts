import { MigrationInterface, QueryRunner } from 'typeorm';

/** Valuation reports (市场化评估) an owner orders for a listing from a transfer institution: requested → quoted → delivered. */
export class MarketValuationOrders1767100300000 implements MigrationInterface {
  name = 'MarketValuationOrders1767100300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE market_valuation_order (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      listing_id uuid NOT NULL,
      owner_org_id uuid NOT NULL,
      institution_id uuid NOT NULL,
      note text NOT NULL,
      status text NOT NULL DEFAULT 'requested',
      quote_amount numeric(18,2),
      report_key text,
      report_name text,
      created_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT market_valuation_order_status_check CHECK (status = ANY (ARRAY['requested'::text, 'quoted'::text, 'delivered'::text])),
      CONSTRAINT market_valuation_order_listing_id_fkey FOREIGN KEY (listing_id) REFERENCES market_listing(id) ON DELETE CASCADE)`);
    await q.query(`CREATE INDEX ix_market_valuation_order_institution ON market_valuation_order (institution_id, created_at)`);
    await q.query(`CREATE INDEX ix_market_valuation_order_listing ON market_valuation_order (listing_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS market_valuation_order`);
  }
}
