import { Check, Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import type { IndicatorUnit } from '../rules/entry-value';
import { numericTransformer } from './numeric.transformer';

export type IndicatorSource = 'computed' | 'entered';
/** How four quarters make a year: flows sum, stocks take the latest quarter, rates average, shares are recomputed from their parts. */
export type IndicatorAggregation = 'sum' | 'last' | 'mean' | 'share';

/** A monitoring indicator (监测评价指标) of the catalogue, seeded by the migration. */
@Check('monitoring_indicator_aggregation_check', `(aggregation = ANY (ARRAY['sum'::text, 'last'::text, 'mean'::text, 'share'::text]))`)
@Check('monitoring_indicator_dimension_check', `(dimension = ANY (ARRAY['transaction'::text, 'supply-demand'::text, 'services'::text, 'innovation-input'::text, 'innovation-entities'::text]))`)
@Check('monitoring_indicator_direction_check', `(direction = ANY (ARRAY['higher'::text, 'lower'::text]))`)
@Check('monitoring_indicator_source_check', `(source = ANY (ARRAY['computed'::text, 'entered'::text]))`)
@Check('monitoring_indicator_unit_check', `(unit = ANY (ARRAY['count'::text, 'yuan'::text, 'percent'::text, 'per-10k'::text]))`)
@Entity('monitoring_indicator')
export class Indicator {
  @PrimaryColumn({ type: 'text' }) code!: string;
  @Column({ type: 'text' }) zh!: string;
  @Column({ type: 'text' }) en!: string;
  @Column({ type: 'text' }) unit!: IndicatorUnit;
  @Column({ type: 'text' }) dimension!: string;
  @Column({ type: 'text' }) direction!: 'higher' | 'lower';
  @Column({ type: 'text' }) source!: IndicatorSource;
  @Column({ type: 'text' }) aggregation!: IndicatorAggregation;
  @Column({ name: 'in_index', type: 'boolean', default: false }) inIndex!: boolean;
  @Column({ type: 'int' }) position!: number;
}

/** A target of the zone's implementation plan, measured on one indicator. */
@Check('monitoring_target_basis_check', `(basis = ANY (ARRAY['cumulative'::text, 'share'::text, 'latest'::text, 'yearly'::text]))`)
@Check('monitoring_target_target_value_check', `(target_value > (0)::numeric)`)
@ForeignKey('monitoring_indicator', ['indicator_code'], ['code'], { name: 'monitoring_target_indicator_code_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@Entity('monitoring_target')
export class Target {
  @PrimaryColumn({ type: 'text' }) code!: string;
  @Column({ type: 'text' }) zh!: string;
  @Column({ type: 'text' }) en!: string;
  @Column({ name: 'indicator_code', type: 'text' }) indicatorCode!: string;
  @Column({ name: 'target_value', type: 'numeric', precision: 20, scale: 4, transformer: numericTransformer }) targetValue!: number;
  @Column({ type: 'text' }) unit!: string;
  /** cumulative: sum of every published quarter; share: ratio over every published quarter; latest: the last published quarter; yearly: this year's sum. */
  @Column({ type: 'text' }) basis!: 'cumulative' | 'share' | 'latest' | 'yearly';
  @Column({ name: 'target_year', type: 'int' }) targetYear!: number;
  @Column({ type: 'int' }) position!: number;
}
