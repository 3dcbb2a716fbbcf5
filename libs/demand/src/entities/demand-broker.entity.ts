import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

/** A broker assigned to follow a demand: sees its proposals. */
@Index('ix_demand_broker_user', ['userId'])
@ForeignKey('app_user', ['assigned_by'], ['id'], { name: 'demand_broker_assigned_by_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@ForeignKey('app_user', ['user_id'], ['id'], { name: 'demand_broker_user_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@ForeignKey('demand', ['demand_id'], ['id'], { name: 'demand_broker_demand_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
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
