import { useState } from 'react';
import { api, ApiError, hasRole, Page } from '../api';
import { EmptyState, ErrorNotice, Loading, Notice, Pagination, StatusBadge } from '../components/feedback.component';
import { RequireSession } from '../components/require-session.component';
import { Tabs } from '../components/tabs.component';
import { formatDate, formatMoney } from '../format';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { invalidate, useApiQuery } from '../query';

const PAGE_SIZE = 20;
const DAY_MS = 86_400_000;

interface Party {
  name: string;
  region: string;
}
interface ContractItem {
  id: string;
  title: string;
  typeName: { zh: string; en: string };
  seller: Party;
  buyer: Party;
  contractAmount: number;
  technologyAmount: number;
  signedOn: string;
  status: string;
  deadlineAt: string | null;
  checkProblems: Array<{ field?: string; message: string }>;
  registrationNumber: string | null;
  registeredAt: string | null;
}

/** Registration queue first by deadline (the statutory clock), undated last. */
export function byDeadline(a: { deadlineAt: string | null }, b: { deadlineAt: string | null }): number {
  const ta = a.deadlineAt ? Date.parse(a.deadlineAt) : Number.POSITIVE_INFINITY;
  const tb = b.deadlineAt ? Date.parse(b.deadlineAt) : Number.POSITIVE_INFINITY;
  return ta - tb;
}

export function ContractsWorkspace() {
  return (
    <RequireSession>
      <Contracts />
    </RequireSession>
  );
}

function Contracts() {
  const { t } = useI18n();
  const session = useSession();
  const reviewer = hasRole(session, 'reviewer') && (session?.organisation.type === 'registration-institution' || hasRole(session, 'platform-admin'));
  const [scope, setScope] = useState<'review' | 'party'>(reviewer ? 'review' : 'party');
  const [page, setPage] = useState(1);
  const [notice, setNotice] = useState<string | null>(null);
  const list = useApiQuery<Page<ContractItem>>('contracts', { scope, page, pageSize: PAGE_SIZE });
  const items = list.data ? [...list.data.items].sort(scope === 'review' ? byDeadline : () => 0) : [];

  return (
    <section aria-labelledby="ws-title">
      <h1 id="ws-title">{t('ws.contracts.title')}</h1>
      {reviewer && (
        <Tabs<'review' | 'party'>
          label={t('ws.contracts.title')}
          selected={scope}
          onSelect={(s) => {
            setScope(s);
            setPage(1);
          }}
          tabs={[
            { key: 'review', label: t('ws.contracts.review') },
            { key: 'party', label: t('ws.contracts.party') },
          ]}
        />
      )}
      {notice && <Notice>{notice}</Notice>}
      {list.isLoading && <Loading />}
      {!!list.error && <ErrorNotice error={list.error} onRetry={list.refetch} />}
      {list.data && items.length === 0 && <EmptyState>{scope === 'review' ? t('ws.contracts.emptyReview') : t('ws.contracts.emptyParty')}</EmptyState>}
      {items.length > 0 && (
        <ul className="cards">
          {items.map((c) => (
            <ContractCard
              key={c.id}
              c={c}
              review={scope === 'review'}
              onDone={() => {
                setNotice(t('ws.contracts.done', { title: c.title }));
                void invalidate('contracts');
              }}
            />
          ))}
        </ul>
      )}
      {list.data && <Pagination page={page} pageSize={PAGE_SIZE} total={list.data.total} onPage={setPage} />}
    </section>
  );
}

function ContractCard({ c, review, onDone }: { c: ContractItem; review: boolean; onDone: () => void }) {
  const { t, lang, pick } = useI18n();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const reasonId = `reason-${c.id}`;
  // Days left as of when the card appeared: a count that ticks while the reviewer reads would only distract.
  const [now] = useState(() => Date.now());
  const daysLeft = c.deadlineAt ? Math.ceil((Date.parse(c.deadlineAt) - now) / DAY_MS) : null;

  const act = async (path: 'registration' | 'return' | 'refusal') => {
    setError(null);
    if (path !== 'registration' && reason.trim().length < 2) {
      setError(t('ws.contracts.reasonHint'));
      return;
    }
    try {
      const body = path === 'return' ? { reasons: [{ message: reason.trim() }] } : path === 'refusal' ? { reason: reason.trim() } : {};
      await api.post(`contracts/${c.id}/${path}`, body);
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };

  const certificate = async () => {
    try {
      await api.openFile(`contracts/${c.id}/certificate.pdf`, `${c.registrationNumber ?? c.id}.pdf`);
    } catch (e) {
      setError(String(e));
    }
  };

  return (
    <li className="card" data-testid="contract-item" data-status={c.status}>
      <div className="card__head">
        <h2 className="card__title">{c.title}</h2>
        <StatusBadge status={c.status} />
      </div>
      <p className="card__meta">
        <span className="tag">{pick(c.typeName)}</span>
        <span>
          {t('ws.contracts.seller')}{t('common.colon')}{c.seller.name} ({t(`region.${c.seller.region}` as 'region.other')})
        </span>
        <span>
          {t('ws.contracts.buyer')}{t('common.colon')}{c.buyer.name} ({t(`region.${c.buyer.region}` as 'region.other')})
        </span>
      </p>
      <p className="card__meta">
        <span>
          {t('ws.contracts.amount')}{t('common.colon')}<strong>{formatMoney(c.contractAmount, lang, '')}</strong>
        </span>
        <span>
          {t('ws.contracts.technologyAmount')}{t('common.colon')}<strong>{formatMoney(c.technologyAmount, lang, '')}</strong>
        </span>
        {c.deadlineAt && (
          <span className={daysLeft !== null && daysLeft < 0 ? 'overdue' : undefined}>
            {t('ws.contracts.deadline')}{t('common.colon')}{formatDate(c.deadlineAt, lang)} · {daysLeft !== null && daysLeft < 0 ? t('ws.contracts.overdue') : t('ws.contracts.daysLeft', { days: daysLeft ?? 0 })}
          </span>
        )}
      </p>
      {c.checkProblems.length > 0 && (
        <ul className="warnings" aria-label={t('ws.contracts.checkProblems')}>
          {c.checkProblems.map((p, i) => (
            <li key={i}>⚠ {p.message}</li>
          ))}
        </ul>
      )}
      {c.registrationNumber && (
        <p>
          {t('ws.contracts.registrationNumber')}{t('common.colon')}<strong>{c.registrationNumber}</strong>{' '}
          <button type="button" className="btn btn--small" onClick={certificate}>
            {t('ws.contracts.certificate')}
          </button>
        </p>
      )}
      {review && c.status === 'under-review' && (
        <>
          <div className="field">
            <label htmlFor={reasonId}>{t('ws.contracts.reason')}</label>
            <textarea id={reasonId} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} aria-describedby={`${reasonId}-hint`} aria-invalid={!!error} />
            <p className="field__hint" id={`${reasonId}-hint`}>
              {t('ws.contracts.reasonHint')}
            </p>
          </div>
          <div className="card__actions">
            <button type="button" className="btn btn--primary" onClick={() => act('registration')}>
              {t('ws.contracts.register')}
            </button>
            <button type="button" className="btn" onClick={() => act('return')}>
              {t('ws.contracts.return')}
            </button>
            <button type="button" className="btn" onClick={() => act('refusal')}>
              {t('ws.contracts.refuse')}
            </button>
          </div>
        </>
      )}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
