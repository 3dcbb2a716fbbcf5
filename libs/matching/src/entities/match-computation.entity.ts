import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

export type ComputationSubject = 'achievement' | 'demand';

/** The version of an achievement or demand whose matches were last computed (a computation may store none). */
@Entity('match_computation')
@Check('match_computation_subject_type_check', `subject_type IN ('achievement','demand')`)
export class MatchComputation {
  @PrimaryColumn('text', { name: 'subject_type' }) subjectType: ComputationSubject;
  @PrimaryColumn('uuid', { name: 'subject_id' }) subjectId: string;
  @Column('int') version: number;
  @Column('timestamptz', { name: 'computed_at' }) computedAt: Date;
}
