import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Shared research instruments (the instruments context): instruments with service items and training records,
 * bookings that never overlap on one instrument (an exclusion constraint over the booked period, so two concurrent
 * requests cannot both commit), and owners' yearly post-use subsidy claims.
 */
export class Instruments1767300100000 implements MigrationInterface {
  name = 'Instruments1767300100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await q.query(`CREATE TABLE instrument (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      owner_org_id uuid NOT NULL REFERENCES organisation(id) ON DELETE RESTRICT,
      name text NOT NULL,
      model text NOT NULL,
      original_value numeric(18,2) NOT NULL,
      park_code text REFERENCES ref_park(code),
      location text NOT NULL,
      training_required boolean NOT NULL DEFAULT false,
      approval_required boolean NOT NULL DEFAULT true,
      photos jsonb NOT NULL DEFAULT '[]'::jsonb,
      availability jsonb NOT NULL DEFAULT '[]'::jsonb,
      status text NOT NULL DEFAULT 'active',
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT instrument_value_check CHECK (original_value >= 0),
      CONSTRAINT instrument_status_check CHECK (status IN ('active', 'withdrawn')))`);
    await q.query(`CREATE INDEX ix_instrument_owner ON instrument (owner_org_id)`);
    await q.query(`CREATE INDEX ix_instrument_park ON instrument (park_code)`);
    await q.query(`CREATE TABLE instrument_service_item (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      instrument_id uuid NOT NULL REFERENCES instrument(id) ON DELETE CASCADE,
      name text NOT NULL,
      unit text NOT NULL,
      internal_price numeric(18,2) NOT NULL,
      external_price numeric(18,2) NOT NULL,
      CONSTRAINT instrument_service_item_unit_check CHECK (unit IN ('hour', 'sample')),
      CONSTRAINT instrument_service_item_price_check CHECK (internal_price >= 0 AND external_price >= 0))`);
    await q.query(`CREATE INDEX ix_instrument_service_item_instrument ON instrument_service_item (instrument_id)`);
    await q.query(`CREATE TABLE instrument_training (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      instrument_id uuid NOT NULL REFERENCES instrument(id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
      trained_on date NOT NULL,
      recorded_by uuid,
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX ux_instrument_training ON instrument_training (instrument_id, user_id)`);
    await q.query(`CREATE TABLE instrument_booking (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      instrument_id uuid NOT NULL REFERENCES instrument(id) ON DELETE RESTRICT,
      service_item_id uuid NOT NULL REFERENCES instrument_service_item(id) ON DELETE RESTRICT,
      booker_org_id uuid NOT NULL REFERENCES organisation(id) ON DELETE RESTRICT,
      booker_user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE RESTRICT,
      period tstzrange NOT NULL,
      status text NOT NULL,
      external boolean NOT NULL,
      note text NOT NULL DEFAULT '',
      actual_hours numeric(8,2),
      samples integer,
      amount numeric(18,2),
      payment_method text,
      voucher_id uuid,
      rating integer,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT instrument_booking_status_check CHECK (status IN ('requested', 'approved', 'used', 'paid', 'rated', 'cancelled', 'no-show')),
      CONSTRAINT instrument_booking_payment_check CHECK (payment_method IS NULL OR payment_method IN ('cash', 'voucher')),
      CONSTRAINT instrument_booking_figures_check CHECK ((actual_hours IS NULL OR actual_hours >= 0) AND (samples IS NULL OR samples >= 0) AND (rating IS NULL OR rating BETWEEN 1 AND 5)),
      CONSTRAINT instrument_booking_period_check CHECK (NOT isempty(period)))`);
    // The guarantee: bookings that hold the instrument never overlap, however many requests race.
    await q.query(`ALTER TABLE instrument_booking ADD CONSTRAINT instrument_booking_no_overlap
      EXCLUDE USING gist (instrument_id WITH =, period WITH &&) WHERE (status IN ('requested', 'approved', 'used', 'paid', 'rated'))`);
    await q.query(`CREATE INDEX ix_instrument_booking_booker ON instrument_booking (booker_org_id, created_at)`);
    await q.query(`CREATE TABLE instrument_subsidy_claim (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      owner_org_id uuid NOT NULL REFERENCES organisation(id) ON DELETE RESTRICT,
      year integer NOT NULL,
      bookings integer NOT NULL,
      effective_hours numeric(12,2) NOT NULL,
      external_hours numeric(12,2) NOT NULL,
      share_rate numeric(6,4) NOT NULL,
      external_revenue numeric(18,2) NOT NULL,
      lines jsonb NOT NULL DEFAULT '[]'::jsonb,
      computed_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT instrument_subsidy_claim_rate_check CHECK (share_rate >= 0 AND share_rate <= 1))`);
    await q.query(`CREATE UNIQUE INDEX ux_instrument_subsidy_claim ON instrument_subsidy_claim (owner_org_id, year)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['instrument_subsidy_claim', 'instrument_booking', 'instrument_training', 'instrument_service_item', 'instrument']) await q.query(`DROP TABLE IF EXISTS ${t}`);
  }
}
