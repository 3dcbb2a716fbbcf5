import { Injectable } from '@nestjs/common';
import { InstrumentService } from '@techbridge/instruments';
import { PARK_CODES } from '@techbridge/platform';
import { VoucherService } from '@techbridge/vouchers';
import { ComputedFigure, ComputedIndicatorSource, ReportingPeriod } from './computed-source';
import { INSTRUMENT_INDICATORS, instrumentFigures, VOUCHER_INDICATORS, voucherFigures } from './voucher-figures';

/** Vouchers issued and redeemed in the quarter, through the vouchers facade. */
@Injectable()
export class VouchersIndicatorSource implements ComputedIndicatorSource {
  readonly name = 'vouchers';
  readonly indicators = VOUCHER_INDICATORS;

  constructor(private readonly vouchers: VoucherService) {}

  async collect(period: ReportingPeriod): Promise<ComputedFigure[]> {
    const { issued, redeemed } = await this.vouchers.flowsBetween(period.from, period.to);
    return voucherFigures(issued, redeemed, PARK_CODES);
  }
}

/** Machine hours of shared instruments used in the quarter and their share rate, through the instruments facade. */
@Injectable()
export class InstrumentsIndicatorSource implements ComputedIndicatorSource {
  readonly name = 'instruments';
  readonly indicators = INSTRUMENT_INDICATORS;

  constructor(private readonly instruments: InstrumentService) {}

  async collect(period: ReportingPeriod): Promise<ComputedFigure[]> {
    return instrumentFigures(await this.instruments.shareFiguresBetween(period.from, period.to), PARK_CODES);
  }
}
