import { ChangeEvent, useState } from 'react';
import { api } from '../../api';
import type { components } from '../../api/schema.gen';
import { EmptyState, ErrorNotice, Loading } from '../../components/feedback.component';
import { MatchReasons, MatchScore } from '../../components/match-score.component';
import { RequireSession } from '../../components/require-session.component';
import { formatDateTime, formatMoney } from '../../format';
import { useI18n } from '../../i18n';
import { invalidate, useApiQuery } from '../../query';
import { DataRoom } from './deal.page';
import { stageKey, statusKey, yuanInput } from './finance-shared';

type FinancingRequest = components['schemas']['FinancingRequestResponse'];
type Engagement = components['schemas']['EngagementResponse'];
type InvestorMatch = components['schemas']['InvestorMatchResponse'];
type ViewPage = components['schemas']['DataRoomViewPageResponse'];
type EngagementAction = 'admit' | 'decline' | 'term-sheet' | 'invest' | 'end';

/** The owner's view of one request: lifecycle, matched investors, engagements, data room and who looked. */
export function FinancingRequestPage({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const request = useApiQuery<FinancingRequest>(`financing-requests/${id}`);
  const [error, setError] = useState<unknown>(null);
  const act = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
      await invalidate(`financing-requests`);
    } catch (err) {
      setError(err);
    }
  };
  const upload = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    const form = new FormData();
    form.append('file', file);
    void act(() => api.upload(`financing-requests/${id}/data-room`, form));
    e.target.value = '';
  };
  const r = request.data;
  return (
    <RequireSession orgTypes={['enterprise']}>
      {request.isLoading && <Loading />}
      {!!request.error && <ErrorNotice error={request.error} />}
      {r && (
        <section aria-labelledby="request-title" data-testid="financing-request-page">
          <h1 id="request-title">{r.title}</h1>
          <p>
            <span className="badge" data-testid="request-status">{t(statusKey(r.status))}</span> <span className="badge">{t(stageKey(r.stage))}</span> {formatMoney(r.amount, lang, '')}
          </p>
          <p>{r.summary}</p>
          {!!error && <ErrorNotice error={error} />}
          <div className="actions">
            {r.allowedActions.includes('publish') && <button type="button" className="btn btn--primary" onClick={() => void act(() => api.post(`financing-requests/${id}/publish`, {}))}>{t('fin.publish')}</button>}
            {r.allowedActions.includes('withdraw') && <button type="button" className="btn" onClick={() => void act(() => api.post(`financing-requests/${id}/withdraw`, {}))}>{t('fin.withdraw')}</button>}
          </div>
          <Engagements requestId={id} act={act} />
          <InvestorMatches requestId={id} act={act} />
          <label className="btn">
            {t('fin.dataRoom.upload')} <input type="file" accept="application/pdf,image/png,image/jpeg" hidden onChange={upload} data-testid="data-room-upload" />
          </label>
          <DataRoom requestId={id} />
          <Views requestId={id} />
        </section>
      )}
    </RequireSession>
  );
}

function Engagements({ requestId, act }: { requestId: string; act: (w: () => Promise<unknown>) => Promise<void> }) {
  const { t, lang } = useI18n();
  const list = useApiQuery<Engagement[]>(`financing-requests/${requestId}/engagements`);
  const step = (e: Engagement, action: EngagementAction) => {
    let body: Record<string, unknown> = {};
    if (action === 'term-sheet' || action === 'invest') {
      const amount = yuanInput(window.prompt(t('fin.amountPrompt')) ?? '');
      if (amount === undefined) return;
      body = { amount };
    }
    void act(() => api.post(`financing-requests/${requestId}/engagements/${e.id}/${action}`, body));
  };
  return (
    <div className="panel" data-testid="engagements">
      <h2>{t('fin.engagements')}</h2>
      {list.data && list.data.length === 0 && <EmptyState>{t('fin.engagements.empty')}</EmptyState>}
      <ul className="plain-list">
        {list.data?.map((e) => (
          <li key={e.id} className="card" data-testid="engagement">
            <strong>{e.investorName}</strong> <span className="badge">{t(statusKey(e.status))}</span>
            {e.investedAmount != null && <> {formatMoney(e.investedAmount, lang, '')}</>}
            <div className="actions">
              {(e.allowedActions as EngagementAction[]).map((a) => (
                <button key={a} type="button" className="btn btn--small" onClick={() => step(e, a)} data-action={a}>
                  {t(`fin.action.${a}`)}
                </button>
              ))}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}

function InvestorMatches({ requestId, act }: { requestId: string; act: (w: () => Promise<unknown>) => Promise<void> }) {
  const { t } = useI18n();
  const list = useApiQuery<InvestorMatch[]>(`financing-requests/${requestId}/investor-matches`);
  return (
    <div className="panel" data-testid="investor-matches">
      <h2>{t('fin.investorMatches')}</h2>
      <ul className="plain-list">
        {list.data?.map((m) => (
          <li key={m.investor.organisationId} className="card">
            <MatchScore score={m.score} /> <strong>{m.investorName}</strong>{' '}
            <button type="button" className="btn btn--small" onClick={() => void act(() => api.post(`financing-requests/${requestId}/invitations`, { investorId: m.investor.organisationId }))}>
              {t('fin.invite')}
            </button>
            <MatchReasons reasons={m.reasons} concerns={m.concerns} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function Views({ requestId }: { requestId: string }) {
  const { t, lang } = useI18n();
  const views = useApiQuery<ViewPage>(`financing-requests/${requestId}/data-room-views`, { pageSize: 50 });
  return (
    <div className="panel" data-testid="data-room-views">
      <h2>{t('fin.dataRoom.views')}</h2>
      <ul className="plain-list small">
        {views.data?.items.map((v) => (
          <li key={v.id}>
            {formatDateTime(v.viewedAt, lang)} · {t(v.kind === 'open' ? 'fin.dataRoom.viewOpen' : 'fin.dataRoom.viewList')} · {v.viewerOrgId.slice(0, 8)}
          </li>
        ))}
      </ul>
    </div>
  );
}
