import { Check, Column, CreateDateColumn, Entity, Exclusion, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { AvailabilityWindow } from '../rules/availability';
import type { BookingStatus } from '../booking.state-machine';

const numeric = { to: (v: number | null | undefined) => v, from: (v: string | null) => (v === null || v === undefined ? v : Number(v)) };

export interface InstrumentPhoto {
  key: string;
  filename: string;
  /** As received (JPEG, PNG or WebP); photos stored before it was kept are typed by their file name. */
  contentType?: string;
  size?: number;
}

/** The id a photo is fetched by: the uuid its storage key ends with. */
export function photoIdOf(p: InstrumentPhoto): string {
  return p.key.slice(p.key.lastIndexOf('photo-') + 'photo-'.length);
}

/** A large research instrument opened for booking by outside users. */
@Check('instrument_value_check', `original_value >= 0`)
@Check('instrument_status_check', `status IN ('active', 'withdrawn')`)
@ForeignKey('organisation', ['owner_org_id'], ['id'], { name: 'instrument_owner_org_id_fkey', onDelete: 'RESTRICT', onUpdate: 'NO ACTION' })
@ForeignKey('ref_park', ['park_code'], ['code'], { name: 'instrument_park_code_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@Index('ix_instrument_owner', ['ownerOrgId'])
@Index('ix_instrument_park', ['parkCode'])
@Entity('instrument')
export class Instrument {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'owner_org_id', type: 'uuid' }) ownerOrgId!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) model!: string;
  @Column({ name: 'original_value', type: 'numeric', precision: 18, scale: 2, transformer: numeric }) originalValue!: number;
  @Column({ name: 'park_code', type: 'text', nullable: true }) parkCode!: string | null;
  @Column({ type: 'text' }) location!: string;
  @Column({ name: 'training_required', type: 'boolean', default: false }) trainingRequired!: boolean;
  @Column({ name: 'approval_required', type: 'boolean', default: true }) approvalRequired!: boolean;
  @Column({ type: 'jsonb', default: () => "'[]'" }) photos!: InstrumentPhoto[];
  @Column({ type: 'jsonb', default: () => "'[]'" }) availability!: AvailabilityWindow[];
  @Column({ type: 'text', default: 'active' }) status!: 'active' | 'withdrawn';
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Check('instrument_service_item_unit_check', `unit IN ('hour', 'sample')`)
@Check('instrument_service_item_price_check', `internal_price >= 0 AND external_price >= 0`)
@ForeignKey('instrument', ['instrument_id'], ['id'], { name: 'instrument_service_item_instrument_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@Index('ix_instrument_service_item_instrument', ['instrumentId'])
@Entity('instrument_service_item')
export class ServiceItem {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'instrument_id', type: 'uuid' }) instrumentId!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) unit!: 'hour' | 'sample';
  @Column({ name: 'internal_price', type: 'numeric', precision: 18, scale: 2, transformer: numeric }) internalPrice!: number;
  @Column({ name: 'external_price', type: 'numeric', precision: 18, scale: 2, transformer: numeric }) externalPrice!: number;
}

