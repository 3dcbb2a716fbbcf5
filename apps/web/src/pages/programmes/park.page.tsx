import { useState } from 'react';
import { api } from '../../api';
import type { components } from '../../api/schema.gen';
import { EmptyState, ErrorNotice, Loading } from '../../components/feedback.component';
import { formatNumber } from '../../format';
import { useI18n } from '../../i18n';
import { apiKey, nullIfMissing, useApiQuery, useLoader } from '../../query';
import { useTaxonomy } from '../../taxonomy';

type ThreeLists = components['schemas']['ThreeListsResponse'];
type Project = components['schemas']['MajorProjectResponse'];
type ProjectPage = components['schemas']['MajorProjectPageResponse'];
type LocalizedText = { zh: string; en: string };
/** The generated types lose the shape of map-valued fields (inputs, names): the parts this page reads, spelled out. */
type ParkIndexLine = Omit<components['schemas']['ParkIndexResponse'], 'inputs' | 'parkName'> & { inputs: Record<string, { value: number | null }> };
type IndexResponse = Omit<components['schemas']['InnovationIndexResponse'], 'parks'> & { parks: ParkIndexLine[] };
type Indicator = Omit<components['schemas']['IndicatorResponse'], 'name'> & { name: LocalizedText };

const KINDS = ['docking', 'measure', 'landing'] as const;
const STATES = ['planned', 'in-progress', 'done', 'dropped'] as const;
/** The portfolio: approved for a year and level, through the mid-term check, or accepted (programmes' IN_PORTFOLIO). */
const IN_PORTFOLIO = ['approved', 'mid-term-passed', 'accepted'] as const;
type PortfolioStatus = (typeof IN_PORTFOLIO)[number];
const inPortfolio = (p: Project): p is Project & { status: PortfolioStatus } => (IN_PORTFOLIO as readonly string[]).includes(p.status);
const pct = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${Math.round(x * 1000) / 10}%`);

/** A park's public page: its three lists of a year by list and state, its major projects, its latest published index. */
export function ParkPage({ code }: { code: string }) {
  const { t, pick } = useI18n();
  const taxonomy = useTaxonomy();
  const [year, setYear] = useState(new Date().getFullYear());
  const park = taxonomy.parks.find((p) => p.code === code);
  if (taxonomy.parks.length === 0) return <Loading />;
  if (!park) return <EmptyState action={{ href: '/statistics', label: t('nav.statistics') }}>{t('parkPage.unknown')}</EmptyState>;
  return (
    <section aria-labelledby="park-title">
      <h1 id="park-title">{pick(park)}</h1>
      <p className="muted" data-testid="park-city">
        {t('parkPage.city', { city: park.city })}
      </p>
      <label className="inline-field">
        {t('lists.year')}
        <input type="number" min={2016} max={2100} value={year} onChange={(e) => setYear(Number(e.target.value))} aria-label={t('lists.year')} />
      </label>
      <ParkLists code={code} year={year} />
      <ParkProjects code={code} />
      <ParkIndex code={code} />
    </section>
  );
}

function ParkLists({ code, year }: { code: string; year: number }) {
  const { t } = useI18n();
  const lists = useApiQuery<ThreeLists>(`parks/${code}/three-lists/${year}`);
  if (lists.isLoading) return <Loading />;
  if (lists.error) return <ErrorNotice error={lists.error} onRetry={lists.refetch} />;
  const data = lists.data!;
  return (
    <div className="panel" data-testid="park-lists">
      <h2>{t('parkPage.lists', { year })}</h2>
      <p data-testid="park-lists-overall">{t('lists.overall', { value: pct(data.overall) })}</p>
      {KINDS.map((kind) => {
        const summary = data.lists.find((l) => l.kind === kind);
        const items = data.items.filter((i) => i.kind === kind);
        return (
          <div key={kind} data-testid={`park-list-${kind}`}>
            <h3>
              {t(`lists.kind.${kind}`)} · {t('lists.completion')} {pct(summary?.ratio)}
            </h3>
            {items.length === 0 && <p className="empty">{t('lists.empty')}</p>}
            {STATES.map((state) => {
              const inState = items.filter((i) => i.status === state);
              if (inState.length === 0) return null;
              return (
                <div key={state} data-testid={`park-list-${kind}-${state}`}>
                  <h4>
                    {t(`lists.status.${state}`)} ({inState.length})
                  </h4>
                  <ul>
                    {inState.map((i) => (
                      <li key={i.id}>
                        {i.title}
                        {i.owner && ` · ${i.owner}`}
                        {i.dueDate && ` · ${i.dueDate}`}
                        {i.kind === 'landing' && i.status === 'done' && <span className="small muted"> · {i.counts ? t('lists.counts') : t('lists.notCounted')}</span>}
                      </li>
                    ))}
                  </ul>
                </div>
              );
            })}
          </div>
        );
      })}
    </div>
  );
}

function ParkProjects({ code }: { code: string }) {
  const { t } = useI18n();
  const projects = useApiQuery<ProjectPage>('major-projects', { parkCode: code, pageSize: 100 });
  if (projects.isLoading) return <Loading />;
  if (projects.error) return <ErrorNotice error={projects.error} onRetry={projects.refetch} />;
  const portfolio = projects.data!.items.filter(inPortfolio);
  return (
    <div className="panel" data-testid="park-projects">
      <h2>{t('parkPage.projects')}</h2>
      {portfolio.length === 0 && <p className="empty">{t('parkPage.noProjects')}</p>}
      <ul>
        {portfolio.map((p) => (
          <li key={p.id} data-testid="park-project">
            <strong>{p.title}</strong> · {t('parkPage.projectYear', { year: p.year ?? '—' })} · {p.level ? t(`parkPage.level.${p.level}`) : '—'} · <span className={`badge badge--${p.status}`}>{t(`parkPage.status.${p.status}`)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The newest computed innovation index, this park's line: score, rank, and the yearly inputs from published quarters. */
function ParkIndex({ code }: { code: string }) {
  const { t, pick, lang } = useI18n();
  const years = useApiQuery<{ years: number[] }>('monitoring/innovation-index');
  const latest = years.data?.years[0] ?? null;
  const index = useLoader(apiKey(`monitoring/innovation-index/${latest}`), () => nullIfMissing(api.get<IndexResponse>(`monitoring/innovation-index/${latest}`)), { enabled: latest !== null });
  const indicators = useApiQuery<Indicator[]>('monitoring/indicators');
  if (years.isLoading || index.isLoading) return <Loading />;
  const line = index.data?.parks.find((p) => p.park === code);
  if (!latest || !line) {
    return (
      <div className="panel" data-testid="park-index">
        <h2>{t('parkPage.index')}</h2>
        <p className="empty">{t('parkPage.noIndex')}</p>
      </div>
    );
  }
  const name = (c: string) => {
    const i = indicators.data?.find((x) => x.code === c);
    return i ? pick(i.name) : c;
  };
  return (
    <div className="panel" data-testid="park-index">
      <h2>{t('parkPage.indexOf', { year: latest })}</h2>
      <p data-testid="park-index-score">
        {t('parkPage.score', { score: formatNumber(line.score, lang) })}
        {line.rank !== null && ` · ${t('parkPage.rank', { rank: line.rank, parks: index.data!.parks.filter((p) => p.hasData).length })}`}
      </p>
      <p className="small muted">{t('parkPage.quarters', { quarters: index.data!.quarters.join(', ') })}</p>
      <ul data-testid="park-index-inputs">
        {Object.entries(line.inputs)
          .filter(([, v]) => v.value !== null)
          .map(([c, v]) => (
            <li key={c}>
              {t('parkPage.input', { indicator: name(c), value: formatNumber(v.value, lang) })}
            </li>
          ))}
      </ul>
    </div>
  );
}
