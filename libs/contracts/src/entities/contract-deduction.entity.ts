import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { TechnologyContract } from './technology-contract.entity';

export const DEDUCTION_KINDS = ['equipment', 'instruments', 'parts', 'materials', 'other'] as const;
export type DeductionKind = (typeof DEDUCTION_KINDS)[number];

/** A non-technical item of the contract amount (equipment, materials…): explains contract − technology amount. */
@Entity('contract_deduction')
export class ContractDeduction {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'contract_id', type: 'uuid' })
  contractId!: string;

  @ManyToOne(() => TechnologyContract, (c) => c.deductions, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contract_id' })
  contract?: TechnologyContract;

  @Column({ type: 'text' })
  kind!: DeductionKind;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  amount!: string;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'int' })
  position!: number;
}
