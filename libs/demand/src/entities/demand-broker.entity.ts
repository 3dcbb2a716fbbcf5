import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A broker assigned to follow a demand: sees its proposals. */
@Entity('demand_broker')
export class DemandBroker {
  @PrimaryColumn({ name: 'demand_id', type: 'uuid' })
  demandId!: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'assigned_by', type: 'uuid' })
  assignedBy!: string;

  @CreateDateColumn({ name: 'assigned_at', type: 'timestamptz' })
  assignedAt!: Date;
}
