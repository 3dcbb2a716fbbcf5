import { Check, Column, Entity, ForeignKey, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** A block of presentations on one theme, in one room. */
@Unique('roadshow_session_event_id_room_starts_at_key', ['eventId', 'room', 'startsAt'])
@Check('roadshow_session_check', `(ends_at > starts_at)`)
@Check('roadshow_session_room_check', `(room >= 0)`)
@ForeignKey('roadshow_event', ['event_id'], ['id'], { name: 'roadshow_session_event_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@Entity('roadshow_session')
export class RoadshowSession {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'event_id', type: 'uuid' }) eventId!: string;
  @Column({ type: 'text' }) theme!: string;
  @Column({ type: 'int' }) room!: number;
  @Column({ name: 'starts_at', type: 'timestamptz' }) startsAt!: Date;
  @Column({ name: 'ends_at', type: 'timestamptz' }) endsAt!: Date;
}
