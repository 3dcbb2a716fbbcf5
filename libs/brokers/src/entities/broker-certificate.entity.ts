import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { BrokerLevel } from '../broker-training.policy';

export type CertificateStatus = 'active' | 'suspended' | 'revoked';

/** 技术经纪人资质证书: public number, level, expiry; in good standing while active and unexpired. */
@Check('broker_certificate_level_check', `(level = ANY (ARRAY['junior'::text, 'intermediate'::text, 'senior'::text]))`)
@Check('broker_certificate_status_check', `(status = ANY (ARRAY['active'::text, 'suspended'::text, 'revoked'::text]))`)
@Check('broker_certificate_expiry_check', `(expires_at > issued_at)`)
@ForeignKey('broker_enrolment', ['enrolment_id'], ['id'], { name: 'broker_certificate_enrolment_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@ForeignKey('organisation', ['training_base_id'], ['id'], { name: 'broker_certificate_training_base_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@ForeignKey('app_user', ['user_id'], ['id'], { name: 'broker_certificate_user_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@Index('ux_broker_certificate_number', ['number'], { unique: true })
@Index('ux_broker_certificate_enrolment', ['enrolmentId'], { unique: true })
@Index('ix_broker_certificate_holder_active', ['userId', 'expiresAt'], { where: `(status = 'active'::text)` })
@Index('ix_broker_certificate_base', ['trainingBaseId', 'issuedAt'])
@Entity('broker_certificate')
export class BrokerCertificate {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  number!: string;

  @Column({ name: 'enrolment_id', type: 'uuid' })
  enrolmentId!: string;

  @Column({ name: 'training_base_id', type: 'uuid' })
  trainingBaseId!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'text' })
  level!: BrokerLevel;

  @Column({ type: 'text', default: 'active' })
  status!: CertificateStatus;

  @Column({ name: 'issued_at', type: 'timestamptz' })
  issuedAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'integer', default: 0 })
  renewals!: number;

  /** Why it was last suspended or revoked (shown to the holder and on the public look-up). */
  @Column({ name: 'status_reason', type: 'text', nullable: true })
  statusReason!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
