import { FormEvent, useState } from 'react';
import { api, ApiError } from '../api';
import { useI18n } from '../i18n';
import { Notice } from './feedback.component';
import { invalidate, useApiQuery } from '../query';
import { formatDateTime } from '../format';

interface MatchEvent {
  id: string;
  kind: 'taken' | 'transition' | 'note' | 'introduction';
  fromStatus: string | null;
  toStatus: string | null;
  body: string | null;
  channel: string | null;
  occurredAt: string;
}

const CHANNELS = ['meeting', 'phone', 'email', 'event', 'online', 'other'] as const;
const CHANNEL_LABELS: Record<(typeof CHANNELS)[number], { zh: string; en: string }> = {
  meeting: { zh: '当面会谈', en: 'Meeting' },
  phone: { zh: '电话', en: 'Phone' },
  email: { zh: '电子邮件', en: 'Email' },
  event: { zh: '对接活动', en: 'Event' },
  online: { zh: '线上', en: 'Online' },
  other: { zh: '其他', en: 'Other' },
};

/** A match's history (steps, notes, introductions) and, for its broker, forms to add a note or record an introduction. */
export function MatchJournal({ matchId, canWrite }: { matchId: string; canWrite: boolean }) {
  const { t, lang, pick } = useI18n();
  const events = useApiQuery<MatchEvent[]>(`matches/${matchId}/events`);
  const [note, setNote] = useState('');
  const [channel, setChannel] = useState<(typeof CHANNELS)[number]>('meeting');
  const [error, setError] = useState<string | null>(null);

  const post = async (path: 'notes' | 'introductions', body: unknown) => {
    setError(null);
    try {
      await api.post(`matches/${matchId}/${path}`, body);
      setNote('');
      void invalidate(`matches/${matchId}`);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  const addNote = (e: FormEvent) => {
    e.preventDefault();
    if (note.trim()) void post('notes', { body: note.trim() });
  };

  const describe = (ev: MatchEvent): string => {
    if (ev.kind === 'transition' && ev.toStatus) return `→ ${t(`match.${ev.toStatus}` as 'match.suggested')}${ev.body ? `：${ev.body}` : ''}`;
    if (ev.kind === 'introduction') return `${t('journal.introduced')} (${ev.channel ? pick(CHANNEL_LABELS[ev.channel as (typeof CHANNELS)[number]] ?? { zh: ev.channel, en: ev.channel }) : ''})${ev.body ? `：${ev.body}` : ''}`;
    if (ev.kind === 'taken') return t('journal.taken');
    return ev.body ?? '';
  };

  return (
    <div className="journal" data-testid="match-journal">
      <ol className="journal__list">
        {(events.data ?? []).map((ev) => (
          <li key={ev.id}>
            <time className="small muted" dateTime={ev.occurredAt}>
              {formatDateTime(ev.occurredAt, lang)}
            </time>{' '}
            {describe(ev)}
          </li>
        ))}
      </ol>
      {canWrite && (
        <>
          <form onSubmit={addNote} className="journal__form">
            <label htmlFor={`note-${matchId}`} className="visually-hidden">
              {t('journal.note')}
            </label>
            <input id={`note-${matchId}`} value={note} placeholder={t('journal.note')} onChange={(e) => setNote(e.target.value)} maxLength={4000} />
            <button type="submit" className="btn btn--small">
              {t('journal.addNote')}
            </button>
          </form>
          <div className="journal__form">
            <label htmlFor={`channel-${matchId}`} className="visually-hidden">
              {t('journal.channel')}
            </label>
            <select id={`channel-${matchId}`} value={channel} onChange={(e) => setChannel(e.target.value as (typeof CHANNELS)[number])}>
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {pick(CHANNEL_LABELS[c])}
                </option>
              ))}
            </select>
            <button type="button" className="btn btn--small" onClick={() => post('introductions', { channel })}>
              {t('journal.recordIntroduction')}
            </button>
          </div>
        </>
      )}
      {error && <Notice kind="error">{error}</Notice>}
    </div>
  );
}
