import { useEffect, useState } from 'react';
import { api } from '../../api';
import type { components } from '../../api/schema.gen';
import { EmptyState, ErrorNotice, Loading, Notice, StatusBadge } from '../../components/feedback.component';
import { formatDateTime, formatMoney } from '../../format';
import { useI18n } from '../../i18n';
import { invalidate, useApiQuery } from '../../query';
import { Link } from '../../router';
import { useSession } from '../../session';
import { timeLeft } from './market-format';

type NoticePage = components['schemas']['NoticePageResponse'];
type NoticeView = components['schemas']['NoticeResponse'];

/** Re-render every second for a countdown. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** Deals of universities and public institutes under notice (公示), each with its countdown. */
export function MarketNoticesPage() {
  const { t, lang } = useI18n();
  const list = useApiQuery<NoticePage>('market/notices', { pageSize: 50 });
  return (
    <section aria-labelledby="notices-title">
      <h1 id="notices-title">{t('market.notices')}</h1>
      {list.isLoading && <Loading />}
      {!!list.error && <ErrorNotice error={list.error} />}
      {list.data && list.data.items.length === 0 && <EmptyState>{t('market.noticesEmpty')}</EmptyState>}
      <ul className="plain-list">
        {list.data?.items.map((n) => (
          <li key={n.id} className="card" data-testid="market-notice">
            <Link href={`/market/notices/${n.id}`}><strong>{String(n.terms.title ?? '')}</strong></Link> <StatusBadge status={n.status} />
            <div className="small muted">{t('market.notice.amount')} {formatMoney(n.amount, lang, '')}</div>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function MarketNoticePage({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const session = useSession();
  const now = useNow();
  const notice = useApiQuery<NoticeView>(`market/notices/${id}`);
  const [form, setForm] = useState({ realName: '', contactPhone: '', grounds: '', evidence: '' });
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (notice.isLoading) return <Loading />;
  if (notice.error || !notice.data) return <ErrorNotice error={notice.error} />;
  const n = notice.data;
  const left = timeLeft(n.endsAt, now);
  const lodge = async () => {
    setError(null);
    try {
      await api.post(`market/notices/${id}/objections`, form);
      setDone(true);
      await invalidate(`market/notices/${id}`);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section aria-labelledby="notice-title">
      <h1 id="notice-title">{String(n.terms.title ?? '')}</h1>
      <StatusBadge status={n.status} />
      <dl className="facts">
        <dt>{t('market.notice.amount')}</dt><dd>{formatMoney(n.amount, lang, '')}</dd>
        <dt>{t('market.notice.parties')}</dt><dd>{String(n.terms.seller ?? '')} → {String(n.terms.buyer ?? '')}</dd>
        <dt>{t('market.notice.remaining')}</dt>
        <dd data-testid="notice-countdown">
          {n.status === 'paused' ? t('market.notice.paused') : n.status === 'running' ? t('market.days', { d: left.d, h: left.h, m: left.m }) : '—'}
        </dd>
      </dl>
      <h2>{t('market.notice.objections')}</h2>
      <ul className="plain-list">
        {n.objections.map((o) => (
          <li key={o.id} className="card">
            <strong>{o.realName}</strong> <StatusBadge status={o.status} /> <span className="small muted">{formatDateTime(o.createdAt, lang)}</span>
            <p>{o.grounds}</p>
            {o.ownerAnswer && <p className="muted">{o.ownerAnswer}</p>}
            {o.decisionReason && <p className="muted">{o.decisionReason}</p>}
          </li>
        ))}
      </ul>
      {session && (n.status === 'running' || n.status === 'paused') && (
        <div className="panel">
          <h2>{t('market.notice.lodge')}</h2>
          {done && <Notice>{t('market.notice.lodged')}</Notice>}
          {!!error && <ErrorNotice error={error} />}
          {(['realName', 'contactPhone', 'grounds', 'evidence'] as const).map((k) => (
            <label key={k}>
              {t(k === 'realName' ? 'market.notice.realName' : k === 'contactPhone' ? 'market.notice.phone' : k === 'grounds' ? 'market.notice.grounds' : 'market.notice.evidence')}{' '}
              <input value={form[k]} onChange={(e) => setForm({ ...form, [k]: e.target.value })} />
            </label>
          ))}
          <button type="button" className="btn" onClick={() => void lodge()}>{t('market.notice.lodge')}</button>
        </div>
      )}
    </section>
  );
}
