import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import type { RatingStatus, RatingSubject } from '../rating.state-machine';

/**
 * A party's rating of the transfer institution or the broker of one of its registered contracts: 1–5 with a comment,
 * shown on the public profile once a platform administrator has approved it.
 */
@Check('directory_rating_subject_check', `subject_kind IN ('institution', 'broker')`)
@Check('directory_rating_status_check', `status IN ('pending', 'approved', 'rejected')`)
@Check('directory_rating_score_check', `score BETWEEN 1 AND 5`)
@Unique('uq_directory_rating_contract_party_subject', ['contractId', 'raterOrgId', 'subjectKind'])
@Index('ix_directory_rating_subject', ['subjectKind', 'subjectId', 'status'])
@Entity('directory_rating')
export class ServiceRating {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The registered contract the rating is about (contracts' id; no foreign key across contexts). */
  @Column({ name: 'contract_id', type: 'uuid' })
  contractId!: string;

  @Column({ name: 'subject_kind', type: 'text' })
  subjectKind!: RatingSubject;

  /** The transfer institution's organisation id, or the broker's user id. */
  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId!: string;

  /** The party organisation (seller or buyer) that rates, and who wrote it. */
  @Column({ name: 'rater_org_id', type: 'uuid' })
  raterOrgId!: string;

  @Column({ name: 'rater_user_id', type: 'uuid' })
  raterUserId!: string;

  @Column({ type: 'smallint' })
  score!: number;

  @Column({ type: 'text' })
  comment!: string;

  @Column({ type: 'text', default: 'pending' })
  status!: RatingStatus;

  @Column({ name: 'moderation_note', type: 'text', nullable: true })
  moderationNote!: string | null;

  @Column({ name: 'moderated_by', type: 'uuid', nullable: true })
  moderatedBy!: string | null;

  @Column({ name: 'moderated_at', type: 'timestamptz', nullable: true })
  moderatedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
