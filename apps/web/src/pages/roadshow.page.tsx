import { FormEvent, useState } from 'react';
import { api, ApiError, hasRole, Page } from '../api';
import { CheckboxGroup, Field } from '../components/field.component';
import { EmptyState, ErrorNotice, Loading, Notice, Pagination, StatusBadge } from '../components/feedback.component';
import { formatDate, formatTime } from '../format';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { useSession } from '../session';
import { labelIndex, useTaxonomy } from '../taxonomy';
import { RoadshowAuctions } from './market/roadshow-auctions.component';
import { apiKey, invalidate, nullIfMissing, useApiQuery, useLoader } from '../query';

interface EventItem {
  kind?: string;
  id: string;
  title: string;
  description: string;
  themeIndustries: string[];
  parkCode: string | null;
  venue: string | null;
  onlineLink: string | null;
  startsAt: string;
  endsAt: string;
  capacity: number;
  registrationOpensAt: string;
  registrationClosesAt: string;
  status: string;
}
interface Presentation {
  id: string;
  title: string;
  industry: string;
  startsAt: string | null;
  endsAt: string | null;
}
interface Agenda {
  sessions: Array<{ id: string; theme: string; room: number; startsAt: string; endsAt: string; presentations: Presentation[] }>;
}
interface Participant {
  status: string;
  waitlistPosition: number | null;
}
interface Meeting {
  id: string;
  presentationId: string;
  table: number;
  startsAt: string;
  endsAt: string;
  status: string;
}
interface MySchedule {
  meetings: Meeting[];
  presentations: Presentation[];
}

const PAGE_SIZE = 10;


export function RoadshowListPage() {
  const { t, lang, pick } = useI18n();
  const session = useSession();
  const labels = labelIndex(useTaxonomy());
  const [page, setPage] = useState(1);
  const [organising, setOrganising] = useState(false);
  const list = useApiQuery<Page<EventItem>>('roadshows', { page, pageSize: PAGE_SIZE });
  const mayOrganise = hasRole(session, 'broker') || (hasRole(session, 'org-admin') && ['transfer-institution', 'park-administration'].includes(session?.organisation.type ?? ''));
  return (
    <section aria-labelledby="roadshows-title">
      <div className="ws-head">
        <h1 id="roadshows-title">{t('roadshow.title')}</h1>
        {mayOrganise && (
          <button type="button" className="btn btn--primary" aria-expanded={organising} onClick={() => setOrganising((x) => !x)}>
            {t('roadshow.organise')}
          </button>
        )}
      </div>
      {organising && (
        <EventForm
          onCreated={() => {
            setOrganising(false);
            void invalidate('roadshows');
          }}
        />
      )}
      {list.isLoading && <Loading />}
      {!!list.error && <ErrorNotice error={list.error} onRetry={list.refetch} />}
      {list.data && list.data.items.length === 0 && <EmptyState>{t('home.roadshowsEmpty')}</EmptyState>}
      {list.data && (
        <ul className="cards">
          {list.data.items.map((e) => (
            <li key={e.id} className="card" data-testid="roadshow-card">
              <div className="card__head">
                <h2 className="card__title">
                  <Link href={`/roadshows/${e.id}`}>{e.title}</Link>
                </h2>
                <StatusBadge status={e.status} />
              </div>
              <p className="card__meta">
                <span>{formatDate(e.startsAt, lang)}</span>
                {e.parkCode && <span className="tag">{pick(labels.get(`park:${e.parkCode}`)) || e.parkCode}</span>}
                {e.themeIndustries.map((i) => (
                  <span key={i} className="tag">
                    {pick(labels.get(`industry:${i}`)) || i}
                  </span>
                ))}
                {e.venue && <span>{e.venue}</span>}
              </p>
            </li>
          ))}
        </ul>
      )}
      {list.data && <Pagination page={page} pageSize={PAGE_SIZE} total={list.data.total} onPage={setPage} />}
    </section>
  );
}

