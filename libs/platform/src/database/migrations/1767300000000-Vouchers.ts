import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Innovation vouchers (the vouchers context): programmes with their eligibility rules and rounds, the provider
 * directory with the relation data the fraud checks read, vouchers from application to payment, claims, and a
 * double-entry ledger in integer fen whose balances the database keeps from going negative.
 */
export class Vouchers1767300000000 implements MigrationInterface {
  name = 'Vouchers1767300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE voucher_recognition_agreement (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      region text NOT NULL,
      partner text NOT NULL,
      valid_from date NOT NULL,
      valid_to date NOT NULL,
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT voucher_recognition_agreement_region_check CHECK (region IN ('BJ', 'TJ')),
      CONSTRAINT voucher_recognition_agreement_period_check CHECK (valid_to >= valid_from))`);
    await q.query(`CREATE TABLE voucher_programme (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      owner_org_id uuid NOT NULL REFERENCES organisation(id) ON DELETE RESTRICT,
      name text NOT NULL,
      issuing_region text NOT NULL DEFAULT 'HE',
      agreement_id uuid REFERENCES voucher_recognition_agreement(id) ON DELETE RESTRICT,
      park_code text,
      budget_fen bigint NOT NULL,
      yearly_cap_fen bigint NOT NULL,
      face_values_fen integer array NOT NULL,
      validity_days integer NOT NULL,
      categories text array NOT NULL,
      status text NOT NULL DEFAULT 'open',
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT voucher_programme_budget_check CHECK (budget_fen > 0 AND yearly_cap_fen > 0),
      CONSTRAINT voucher_programme_validity_check CHECK (validity_days BETWEEN 1 AND 1096),
      CONSTRAINT voucher_programme_region_check CHECK (issuing_region IN ('HE', 'BJ', 'TJ')),
      CONSTRAINT voucher_programme_status_check CHECK (status IN ('open', 'closed')),
      CONSTRAINT voucher_programme_statutory_check CHECK (NOT ('statutory-testing' = ANY (categories))))`);
    await q.query(`CREATE INDEX ix_voucher_programme_owner ON voucher_programme (owner_org_id)`);
    await q.query(`CREATE TABLE voucher_eligibility_rule (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      programme_id uuid NOT NULL REFERENCES voucher_programme(id) ON DELETE CASCADE,
      rule text NOT NULL,
      figure numeric(18,2) NOT NULL,
      CONSTRAINT voucher_eligibility_rule_check CHECK (rule IN ('sme-staff-max', 'sme-revenue-max', 'rd-share-min', 'ip-rights-min')))`);
    await q.query(`CREATE UNIQUE INDEX ux_voucher_eligibility_rule ON voucher_eligibility_rule (programme_id, rule)`);
    await q.query(`CREATE TABLE voucher_round (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      programme_id uuid NOT NULL REFERENCES voucher_programme(id) ON DELETE CASCADE,
      seq integer NOT NULL,
      opens_at timestamptz NOT NULL,
      closes_at timestamptz NOT NULL,
      quota_fen bigint NOT NULL,
      issued_fen bigint NOT NULL DEFAULT 0,
      CONSTRAINT voucher_round_quota_check CHECK (issued_fen >= 0 AND issued_fen <= quota_fen),
      CONSTRAINT voucher_round_period_check CHECK (closes_at > opens_at))`);
    await q.query(`CREATE UNIQUE INDEX ux_voucher_round_seq ON voucher_round (programme_id, seq)`);
    await q.query(`CREATE TABLE voucher_provider (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organisation(id) ON DELETE RESTRICT,
      name text NOT NULL,
      credit_code text NOT NULL,
      legal_representative text NOT NULL,
      region text NOT NULL,
      park_code text,
      categories text array NOT NULL,
      accepts_vouchers boolean NOT NULL DEFAULT true,
      description text NOT NULL DEFAULT '',
      blacklisted_at timestamptz,
      blacklist_reason text,
      rating_sum integer NOT NULL DEFAULT 0,
      rating_count integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT voucher_provider_region_check CHECK (region IN ('HE', 'BJ', 'TJ')))`);
    await q.query(`CREATE UNIQUE INDEX ux_voucher_provider_org ON voucher_provider (org_id)`);
    await q.query(`CREATE INDEX ix_voucher_provider_park ON voucher_provider (park_code)`);
    await q.query(`CREATE TABLE voucher_party_relation (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      shareholder_credit_code text NOT NULL,
      held_credit_code text NOT NULL,
      note text NOT NULL DEFAULT '',
      recorded_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT voucher_party_relation_distinct_check CHECK (shareholder_credit_code <> held_credit_code))`);
    await q.query(`CREATE UNIQUE INDEX ux_voucher_party_relation ON voucher_party_relation (shareholder_credit_code, held_credit_code)`);
    await q.query(`CREATE INDEX ix_voucher_party_relation_held ON voucher_party_relation (held_credit_code)`);
    await q.query(`CREATE TABLE voucher (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      programme_id uuid NOT NULL REFERENCES voucher_programme(id) ON DELETE RESTRICT,
      round_id uuid REFERENCES voucher_round(id) ON DELETE RESTRICT,
      enterprise_org_id uuid NOT NULL REFERENCES organisation(id) ON DELETE RESTRICT,
      applicant_user_id uuid,
      credit_code text NOT NULL,
      legal_representative text NOT NULL,
      status text NOT NULL,
      requested_fen integer NOT NULL,
      amount_fen integer,
      evidence jsonb NOT NULL DEFAULT '{}'::jsonb,
      screening jsonb NOT NULL DEFAULT '[]'::jsonb,
      external_number text,
      issue_year integer,
      issued_at timestamptz,
      expires_at timestamptz,
      provider_id uuid REFERENCES voucher_provider(id) ON DELETE RESTRICT,
      service_category text,
      order_ref text,
      order_description text,
      reserved_fen integer,
      delivered_at timestamptz,
      claimed_at timestamptz,
      decided_at timestamptz,
      decision_note text,
      paid_at timestamptz,
      rating integer,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT voucher_status_check CHECK (status IN ('applied', 'screened', 'refused', 'issued', 'reserved', 'delivered', 'claimed', 'audited', 'paid', 'rejected', 'expired', 'voided')),
      CONSTRAINT voucher_amount_check CHECK (requested_fen > 0 AND (amount_fen IS NULL OR amount_fen > 0) AND (reserved_fen IS NULL OR reserved_fen > 0)),
      CONSTRAINT voucher_rating_check CHECK (rating IS NULL OR rating BETWEEN 1 AND 5))`);
    await q.query(`CREATE INDEX ix_voucher_programme_status ON voucher (programme_id, status)`);
    await q.query(`CREATE INDEX ix_voucher_enterprise ON voucher (enterprise_org_id, created_at)`);
    await q.query(`CREATE INDEX ix_voucher_provider ON voucher (provider_id) WHERE provider_id IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX ux_voucher_external_number ON voucher (programme_id, external_number) WHERE external_number IS NOT NULL`);
    await q.query(`CREATE TABLE voucher_enterprise_year (
      programme_id uuid NOT NULL REFERENCES voucher_programme(id) ON DELETE CASCADE,
      enterprise_org_id uuid NOT NULL REFERENCES organisation(id) ON DELETE RESTRICT,
      year integer NOT NULL,
      cap_fen bigint NOT NULL,
      issued_fen bigint NOT NULL DEFAULT 0,
      PRIMARY KEY (programme_id, enterprise_org_id, year),
      CONSTRAINT voucher_enterprise_year_cap_check CHECK (issued_fen >= 0 AND issued_fen <= cap_fen))`);
    await q.query(`CREATE TABLE voucher_claim_document (
      voucher_id uuid NOT NULL REFERENCES voucher(id) ON DELETE CASCADE,
      kind text NOT NULL,
      storage_key text NOT NULL,
      filename text NOT NULL,
      uploaded_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (voucher_id, kind),
      CONSTRAINT voucher_claim_document_kind_check CHECK (kind IN ('contract', 'invoice', 'payment-proof', 'service-report')))`);
    await q.query(`CREATE TABLE voucher_claim (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      voucher_id uuid NOT NULL REFERENCES voucher(id) ON DELETE CASCADE,
      invoice_number text NOT NULL,
      invoice_fen integer NOT NULL,
      submitted_by uuid,
      submitted_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT voucher_claim_invoice_check CHECK (invoice_fen > 0))`);
    await q.query(`CREATE UNIQUE INDEX ux_voucher_claim_voucher ON voucher_claim (voucher_id)`);
    // One claim per invoice, whatever voucher it is made on: the same invoice cannot be paid twice.
    await q.query(`CREATE UNIQUE INDEX ux_voucher_claim_invoice ON voucher_claim (invoice_number)`);

    // The ledger: accounts with balances the database keeps >= 0, entries of balanced postings.
    await q.query(`CREATE TABLE voucher_ledger_account (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      programme_id uuid NOT NULL REFERENCES voucher_programme(id) ON DELETE CASCADE,
      voucher_id uuid REFERENCES voucher(id) ON DELETE CASCADE,
      kind text NOT NULL,
      balance_fen bigint NOT NULL DEFAULT 0,
      CONSTRAINT voucher_ledger_account_balance_check CHECK (balance_fen >= 0),
      CONSTRAINT voucher_ledger_account_kind_check CHECK (kind IN ('pool', 'issued', 'reserved', 'paid', 'returned', 'voided')))`);
    await q.query(`CREATE UNIQUE INDEX ux_voucher_ledger_account_programme ON voucher_ledger_account (programme_id, kind) WHERE voucher_id IS NULL`);
    await q.query(`CREATE UNIQUE INDEX ux_voucher_ledger_account_voucher ON voucher_ledger_account (voucher_id, kind) WHERE voucher_id IS NOT NULL`);
    await q.query(`CREATE TABLE voucher_ledger_entry (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      programme_id uuid NOT NULL REFERENCES voucher_programme(id) ON DELETE CASCADE,
      voucher_id uuid REFERENCES voucher(id) ON DELETE CASCADE,
      kind text NOT NULL,
      amount_fen bigint NOT NULL,
      actor_user_id uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT voucher_ledger_entry_amount_check CHECK (amount_fen > 0),
      CONSTRAINT voucher_ledger_entry_kind_check CHECK (kind IN ('open', 'issue', 'reserve', 'release', 'pay', 'return', 'expire', 'void')))`);
    await q.query(`CREATE INDEX ix_voucher_ledger_entry_programme ON voucher_ledger_entry (programme_id, created_at)`);
    await q.query(`CREATE TABLE voucher_ledger_posting (
      id bigserial PRIMARY KEY,
      entry_id uuid NOT NULL REFERENCES voucher_ledger_entry(id) ON DELETE CASCADE,
      account_id uuid NOT NULL REFERENCES voucher_ledger_account(id) ON DELETE CASCADE,
      amount_fen bigint NOT NULL,
      CONSTRAINT voucher_ledger_posting_amount_check CHECK (amount_fen <> 0))`);
    await q.query(`CREATE INDEX ix_voucher_ledger_posting_entry ON voucher_ledger_posting (entry_id)`);
    await q.query(`CREATE INDEX ix_voucher_ledger_posting_account ON voucher_ledger_posting (account_id)`);
    // Checked at commit: every entry but a programme's opening balance nets to zero (a debit for each credit).
    await q.query(`CREATE FUNCTION voucher_ledger_entry_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE net bigint; k text;
      BEGIN
        SELECT kind INTO k FROM voucher_ledger_entry WHERE id = NEW.entry_id;
        SELECT COALESCE(SUM(amount_fen), 0) INTO net FROM voucher_ledger_posting WHERE entry_id = NEW.entry_id;
        IF k <> 'open' AND net <> 0 THEN
          RAISE EXCEPTION 'voucher ledger entry % does not balance (net %)', NEW.entry_id, net USING ERRCODE = '23514', CONSTRAINT = 'voucher_ledger_entry_balanced';
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE CONSTRAINT TRIGGER voucher_ledger_entry_balanced AFTER INSERT ON voucher_ledger_posting
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION voucher_ledger_entry_balanced()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS voucher_ledger_entry_balanced ON voucher_ledger_posting`);
    await q.query(`DROP FUNCTION IF EXISTS voucher_ledger_entry_balanced()`);
    for (const t of ['voucher_ledger_posting', 'voucher_ledger_entry', 'voucher_ledger_account', 'voucher_claim', 'voucher_claim_document', 'voucher_enterprise_year',
      'voucher', 'voucher_party_relation', 'voucher_provider', 'voucher_round', 'voucher_eligibility_rule', 'voucher_programme', 'voucher_recognition_agreement']) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
  }
}
