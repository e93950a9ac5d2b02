import { useEffect, useState } from 'react';
import DOMPurify from 'dompurify';
import { useOverlay, useOverlayState } from './context';
import { CategoryTag } from './CategoryTag';
import { Notice } from './Notice';
import { safeHighlight } from '@/lib/overlay/highlight';
import { clauseText } from '@/lib/domain/clauses';
import type { StrikeInfo, RecordableAction } from '@/lib/overlay/actions';
import { LADDER_STEPS } from '@/lib/domain/ladder';
import type { MessageKey } from '@/lib/i18n';

type Mode = 'main' | 'delete' | 'remove' | 'dismiss' | 'note';

export function FlagCard() {
  const { t, actions } = useOverlay();
  const cli = useOverlayState((s) => s.cardFor);
  const item = useOverlayState((s) => s.flagged.find((f) => f.cliMsgId === s.cardFor) ?? null);
  const [strikes, setStrikes] = useState<StrikeInfo | null>(null);
  const [mode, setMode] = useState<Mode>('main');
  const [message, setMessage] = useState('');
  const [note, setNote] = useState('');
  const [allow, setAllow] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setMode('main');
    setMessage('');
    setStrikes(null);
    if (!cli) return;
    let live = true;
    actions
      .strikes(cli)
      .then((s) => live && setStrikes(s))
      .catch(() => live && setStrikes(null));
    return () => {
      live = false;
    };
  }, [cli, actions, item?.status]);

  if (!cli || !item) return null;
  const evidenceTerms = [...new Set(item.flags.flatMap((f) => f.evidence.map((e) => e.text)))];
  const spans = item.flags.flatMap((f) => f.evidence);
  const next = strikes?.nextStep ?? 'remind';
  // The ladder's words go in once per message; after that only further outcomes (delete, remove, note).
  const stepTaken = item.actions.some((a) => (LADDER_STEPS as readonly string[]).includes(a));
  const done = item.actions.filter((a, i, all) => all.indexOf(a) === i);

  const run = async (fn: () => Promise<string | void>) => {
    setBusy(true);
    try {
      const m = await fn();
      if (m) setMessage(m);
    } catch (e) {
      setMessage(t('common.error', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };
  /** A decision is logged, then the card moves on; the notice keeps what was done readable. */
  const record = async (action: RecordableAction, opts?: { note?: string; allowTerms?: string[]; before?: string }) => {
    await actions.record(cli, action, opts);
    const recorded = t('card.recordedFor', { action: t(`action.${action}` as MessageKey), name: item.senderName || t('sender.unknown') });
    if (action === 'note') {
      setMode('main');
      return recorded;
    }
    actions.moveOn(cli, [opts?.before, recorded].filter(Boolean).join(' '));
  };
  const decide = (action: RecordableAction, opts?: { note?: string; allowTerms?: string[] }) => run(() => record(action, opts));

  return (
    <div className="zgg-card" role="dialog" aria-modal="false" aria-labelledby="zgg-card-title" data-testid="zgg-card" data-cli={cli}>
      <Notice inline />
      <header className="zgg-card__head">
        <h2 id="zgg-card-title" className="zgg-card__title">
          {t('card.title')}
        </h2>
        <button type="button" className="zgg-icon-btn" aria-label={t('card.close')} onClick={() => actions.openCard(null)}>
          ×
        </button>
      </header>
      <p className="zgg-card__meta">
        <strong data-testid="zgg-card-sender">{item.senderName || t('sender.unknown')}</strong>
        {item.time && <span className="zgg-muted"> · {item.time}</span>}
      </p>
      <div
        className="zgg-card__text"
        data-testid="zgg-card-text"
        // Escaped, highlighted, then sanitised to <mark>/<br> only: message text never becomes markup.
        dangerouslySetInnerHTML={{ __html: safeHighlight(DOMPurify, item.text, spans) }}
      />
      <ul className="zgg-cats" data-testid="zgg-card-flags">
        {item.flags.map((f) => (
          <li key={f.category} className="zgg-cat" data-category={f.category}>
            <CategoryTag id={f.category} t={t} />
            <span className={`zgg-sev zgg-sev--${f.severity}`}>{t(`severity.${f.severity}` as MessageKey)}</span>
            <span className="zgg-muted">{t('card.clause', { clause: f.clause })}</span>
            {f.evidence.length > 0 && (
              <span className="zgg-cat__evidence" title={t('card.evidence')}>
                «{[...new Set(f.evidence.map((e) => e.text))].join(' · ')}»
              </span>
            )}
          </li>
        ))}
      </ul>
      {done.length > 0 && (
        <p className="zgg-done" data-testid="zgg-card-outcomes">
          ✓ {t('card.outcomes', { actions: done.map((a) => t(`action.${a}` as MessageKey)).join(', ') })}
        </p>
      )}

      {mode === 'main' && item.status !== 'dismissed' && (
        <div className="zgg-actions zgg-actions--sticky" role="group" aria-label={t('card.actions')}>
          {!stepTaken && (
            <button
              type="button"
              className="zgg-btn"
              disabled={busy || strikes === null}
              data-testid="zgg-act-remind"
              onClick={() =>
                run(async () => {
                  // The button, the words inserted and the log entry are all the same ladder step.
                  const out = await actions.remind(cli, next);
                  if (!out.ok) return out.message;
                  await record(next, { before: out.message });
                })
              }
            >
              {t(`suggest.${next}` as MessageKey)}
            </button>
          )}
          {!done.includes('deleted') && (
            <button type="button" className="zgg-btn zgg-btn--ghost" disabled={busy} data-testid="zgg-act-deleted" onClick={() => setMode('delete')}>
              {t('action.deleted')}
            </button>
          )}
          {!done.includes('removed') && (
            <button type="button" className="zgg-btn zgg-btn--ghost" disabled={busy} data-testid="zgg-act-removed" onClick={() => setMode('remove')}>
              {t('action.removed')}
            </button>
          )}
          {item.status === 'open' && (
            <button
              type="button"
              className="zgg-btn zgg-btn--ghost"
              disabled={busy}
              data-testid="zgg-act-dismissed"
              onClick={() => setMode('dismiss')}
            >
              {t('action.dismissed')}
            </button>
          )}
          <button type="button" className="zgg-btn zgg-btn--ghost" disabled={busy} data-testid="zgg-act-note" onClick={() => setMode('note')}>
            {t('action.note')}
          </button>
        </div>
      )}
      {mode === 'main' && item.status === 'dismissed' && (
        <div className="zgg-actions zgg-actions--sticky">
          <button type="button" className="zgg-btn zgg-btn--ghost" data-testid="zgg-act-note" onClick={() => setMode('note')}>
            {t('action.note')}
          </button>
        </div>
      )}

      {mode === 'delete' && (
        <div className="zgg-guide" role="group">
          <p>{t('card.deleteGuide')}</p>
          <button type="button" className="zgg-btn zgg-btn--ghost" onClick={() => run(async () => void (await actions.openMessageMenu(cli)))}>
            {t('card.openMenu')}
          </button>
          <button type="button" className="zgg-btn" data-testid="zgg-confirm-deleted" disabled={busy} onClick={() => decide('deleted')}>
            {t('card.confirmDeleted')}
          </button>
          <button type="button" className="zgg-btn zgg-btn--ghost" onClick={() => setMode('main')}>
            {t('card.cancel')}
          </button>
        </div>
      )}
      {mode === 'remove' && (
        <div className="zgg-guide" role="group">
          <p>{t('card.removeGuide')}</p>
          <button type="button" className="zgg-btn zgg-btn--ghost" onClick={() => run(async () => void (await actions.openMembers()))}>
            {t('card.openMembers')}
          </button>
          <button type="button" className="zgg-btn" data-testid="zgg-confirm-removed" disabled={busy} onClick={() => decide('removed')}>
            {t('card.confirmRemoved')}
          </button>
          <button type="button" className="zgg-btn zgg-btn--ghost" onClick={() => setMode('main')}>
            {t('card.cancel')}
          </button>
        </div>
      )}
      {mode === 'dismiss' && (
        <div className="zgg-guide" role="group">
          {evidenceTerms.length > 0 && (
            <label className="zgg-check">
              <input type="checkbox" checked={allow} onChange={(e) => setAllow(e.currentTarget.checked)} data-testid="zgg-allow-terms" />
              {t('card.allowTerm', { terms: evidenceTerms.join(', ') })}
            </label>
          )}
          <button
            type="button"
            className="zgg-btn"
            data-testid="zgg-confirm-dismissed"
            disabled={busy}
            onClick={() => decide('dismissed', allow ? { allowTerms: evidenceTerms } : undefined)}
          >
            {t('card.dismissConfirm')}
          </button>
          <button type="button" className="zgg-btn zgg-btn--ghost" onClick={() => setMode('main')}>
            {t('card.cancel')}
          </button>
        </div>
      )}
      {mode === 'note' && (
        <div className="zgg-guide" role="group">
          <textarea
            className="zgg-textarea"
            value={note}
            placeholder={t('card.notePlaceholder')}
            onChange={(e) => setNote(e.currentTarget.value)}
            data-testid="zgg-note"
          />
          <button
            type="button"
            className="zgg-btn"
            disabled={busy || !note.trim()}
            onClick={() => decide('note', { note: note.trim() }).then(() => setNote(''))}
          >
            {t('card.saveNote')}
          </button>
          <button type="button" className="zgg-btn zgg-btn--ghost" onClick={() => setMode('main')}>
            {t('card.cancel')}
          </button>
        </div>
      )}
      {message && (
        <p className="zgg-message" role="status" data-testid="zgg-card-message">
          {message}
        </p>
      )}
      <details className="zgg-details" data-testid="zgg-card-details">
        <summary>
          {t('card.details')}
          {strikes && strikes.count > 0 ? ` · ${t('card.strikeCount', { n: strikes.count })}` : ''}
        </summary>
        {item.flags.map((f) => (
          <section key={f.category} className="zgg-flag" data-category={f.category}>
            <CategoryTag id={f.category} t={t} />
            <p className="zgg-flag__why">{f.explanation}</p>
            <blockquote className="zgg-quote">
              <strong>{t('card.clause', { clause: f.clause })}</strong>: {clauseText(f.clause)}
            </blockquote>
          </section>
        ))}
        <section className="zgg-strikes" data-testid="zgg-strikes">
          <h3 className="zgg-subtitle">{t('card.strikes')}</h3>
          {strikes === null ? (
            <p className="zgg-muted">{t('common.loading')}</p>
          ) : strikes.count === 0 ? (
            <p className="zgg-muted">{t('card.noStrikes')}</p>
          ) : (
            <>
              <p data-testid="zgg-strike-count" data-count={strikes.count}>
                {t('card.strikeCount', { n: strikes.count })}
              </p>
              <ul className="zgg-list">
                {strikes.entries.slice(0, 5).map((e) => (
                  <li key={e.seq} className="zgg-muted">
                    {new Date(e.time).toLocaleDateString('vi-VN')} · {e.category ? t(`category.${e.category}` as MessageKey) : ''} ·{' '}
                    {e.action ? t(`action.${e.action}` as MessageKey) : ''}
                  </li>
                ))}
              </ul>
            </>
          )}
          {strikes && (
            <p className="zgg-next" data-testid="zgg-next-step" data-step={next}>
              {t('card.nextStep', { step: t(`suggest.${next}` as MessageKey) })}
            </p>
          )}
        </section>
      </details>
    </div>
  );
}
