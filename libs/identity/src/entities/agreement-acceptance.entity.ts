import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { LegalDocumentKind } from '../legal/legal-documents';

/** A user's acceptance of one version of the user agreement or the privacy policy, with when. */
@Check('agreement_acceptance_document_check', `document IN ('user-agreement', 'privacy-policy')`)
@ForeignKey('app_user', ['user_id'], ['id'], { name: 'agreement_acceptance_user_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@Entity('agreement_acceptance')
@Index('ux_agreement_acceptance', ['userId', 'document', 'version'], { unique: true })
export class AgreementAcceptance {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'text' })
  document!: LegalDocumentKind;

  @Column({ type: 'text' })
  version!: string;

  @Column({ name: 'accepted_at', type: 'timestamptz' })
  acceptedAt!: Date;
}
