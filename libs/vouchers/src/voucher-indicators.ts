import { Injectable, OnModuleInit } from '@nestjs/common';
import { ComputedFigure, ComputedIndicatorSource, IndicatorSourceRegistry, ReportingPeriod, tally } from '@techbridge/monitoring';
import { PARK_CODES } from '@techbridge/platform';
import { VoucherService } from './voucher.service';


export const VOUCHER_INDICATORS = ['vouchers-issued', 'vouchers-issued-amount', 'vouchers-redeemed-amount', 'vouchers-cross-region-amount'] as const;

interface VoucherFlow {
  voucherId: string;
  parkCode: string | null;
  amountFen: number;
  programmeRegion: string;
  providerRegion: string | null;
}

/** Vouchers issued (count and amount) and redeemed (amount; across regions apart, with the regions as breakdown), by the holder's park. */
export function voucherFigures(issued: VoucherFlow[], redeemed: VoucherFlow[], parks: readonly string[]): ComputedFigure[] {
  const ref = (f: VoucherFlow) => ({ type: 'voucher', id: f.voucherId });
  const yuan = (fen: number) => fen / 100;
  const cross = redeemed.filter((f) => f.programmeRegion !== 'HE' || (f.providerRegion !== null && f.providerRegion !== 'HE'));
  return [
    ...tally('vouchers-issued', issued.map((f) => ({ ref: ref(f), park: f.parkCode })), parks, 'count'),
    ...tally('vouchers-issued-amount', issued.map((f) => ({ ref: ref(f), park: f.parkCode, amount: yuan(f.amountFen) })), parks, 'sum'),
    ...tally('vouchers-redeemed-amount', redeemed.map((f) => ({ ref: ref(f), park: f.parkCode, amount: yuan(f.amountFen) })), parks, 'sum'),
    ...tally('vouchers-cross-region-amount', cross.map((f) => ({
      ref: ref(f), park: f.parkCode, amount: yuan(f.amountFen), breakdowns: [`flow:${f.programmeRegion}>${f.providerRegion ?? 'HE'}`],
    })), parks, 'sum'),
  ];
}

/** Vouchers issued and redeemed in the quarter, registered with monitoring (which may not import this context). */
@Injectable()
export class VouchersIndicatorSource implements ComputedIndicatorSource, OnModuleInit {
  readonly name = 'vouchers';
  readonly indicators = VOUCHER_INDICATORS;

  constructor(
    private readonly registry: IndicatorSourceRegistry,
    private readonly vouchers: VoucherService,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async collect(period: ReportingPeriod): Promise<ComputedFigure[]> {
    const { issued, redeemed } = await this.vouchers.flowsBetween(period.from, period.to);
    return voucherFigures(issued, redeemed, PARK_CODES);
  }
}
