import { DragEvent, useState } from 'react';
import { api, ApiError, Page } from '../api';
import { EmptyState, ErrorNotice, Loading, Notice } from '../components/feedback.component';
import { MatchJournal } from '../components/match-journal.component';
import { RequireSession } from '../components/require-session.component';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { useSession } from '../session';
import type { PipelineMatch } from '../types';
import { invalidate, useApiQuery } from '../query';

type Status = PipelineMatch['status'];
const COLUMNS: Status[] = ['suggested', 'contacted', 'negotiating', 'signed', 'closed'];
/** The pipeline's forward steps (libs/matching match.state-machine): the board offers only these, the API rejects the rest with 409. */
const NEXT: Partial<Record<Status, { action: 'contact' | 'negotiate' | 'sign'; to: Status }>> = {
  suggested: { action: 'contact', to: 'contacted' },
  contacted: { action: 'negotiate', to: 'negotiating' },
  negotiating: { action: 'sign', to: 'signed' },
};
/** Close reasons (libs/matching match.state-machine CLOSE_REASON_LABELS): those about the fit also teach the matcher. */
const CLOSE_REASONS = ['too-early', 'price', 'ip-unclear', 'no-reply', 'not-relevant', 'mode-mismatch', 'other'] as const;
const CLOSE_LABELS: Record<(typeof CLOSE_REASONS)[number], { zh: string; en: string }> = {
  'too-early': { zh: '技术尚不成熟', en: 'Too early' },
  price: { zh: '价格未谈拢', en: 'Price' },
  'ip-unclear': { zh: '知识产权不清晰', en: 'IP unclear' },
  'no-reply': { zh: '对方未回复', en: 'No reply' },
  'not-relevant': { zh: '技术不对口', en: 'Technique does not fit the problem' },
  'mode-mismatch': { zh: '合作方式谈不拢', en: 'Cooperation mode does not fit' },
  other: { zh: '其他', en: 'Other' },
};

export function BrokerWorkspace() {
  return (
    <RequireSession roles={['broker']}>
      <Board />
    </RequireSession>
  );
}

