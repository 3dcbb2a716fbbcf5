import { FormEvent, useState } from 'react';
import { api, ApiError } from '../api';
import { formatMoney } from '../format';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { useSession } from '../session';
import { labelIndex, useTaxonomy } from '../taxonomy';
import type { DemandListItem, MatchReason } from '../types';
import { MatchReasons, MatchScore } from './match-score.component';
import { EmptyState, ErrorNotice, Loading, Notice } from './feedback.component';
import { Field } from './field.component';
import { useApiQuery } from '../query';

interface DemandMatch {
  demand: DemandListItem;
  score: number;
  reasons: MatchReason[];
  concerns: MatchReason[];
}

/** Demands an achievement can solve (with reasons); universities and institutes can propose a solution (揭榜) from here. */
export function DemandMatches({ achievementId }: { achievementId: string }) {
  const { t, lang, pick } = useI18n();
  const session = useSession();
  const labels = labelIndex(useTaxonomy());
  const matches = useApiQuery<{ items: DemandMatch[] }>(`achievements/${achievementId}/matches`, { limit: 10 });
  const [proposing, setProposing] = useState<string | null>(null);
  const [done, setDone] = useState<Record<string, boolean>>({});
  const canPropose = session && ['university', 'institute'].includes(session.organisation.type);

  return (
    <section className="matches" aria-label={t('ws.university.matchingDemands')} data-testid="demand-matches">
      <h4>{t('ws.university.matchingDemands')}</h4>
      {matches.isLoading && <Loading />}
      {!!matches.error && <ErrorNotice error={matches.error} onRetry={matches.refetch} />}
      {matches.data && matches.data.items.length === 0 && <EmptyState>{t('ws.university.demandMatchesEmpty')}</EmptyState>}
      {matches.data && matches.data.items.length > 0 && (
        <ol className="match-list">
          {matches.data.items.map((m) => (
            <li key={m.demand.id} className="match" data-testid="demand-match-item">
              <div className="match__head">
                <Link href={`/demands/${m.demand.id}`} className="match__title">
                  {m.demand.title}
                </Link>
                <MatchScore score={m.score} />
              </div>
              <p className="card__meta">
                <span className="tag">{pick(labels.get(`industry:${m.demand.industry}`)) || m.demand.industry}</span>
                {!m.demand.redacted && <span>{m.demand.enterprise.name}</span>}
                {!m.demand.redacted && <span>{formatMoney(m.demand.budget, lang, t('common.negotiable'))}</span>}
              </p>
              <MatchReasons reasons={m.reasons} concerns={m.concerns} />
              {canPropose && !m.demand.redacted && m.demand.status === 'published' && !done[m.demand.id] && (
                <div className="card__actions">
                  <button type="button" className="btn btn--small btn--primary" aria-expanded={proposing === m.demand.id} onClick={() => setProposing(proposing === m.demand.id ? null : m.demand.id)}>
                    {t('ws.university.propose')}
                  </button>
                </div>
              )}
              {done[m.demand.id] && <Notice>{t('proposal.submitted')}</Notice>}
              {proposing === m.demand.id && (
                <ProposalForm
                  demandId={m.demand.id}
                  demandTitle={m.demand.title}
                  achievementId={achievementId}
                  onDone={() => {
                    setProposing(null);
                    setDone((x) => ({ ...x, [m.demand.id]: true }));
                  }}
                />
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function ProposalForm({ demandId, demandTitle, achievementId, onDone }: { demandId: string; demandTitle: string; achievementId: string; onDone: () => void }) {
  const { t, lang } = useI18n();
  const [approach, setApproach] = useState('');
  const [timeline, setTimeline] = useState('');
  const [price, setPrice] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (approach.trim().length < 10) local.approach = lang === 'zh' ? '解决思路至少 10 个字符' : 'The approach must be at least 10 characters';
    if (timeline.trim().length < 2) local.timeline = lang === 'zh' ? '进度安排至少 2 个字符' : 'The timeline must be at least 2 characters';
    if (price.trim() && !/^\d{1,16}(\.\d{1,2})?$/.test(price.trim())) local.price = lang === 'zh' ? '报价应为不小于 0 的金额' : 'The price must be an amount of at least 0';
    setErrors(local);
    if (Object.keys(local).length) return;
    try {
      await api.post(`demands/${demandId}/proposals`, { approach: approach.trim(), timeline: timeline.trim(), price: price.trim() ? Number(price) : null, achievementIds: [achievementId] });
      onDone();
    } catch (err) {
      if (err instanceof ApiError) {
        setErrors(err.fieldErrors());
        setMessage(err.message);
      } else setMessage(String(err));
    }
  };

  return (
    <form className="form panel" onSubmit={submit} noValidate aria-label={t('proposal.title', { title: demandTitle })}>
      {message && <Notice kind="error">{message}</Notice>}
      <Field label={t('proposal.approach')} hint={t('proposal.approachHint')} error={errors.approach} required>
        {(p) => <textarea id={p.id} rows={4} value={approach} onChange={(e) => setApproach(e.target.value)} aria-describedby={p.describedBy} aria-invalid={p.invalid} required />}
      </Field>
      <Field label={t('proposal.timeline')} error={errors.timeline} required>
        {(p) => <input id={p.id} value={timeline} onChange={(e) => setTimeline(e.target.value)} aria-describedby={p.describedBy} aria-invalid={p.invalid} required />}
      </Field>
      <Field label={t('proposal.price')} hint={t('demand.budgetHint')} error={errors.price}>
        {(p) => <input id={p.id} inputMode="decimal" value={price} onChange={(e) => setPrice(e.target.value)} aria-describedby={p.describedBy} aria-invalid={p.invalid} />}
      </Field>
      <div className="form__actions">
        <button type="submit" className="btn btn--primary">
          {t('proposal.submit')}
        </button>
      </div>
    </form>
  );
}
