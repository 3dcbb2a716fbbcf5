import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

export type ObjectionStatus = 'open' | 'answered' | 'sustained' | 'dismissed';

/** A real-name objection to a notice, with evidence; the owner answers, platform staff decide. */
@Check('market_objection_status_check', `(status = ANY (ARRAY['open'::text, 'answered'::text, 'sustained'::text, 'dismissed'::text]))`)
@ForeignKey('market_notice', ['notice_id'], ['id'], { name: 'market_objection_notice_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@Index('ix_market_objection_notice', ['noticeId', 'createdAt'])
@Entity('market_objection')
export class MarketObjection {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'notice_id', type: 'uuid' }) noticeId!: string;
  @Column({ name: 'objector_user_id', type: 'uuid' }) objectorUserId!: string;
  @Column({ name: 'objector_org_id', type: 'uuid' }) objectorOrgId!: string;
  @Column({ name: 'real_name', type: 'text' }) realName!: string;
  @Column({ name: 'contact_phone', type: 'text' }) contactPhone!: string;
  @Column({ type: 'text' }) grounds!: string;
  @Column({ type: 'text' }) evidence!: string;
  @Column({ type: 'text', default: 'open' }) status!: ObjectionStatus;
  @Column({ name: 'owner_answer', type: 'text', nullable: true }) ownerAnswer!: string | null;
  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true }) answeredAt!: Date | null;
  @Column({ name: 'decided_by', type: 'uuid', nullable: true }) decidedBy!: string | null;
  @Column({ name: 'decision_reason', type: 'text', nullable: true }) decisionReason!: string | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
