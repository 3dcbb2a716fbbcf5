import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';

@Unique('thesaurus_entry_industry_term_key', ['industry', 'term'])
@Check('thesaurus_entry_industry_check', `(industry = ANY (ARRAY['advanced-equipment'::text, 'digital'::text, 'life-health'::text, 'new-energy'::text, 'new-materials'::text, 'energy-saving-environmental'::text, 'new-energy-vehicles'::text, 'tech-services'::text, 'modern-agriculture'::text]))`)
@Check('thesaurus_entry_term_check', `(length(btrim(term)) > 0)`)
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
