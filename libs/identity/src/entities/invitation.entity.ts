import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from '@techbridge/platform';

@ForeignKey('app_user', ['invited_by'], ['id'], { name: 'invitation_invited_by_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@ForeignKey('organisation', ['organisation_id'], ['id'], { name: 'invitation_organisation_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@Entity('invitation')
@Index('ux_invitation_token_hash', ['tokenHash'], { unique: true })
export class Invitation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text', array: true })
  roles!: Role[];

  @Column({ name: 'token_hash', type: 'text' })
  tokenHash!: string;

  @Column({ name: 'invited_by', type: 'uuid' })
  invitedBy!: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
