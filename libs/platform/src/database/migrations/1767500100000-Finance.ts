import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Science-and-technology finance: investor profiles, financing requests with their per-investor engagements and
 * data rooms (every view logged), IP-pledge loans and the risk-compensation claims of defaulted ones.
 */
export class Finance1767500100000 implements MigrationInterface {
  name = 'Finance1767500100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE investor_profile (
      organisation_id uuid PRIMARY KEY,
      display_name text NOT NULL,
      stages text[] NOT NULL DEFAULT '{}',
      industries text[] NOT NULL DEFAULT '{}',
      ticket_min numeric(18,2),
      ticket_max numeric(18,2),
      regions text[] NOT NULL DEFAULT '{}',
      park_code text,
      park_mandate boolean NOT NULL DEFAULT false,
      fund_size numeric(18,2),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT investor_profile_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES organisation(id) ON DELETE CASCADE,
      CONSTRAINT investor_profile_park_code_fkey FOREIGN KEY (park_code) REFERENCES ref_park(code),
      CONSTRAINT ck_investor_profile_ticket CHECK (ticket_min IS NULL OR ticket_max IS NULL OR ticket_min <= ticket_max))`);

    await q.query(`CREATE TABLE financing_request (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      owner_id uuid NOT NULL,
      created_by uuid NOT NULL,
      spin_off_of uuid,
      title text NOT NULL,
      summary text NOT NULL,
      amount numeric(18,2) NOT NULL,
      stage text NOT NULL,
      industry text NOT NULL,
      use_of_funds text NOT NULL,
      valuation numeric(18,2),
      achievement_ids uuid[] NOT NULL DEFAULT '{}',
      park_code text,
      region text NOT NULL,
      status text NOT NULL DEFAULT 'draft',
      funded_amount numeric(18,2),
      lead_investor_id uuid,
      published_at timestamptz,
      funded_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1,
      CONSTRAINT financing_request_owner_id_fkey FOREIGN KEY (owner_id) REFERENCES organisation(id) ON DELETE CASCADE,
      CONSTRAINT financing_request_spin_off_of_fkey FOREIGN KEY (spin_off_of) REFERENCES organisation(id) ON DELETE SET NULL,
      CONSTRAINT ck_financing_request_status CHECK (status IN ('draft','published','in-talks','term-sheet','funded','withdrawn')),
      CONSTRAINT ck_financing_request_amount CHECK (amount > 0),
      CONSTRAINT ck_financing_request_funded CHECK ((status = 'funded') = (funded_amount IS NOT NULL)))`);
    await q.query(`CREATE INDEX ix_financing_request_owner ON financing_request (owner_id, created_at)`);
    await q.query(`CREATE INDEX ix_financing_request_listed ON financing_request (published_at) WHERE status IN ('published','in-talks','term-sheet')`);
    await q.query(`CREATE INDEX ix_financing_request_funded ON financing_request (funded_at) WHERE status = 'funded'`);

    await q.query(`CREATE TABLE financing_engagement (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      request_id uuid NOT NULL,
      investor_id uuid NOT NULL,
      status text NOT NULL DEFAULT 'requested',
      note text,
      term_sheet_amount numeric(18,2),
      invested_amount numeric(18,2),
      invested_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT financing_engagement_request_id_fkey FOREIGN KEY (request_id) REFERENCES financing_request(id) ON DELETE CASCADE,
      CONSTRAINT financing_engagement_investor_id_fkey FOREIGN KEY (investor_id) REFERENCES organisation(id) ON DELETE CASCADE,
      CONSTRAINT ux_financing_engagement_investor UNIQUE (request_id, investor_id),
      CONSTRAINT ck_financing_engagement_status CHECK (status IN ('requested','admitted','declined','term-sheet','invested','ended')))`);
    await q.query(`CREATE INDEX ix_financing_engagement_investor ON financing_engagement (investor_id, updated_at)`);
    await q.query(`CREATE INDEX ix_financing_engagement_invested ON financing_engagement (invested_at) WHERE status = 'invested'`);

    await q.query(`CREATE TABLE data_room_document (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      request_id uuid NOT NULL,
      file_key text NOT NULL,
      filename text NOT NULL,
      content_type text NOT NULL,
      size integer NOT NULL,
      uploaded_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT data_room_document_request_id_fkey FOREIGN KEY (request_id) REFERENCES financing_request(id) ON DELETE CASCADE)`);
    await q.query(`CREATE INDEX ix_data_room_document_request ON data_room_document (request_id, created_at)`);
    await q.query(`CREATE TABLE data_room_view (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      request_id uuid NOT NULL,
      document_id uuid,
      kind text NOT NULL,
      viewer_user_id uuid NOT NULL,
      viewer_org_id uuid NOT NULL,
      viewed_at timestamptz NOT NULL,
      CONSTRAINT data_room_view_request_id_fkey FOREIGN KEY (request_id) REFERENCES financing_request(id) ON DELETE CASCADE,
      CONSTRAINT data_room_view_document_id_fkey FOREIGN KEY (document_id) REFERENCES data_room_document(id) ON DELETE SET NULL,
      CONSTRAINT ck_data_room_view_kind CHECK (kind IN ('list','open')))`);
    await q.query(`CREATE INDEX ix_data_room_view_request ON data_room_view (request_id, viewed_at)`);

    await q.query(`CREATE TABLE pledge_loan (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      borrower_id uuid NOT NULL,
      bank_id uuid NOT NULL,
      achievement_id uuid NOT NULL,
      patents text[] NOT NULL,
      amount numeric(18,2) NOT NULL,
      term_months integer NOT NULL,
      park_code text,
      valuation_amount numeric(18,2),
      valuation_report_key text,
      valuation_report_name text,
      approved_amount numeric(18,2),
      status text NOT NULL DEFAULT 'applied',
      decision_note text,
      disbursed_at timestamptz,
      closed_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1,
      CONSTRAINT pledge_loan_borrower_id_fkey FOREIGN KEY (borrower_id) REFERENCES organisation(id) ON DELETE CASCADE,
      CONSTRAINT pledge_loan_bank_id_fkey FOREIGN KEY (bank_id) REFERENCES organisation(id),
      CONSTRAINT ck_pledge_loan_status CHECK (status IN ('applied','valued','approved','declined','withdrawn','disbursed','repaid','defaulted','compensated')),
      CONSTRAINT ck_pledge_loan_amount CHECK (amount > 0))`);
    await q.query(`CREATE INDEX ix_pledge_loan_borrower ON pledge_loan (borrower_id, created_at)`);
    await q.query(`CREATE INDEX ix_pledge_loan_bank ON pledge_loan (bank_id, status)`);
    await q.query(`CREATE INDEX ix_pledge_loan_disbursed ON pledge_loan (disbursed_at) WHERE disbursed_at IS NOT NULL`);

    await q.query(`CREATE TABLE compensation_claim (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      loan_id uuid NOT NULL,
      fund_id uuid NOT NULL,
      amount numeric(18,2) NOT NULL,
      status text NOT NULL DEFAULT 'filed',
      note text,
      created_at timestamptz NOT NULL DEFAULT now(),
      decided_at timestamptz,
      CONSTRAINT compensation_claim_loan_id_fkey FOREIGN KEY (loan_id) REFERENCES pledge_loan(id) ON DELETE CASCADE,
      CONSTRAINT compensation_claim_fund_id_fkey FOREIGN KEY (fund_id) REFERENCES organisation(id),
      CONSTRAINT ux_compensation_claim_loan UNIQUE (loan_id),
      CONSTRAINT ck_compensation_claim_status CHECK (status IN ('filed','paid','rejected')),
      CONSTRAINT ck_compensation_claim_amount CHECK (amount > 0))`);
    await q.query(`CREATE INDEX ix_compensation_claim_fund ON compensation_claim (fund_id, status)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['compensation_claim', 'pledge_loan', 'data_room_view', 'data_room_document', 'financing_engagement', 'financing_request', 'investor_profile']) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
  }
}
