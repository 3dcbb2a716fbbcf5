import { useI18n } from '../i18n';

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

export function MatchReasons({ reasons }: { reasons: Array<{ code: string; zh: string; en: string }> }) {
  const { t, pick } = useI18n();
  return (
    <div className="reasons">
      <span className="reasons__label">{t('ws.enterprise.reasons')}:</span>
      <ul>
        {reasons.map((r) => (
          <li key={r.code} data-testid="match-reason" data-code={r.code}>
            {pick(r)}
          </li>
        ))}
      </ul>
    </div>
  );
}
