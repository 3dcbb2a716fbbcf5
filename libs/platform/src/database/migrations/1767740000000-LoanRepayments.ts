import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Partial repayment of IP-pledge loans: the bank records each repayment (value date, amount in fen, proof); the loan
 * keeps the sum repaid so the outstanding principal is read off the row it locks, and it is repaid when nothing is left.
 */
export class LoanRepayments1767740000000 implements MigrationInterface {
  name = 'LoanRepayments1767740000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE pledge_loan ADD COLUMN repaid_fen bigint NOT NULL DEFAULT 0, ADD CONSTRAINT ck_pledge_loan_repaid CHECK (repaid_fen >= 0)`);
    // Loans recorded repaid before repayments existed were repaid in full.
    await q.query(`UPDATE pledge_loan SET repaid_fen = round(coalesce(approved_amount, amount) * 100) WHERE status = 'repaid'`);
    await q.query(`CREATE TABLE loan_repayment (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      loan_id uuid NOT NULL,
      repaid_on date NOT NULL,
      amount_fen bigint NOT NULL,
      proof_key text NOT NULL,
      proof_name text NOT NULL,
      recorded_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT loan_repayment_loan_id_fkey FOREIGN KEY (loan_id) REFERENCES pledge_loan(id) ON DELETE CASCADE,
      CONSTRAINT ck_loan_repayment_amount CHECK (amount_fen > 0))`);
    await q.query(`CREATE INDEX ix_loan_repayment_loan ON loan_repayment (loan_id, repaid_on)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS loan_repayment`);
    await q.query(`ALTER TABLE pledge_loan DROP CONSTRAINT IF EXISTS ck_pledge_loan_repaid, DROP COLUMN IF EXISTS repaid_fen`);
  }
}
