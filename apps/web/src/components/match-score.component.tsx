import { useI18n } from '../i18n';

type Explained = { code: string; zh: string; en: string };

/** The score badge and the reasons behind it, shown the same way on both sides of a match. */
export function MatchScore({ score }: { score: number }) {
  const { t } = useI18n();
  return (
    <span className="score" aria-label={`${t('ws.enterprise.score')} ${score}`}>
      <meter min={0} max={100} value={score} aria-hidden="true" />
      <strong>{Math.round(score)}</strong>
    </span>
  );
}

/** What speaks for the pair, then — apart, never mixed in — what speaks against it (over budget, readiness at the minimum, ...). */
export function MatchReasons({ reasons, concerns = [] }: { reasons: Explained[]; concerns?: Explained[] }) {
  const { t, pick } = useI18n();
  return (
    <div className="reasons">
      <div data-testid="match-reasons">
        <span className="reasons__label">{t('ws.enterprise.reasons')}:</span>
        <ul>
          {reasons.map((r) => (
            <li key={r.code} data-testid="match-reason" data-code={r.code}>
              {pick(r)}
            </li>
          ))}
        </ul>
      </div>
      {concerns.length > 0 && (
        <div className="reasons reasons--concerns" data-testid="match-concerns">
          <span className="reasons__label">{t('ws.enterprise.concerns')}:</span>
          <ul>
            {concerns.map((c) => (
              <li key={c.code} data-testid="match-concern" data-code={c.code}>
                {pick(c)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
