import type { components } from '../../api/schema.gen';
import { formatMoney } from '../../format';
import type { Lang, MessageKey } from '../../i18n';

export type S = components['schemas'];
export type Voucher = S['VoucherResponse'];
export type Programme = S['ProgrammeResponse'];
export type Provider = S['ProviderResponse'];
export type Instrument = S['InstrumentResponse'];
export type Booking = S['BookingResponse'];

export const CATEGORIES = ['technology-development', 'transfer-licence', 'testing-inspection', 'pilot-run', 'compute', 'evaluation', 'ip-agency', 'finance'] as const;
export const DOCUMENT_KINDS = ['contract', 'invoice', 'payment-proof', 'service-report'] as const;

/** Vouchers count in fen; people read yuan. */
export function fen(amount: number | null | undefined, lang: Lang): string {
  return amount === null || amount === undefined ? '—' : formatMoney(amount / 100, lang, '—');
}

export const categoryKey = (c: string) => `vc.cat.${c}` as MessageKey;
