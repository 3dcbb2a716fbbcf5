import { FormEvent, useState } from 'react';
import { api } from '../../api';
import type { components } from '../../api/schema.gen';
import { EmptyState, ErrorNotice, Loading, Notice } from '../../components/feedback.component';
import { useI18n } from '../../i18n';
import { invalidate, useApiQuery } from '../../query';
import { Link } from '../../router';
import { useSession } from '../../session';

type ThreeLists = components['schemas']['ThreeListsResponse'];
type Item = components['schemas']['ListItemResponse'];
const KINDS = ['docking', 'measure', 'landing'] as const;
const pct = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${Math.round(x * 1000) / 10}%`);

/** A park administration keeps its three lists of a year: adds items, moves them along, sees what counts. */
export function ThreeListsPage() {
  const { t } = useI18n();
  const session = useSession();
  const park = session?.organisation.type === 'park-administration' ? session.organisation.parkCode : null;
  const [year, setYear] = useState(new Date().getFullYear());
  if (!park) return <EmptyState>{t('lists.parkOnly')}</EmptyState>;
  return (
    <section aria-labelledby="lists-title">
      <h1 id="lists-title">{t('lists.title')}</h1>
      <p className="muted">
        {t('lists.lead')} <Link href={`/parks/${park}`}>{t('parkPage.link')}</Link>
      </p>
      <label className="inline-field">
        {t('lists.year')}
        <input type="number" min={2016} max={2100} value={year} onChange={(e) => setYear(Number(e.target.value))} aria-label={t('lists.year')} />
      </label>
      <Lists park={park} year={year} />
    </section>
  );
}

function Lists({ park, year }: { park: string; year: number }) {
  const { t } = useI18n();
  const path = `parks/${park}/three-lists/${year}`;
  const lists = useApiQuery<ThreeLists>(path);
  const [error, setError] = useState<unknown>(null);
  const step = async (item: Item, action: 'start' | 'complete' | 'drop') => {
    setError(null);
    try {
      await api.post(`three-list-items/${item.id}/steps`, { action });
      await invalidate(path);
    } catch (e) {
      setError(e);
    }
  };
  if (lists.isLoading) return <Loading />;
  if (lists.error) return <ErrorNotice error={lists.error} onRetry={lists.refetch} />;
  const data = lists.data!;
  return (
    <>
      <p data-testid="lists-overall">{t('lists.overall', { value: pct(data.overall) })}</p>
      {!!error && <ErrorNotice error={error} />}
      {KINDS.map((kind) => {
        const summary = data.lists.find((l) => l.kind === kind);
        const items = data.items.filter((i) => i.kind === kind);
        return (
          <div key={kind} className="panel" data-testid={`list-${kind}`}>
            <h2>
              {t(`lists.kind.${kind}`)} · {t('lists.completion')} {pct(summary?.ratio)}
            </h2>
            {items.length === 0 && <p className="empty">{t('lists.empty')}</p>}
            <ul>
              {items.map((i) => (
                <li key={i.id} data-testid="list-item">
                  <strong>{i.title}</strong> · {t(`lists.status.${i.status}`)}
                  {i.owner && ` · ${i.owner}`}
                  {i.dueDate && ` · ${i.dueDate}`}
                  {i.kind === 'landing' && i.status === 'done' && <span className="small muted"> · {i.counts ? t('lists.counts') : t('lists.notCounted')}</span>}{' '}
                  {i.status === 'planned' && (
                    <button type="button" className="btn btn--small" onClick={() => step(i, 'start')}>
                      {t('lists.start')}
                    </button>
                  )}
                  {i.status === 'in-progress' && (
                    <button type="button" className="btn btn--small" onClick={() => step(i, 'complete')}>
                      {t('lists.complete')}
                    </button>
                  )}
                  {(i.status === 'planned' || i.status === 'in-progress') && (
                    <button type="button" className="btn btn--ghost btn--small" onClick={() => step(i, 'drop')}>
                      {t('lists.drop')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
      <AddItem path={path} />
    </>
  );
}

function AddItem({ path }: { path: string }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<(typeof KINDS)[number]>('docking');
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [contractId, setContractId] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setDone(false);
    try {
      await api.post(`${path}/items`, {
        kind, title, ...(kind === 'measure' ? { owner, dueDate } : {}), ...(kind === 'landing' && contractId ? { contractId } : {}),
      });
      setTitle('');
      setDone(true);
      await invalidate(path);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className="panel" onSubmit={submit} aria-label={t('lists.add')}>
      <h2>{t('lists.add')}</h2>
      {!!error && <ErrorNotice error={error} />}
      {done && <Notice>{t('lists.added')}</Notice>}
      <label>
        {t('lists.kind')}
        <select value={kind} onChange={(e) => setKind(e.target.value as (typeof KINDS)[number])} name="kind">
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`lists.kind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('lists.itemTitle')}
        <input value={title} onChange={(e) => setTitle(e.target.value)} name="title" required minLength={2} maxLength={200} />
      </label>
      {kind === 'measure' && (
        <>
          <label>
            {t('lists.owner')}
            <input value={owner} onChange={(e) => setOwner(e.target.value)} name="owner" required />
          </label>
          <label>
            {t('lists.dueDate')}
            <input type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} name="dueDate" required />
          </label>
        </>
      )}
      {kind === 'landing' && (
        <label>
          {t('lists.contractId')}
          <input value={contractId} onChange={(e) => setContractId(e.target.value)} name="contractId" />
        </label>
      )}
      <button type="submit" className="btn">
        {t('lists.add')}
      </button>
    </form>
  );
}
