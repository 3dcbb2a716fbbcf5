import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A registered service provider (testing lab, transfer institution, IP agency, evaluation or finance service). */
@Check('voucher_provider_region_check', `region IN ('HE', 'BJ', 'TJ')`)
@ForeignKey('organisation', ['org_id'], ['id'], { name: 'voucher_provider_org_id_fkey', onDelete: 'RESTRICT', onUpdate: 'NO ACTION' })
@Index('ux_voucher_provider_org', ['orgId'], { unique: true })
@Index('ix_voucher_provider_park', ['parkCode'])
@Entity('voucher_provider')
export class ServiceProvider {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'org_id', type: 'uuid' }) orgId!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ name: 'credit_code', type: 'text' }) creditCode!: string;
  @Column({ name: 'legal_representative', type: 'text' }) legalRepresentative!: string;
  @Column({ type: 'text' }) region!: 'HE' | 'BJ' | 'TJ';
  @Column({ name: 'park_code', type: 'text', nullable: true }) parkCode!: string | null;
  @Column({ type: 'text', array: true }) categories!: string[];
  @Column({ name: 'accepts_vouchers', type: 'boolean', default: true }) acceptsVouchers!: boolean;
  @Column({ type: 'text', default: '' }) description!: string;
  @Column({ name: 'blacklisted_at', type: 'timestamptz', nullable: true }) blacklistedAt!: Date | null;
  @Column({ name: 'blacklist_reason', type: 'text', nullable: true }) blacklistReason!: string | null;
  @Column({ name: 'rating_sum', type: 'integer', default: 0 }) ratingSum!: number;
  @Column({ name: 'rating_count', type: 'integer', default: 0 }) ratingCount!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/** One organisation recorded as shareholder of another, by credit codes (kept for the related-party check). */
@Check('voucher_party_relation_distinct_check', `shareholder_credit_code <> held_credit_code`)
@Index('ux_voucher_party_relation', ['shareholderCreditCode', 'heldCreditCode'], { unique: true })
@Index('ix_voucher_party_relation_held', ['heldCreditCode'])
@Entity('voucher_party_relation')
export class PartyRelation {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'shareholder_credit_code', type: 'text' }) shareholderCreditCode!: string;
  @Column({ name: 'held_credit_code', type: 'text' }) heldCreditCode!: string;
  @Column({ type: 'text', default: '' }) note!: string;
  @Column({ name: 'recorded_by', type: 'uuid', nullable: true }) recordedBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
