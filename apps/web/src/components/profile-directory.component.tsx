import type { components } from '../api/schema.gen';
import { formatDate } from '../format';
import { useI18n } from '../i18n';
import { useApiQuery } from '../query';
import { labelIndex, useTaxonomy } from '../taxonomy';
import { Link } from '../router';
import { Loading } from './feedback.component';

type RatingSummary = components['schemas']['RatingSummaryResponse'];
type ExpertPage = components['schemas']['ExpertPageResponse'];

/** The approved ratings of a transfer institution (or a broker): the average, how many, and the latest comments. */
export function ServiceRatings({ subject, id }: { subject: 'institutions' | 'brokers'; id: string }) {
  const { t, lang } = useI18n();
  const summary = useApiQuery<RatingSummary>(`ratings/${subject}/${id}/summary`);
  const s = summary.data;
  return (
    <section aria-labelledby="profile-ratings" className="panel" data-testid="service-ratings">
      <h2 id="profile-ratings">{t('profiles.ratings')}</h2>
      {summary.isLoading && <Loading />}
      {s && s.count === 0 && <p className="muted">{t('profiles.ratingsEmpty')}</p>}
      {s && s.average !== null && s.count > 0 && (
        <>
          <p data-testid="rating-average">
            <strong>{s.average.toFixed(1)}</strong> / 5 · {t('profiles.ratingsCount', { count: s.count })}
          </p>
          <ul className="plain-list">
            {s.latest.map((r, i) => (
              <li key={i}>
                <strong aria-label={t('profiles.ratingScore', { score: r.score })}>{'★'.repeat(r.score)}{'☆'.repeat(5 - r.score)}</strong> {r.comment}{' '}
                <span className="small muted">{formatDate(r.createdAt, lang)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The experts an institution registered (专家库), by field; people reach them through the platform. */
export function OrganisationExperts({ orgId }: { orgId: string }) {
  const { t, pick } = useI18n();
  const labels = labelIndex(useTaxonomy());
  const experts = useApiQuery<ExpertPage>('experts', { organisationId: orgId, pageSize: 20 });
  if (!experts.data || experts.data.total === 0) return null;
  return (
    <section aria-labelledby="profile-experts" className="panel" data-testid="profile-experts">
      <h2 id="profile-experts">{t('profiles.experts')}</h2>
      <ul className="plain-list">
        {experts.data.items.map((e) => (
          <li key={e.id}>
            <Link href={`/experts/${e.id}`}>{e.name}</Link> · {e.title}
            <span className="small muted"> · {e.fields.map((f) => pick(labels.get(`field:${f}`)) || f).join('、')}</span>
          </li>
        ))}
      </ul>
      <p className="small muted">{t('profiles.expertsContact')}</p>
    </section>
  );
}
