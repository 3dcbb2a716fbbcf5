import { ComputedFigure, tally } from './computed-source';

export const VOUCHER_INDICATORS = ['vouchers-issued', 'vouchers-issued-amount', 'vouchers-redeemed-amount', 'vouchers-cross-region-amount'] as const;
export const INSTRUMENT_INDICATORS = ['instrument-effective-hours', 'instrument-external-hours', 'instrument-share-rate'] as const;

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
