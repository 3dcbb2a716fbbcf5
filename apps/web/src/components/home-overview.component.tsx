import { formatDate, formatMoney, formatNumber } from '../format';
import { MessageKey, useI18n } from '../i18n';
import { Link } from '../router';
import { labelIndex, useTaxonomy } from '../taxonomy';
import { useApiQuery } from '../query';
import { ErrorNotice, Loading } from './feedback.component';

interface Overview {
  year: number;
  achievements: number;
  demands: number;
  deals: number;
  dealAmount: number;
  events: number;
  latestDeals: Array<{ id: string; registeredAt: string; parkCode: string | null; typeName: { zh: string; en: string }; direction: string; contractAmount: number }>;
}

function useOverview() {
  return useApiQuery<Overview>('monitoring/overview');
}

/** This year's headline figures: what the zone published, concluded and held. */
export function HeadlineFigures() {
  const { t, lang } = useI18n();
  const overview = useOverview();
  if (overview.isLoading) return <Loading />;
  if (overview.error) return <ErrorNotice error={overview.error} onRetry={overview.refetch} />;
  const o = overview.data;
  if (!o) return null;
  const figures: Array<{ key: string; value: string; label: string }> = [
    { key: 'achievements', value: formatNumber(o.achievements, lang), label: t('overview.achievements', { year: o.year }) },
    { key: 'demands', value: formatNumber(o.demands, lang), label: t('overview.demands', { year: o.year }) },
    { key: 'deals', value: formatNumber(o.deals, lang), label: t('overview.deals', { year: o.year }) },
    { key: 'amount', value: formatMoney(o.dealAmount, lang, '—'), label: t('overview.amount', { year: o.year }) },
    { key: 'events', value: formatNumber(o.events, lang), label: t('overview.events', { year: o.year }) },
  ];
  return (
    <section aria-labelledby="headline-title">
      <h2 id="headline-title" className="visually-hidden">
        {t('overview.title', { year: o.year })}
      </h2>
      <ul className="headline" data-testid="headline-figures">
        {figures.map((f) => (
          <li key={f.key} data-figure={f.key}>
            <strong>{f.value}</strong>
            <span>{f.label}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The latest registered technology contracts: when, where, what kind, which way and how much (no parties). */
export function LatestDeals() {
  const { t, lang, pick } = useI18n();
  const labels = labelIndex(useTaxonomy());
  const overview = useOverview();
  const deals = overview.data?.latestDeals ?? [];
  return (
    <section className="panel" aria-labelledby="deals-title" data-testid="latest-deals">
      <h2 id="deals-title">{t('overview.latestDeals')}</h2>
      {overview.isLoading && <Loading />}
      {overview.data && deals.length === 0 && <p className="muted">{t('overview.latestDealsEmpty')}</p>}
      {deals.length > 0 && (
        <ul className="plain-list">
          {deals.map((d) => (
            <li key={d.id}>
              <strong>{formatMoney(d.contractAmount, lang, '—')}</strong> · {pick(d.typeName)}
              <br />
              <span className="small muted">
                {formatDate(d.registeredAt, lang)} · {t(`charts.direction.${d.direction}` as MessageKey)}
                {d.parkCode ? ` · ${pick(labels.get(`park:${d.parkCode}`)) || d.parkCode}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="small">
        <Link href="/statistics">{t('overview.moreStatistics')}</Link>
      </p>
    </section>
  );
}
