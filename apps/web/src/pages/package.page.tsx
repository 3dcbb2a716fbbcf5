import { ApiError } from '../api';
import { ErrorNotice, Loading } from '../components/feedback.component';
import { formatDate, formatMoney } from '../format';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { labelIndex, useTaxonomy } from '../taxonomy';
import { useApiQuery } from '../query';

interface PackageItem {
  position: number;
  id: string;
  title: string;
  trl: number;
  askingPrice: number | null;
  ownerName: string;
}
interface PackageDetail {
  id: string;
  title: string;
  theme: string;
  industry: string;
  description: string;
  targetParks: string[];
  achievements: PackageItem[];
  trlMin: number | null;
  trlMax: number | null;
  totalAskingPrice: number;
  negotiableCount: number;
  publishedAt: string | null;
}
interface GuideEntry {
  position: number;
  achievementId: string;
  title: string;
  ownerName: string;
  trl: number;
  askingPrice: number | null;
  note: string;
}
interface GuideCatalogDetail {
  id: string;
  year: number;
  industry: string;
  title: string;
  entries: GuideEntry[];
  publishedAt: string | null;
}

function NotFound({ text }: { text: string }) {
  const { t } = useI18n();
  return (
    <section>
      <h1>{text}</h1>
      <Link href="/">{t('common.back')}</Link>
    </section>
  );
}

/** A technology package: the bundled achievements promoted together, with the total of the priced items. */
export function PackagePage({ id }: { id: string }) {
  const { t, lang, pick } = useI18n();
  const labels = labelIndex(useTaxonomy());
  const p = useApiQuery<PackageDetail>(`packages/${encodeURIComponent(id)}`);
  if (p.isLoading) return <Loading />;
  if (p.error instanceof ApiError && (p.error.status === 404 || p.error.status === 400)) return <NotFound text={t('package.notFound')} />;
  if (p.error || !p.data) return <ErrorNotice error={p.error} onRetry={p.refetch} />;
  const x = p.data;
  return (
    <article aria-labelledby="detail-title">
      <p className="breadcrumb">
        <Link href="/?scope=packages">{t('home.tabPackages')}</Link>
      </p>
      <h1 id="detail-title">{x.title}</h1>
      <p className="card__meta">
        <span className="tag">{pick(labels.get(`industry:${x.industry}`)) || x.industry}</span>
        {x.trlMin !== null && <span className="tag">TRL {x.trlMin}–{x.trlMax}</span>}
        {x.targetParks.map((k) => (
          <span key={k} className="tag">
            {pick(labels.get(`park:${k}`)) || k}
          </span>
        ))}
        <span>
          {t('package.total')}{t('common.colon')}<strong>{formatMoney(x.totalAskingPrice, lang, t('common.negotiable'))}</strong>
          {x.negotiableCount > 0 ? ` + ${x.negotiableCount} × ${t('common.negotiable')}` : ''}
        </span>
      </p>
      <p className="prewrap">{x.description}</p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('form.title')}</th>
            <th scope="col">{t('achievement.owner')}</th>
            <th scope="col">TRL</th>
            <th scope="col">{t('achievement.askingPrice')}</th>
          </tr>
        </thead>
        <tbody>
          {x.achievements.map((a) => (
            <tr key={a.id}>
              <td>{a.position}</td>
              <td>
                <Link href={`/achievements/${a.id}`}>{a.title}</Link>
              </td>
              <td>{a.ownerName}</td>
              <td>{a.trl}</td>
              <td>{formatMoney(a.askingPrice, lang, t('common.negotiable'))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {x.publishedAt && <p className="small muted">{formatDate(x.publishedAt, lang)}</p>}
    </article>
  );
}

/** A yearly guide catalog of one industry, with its recommendation notes and the export. */
export function GuideCatalogPage({ id }: { id: string }) {
  const { t, lang, pick } = useI18n();
  const labels = labelIndex(useTaxonomy());
  const g = useApiQuery<GuideCatalogDetail>(`guide-catalogs/${encodeURIComponent(id)}`);
  if (g.isLoading) return <Loading />;
  if (g.error instanceof ApiError && (g.error.status === 404 || g.error.status === 400)) return <NotFound text={t('guide.notFound')} />;
  if (g.error || !g.data) return <ErrorNotice error={g.error} onRetry={g.refetch} />;
  const x = g.data;
  return (
    <article aria-labelledby="detail-title">
      <p className="breadcrumb">
        <Link href="/">{t('home.guideCatalogs')}</Link>
      </p>
      <h1 id="detail-title">{x.title}</h1>
      <p className="card__meta">
        <span className="tag">{x.year}</span>
        <span className="tag">{pick(labels.get(`industry:${x.industry}`)) || x.industry}</span>
        <a href={`/api/v1/guide-catalogs/${x.id}/export?format=xlsx`}>{t('guide.exportXlsx')}</a>
        <a href={`/api/v1/guide-catalogs/${x.id}/export?format=csv`}>{t('guide.exportCsv')}</a>
      </p>
      <ol className="cards">
        {x.entries.map((e) => (
          <li key={e.achievementId} className="card">
            <h2 className="card__title">
              <Link href={`/achievements/${e.achievementId}`}>{e.title}</Link>
            </h2>
            <p className="card__meta">
              <span>{e.ownerName}</span>
              <span className="tag">TRL {e.trl}</span>
              <span>{formatMoney(e.askingPrice, lang, t('common.negotiable'))}</span>
            </p>
            {e.note && <p className="card__summary">{e.note}</p>}
          </li>
        ))}
      </ol>
    </article>
  );
}
