import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Role } from '@techbridge/platform';
import { Organisation } from './organisation.entity';

@Index('ix_app_user_organisation', ['organisationId'])
@Check('app_user_status_check', `(status = ANY (ARRAY['active'::text, 'disabled'::text, 'deleted'::text]))`)
@Index('ix_app_user_deleted_at', ['deletedAt'], { where: 'deleted_at IS NOT NULL' })
@Entity('app_user')
@Index('ux_app_user_email', ['email'], { unique: true })
export class User {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'app_user_organisation_id_fkey' })
  organisation?: Organisation;

  /** Stored lower-cased. */
  @Column({ type: 'text' })
  email!: string;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  @Column({ type: 'text', array: true, default: () => "'{member}'" })
  roles!: Role[];

  /** deleted: the person asked for deletion (个人信息保护法); personal fields are erased, the row stays for business records. */
  @Column({ type: 'text', default: 'active' })
  status!: 'active' | 'disabled' | 'deleted';

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;

  @Column({ type: 'text', default: 'zh' })
  locale!: 'zh' | 'en';

  /** When the password was last set: it expires PASSWORD_MAX_AGE_DAYS later. */
  @Column({ name: 'password_changed_at', type: 'timestamptz', default: () => 'now()' })
  passwordChangedAt!: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
