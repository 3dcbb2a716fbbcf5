import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('thesaurus_entry')
export class ThesaurusEntry {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') industry: string;
  @Column('text') term: string;
  @Column('text', { array: true, default: () => `'{}'` }) synonyms: string[];
  @Column('text', { array: true, default: () => `'{}'` }) broader: string[];
  @Column('text', { array: true, default: () => `'{}'` }) narrower: string[];
  @Column('text', { array: true, default: () => `'{}'` }) symptoms: string[];
  @Column('int', { default: 1 }) version: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
