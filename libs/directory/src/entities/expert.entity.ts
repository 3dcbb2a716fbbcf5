import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * An expert of the directory (专家库): a person a verified university, institute or transfer institution registers,
 * with the fields they know. No personal contact data is kept: people reach an expert through the platform, and the
 * registering organisation answers.
 */
@Entity('directory_expert')
@Index('ix_directory_expert_org', ['organisationId'])
export class Expert {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ type: 'text' })
  name!: string;

  /** Professional title (职称), e.g. 教授、研究员、高级工程师. */
  @Column({ type: 'text' })
  title!: string;

  /** Industry field codes of the taxonomy (e.g. NM-ALLOY). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  fields!: string[];

  @Column({ type: 'text', default: '' })
  bio!: string;

  /** Listed in the public directory; an organisation unlists an expert who left rather than deleting the record. */
  @Column({ type: 'boolean', default: true })
  listed!: boolean;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
