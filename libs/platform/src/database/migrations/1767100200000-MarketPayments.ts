import { MigrationInterface, QueryRunner } from 'typeorm';

/** Payments actually received against a technology contract (the plan's rewards are on amounts actually transacted). */
export class MarketPayments1767100200000 implements MigrationInterface {
  name = 'MarketPayments1767100200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE market_payment (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      contract_id uuid NOT NULL,
      received_on date NOT NULL,
      amount numeric(18,2) NOT NULL,
      proof_key text,
      proof_name text,
      recorded_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT market_payment_amount_check CHECK (amount > (0)::numeric))`);
    await q.query(`CREATE INDEX ix_market_payment_contract ON market_payment (contract_id, received_on)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS market_payment`);
  }
}
