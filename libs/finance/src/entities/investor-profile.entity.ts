import { Check, Column, Entity, ForeignKey, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { money } from './money.transformer';

/** What an investment fund invests in: the other side of financing matching. One per fund organisation. */
@Check('ck_investor_profile_ticket', `((ticket_min IS NULL) OR (ticket_max IS NULL) OR (ticket_min <= ticket_max))`)
@ForeignKey('organisation', ['organisation_id'], ['id'], { name: 'investor_profile_organisation_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@ForeignKey('ref_park', ['park_code'], ['code'], { name: 'investor_profile_park_code_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@Entity('investor_profile')
export class InvestorProfile {
  @PrimaryColumn({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ name: 'display_name', type: 'text' }) displayName!: string;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) stages!: string[];
  @Column({ type: 'text', array: true, default: () => "'{}'" }) industries!: string[];
  @Column({ name: 'ticket_min', type: 'numeric', precision: 18, scale: 2, nullable: true, transformer: money }) ticketMin!: number | null;
  @Column({ name: 'ticket_max', type: 'numeric', precision: 18, scale: 2, nullable: true, transformer: money }) ticketMax!: number | null;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) regions!: string[];
  /** A park's sub-fund (子基金): the park it was set up for, copied from the fund organisation. */
  @Column({ name: 'park_code', type: 'text', nullable: true }) parkCode!: string | null;
  /** The sub-fund's mandate: invest in enterprises of its park (reason 'park-fund-mandate'). */
  @Column({ name: 'park_mandate', type: 'boolean', default: false }) parkMandate!: boolean;
  /** Committed capital of the fund, yuan (the 'fund size' figure of monitoring). */
  @Column({ name: 'fund_size', type: 'numeric', precision: 18, scale: 2, nullable: true, transformer: money }) fundSize!: number | null;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  /** Raised on every save: the rescoring job of each change has its own id. */
  @VersionColumn({ default: 1 }) version!: number;
}
