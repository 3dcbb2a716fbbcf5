import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { TechnologyContract } from './technology-contract.entity';

export const DEDUCTION_KINDS = ['equipment', 'instruments', 'parts', 'materials', 'other'] as const;
export type DeductionKind = (typeof DEDUCTION_KINDS)[number];

/** A non-technical item of the contract amount (equipment, materials…): explains contract − technology amount. */
@Index('ix_contract_deduction_contract', ['contractId'])
@Check('contract_deduction_amount_check', `(amount > (0)::numeric)`)
@Check('contract_deduction_kind_check', `(kind = ANY (ARRAY['equipment'::text, 'instruments'::text, 'parts'::text, 'materials'::text, 'other'::text]))`)
@Entity('contract_deduction')
export class ContractDeduction {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'contract_id', type: 'uuid' })
  contractId!: string;

  @ManyToOne(() => TechnologyContract, (c) => c.deductions, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contract_id', foreignKeyConstraintName: 'contract_deduction_contract_id_fkey' })
  // Relation<>: no design-time type, so the two entities of this cycle load in either order.
  contract?: Relation<TechnologyContract>;

  @Column({ type: 'text' })
  kind!: DeductionKind;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  amount!: string;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'int' })
  position!: number;
}
