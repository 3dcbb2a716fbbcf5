import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * How long each kind of record is kept (个人信息保护法: no longer than the purpose needs), as data: the daily
 * retention job reads it, operators change a period with one UPDATE (docs/OPERATIONS.md). Audit entries and delivered
 * outbox messages keep their own settings (AUDIT_RETENTION_DAYS, OUTBOX_RETENTION_DAYS).
 */
@Entity('retention_policy')
@Check('retention_policy_retention_days_check', `(retention_days >= 1)`)
export class RetentionPolicy {
  @PrimaryColumn({ name: 'record_type', type: 'text' })
  recordType!: string;

  @Column({ name: 'retention_days', type: 'integer' })
  retentionDays!: number;

  @Column({ name: 'description_zh', type: 'text' })
  descriptionZh!: string;

  @Column({ name: 'description_en', type: 'text' })
  descriptionEn!: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
