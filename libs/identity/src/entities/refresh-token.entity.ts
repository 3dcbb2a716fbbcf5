import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Opaque rotating refresh tokens, stored as SHA-256. Each refresh replaces the token; presenting a
 * replaced token again means it leaked, so the whole family is revoked.
 */
@Entity('refresh_token')
@Index('ux_refresh_token_hash', ['tokenHash'], { unique: true })
export class RefreshToken {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'family_id', type: 'uuid' })
  familyId!: string;

  @Column({ name: 'token_hash', type: 'text' })
  tokenHash!: string;

  /** The idle deadline: issue time + SESSION_IDLE_MINUTES, never past the session's absolute end. */
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  /** Sign-in time of the family, carried across rotations: the session ends SESSION_MAX_HOURS after it. */
  @Column({ name: 'session_started_at', type: 'timestamptz', default: () => 'now()' })
  sessionStartedAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ name: 'replaced_by', type: 'uuid', nullable: true })
  replacedBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
