import { useState } from 'react';
import type { components } from '../api/schema.gen';
import { formatMoney } from '../format';
import { MessageKey, useI18n } from '../i18n';
import { useApiQuery } from '../query';
import { useSession } from '../session';
import { EmptyState, ErrorNotice, Loading, Pagination } from './feedback.component';

type BrokerPage = components['schemas']['BrokerPageResponse'];
const PAGE_SIZE = 20;

/** The register of filed brokers and their record (signed-in users, as the api says). */
export function BrokerDirectory() {
  const { t } = useI18n();
  const session = useSession();
  if (!session) return <EmptyState action={{ href: '/sign-in?next=/profiles?type=broker', label: t('nav.signIn') }}>{t('profiles.brokersSignIn')}</EmptyState>;
  return <BrokerList />;
}

function BrokerList() {
  const { t, lang } = useI18n();
  const [page, setPage] = useState(1);
  const list = useApiQuery<BrokerPage>('contracts/brokers', { page, pageSize: PAGE_SIZE });
  return (
    <div data-testid="broker-directory">
      <p className="muted">{t('profiles.brokersLead')}</p>
      {list.isLoading && <Loading />}
      {!!list.error && <ErrorNotice error={list.error} onRetry={list.refetch} />}
      {list.data && list.data.items.length === 0 && <EmptyState>{t('profiles.brokersEmpty')}</EmptyState>}
      {list.data && list.data.items.length > 0 && (
        <>
          <ul className="cards">
            {list.data.items.map((b) => (
              <li key={b.userId} className="card" data-testid="broker-card">
                <h2 className="card__title">{b.displayName}</h2>
                <p className="small muted">
                  {t(`profiles.tier.${b.tier}` as MessageKey)}
                  {b.professionalTitle ? ` · ${b.professionalTitle}` : ''} · {t('profiles.filing')}
                  {t('common.colon')}
                  {b.filingNumber}
                </p>
                <p>
                  {t('profiles.brokerRecord', {
                    contracts: b.performance.contractsRegistered,
                    amount: formatMoney(b.performance.contractAmount, lang, '—'),
                    moved: b.performance.matchesMovedForward,
                    signed: b.performance.matchesSigned,
                    events: b.performance.eventsOrganised,
                  })}
                </p>
              </li>
            ))}
          </ul>
          <Pagination page={page} pageSize={PAGE_SIZE} total={list.data.total} onPage={setPage} />
        </>
      )}
    </div>
  );
}