export function RoadshowPage({ id }: { id: string }) {
  const { t, lang, pick } = useI18n();
  const session = useSession();
  const labels = labelIndex(useTaxonomy());
  const event = useApiQuery<EventItem>(`roadshows/${id}`);
  const agenda = useLoader(apiKey(`roadshows/${id}/agenda`), () => api.get<Agenda>(`roadshows/${id}/agenda`).catch(() => null));
  // Enterprises rank presenters before registration closes, when the agenda is not built yet: the accepted programme.
  const programme = useLoader(apiKey(`roadshows/${id}/presentations`), () => api.get<Array<Presentation & { status: string }>>(`roadshows/${id}/presentations`).catch(() => []));
  // Enterprises attend technology roadshows, verified investment funds investor roadshows (the API checks which).
  const enterprise = session?.organisation.type === 'enterprise' || session?.organisation.type === 'investment-fund';
  const me = useLoader(apiKey(`roadshows/${id}/participants/me`), () => nullIfMissing(api.get<Participant>(`roadshows/${id}/participants/me`)), { enabled: enterprise });
  const schedule = useLoader(apiKey(`roadshows/${id}/my-schedule`), () => api.get<MySchedule>(`roadshows/${id}/my-schedule`).catch(() => null), { enabled: !!session });
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const registered = me.data?.status === 'registered';
  const requests = useLoader(apiKey(`roadshows/${id}/meeting-requests`), () => api.get<Array<{ presentationId: string; kind: string }>>(`roadshows/${id}/meeting-requests`).catch(() => []), {
    enabled: registered,
  });
  const rank = async (presentationId: string, kind: 'must-meet' | 'would-like') => {
    try {
      await api.post(`roadshows/${id}/meeting-requests`, { presentationId, kind });
      void invalidate(`roadshows/${id}/meeting-requests`);
    } catch (err) {
      setMessage({ kind: 'error', text: err instanceof ApiError ? err.message : String(err) });
    }
  };

  if (event.isLoading) return <Loading />;
  if (event.error || !event.data) return <ErrorNotice error={event.error} onRetry={event.refetch} />;
  const e = event.data;
  const register = async () => {
    try {
      const p = await api.post<Participant>(`roadshows/${id}/participants`, { industries: e.themeIndustries, waitlist: true });
      setMessage({ kind: 'success', text: p.waitlistPosition ? t('roadshow.waitlisted', { position: p.waitlistPosition }) : t('roadshow.registered') });
      void invalidate(`roadshows/${id}`);
    } catch (err) {
      setMessage({ kind: 'error', text: err instanceof ApiError ? err.message : String(err) });
    }
  };
  const presentationTitle = (pid: string) =>
    agenda.data?.sessions.flatMap((s) => s.presentations).find((p) => p.id === pid)?.title ?? programme.data?.find((p) => p.id === pid)?.title ?? pid.slice(0, 8);
  const accepted = (programme.data ?? []).filter((p) => p.status === 'accepted');
  const rankButtons = (p: Presentation) => {
    const requested = requests.data?.find((r) => r.presentationId === p.id);
    if (!registered) return null;
    return (
      <span className="rank-buttons">
        {requested ? (
          <span className="tag" data-testid="meeting-request">{t(requested.kind === 'must-meet' ? 'roadshow.mustMeet' : 'roadshow.wouldLike')}</span>
        ) : (
          <>
            <button type="button" className="btn btn--small" onClick={() => rank(p.id, 'must-meet')} aria-label={`${t('roadshow.mustMeet')}: ${p.title}`}>
              {t('roadshow.mustMeet')}
            </button>
            <button type="button" className="btn btn--small btn--ghost" onClick={() => rank(p.id, 'would-like')} aria-label={`${t('roadshow.wouldLike')}: ${p.title}`}>
              {t('roadshow.wouldLike')}
            </button>
          </>
        )}
      </span>
    );
  };

  return (
    <article aria-labelledby="detail-title">
      <p className="breadcrumb">
        <Link href="/roadshows">{t('roadshow.title')}</Link>
      </p>
      <h1 id="detail-title">{e.title}</h1>
      <p className="card__meta">
        <StatusBadge status={e.status} />
        <span>
          {formatDate(e.startsAt, lang)} {formatTime(e.startsAt)}–{formatTime(e.endsAt)}
        </span>
        {e.parkCode && <span className="tag">{pick(labels.get(`park:${e.parkCode}`)) || e.parkCode}</span>}
        {e.venue && <span>{e.venue}</span>}
        <span>{t('home.registrationCloses', { date: formatDate(e.registrationClosesAt, lang) })}</span>
      </p>
      <p className="prewrap">{e.description}</p>
      <RoadshowAuctions eventId={e.id} />
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      {enterprise && (e.kind === 'investor') === (session?.organisation.type === 'investment-fund') && e.status === 'registration-open' && !me.data && (
        <button type="button" className="btn btn--primary" onClick={register}>
          {t(session?.organisation.type === 'investment-fund' ? 'fin.roadshow.register' : 'roadshow.register')}
        </button>
      )}
      {me.data && (
        <p>
          {t('roadshow.myStatus')}{t('common.colon')}<strong data-testid="participant-status">{t(`participant.${me.data.status}` as 'participant.registered')}</strong>
          {me.data.waitlistPosition ? ` · ${t('roadshow.waitlisted', { position: me.data.waitlistPosition })}` : ''}
        </p>
      )}
      {!session && (
        <p className="muted">
          <Link href={`/sign-in?next=/roadshows/${id}`}>{t('nav.signIn')}</Link> · {t('roadshow.signInToRegister')}
        </p>
      )}

      <h2>{t('roadshow.agenda')}</h2>
      {agenda.data && agenda.data.sessions.length > 0 ? (
        agenda.data.sessions.map((s) => (
          <section key={s.id} className="panel" aria-label={s.theme}>
            <h3>
              {pick(labels.get(`industry:${s.theme}`) ?? null) || s.theme} · {t('roadshow.room', { room: s.room + 1 })} · {formatTime(s.startsAt)}–{formatTime(s.endsAt)}
            </h3>
            <ol>
              {s.presentations.map((p) => (
                <li key={p.id}>
                  <span className="muted small">{formatTime(p.startsAt)}</span> {p.title}
                  {rankButtons(p)}
                </li>
              ))}
            </ol>
          </section>
        ))
      ) : (
        <>
          <p className="muted">{t('roadshow.agendaEmpty')}</p>
          {accepted.length > 0 && (
            <section className="panel" aria-labelledby="programme-title">
              <h3 id="programme-title">{t('roadshow.programme')}</h3>
              {registered && <p className="small muted">{t('roadshow.rankHint')}</p>}
              <ul>
                {accepted.map((p) => (
                  <li key={p.id} data-testid="programme-item">
                    {p.title} <span className="muted small">{pick(labels.get(`industry:${p.industry}`) ?? null)}</span>
                    {rankButtons(p)}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}

      {schedule.data && (schedule.data.meetings.length > 0 || schedule.data.presentations.length > 0) && (
        <>
          <div className="ws-head">
            <h2>{t('roadshow.mySchedule')}</h2>
            <button type="button" className="btn btn--small" onClick={() => void api.openFile(`roadshows/${id}/my-schedule.ics`, 'roadshow-schedule.ics').catch(() => undefined)}>
              {t('roadshow.downloadIcs')}
            </button>
          </div>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('roadshow.time')}</th>
                <th scope="col">{t('roadshow.table')}</th>
                <th scope="col">{t('roadshow.with')}</th>
              </tr>
            </thead>
            <tbody>
              {schedule.data.meetings.map((m) => (
                <tr key={m.id}>
                  <td>
                    {formatTime(m.startsAt)}–{formatTime(m.endsAt)}
                  </td>
                  <td>{m.table}</td>
                  <td>{presentationTitle(m.presentationId)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </article>
  );
}

/** Days and hours are Beijing wall-clock times, as organisers think of them; the API takes them as such. */
function EventForm({ onCreated }: { onCreated: () => void }) {
  const { t, pick } = useI18n();
  const taxonomy = useTaxonomy();
  // Registration opens from the start of a Beijing day (today by default), so it is open as soon as the event is.
  const todayInBeijing = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const [f, setF] = useState({
    title: '', description: '', parkCode: '', venue: '', date: '', opensAt: '09:00', closesAt: '12:00', slotMinutes: '20', tableCount: '4', capacity: '30',
    registrationOpensOn: todayInBeijing, registrationClosesOn: '',
  });
  const [industries, setIndustries] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    try {
      const created = await api.post<EventItem>('roadshows', {
        title: f.title.trim(),
        ...(f.description.trim() ? { description: f.description.trim() } : {}),
        themeIndustries: industries,
        ...(f.parkCode ? { parkCode: f.parkCode } : {}),
        ...(f.venue.trim() ? { venue: f.venue.trim() } : {}),
        days: f.date ? [{ date: f.date, opensAt: f.opensAt, closesAt: f.closesAt }] : [],
        slotMinutes: Number(f.slotMinutes),
        tableCount: Number(f.tableCount),
        capacity: Number(f.capacity),
        registrationOpensAt: f.registrationOpensOn ? `${f.registrationOpensOn}T00:00:00+08:00` : '',
        registrationClosesAt: f.registrationClosesOn ? `${f.registrationClosesOn}T23:59:00+08:00` : '',
      });
      await api.post(`roadshows/${created.id}/transitions`, { action: 'open-registration' }).catch(() => undefined);
      onCreated();
    } catch (err) {
      if (err instanceof ApiError) {
        const fe = err.fieldErrors();
        // days[0].date and the like land on the single day's inputs.
        for (const [k, v] of Object.entries(fe)) if (k.startsWith('days')) fe[k.split('.').pop() === 'date' || k === 'days' ? 'date' : k.split('.').pop()!] = v;
        if (fe.registrationClosesAt) fe.registrationClosesOn = fe.registrationClosesAt;
        if (fe.registrationOpensAt) fe.registrationOpensOn = fe.registrationOpensAt;
        setErrors(fe);
        setMessage(err.message);
      } else setMessage(String(err));
    }
  };

  const input = (k: keyof typeof f, label: string, type = 'text', required = false) => (
    <Field label={label} error={errors[k]} required={required}>
      {(p) => <input id={p.id} type={type} value={f[k]} onChange={set(k)} aria-describedby={p.describedBy} aria-invalid={p.invalid} />}
    </Field>
  );
  return (
    <form className="form form--two panel" onSubmit={submit} noValidate aria-label={t('roadshow.organise')}>
      {message && (
        <div className="form__full">
          <Notice kind="error">{message}</Notice>
        </div>
      )}
      <div className="form__full">{input('title', t('roadshow.eventTitle'), 'text', true)}</div>
      <div className="form__full">
        <Field label={t('roadshow.description')} error={errors.description}>
          {(p) => <textarea id={p.id} rows={3} value={f.description} onChange={set('description')} aria-describedby={p.describedBy} aria-invalid={p.invalid} />}
        </Field>
      </div>
      <div className="form__full">
        <CheckboxGroup legend={t('roadshow.themes')} name="themeIndustries" options={taxonomy.industries.map((i) => ({ code: i.code, label: pick(i) }))} value={industries} onChange={setIndustries} error={errors.themeIndustries} />
      </div>
      <Field label={t('demand.park')} error={errors.parkCode}>
        {(p) => (
          <select id={p.id} value={f.parkCode} onChange={set('parkCode')} aria-describedby={p.describedBy} aria-invalid={p.invalid}>
            <option value="">{t('common.none')}</option>
            {taxonomy.parks.map((x) => (
              <option key={x.code} value={x.code}>
                {pick(x)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {input('venue', t('roadshow.venue'))}
      {input('date', t('roadshow.date'), 'date', true)}
      {input('registrationOpensOn', t('roadshow.registrationOpensOn'), 'date', true)}
      {input('registrationClosesOn', t('roadshow.registrationClosesOn'), 'date', true)}
      {input('opensAt', t('roadshow.opensAt'), 'time', true)}
      {input('closesAt', t('roadshow.closesAt'), 'time', true)}
      {input('slotMinutes', t('roadshow.slotMinutes'), 'number', true)}
      {input('tableCount', t('roadshow.tableCount'), 'number', true)}
      {input('capacity', t('roadshow.capacity'), 'number', true)}
      <div className="form__actions form__full">
        <button type="submit" className="btn btn--primary">
          {t('roadshow.create')}
        </button>
      </div>
    </form>
  );
}
