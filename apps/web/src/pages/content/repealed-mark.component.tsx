import { formatDate } from '../../format';
import { useI18n } from '../../i18n';

/** A repealed policy text stays on the site (as government policy libraries keep them), marked 已废止 with its date. */
export function RepealedMark({ repealedAt }: { repealedAt: string | null | undefined }) {
  const { t, lang } = useI18n();
  if (!repealedAt) return null;
  return (
    <span className="repealed" data-testid="repealed-mark">
      <span className="badge badge--repealed">{t('content.repealed')}</span> <span className="small">{t('content.repealedOn', { date: formatDate(repealedAt, lang) })}</span>
    </span>
  );
}
