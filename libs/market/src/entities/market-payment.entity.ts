import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A payment the seller actually received against a technology contract, with its proof. */
@Check('market_payment_amount_check', `(amount > (0)::numeric)`)
@Index('ix_market_payment_contract', ['contractId', 'receivedOn'])
@Entity('market_payment')
export class MarketPayment {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'contract_id', type: 'uuid' }) contractId!: string;
  @Column({ name: 'received_on', type: 'date' }) receivedOn!: string;
  @Column({ type: 'numeric', precision: 18, scale: 2 }) amount!: string;
  @Column({ name: 'proof_key', type: 'text', nullable: true }) proofKey!: string | null;
  @Column({ name: 'proof_name', type: 'text', nullable: true }) proofName!: string | null;
  @Column({ name: 'recorded_by', type: 'uuid' }) recordedBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
