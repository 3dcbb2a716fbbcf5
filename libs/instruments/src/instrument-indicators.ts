import { Injectable, OnModuleInit } from '@nestjs/common';
import { ComputedFigure, ComputedIndicatorSource, IndicatorSourceRegistry, ReportingPeriod, tally } from '@techbridge/monitoring';
import { PARK_CODES } from '@techbridge/platform';
import { InstrumentService } from './instrument.service';

export const INSTRUMENT_INDICATORS = ['instrument-effective-hours', 'instrument-external-hours', 'instrument-share-rate'] as const;

/** Effective and external machine hours of completed bookings by the instrument's park, and the share rate (percent) from them. */
export function instrumentFigures(rows: Array<{ bookingId: string; parkCode: string | null; hours: number; externalHours: number }>, parks: readonly string[]): ComputedFigure[] {
  const ref = (r: { bookingId: string }) => ({ type: 'instrument-booking', id: r.bookingId });
  const effective = tally('instrument-effective-hours', rows.map((r) => ({ ref: ref(r), park: r.parkCode, amount: r.hours })), parks, 'sum');
  const external = tally('instrument-external-hours', rows.filter((r) => r.externalHours > 0).map((r) => ({ ref: ref(r), park: r.parkCode, amount: r.externalHours })), parks, 'sum');
  const externalByPark = new Map(external.filter((f) => f.breakdown === '').map((f) => [f.park, f.value ?? 0]));
  const share: ComputedFigure[] = effective.filter((f) => f.breakdown === '').map((f) => ({
    indicator: 'instrument-share-rate', park: f.park, breakdown: '',
    value: (f.value ?? 0) > 0 ? Math.round(((externalByPark.get(f.park) ?? 0) / f.value!) * 1_000_000) / 10_000 : null, records: f.records,
  }));
  return [...effective, ...external, ...share];
}

/** Machine hours of shared instruments used in the quarter and their share rate, registered with monitoring. */
@Injectable()
export class InstrumentsIndicatorSource implements ComputedIndicatorSource, OnModuleInit {
  readonly name = 'instruments';
  readonly indicators = INSTRUMENT_INDICATORS;

  constructor(
    private readonly registry: IndicatorSourceRegistry,
    private readonly instruments: InstrumentService,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async collect(period: ReportingPeriod): Promise<ComputedFigure[]> {
    return instrumentFigures(await this.instruments.shareFiguresBetween(period.from, period.to), PARK_CODES);
  }
}
