import { FormEvent, useState } from 'react';
import { api, API_BASE, Page } from '../../api';
import { Field } from '../../components/field.component';
import { EmptyState, ErrorNotice, Loading, Notice, StatusBadge } from '../../components/feedback.component';
import { formatDateTime, formatMoney } from '../../format';
import { useI18n } from '../../i18n';
import { invalidate, useApiQuery } from '../../query';
import { useSession } from '../../session';
import { Booking, fen, Instrument, Voucher } from './voucher-shared';

/** Shared instruments: find and book one; my bookings (pay with a voucher); the owner's bookings (approve, record use, cash). */
export function InstrumentsPage() {
  const { t, lang } = useI18n();
  const session = useSession();
  const list = useApiQuery<Page<Instrument>>('instruments', { pageSize: 50 });
  const [booking, setBooking] = useState<string | null>(null);
  const [calendar, setCalendar] = useState<string | null>(null);
  return (
    <section aria-labelledby="in-title">
      <h1 id="in-title">{t('in.title')}</h1>
      {list.isLoading && <Loading />}
      {!!list.error && <ErrorNotice error={list.error} onRetry={list.refetch} />}
      {list.data && list.data.items.length === 0 && <EmptyState>{t('in.empty')}</EmptyState>}
      <ul className="cards">
        {list.data?.items.map((i) => (
          <li key={i.id} className="card" data-testid="instrument">
            <div className="card__head">
              <h3 className="card__title">{i.name}（{i.model}）</h3>
              {i.trainingRequired && <span className="tag">{t('in.training')}</span>}
            </div>
            {i.photoIds[0] && <img className="card__photo" src={`${API_BASE}/instruments/${i.id}/photos/${i.photoIds[0]}`} alt={t('in.photoAlt', { name: i.name })} loading="lazy" />}
            <p className="card__meta">
              <span>{i.location}</span>
              <span>{t('in.value', { value: formatMoney(i.originalValue, lang, '—') })}</span>
            </p>
            <ul>
              {i.serviceItems.map((s) => (
                <li key={s.id} className="small">{s.name}：{t('in.price', { internal: s.internalPrice, external: s.externalPrice, unit: t(`in.unit.${s.unit}` as never) })}</li>
              ))}
            </ul>
            <div className="card__actions">
              {session && <button type="button" className="btn btn--primary" onClick={() => setBooking(booking === i.id ? null : i.id)}>{t('in.book')}</button>}
              <button type="button" className="btn" aria-expanded={calendar === i.id} onClick={() => setCalendar(calendar === i.id ? null : i.id)}>{t('in.calendar')}</button>
            </div>
            {calendar === i.id && <Calendar instrument={i} />}
            {booking === i.id && <BookForm instrument={i} onDone={() => setBooking(null)} />}
          </li>
        ))}
      </ul>
      {session && <MyBookings />}
      {session && ['university', 'institute', 'enterprise'].includes(session.organisation.type) && <OwnerBookings />}
    </section>
  );
}

/** The next two weeks: opening hours and the periods already taken (who booked is not shown). */
function Calendar({ instrument }: { instrument: Instrument }) {
  const { t, lang } = useI18n();
  const [from] = useState(() => new Date());
  const cal = useApiQuery<{ availability: Array<{ weekday: number; from: string; to: string }>; taken: Array<{ start: string; end: string; status: string }> }>(
    `instruments/${instrument.id}/calendar`, { from: from.toISOString(), to: new Date(from.getTime() + 14 * 86_400_000).toISOString() },
  );
  if (!cal.data) return null;
  return (
    <div data-testid="instrument-calendar">
      {cal.data.availability.length > 0 && (
        <p className="small">{cal.data.availability.map((w) => `${t(`in.weekday.${w.weekday}` as never)} ${w.from}–${w.to}`).join('；')}</p>
      )}
      {cal.data.taken.length === 0 ? <p className="small muted">{t('in.calendarEmpty')}</p> : (
        <ul>
          {cal.data.taken.map((x) => <li key={x.start} className="small">{formatDateTime(x.start, lang)} – {formatDateTime(x.end, lang)} <StatusBadge status={x.status} /></li>)}
        </ul>
      )}
    </div>
  );
}

function BookForm({ instrument, onDone }: { instrument: Instrument; onDone: () => void }) {
  const { t } = useI18n();
  const [f, setF] = useState({ serviceItemId: instrument.serviceItems[0]?.id ?? '', start: '', end: '' });
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      // datetime-local is wall-clock time in Beijing for the zone's users.
      const instant = (v: string) => new Date(`${v}:00+08:00`).toISOString();
      await api.post(`instruments/${instrument.id}/bookings`, { serviceItemId: f.serviceItemId, start: instant(f.start), end: instant(f.end) });
      void invalidate('instrument-bookings');
      onDone();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className="form" onSubmit={submit} aria-label={t('in.bookTitle', { name: instrument.name })} data-testid="book-instrument">
      <Field label={t('in.item')} required>
        {({ id }) => (
          <select id={id} name="serviceItemId" value={f.serviceItemId} onChange={(e) => setF({ ...f, serviceItemId: e.target.value })}>
            {instrument.serviceItems.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
        )}
      </Field>
      <Field label={t('in.start')} required>{({ id }) => <input id={id} name="start" type="datetime-local" value={f.start} onChange={(e) => setF({ ...f, start: e.target.value })} required />}</Field>
      <Field label={t('in.end')} required>{({ id }) => <input id={id} name="end" type="datetime-local" value={f.end} onChange={(e) => setF({ ...f, end: e.target.value })} required />}</Field>
      {!!error && <ErrorNotice error={error} />}
      <button type="submit" className="btn btn--primary">{t('in.book')}</button>
    </form>
  );
}

