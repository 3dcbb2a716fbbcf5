import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Who changed what: written in the same transaction as the change. */
@Entity('audit_entry')
@Index('ix_audit_entry_entity', ['entityType', 'entityId'])
@Index('ix_audit_entry_at', ['at'])
@Index('ix_audit_entry_actor_user', ['actorUserId', 'id'])
export class AuditEntry {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId!: string | null;

  @Column({ name: 'actor_org_id', type: 'uuid', nullable: true })
  actorOrgId!: string | null;

  @Column({ type: 'text' })
  action!: string;

  @Column({ name: 'entity_type', type: 'text' })
  entityType!: string;

  @Column({ name: 'entity_id', type: 'text' })
  entityId!: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  changes!: Record<string, unknown>;

  /** The client's address as the api sees it (X-Forwarded-For only from TRUSTED_PROXIES); set for sign-in attempts. */
  @Column({ name: 'client_address', type: 'text', nullable: true })
  clientAddress!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;
}
