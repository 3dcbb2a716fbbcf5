import { ChangeEvent, useState } from 'react';
import { api, ApiError } from '../api';
import { useI18n } from '../i18n';
import { Notice } from './feedback.component';
import { invalidate, useApiQuery } from '../query';

interface Attachment {
  id: string;
  filename: string;
  contentType: string;
  size: number;
}

const MAX_BYTES = 20 * 1024 * 1024;

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** An achievement's attachments: anyone who may read it downloads, its owner uploads and removes (PDF or images, ≤ 20 MB). */
export function Attachments({ achievementId, owner }: { achievementId: string; owner: boolean }) {
  const { t } = useI18n();
  const list = useApiQuery<Attachment[]>(`achievements/${achievementId}/attachments`);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setError(null);
    if (file.size > MAX_BYTES) {
      setError(t('attachments.tooLarge'));
      return;
    }
    const form = new FormData();
    form.append('file', file);
    setBusy(true);
    try {
      await api.upload(`achievements/${achievementId}/attachments`, form);
      void invalidate(`achievements/${achievementId}/attachments`);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const remove = async (a: Attachment) => {
    try {
      await api.request('DELETE', `achievements/${achievementId}/attachments/${a.id}`);
      void invalidate(`achievements/${achievementId}/attachments`);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };

  const items = list.data ?? [];
  if (!owner && items.length === 0) return null;
  return (
    <section aria-labelledby={`attachments-${achievementId}`} data-testid="attachments">
      <h2 id={`attachments-${achievementId}`}>{t('attachments.title')}</h2>
      {items.length === 0 && <p className="muted">{t('attachments.empty')}</p>}
      <ul className="plain-list">
        {items.map((a) => (
          <li key={a.id}>
            <button type="button" className="linklike" onClick={() => api.openFile(`achievements/${achievementId}/attachments/${a.id}`, a.filename).catch((e: unknown) => setError(String(e)))}>
              {a.filename}
            </button>{' '}
            <span className="small muted">{size(a.size)}</span>{' '}
            {owner && (
              <button type="button" className="btn btn--small btn--ghost" onClick={() => remove(a)} aria-label={`${t('attachments.remove')} ${a.filename}`}>
                {t('attachments.remove')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {owner && (
        <div className="field">
          <label htmlFor={`upload-${achievementId}`}>{t('attachments.upload')}</label>
          <input id={`upload-${achievementId}`} type="file" accept="application/pdf,image/png,image/jpeg,image/webp" onChange={onFile} disabled={busy} aria-describedby={`upload-${achievementId}-hint`} />
          <p className="field__hint" id={`upload-${achievementId}-hint`}>
            {t('attachments.hint')}
          </p>
        </div>
      )}
      {error && <Notice kind="error">{error}</Notice>}
    </section>
  );
}