@ForeignKey('instrument', ['instrument_id'], ['id'], { name: 'instrument_training_instrument_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@ForeignKey('app_user', ['user_id'], ['id'], { name: 'instrument_training_user_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@Index('ux_instrument_training', ['instrumentId', 'userId'], { unique: true })
@Entity('instrument_training')
export class TrainingRecord {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'instrument_id', type: 'uuid' }) instrumentId!: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId!: string;
  @Column({ name: 'trained_on', type: 'date' }) trainedOn!: string;
  @Column({ name: 'recorded_by', type: 'uuid', nullable: true }) recordedBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/** A booking of an instrument for a period; the exclusion constraint keeps live bookings of one instrument apart. */
@Check('instrument_booking_status_check', `status IN ('requested', 'approved', 'used', 'paid', 'rated', 'cancelled', 'no-show')`)
@Check('instrument_booking_payment_check', `payment_method IS NULL OR payment_method IN ('cash', 'voucher')`)
@Check('instrument_booking_figures_check', `(actual_hours IS NULL OR actual_hours >= 0) AND (samples IS NULL OR samples >= 0) AND (rating IS NULL OR rating BETWEEN 1 AND 5)`)
@Check('instrument_booking_period_check', `NOT isempty(period)`)
@Exclusion('instrument_booking_no_overlap', `USING gist (instrument_id WITH =, period WITH &&) WHERE (status IN ('requested', 'approved', 'used', 'paid', 'rated'))`)
@ForeignKey('instrument', ['instrument_id'], ['id'], { name: 'instrument_booking_instrument_id_fkey', onDelete: 'RESTRICT', onUpdate: 'NO ACTION' })
@ForeignKey('instrument_service_item', ['service_item_id'], ['id'], { name: 'instrument_booking_service_item_id_fkey', onDelete: 'RESTRICT', onUpdate: 'NO ACTION' })
@ForeignKey('organisation', ['booker_org_id'], ['id'], { name: 'instrument_booking_booker_org_id_fkey', onDelete: 'RESTRICT', onUpdate: 'NO ACTION' })
@ForeignKey('app_user', ['booker_user_id'], ['id'], { name: 'instrument_booking_booker_user_id_fkey', onDelete: 'RESTRICT', onUpdate: 'NO ACTION' })
@Index('ix_instrument_booking_booker', ['bookerOrgId', 'createdAt'])
@Entity('instrument_booking')
export class Booking {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'instrument_id', type: 'uuid' }) instrumentId!: string;
  @Column({ name: 'service_item_id', type: 'uuid' }) serviceItemId!: string;
  @Column({ name: 'booker_org_id', type: 'uuid' }) bookerOrgId!: string;
  @Column({ name: 'booker_user_id', type: 'uuid' }) bookerUserId!: string;
  /** `[start,end)` as PostgreSQL writes a tstzrange. */
  @Column({ type: 'tstzrange' }) period!: string;
  @Column({ type: 'text' }) status!: BookingStatus;
  /** Booked by an organisation other than the owner: counts towards the share rate. */
  @Column({ type: 'boolean' }) external!: boolean;
  @Column({ type: 'text', default: '' }) note!: string;
  @Column({ name: 'actual_hours', type: 'numeric', precision: 8, scale: 2, nullable: true, transformer: numeric }) actualHours!: number | null;
  @Column({ type: 'integer', nullable: true }) samples!: number | null;
  @Column({ type: 'numeric', precision: 18, scale: 2, nullable: true, transformer: numeric }) amount!: number | null;
  @Column({ name: 'payment_method', type: 'text', nullable: true }) paymentMethod!: 'cash' | 'voucher' | null;
  @Column({ name: 'voucher_id', type: 'uuid', nullable: true }) voucherId!: string | null;
  @Column({ type: 'integer', nullable: true }) rating!: number | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

export interface SubsidyLine {
  instrumentId: string;
  name: string;
  model: string;
  bookings: number;
  effectiveHours: number;
  externalHours: number;
  shareRate: number;
  externalRevenue: number;
}

/** An owner's yearly post-use subsidy claim, computed from its completed bookings. */
@Check('instrument_subsidy_claim_rate_check', `share_rate >= 0 AND share_rate <= 1`)
@ForeignKey('organisation', ['owner_org_id'], ['id'], { name: 'instrument_subsidy_claim_owner_org_id_fkey', onDelete: 'RESTRICT', onUpdate: 'NO ACTION' })
@Index('ux_instrument_subsidy_claim', ['ownerOrgId', 'year'], { unique: true })
@Entity('instrument_subsidy_claim')
export class SubsidyClaim {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'owner_org_id', type: 'uuid' }) ownerOrgId!: string;
  @Column({ type: 'integer' }) year!: number;
  @Column({ type: 'integer' }) bookings!: number;
  @Column({ name: 'effective_hours', type: 'numeric', precision: 12, scale: 2, transformer: numeric }) effectiveHours!: number;
  @Column({ name: 'external_hours', type: 'numeric', precision: 12, scale: 2, transformer: numeric }) externalHours!: number;
  @Column({ name: 'share_rate', type: 'numeric', precision: 6, scale: 4, transformer: numeric }) shareRate!: number;
  @Column({ name: 'external_revenue', type: 'numeric', precision: 18, scale: 2, transformer: numeric }) externalRevenue!: number;
  @Column({ type: 'jsonb', default: () => "'[]'" }) lines!: SubsidyLine[];
  @Column({ name: 'computed_at', type: 'timestamptz', default: () => 'now()' }) computedAt!: Date;
}
