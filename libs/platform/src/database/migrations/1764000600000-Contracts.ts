import { MigrationInterface, QueryRunner } from 'typeorm';

const CONTRACT_TYPES = [
  'development-commissioned', 'development-cooperative', 'transfer-patent', 'transfer-patent-application', 'transfer-tech-secret', 'transfer-other',
  'license-patent', 'license-tech-secret', 'consulting', 'service', 'service-training', 'service-brokerage',
];
/**
 * Official holidays and make-up working days (调休) from the State Council's notices for 2025 and 2026;
 * 2027 is provisional (marked 暂定) until its notice is published: administrators edit the table.
 */
const HOLIDAY_SEED: Array<[string, 'holiday' | 'workday', string]> = [
  ['2025-01-01', 'holiday', '元旦'],
  ['2025-01-28', 'holiday', '春节'],
  ['2025-01-29', 'holiday', '春节'],
  ['2025-01-30', 'holiday', '春节'],
  ['2025-01-31', 'holiday', '春节'],
  ['2025-02-01', 'holiday', '春节'],
  ['2025-02-02', 'holiday', '春节'],
  ['2025-02-03', 'holiday', '春节'],
  ['2025-02-04', 'holiday', '春节'],
  ['2025-04-04', 'holiday', '清明节'],
  ['2025-04-05', 'holiday', '清明节'],
  ['2025-04-06', 'holiday', '清明节'],
  ['2025-05-01', 'holiday', '劳动节'],
  ['2025-05-02', 'holiday', '劳动节'],
  ['2025-05-03', 'holiday', '劳动节'],
  ['2025-05-04', 'holiday', '劳动节'],
  ['2025-05-05', 'holiday', '劳动节'],
  ['2025-05-31', 'holiday', '端午节'],
  ['2025-06-01', 'holiday', '端午节'],
  ['2025-06-02', 'holiday', '端午节'],
  ['2025-10-01', 'holiday', '国庆节、中秋节'],
  ['2025-10-02', 'holiday', '国庆节、中秋节'],
  ['2025-10-03', 'holiday', '国庆节、中秋节'],
  ['2025-10-04', 'holiday', '国庆节、中秋节'],
  ['2025-10-05', 'holiday', '国庆节、中秋节'],
  ['2025-10-06', 'holiday', '国庆节、中秋节'],
  ['2025-10-07', 'holiday', '国庆节、中秋节'],
  ['2025-10-08', 'holiday', '国庆节、中秋节'],
  ['2025-01-26', 'workday', '调休上班'],
  ['2025-02-08', 'workday', '调休上班'],
  ['2025-04-27', 'workday', '调休上班'],
  ['2025-09-28', 'workday', '调休上班'],
  ['2025-10-11', 'workday', '调休上班'],
  ['2026-01-01', 'holiday', '元旦'],
  ['2026-01-02', 'holiday', '元旦'],
  ['2026-01-03', 'holiday', '元旦'],
  ['2026-02-15', 'holiday', '春节'],
  ['2026-02-16', 'holiday', '春节'],
  ['2026-02-17', 'holiday', '春节'],
  ['2026-02-18', 'holiday', '春节'],
  ['2026-02-19', 'holiday', '春节'],
  ['2026-02-20', 'holiday', '春节'],
  ['2026-02-21', 'holiday', '春节'],
  ['2026-02-22', 'holiday', '春节'],
  ['2026-02-23', 'holiday', '春节'],
  ['2026-04-04', 'holiday', '清明节'],
  ['2026-04-05', 'holiday', '清明节'],
  ['2026-04-06', 'holiday', '清明节'],
  ['2026-05-01', 'holiday', '劳动节'],
  ['2026-05-02', 'holiday', '劳动节'],
  ['2026-05-03', 'holiday', '劳动节'],
  ['2026-05-04', 'holiday', '劳动节'],
  ['2026-05-05', 'holiday', '劳动节'],
  ['2026-06-19', 'holiday', '端午节'],
  ['2026-06-20', 'holiday', '端午节'],
  ['2026-06-21', 'holiday', '端午节'],
  ['2026-09-25', 'holiday', '中秋节'],
  ['2026-09-26', 'holiday', '中秋节'],
  ['2026-09-27', 'holiday', '中秋节'],
  ['2026-10-01', 'holiday', '国庆节'],
  ['2026-10-02', 'holiday', '国庆节'],
  ['2026-10-03', 'holiday', '国庆节'],
  ['2026-10-04', 'holiday', '国庆节'],
  ['2026-10-05', 'holiday', '国庆节'],
  ['2026-10-06', 'holiday', '国庆节'],
  ['2026-10-07', 'holiday', '国庆节'],
  ['2026-01-04', 'workday', '调休上班'],
  ['2026-02-14', 'workday', '调休上班'],
  ['2026-02-28', 'workday', '调休上班'],
  ['2026-05-09', 'workday', '调休上班'],
  ['2026-09-20', 'workday', '调休上班'],
  ['2026-10-10', 'workday', '调休上班'],
  ['2027-01-01', 'holiday', '元旦（暂定）'],
  ['2027-01-02', 'holiday', '元旦（暂定）'],
  ['2027-01-03', 'holiday', '元旦（暂定）'],
  ['2027-02-05', 'holiday', '春节（暂定）'],
  ['2027-02-06', 'holiday', '春节（暂定）'],
  ['2027-02-07', 'holiday', '春节（暂定）'],
  ['2027-02-08', 'holiday', '春节（暂定）'],
  ['2027-02-09', 'holiday', '春节（暂定）'],
  ['2027-02-10', 'holiday', '春节（暂定）'],
  ['2027-02-11', 'holiday', '春节（暂定）'],
  ['2027-02-12', 'holiday', '春节（暂定）'],
  ['2027-04-03', 'holiday', '清明节（暂定）'],
  ['2027-04-04', 'holiday', '清明节（暂定）'],
  ['2027-04-05', 'holiday', '清明节（暂定）'],
  ['2027-05-01', 'holiday', '劳动节（暂定）'],
  ['2027-05-02', 'holiday', '劳动节（暂定）'],
  ['2027-05-03', 'holiday', '劳动节（暂定）'],
  ['2027-05-04', 'holiday', '劳动节（暂定）'],
  ['2027-05-05', 'holiday', '劳动节（暂定）'],
  ['2027-06-09', 'holiday', '端午节（暂定）'],
  ['2027-09-15', 'holiday', '中秋节（暂定）'],
  ['2027-10-01', 'holiday', '国庆节（暂定）'],
  ['2027-10-02', 'holiday', '国庆节（暂定）'],
  ['2027-10-03', 'holiday', '国庆节（暂定）'],
  ['2027-10-04', 'holiday', '国庆节（暂定）'],
  ['2027-10-05', 'holiday', '国庆节（暂定）'],
  ['2027-10-06', 'holiday', '国庆节（暂定）'],
  ['2027-10-07', 'holiday', '国庆节（暂定）'],
];

