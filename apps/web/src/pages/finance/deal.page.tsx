import { useState } from 'react';
import { api, ApiError } from '../../api';
import type { components } from '../../api/schema.gen';
import { EmptyState, ErrorNotice, Loading, Notice } from '../../components/feedback.component';
import { RequireSession } from '../../components/require-session.component';
import { formatMoney } from '../../format';
import { useI18n } from '../../i18n';
import { invalidate, useApiQuery } from '../../query';
import { Link } from '../../router';
import { stageKey, statusKey } from './finance-shared';

type FinancingRequest = components['schemas']['FinancingRequestResponse'];
type Engagement = components['schemas']['EngagementResponse'];
type EngagementPage = components['schemas']['EngagementPageResponse'];
type DataRoomDocument = components['schemas']['DataRoomDocumentResponse'];

/** One request as an investor sees it: ask for talks, then (once admitted) the data room; meetings at investor roadshows. */
export function DealPage({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const request = useApiQuery<FinancingRequest>(`financing-requests/${id}`);
  const mine = useApiQuery<EngagementPage>('investors/me/engagements', { pageSize: 100 });
  const [error, setError] = useState<unknown>(null);
  const engagement: Engagement | undefined = mine.data?.items.find((e) => e.requestId === id);
  const ask = async () => {
    setError(null);
    try {
      await api.post(`financing-requests/${id}/engagements`, {});
      await invalidate('investors/me');
    } catch (err) {
      setError(err);
    }
  };
  return (
    <RequireSession orgTypes={['investment-fund']}>
      {request.isLoading && <Loading />}
      {!!request.error && <ErrorNotice error={request.error} />}
      {request.data && (
        <section aria-labelledby="deal-title" data-testid="deal-page">
          <h1 id="deal-title">{request.data.title}</h1>
          <p>
            <span className="badge">{t(stageKey(request.data.stage))}</span> {formatMoney(request.data.amount, lang, '')} <span className="badge">{t(statusKey(request.data.status))}</span>
          </p>
          <p>{request.data.summary}</p>
          <p className="muted">{request.data.useOfFunds}</p>
          {!!error && <ErrorNotice error={error} />}
          {!engagement && (
            <button type="button" className="btn btn--primary" onClick={() => void ask()} data-testid="ask-talks">
              {t('fin.deal.ask')}
            </button>
          )}
          {engagement?.status === 'requested' && <Notice kind="info">{t('fin.deal.asked')}</Notice>}
          {engagement && <p>{t('fin.engagement')}{t('common.colon')}<span className="badge" data-testid="engagement-status">{t(statusKey(engagement.status))}</span></p>}
          {engagement?.dataRoomAccess && <DataRoom requestId={id} />}
          {!engagement?.dataRoomAccess && <EmptyState>{t('fin.dataRoom.closed')}</EmptyState>}
          <p><Link href="/roadshows">{t('fin.deal.meetings')}</Link></p>
        </section>
      )}
    </RequireSession>
  );
}

/** The data room's documents (each listing and opening is logged by the API). */
export function DataRoom({ requestId }: { requestId: string }) {
  const { t } = useI18n();
  const docs = useApiQuery<DataRoomDocument[]>(`financing-requests/${requestId}/data-room`);
  return (
    <div className="panel" data-testid="data-room">
      <h2>{t('fin.dataRoom')}</h2>
      {docs.isLoading && <Loading />}
      {!!docs.error && !(docs.error instanceof ApiError && docs.error.status === 404) && <ErrorNotice error={docs.error} />}
      {docs.data && docs.data.length === 0 && <EmptyState>{t('fin.dataRoom.empty')}</EmptyState>}
      <ul className="plain-list">
        {docs.data?.map((d) => (
          <li key={d.id} data-testid="data-room-document">
            <button type="button" className="btn btn--link" onClick={() => void api.openFile(`financing-requests/${requestId}/data-room/${d.id}`, d.filename)}>
              {d.filename}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