function Board() {
  const { t, pick } = useI18n();
  const session = useSession();
  const [mine, setMine] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [dragging, setDragging] = useState<PipelineMatch | null>(null);
  const [journal, setJournal] = useState<string | null>(null);
  const board = useApiQuery<Page<PipelineMatch>>('matches', { mine: mine || undefined, pageSize: 100 });

  const run = async (m: PipelineMatch, path: string, body: unknown, done: string) => {
    try {
      await api.post(`matches/${m.id}/${path}`, body);
      setNotice({ kind: 'success', text: done });
      void invalidate('matches');
    } catch (e) {
      const msg = e instanceof ApiError ? `${e.message}${e.currentState ? ` (${t(`match.${e.currentState}` as 'match.suggested')})` : ''}` : String(e);
      setNotice({ kind: 'error', text: msg });
    }
  };
  const move = (m: PipelineMatch, to: Status) => {
    const step = NEXT[m.status];
    if (!step || step.to !== to) {
      setNotice({ kind: 'error', text: `${t(`match.${m.status}`)} → ${t(`match.${to}`)} ✕` });
      return;
    }
    void run(m, 'transitions', { action: step.action }, t('ws.broker.moved', { state: t(`match.${to}`) }));
  };

  const onDrop = (to: Status) => (e: DragEvent<HTMLElement>) => {
    e.preventDefault();
    if (dragging && dragging.status !== to) move(dragging, to);
    setDragging(null);
  };

  return (
    <section aria-labelledby="ws-title">
      <div className="ws-head">
        <h1 id="ws-title">{t('ws.broker.title')}</h1>
        <label className="checkbox">
          <input type="checkbox" checked={mine} onChange={(e) => setMine(e.target.checked)} />
          {t('ws.broker.mineOnly')}
        </label>
      </div>
      {notice && <Notice kind={notice.kind}>{notice.text}</Notice>}
      {board.isLoading && <Loading />}
      {!!board.error && <ErrorNotice error={board.error} onRetry={board.refetch} />}
      {board.data && board.data.items.length === 0 && <EmptyState action={{ href: '/?scope=demands', label: t('home.tabDemands') }}>{t('ws.broker.empty')}</EmptyState>}
      {board.data && board.data.items.length > 0 && (
        <div className="board" data-testid="board">
          {COLUMNS.map((col) => {
            const cards = board.data!.items.filter((m) => m.status === col);
            return (
              <section
                key={col}
                className="board__col"
                aria-labelledby={`col-${col}`}
                data-column={col}
                onDragOver={(e) => e.preventDefault()}
                onDrop={onDrop(col)}
              >
                <h2 id={`col-${col}`} className="board__title">
                  {t(`match.${col}`)} <span className="count">{cards.length}</span>
                </h2>
                <ul>
                  {cards.map((m) => {
                    const mineCard = m.brokerUserId === session?.user.id;
                    const step = NEXT[m.status];
                    return (
                      <li
                        key={m.id}
                        className="board__card"
                        data-testid="pipeline-card"
                        data-match-id={m.id}
                        data-status={m.status}
                        draggable={mineCard && !!step}
                        onDragStart={() => setDragging(m)}
                        onDragEnd={() => setDragging(null)}
                      >
                        <p className="small muted">{t('ws.broker.demandLabel')}</p>
                        <p>
                          <Link href={`/demands/${m.demand.id}`}>{m.demand.title}</Link>
                        </p>
                        <p className="small muted">{t('ws.broker.achievementLabel')}</p>
                        <p>
                          <Link href={`/achievements/${m.achievement.id}`}>{m.achievement.title}</Link>
                          <span className="muted small"> · {m.achievement.ownerName}</span>
                        </p>
                        <p className="score-line">
                          <strong>{Math.round(m.score)}</strong>
                          <span className="muted small" data-testid="card-reasons"> {m.reasons.slice(0, 2).map((r) => pick(r)).join('；')}</span>
                        </p>
                        {m.concerns.length > 0 && (
                          <p className="small concern-line" data-testid="card-concerns">
                            {t('ws.enterprise.concerns')}：{m.concerns.slice(0, 2).map((c) => pick(c)).join('；')}
                          </p>
                        )}
                        <div className="card__actions">
                          {!m.brokerUserId && (m.status === 'suggested' || m.status === 'contacted' || m.status === 'negotiating') && (
                            <button type="button" className="btn btn--small" onClick={() => run(m, 'take', {}, t('ws.broker.take'))}>
                              {t('ws.broker.take')}
                            </button>
                          )}
                          {mineCard && step && (
                            <button type="button" className="btn btn--small btn--primary" onClick={() => move(m, step.to)}>
                              {t('ws.broker.moveTo', { state: t(`match.${step.to}`) })}
                            </button>
                          )}
                          <button type="button" className="btn btn--small btn--ghost" aria-expanded={journal === m.id} onClick={() => setJournal(journal === m.id ? null : m.id)}>
                            {t('journal.open')}
                          </button>
                          {mineCard && step && <CloseControl onClose={(reason) => run(m, 'transitions', { action: 'close', closeReason: reason }, t('ws.broker.moved', { state: t('match.closed') }))} id={m.id} pick={pick} />}
                        </div>
                        {journal === m.id && <MatchJournal matchId={m.id} canWrite={mineCard} />}
                      </li>
                    );
                  })}
                </ul>
              </section>
            );
          })}
        </div>
      )}
    </section>
  );
}

function CloseControl({ id, onClose, pick }: { id: string; onClose: (reason: string) => void; pick: (x: { zh: string; en: string }) => string }) {
  const { t } = useI18n();
  const selectId = `close-${id}`;
  return (
    <span className="close-control">
      <label htmlFor={selectId} className="visually-hidden">
        {t('ws.broker.moveTo', { state: t('match.closed') })}
      </label>
      <select
        id={selectId}
        value=""
        onChange={(e) => {
          if (e.target.value) onClose(e.target.value);
        }}
      >
        <option value="">{t('match.closed')}…</option>
        {CLOSE_REASONS.map((r) => (
          <option key={r} value={r}>
            {pick(CLOSE_LABELS[r])}
          </option>
        ))}
      </select>
    </span>
  );
}
