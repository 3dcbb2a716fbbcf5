import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A block of presentations on one theme, in one room. */
@Entity('roadshow_session')
export class RoadshowSession {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'event_id', type: 'uuid' }) eventId!: string;
  @Column({ type: 'text' }) theme!: string;
  @Column({ type: 'int' }) room!: number;
  @Column({ name: 'starts_at', type: 'timestamptz' }) startsAt!: Date;
  @Column({ name: 'ends_at', type: 'timestamptz' }) endsAt!: Date;
}
