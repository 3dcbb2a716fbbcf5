import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type OutboxKind = 'index' | 'job';

/**
 * A side effect promised by a committed transaction: bring a search document up to date,
 * or enqueue a job. Written in the same transaction as the domain change; the relay delivers it.
 */
@Entity('outbox_message')
@Check('outbox_message_kind_check', `kind IN ('index','job')`)
@Index('ix_outbox_pending', ['availableAt'], { where: 'processed_at IS NULL AND dead_at IS NULL' })
@Index('ix_outbox_dead', ['deadAt'], { where: 'dead_at IS NOT NULL' })
@Index('ix_outbox_processed', ['processedAt'], { where: 'processed_at IS NOT NULL' })
export class OutboxMessage {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'text' })
  kind!: OutboxKind;

  /** Index name or job name. */
  @Column({ type: 'text' })
  target!: string;

  /** Document id, or the deterministic job id. */
  @Column({ type: 'text', nullable: true })
  key!: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  payload!: Record<string, unknown>;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ name: 'available_at', type: 'timestamptz', default: () => 'now()' })
  availableAt!: Date;

  @Column({ name: 'processed_at', type: 'timestamptz', nullable: true })
  processedAt!: Date | null;

  /** A relay is delivering it until then; past that, the relay is presumed dead and another may take it. */
  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil!: Date | null;

  /** Set when delivery failed OUTBOX_MAX_ATTEMPTS times: no more automatic retries, an administrator decides. */
  @Column({ name: 'dead_at', type: 'timestamptz', nullable: true })
  deadAt!: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