function MyBookings() {
  const { t, lang } = useI18n();
  const list = useApiQuery<Page<Booking>>('instrument-bookings', { as: 'booker', pageSize: 50 });
  const vouchers = useApiQuery<Page<Voucher>>('vouchers', { as: 'enterprise', status: 'issued', pageSize: 50 });
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const act = async (path: string, body: unknown = {}) => {
    setError(null);
    try {
      await api.post(path, body);
      setNotice(t('in.paid'));
      void invalidate('instrument-bookings', 'vouchers');
    } catch (e) {
      setError(e);
    }
  };
  return (
    <>
      <h2>{t('in.mine')}</h2>
      {!!error && <ErrorNotice error={error} />}
      {notice && <Notice>{notice}</Notice>}
      {list.data && list.data.items.length === 0 && <EmptyState>{t('in.mineEmpty')}</EmptyState>}
      <ul className="cards">
        {list.data?.items.map((b) => (
          <li key={b.id} className="card" data-testid="my-booking" data-status={b.status}>
            <div className="card__head">
              <h3 className="card__title">{formatDateTime(b.start, lang)} – {formatDateTime(b.end, lang)}</h3>
              <StatusBadge status={b.status} />
            </div>
            {b.amount !== null && <p className="card__meta">{t('in.amount', { amount: formatMoney(b.amount, lang, '—') })}</p>}
            <div className="card__actions">
              {b.allowedActions.includes('cancel') && <button type="button" className="btn" onClick={() => act(`instrument-bookings/${b.id}/cancellation`)}>{t('in.cancel')}</button>}
              {b.status === 'used' && (
                <>
                  <label className="visually-hidden" htmlFor={`voucher-${b.id}`}>{t('in.chooseVoucher')}</label>
                  <select id={`voucher-${b.id}`} name="voucherId" value={chosen[b.id] ?? ''} onChange={(e) => setChosen({ ...chosen, [b.id]: e.target.value })}>
                    <option value="">{t('in.chooseVoucher')}</option>
                    {vouchers.data?.items.map((v) => <option key={v.id} value={v.id}>{fen(v.amountFen, lang)}</option>)}
                  </select>
                  <button type="button" className="btn btn--primary" disabled={!chosen[b.id]} onClick={() => act(`instrument-bookings/${b.id}/payment`, { method: 'voucher', voucherId: chosen[b.id] })}>
                    {t('in.payVoucher')}
                  </button>
                </>
              )}
              {b.status === 'paid' && [5, 4].map((r) => <button key={r} type="button" className="btn" onClick={() => act(`instrument-bookings/${b.id}/rating`, { rating: r })}>{t('vc.rate')} {r}</button>)}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}

function OwnerBookings() {
  const { t, lang } = useI18n();
  const list = useApiQuery<Page<Booking>>('instrument-bookings', { as: 'owner', pageSize: 50 });
  const [hours, setHours] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const act = async (path: string, body: unknown = {}) => {
    setError(null);
    try {
      await api.post(path, body);
      void invalidate('instrument-bookings');
    } catch (e) {
      setError(e);
    }
  };
  return (
    <>
      <h2>{t('in.owned')}</h2>
      {!!error && <ErrorNotice error={error} />}
      {list.data && list.data.items.length === 0 && <EmptyState>{t('in.ownedEmpty')}</EmptyState>}
      <ul className="cards">
        {list.data?.items.map((b) => (
          <li key={b.id} className="card" data-testid="owner-booking" data-status={b.status}>
            <div className="card__head">
              <h3 className="card__title">{formatDateTime(b.start, lang)} – {formatDateTime(b.end, lang)}</h3>
              <StatusBadge status={b.status} />
            </div>
            <div className="card__actions">
              {b.allowedActions.includes('approve') && <button type="button" className="btn btn--primary" onClick={() => act(`instrument-bookings/${b.id}/approval`)}>{t('in.approve')}</button>}
              {b.allowedActions.includes('no-show') && <button type="button" className="btn" onClick={() => act(`instrument-bookings/${b.id}/no-show`)}>{t('in.noShow')}</button>}
              {b.allowedActions.includes('use') && (
                <>
                  <label htmlFor={`hours-${b.id}`}>{t('in.hours')}</label>
                  <input id={`hours-${b.id}`} name="actualHours" type="number" step="0.5" min="0" value={hours[b.id] ?? ''} onChange={(e) => setHours({ ...hours, [b.id]: e.target.value })} />
                  <button type="button" className="btn" disabled={!hours[b.id]} onClick={() => act(`instrument-bookings/${b.id}/use`, { actualHours: Number(hours[b.id]) })}>{t('in.recordUse')}</button>
                </>
              )}
              {b.status === 'used' && <button type="button" className="btn" onClick={() => act(`instrument-bookings/${b.id}/payment`, { method: 'cash' })}>{t('in.payCash')}</button>}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
