import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Guarantors of IP-pledge loans: invited by the bank with an amount and a share of the loss, they accept or decline;
 * a compensation claim calls the accepted guarantees, a full repayment releases them.
 */
export class LoanGuarantees1767740200000 implements MigrationInterface {
  name = 'LoanGuarantees1767740200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE loan_guarantee (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      loan_id uuid NOT NULL,
      guarantor_id uuid NOT NULL,
      amount numeric(18,2) NOT NULL,
      share_percent int NOT NULL,
      status text NOT NULL DEFAULT 'invited',
      decline_reason text,
      called_amount numeric(18,2),
      decided_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT loan_guarantee_loan_id_fkey FOREIGN KEY (loan_id) REFERENCES pledge_loan(id) ON DELETE CASCADE,
      CONSTRAINT loan_guarantee_guarantor_id_fkey FOREIGN KEY (guarantor_id) REFERENCES organisation(id),
      CONSTRAINT ux_loan_guarantee_guarantor UNIQUE (loan_id, guarantor_id),
      CONSTRAINT ck_loan_guarantee_status CHECK (status IN ('invited','accepted','declined','withdrawn','called','honoured','released')),
      CONSTRAINT ck_loan_guarantee_amount CHECK (amount > 0),
      CONSTRAINT ck_loan_guarantee_share CHECK (share_percent >= 1 AND share_percent <= 100))`);
    await q.query(`CREATE INDEX ix_loan_guarantee_guarantor ON loan_guarantee (guarantor_id, status)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS loan_guarantee`);
  }
}