const list = (xs: string[]) => xs.map((x) => `'${x}'`).join(',');

/** Contracts context: institutions, brokers, technology contracts, registration workflow, holiday calendar, rewards. */
export class Contracts1764000600000 implements MigrationInterface {
  name = 'Contracts1764000600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE transfer_institution_profile (
      organisation_id uuid PRIMARY KEY REFERENCES organisation(id) ON DELETE CASCADE,
      level text NOT NULL CHECK (level IN ('national','provincial','municipal')),
      accreditation_number text NOT NULL,
      valid_from date NOT NULL,
      valid_to date NOT NULL,
      accredited_on date NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (valid_to >= valid_from))`);
    await q.query(`CREATE UNIQUE INDEX ux_transfer_institution_accreditation ON transfer_institution_profile (accreditation_number)`);
    await q.query(`CREATE TABLE registration_institution_profile (
      organisation_id uuid PRIMARY KEY REFERENCES organisation(id) ON DELETE CASCADE,
      covered_divisions text[] NOT NULL CHECK (cardinality(covered_divisions) > 0),
      number_prefix text NOT NULL CHECK (number_prefix ~ '^[0-9]{6}$'),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX ux_registration_institution_number_prefix ON registration_institution_profile (number_prefix)`);
    await q.query(`CREATE INDEX ix_registration_institution_divisions ON registration_institution_profile USING gin (covered_divisions)`);
    await q.query(`CREATE TABLE broker_profile (
      user_id uuid PRIMARY KEY REFERENCES app_user(id) ON DELETE CASCADE,
      tier text NOT NULL CHECK (tier IN ('junior','intermediate','senior')),
      filing_number text NOT NULL,
      professional_title text,
      institution_id uuid REFERENCES organisation(id),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX ux_broker_profile_filing_number ON broker_profile (filing_number)`);

    await q.query(`CREATE TABLE technology_contract (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      title text NOT NULL,
      type text NOT NULL CHECK (type IN (${list(CONTRACT_TYPES)})),
      license_scope text CHECK (license_scope IN ('exclusive','sole','ordinary')),
      seller_org_id uuid NOT NULL REFERENCES organisation(id),
      seller_name text NOT NULL,
      seller_credit_code text,
      seller_region text NOT NULL CHECK (seller_region IN ('BJ','TJ','HE','other')),
      seller_legal_type text NOT NULL CHECK (seller_legal_type IN ('university','institute','enterprise','individual','other')),
      seller_division_code text,
      buyer_org_id uuid REFERENCES organisation(id),
      buyer_name text NOT NULL,
      buyer_credit_code text NOT NULL,
      buyer_region text NOT NULL CHECK (buyer_region IN ('BJ','TJ','HE','other')),
      buyer_legal_type text NOT NULL CHECK (buyer_legal_type IN ('university','institute','enterprise','individual','other')),
      contract_amount numeric(18,2) NOT NULL CHECK (contract_amount > 0),
      technology_amount numeric(18,2) NOT NULL CHECK (technology_amount >= 0 AND technology_amount <= contract_amount),
      signed_on date NOT NULL,
      term_from date,
      term_to date,
      industry text REFERENCES ref_industry(code),
      park_code text REFERENCES ref_park(code),
      achievement_id uuid,
      demand_id uuid,
      proposal_id uuid,
      match_id uuid,
      transfer_institution_id uuid REFERENCES organisation(id),
      broker_user_id uuid REFERENCES app_user(id),
      attachment_key text,
      attachment_name text,
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','submitted','under-review','registering','returned','registered','refused')),
      submission_count int NOT NULL DEFAULT 0,
      submitted_at timestamptz,
      policy_version text,
      deadline_at timestamptz,
      registration_institution_id uuid REFERENCES organisation(id),
      check_problems jsonb NOT NULL DEFAULT '[]'::jsonb,
      return_reasons jsonb NOT NULL DEFAULT '[]'::jsonb,
      refusal_reason text,
      registration_number text,
      registered_at timestamptz,
      reviewed_by uuid REFERENCES app_user(id),
      created_by uuid NOT NULL REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      version int NOT NULL DEFAULT 1,
      CHECK (buyer_org_id IS NULL OR buyer_org_id <> seller_org_id),
      CHECK (term_to IS NULL OR term_from IS NULL OR term_to >= term_from),
      CHECK ((status = 'registered') = (registration_number IS NOT NULL)))`);
    await q.query(`CREATE UNIQUE INDEX ux_technology_contract_registration_number ON technology_contract (registration_number) WHERE registration_number IS NOT NULL`);
    await q.query(`CREATE INDEX ix_technology_contract_seller ON technology_contract (seller_org_id, status)`);
    await q.query(`CREATE INDEX ix_technology_contract_buyer ON technology_contract (buyer_org_id)`);
    await q.query(`CREATE INDEX ix_technology_contract_institution ON technology_contract (registration_institution_id, status)`);
    await q.query(`CREATE INDEX ix_technology_contract_registered ON technology_contract (registered_at) WHERE status = 'registered'`);
    await q.query(`CREATE INDEX ix_technology_contract_broker ON technology_contract (broker_user_id) WHERE broker_user_id IS NOT NULL`);

    await q.query(`CREATE TABLE contract_deduction (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      contract_id uuid NOT NULL REFERENCES technology_contract(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('equipment','instruments','parts','materials','other')),
      amount numeric(18,2) NOT NULL CHECK (amount > 0),
      note text,
      position int NOT NULL)`);
    await q.query(`CREATE INDEX ix_contract_deduction_contract ON contract_deduction (contract_id)`);

    // The one number per contract: the unique contract_id is what makes issuing idempotent under retries.
    await q.query(`CREATE TABLE registration_number_counter (
      institution_id uuid NOT NULL REFERENCES organisation(id),
      year int NOT NULL,
      last_value int NOT NULL DEFAULT 0,
      PRIMARY KEY (institution_id, year))`);
    await q.query(`CREATE TABLE contract_registration_number (
      contract_id uuid PRIMARY KEY REFERENCES technology_contract(id),
      institution_id uuid NOT NULL REFERENCES organisation(id),
      year int NOT NULL,
      sequence int NOT NULL CHECK (sequence > 0),
      number text NOT NULL CHECK (number ~ '^[0-9]{16}$'),
      issued_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (institution_id, year, sequence))`);
    await q.query(`CREATE UNIQUE INDEX ux_contract_registration_number_number ON contract_registration_number (number)`);

    await q.query(`CREATE TABLE contract_registration_event (
      id bigserial PRIMARY KEY,
      contract_id uuid NOT NULL REFERENCES technology_contract(id) ON DELETE CASCADE,
      action text NOT NULL,
      from_status text NOT NULL,
      to_status text NOT NULL,
      actor_user_id uuid,
      reasons jsonb NOT NULL DEFAULT '[]'::jsonb,
      at timestamptz NOT NULL)`);
    await q.query(`CREATE INDEX ix_contract_registration_event_contract ON contract_registration_event (contract_id, id)`);

    await q.query(`CREATE TABLE contract_amount_correction (
      id bigserial PRIMARY KEY,
      contract_id uuid NOT NULL REFERENCES technology_contract(id) ON DELETE CASCADE,
      old_contract_amount numeric(18,2) NOT NULL,
      new_contract_amount numeric(18,2) NOT NULL,
      old_technology_amount numeric(18,2) NOT NULL,
      new_technology_amount numeric(18,2) NOT NULL,
      old_deductions jsonb NOT NULL,
      reason text NOT NULL,
      corrected_by uuid NOT NULL REFERENCES app_user(id),
      corrected_at timestamptz NOT NULL)`);
    await q.query(`CREATE INDEX ix_contract_amount_correction_contract ON contract_amount_correction (contract_id)`);

    await q.query(`CREATE TABLE contract_holiday (
      day date PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('holiday','workday')),
      name text NOT NULL)`);
    await q.query(`INSERT INTO contract_holiday (day, kind, name) SELECT * FROM unnest($1::date[], $2::text[], $3::text[])`, [
      HOLIDAY_SEED.map((h) => h[0]), HOLIDAY_SEED.map((h) => h[1]), HOLIDAY_SEED.map((h) => h[2]),
    ]);

    await q.query(`CREATE TABLE reward_ledger_line (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      year int NOT NULL,
      institution_id uuid NOT NULL REFERENCES organisation(id),
      kind text NOT NULL CHECK (kind IN ('facilitation','registration','new-accreditation')),
      basis_amount numeric(18,2) NOT NULL,
      uncapped_amount numeric(18,2) NOT NULL,
      amount numeric(18,2) NOT NULL CHECK (amount >= 0 AND amount <= uncapped_amount),
      capped boolean NOT NULL,
      note text,
      computed_at timestamptz NOT NULL,
      UNIQUE (year, institution_id, kind))`);
    // The accreditation award is paid once in an institution's life, whatever the year.
    await q.query(`CREATE UNIQUE INDEX ux_reward_ledger_line_accreditation ON reward_ledger_line (institution_id) WHERE kind = 'new-accreditation'`);
    await q.query(`CREATE TABLE reward_ledger_item (
      line_id uuid NOT NULL REFERENCES reward_ledger_line(id) ON DELETE CASCADE,
      contract_id uuid NOT NULL REFERENCES technology_contract(id),
      registration_number text NOT NULL,
      technology_amount numeric(18,2) NOT NULL,
      PRIMARY KEY (line_id, contract_id))`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'reward_ledger_item', 'reward_ledger_line', 'contract_holiday', 'contract_amount_correction', 'contract_registration_event', 'contract_registration_number',
      'registration_number_counter', 'contract_deduction', 'technology_contract', 'broker_profile', 'registration_institution_profile', 'transfer_institution_profile',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
  }
}
