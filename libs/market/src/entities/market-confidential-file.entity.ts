import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A listing's confidential file (drawings, test reports): shown only after an accepted introduction (and its NDA). */
@ForeignKey('market_listing', ['listing_id'], ['id'], { name: 'market_confidential_file_listing_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@Index('ix_market_confidential_file_listing', ['listingId', 'createdAt'])
@Entity('market_confidential_file')
export class MarketConfidentialFile {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'listing_id', type: 'uuid' }) listingId!: string;
  @Column({ name: 'storage_key', type: 'text' }) storageKey!: string;
  @Column({ type: 'text' }) filename!: string;
  @Column({ type: 'integer' }) size!: number;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
