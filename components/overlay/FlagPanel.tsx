import { useEffect, useMemo, useState } from 'react';
import { useOverlay, useOverlayState } from './context';
import { CategoryTag } from './CategoryTag';
import { CATEGORY_IDS, type CategoryId } from '@/lib/domain/categories';
import type { LogEntry } from '@/lib/log/schema';
import type { MessageKey } from '@/lib/i18n';

type StatusFilter = 'open' | 'done' | 'all';

export function FlagPanel() {
  const { t, actions, store, sections } = useOverlay();
  const thread = useOverlayState((s) => s.thread);
  const flagged = useOverlayState((s) => s.flagged);
  const checked = useOverlayState((s) => s.checked);
  const [status, setStatus] = useState<StatusFilter>('open');
  const [category, setCategory] = useState<CategoryId | null>(null);
  const [history, setHistory] = useState<LogEntry[] | null>(null);
  const [hint, setHint] = useState('');

  const mine = useMemo(() => flagged.filter((f) => f.threadId === thread?.id), [flagged, thread?.id]);
  const counts = useMemo(() => {
    const c = new Map<CategoryId, number>();
    for (const f of mine) for (const fl of f.flags) c.set(fl.category, (c.get(fl.category) ?? 0) + 1);
    return c;
  }, [mine]);
  const shown = mine
    .filter((f) => (status === 'all' ? true : status === 'open' ? f.status === 'open' : f.status !== 'open'))
    .filter((f) => !category || f.flags.some((fl) => fl.category === category))
    .slice()
    .reverse();

  useEffect(() => {
    let live = true;
    setHistory(null);
    actions
      .history()
      .then((h) => live && setHistory(h))
      .catch(() => live && setHistory([]));
    return () => {
      live = false;
    };
  }, [actions, thread?.id, mine.length]);

  return (
    <section className="zgg-panel" role="complementary" aria-label={t('panel.title')} data-testid="zgg-panel">
      <header className="zgg-panel__head">
        <div>
          <h2 className="zgg-panel__title">{t('panel.title')}</h2>
          <div className="zgg-muted">{thread?.name ?? ''}</div>
          <div className="zgg-muted">{t('panel.checked', { n: checked })}</div>
        </div>
        <button type="button" className="zgg-icon-btn" aria-label={t('panel.close')} onClick={() => actions.togglePanel(false)}>
          ×
        </button>
      </header>

      {sections.map(({ id, Section }) => (
        <Section key={id} store={store} t={t} ui={actions} />
      ))}

      <div className="zgg-toolbar">
        <button type="button" className="zgg-btn" onClick={() => actions.togglePicker(true)} data-testid="zgg-open-picker">
          {t('panel.templates')}
        </button>
        <button type="button" className="zgg-btn zgg-btn--ghost" onClick={() => actions.openDashboard()}>
          {t('panel.dashboard')}
        </button>
      </div>

      <div className="zgg-filters" role="group">
        {(['open', 'done', 'all'] as const).map((k) => (
          <button
            key={k}
            type="button"
            aria-pressed={status === k}
            className="zgg-filter"
            onClick={() => setStatus(k)}
          >
            {t(k === 'open' ? 'panel.filterOpen' : k === 'done' ? 'panel.filterDone' : 'panel.filterAll')}
          </button>
        ))}
      </div>
      <div className="zgg-filters" role="group">
        {CATEGORY_IDS.filter((c) => counts.get(c)).map((c) => (
          <button
            key={c}
            type="button"
            aria-pressed={category === c}
            className={`zgg-filter zgg-tag--${c}`}
            onClick={() => setCategory(category === c ? null : c)}
            data-testid={`zgg-count-${c}`}
          >
            {t(`category.${c}` as MessageKey)} · {counts.get(c)}
          </button>
        ))}
      </div>

      <h3 className="zgg-subtitle">{t('panel.thisVisit')}</h3>
      {shown.length === 0 ? (
        <p className="zgg-muted">{t('panel.empty')}</p>
      ) : (
        <ul className="zgg-list" data-testid="zgg-flag-list">
          {shown.map((f) => (
            <li key={f.cliMsgId} className={`zgg-item zgg-item--${f.status}`} data-cli={f.cliMsgId}>
              <div className="zgg-item__meta">
                <strong>{f.senderName || t('sender.unknown')}</strong> <span className="zgg-muted">{f.time ?? ''}</span>
                {f.actions.length > 0 && (
                  <span className="zgg-done">✓ {[...new Set(f.actions)].map((a) => t(`action.${a}` as MessageKey)).join(', ')}</span>
                )}
              </div>
              <div className="zgg-item__text">{f.text.slice(0, 140)}</div>
              <div className="zgg-tags">
                {f.flags.map((fl) => (
                  <CategoryTag key={fl.category} id={fl.category} t={t} />
                ))}
              </div>
              <div className="zgg-item__actions">
                <button type="button" className="zgg-btn zgg-btn--small" onClick={() => actions.openCard(f.cliMsgId)}>
                  {t('panel.details')}
                </button>
                <button
                  type="button"
                  className="zgg-btn zgg-btn--small zgg-btn--ghost"
                  onClick={() => setHint(actions.jumpTo(f.cliMsgId) ? '' : t('panel.notInView'))}
                >
                  {t('panel.jump')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {hint && <p className="zgg-muted" role="status">{hint}</p>}

      <h3 className="zgg-subtitle">{t('panel.history')}</h3>
      {history === null ? (
        <p className="zgg-muted">{t('common.loading')}</p>
      ) : history.length === 0 ? (
        <p className="zgg-muted">{t('panel.historyEmpty')}</p>
      ) : (
        <ul className="zgg-list zgg-list--history" data-testid="zgg-history">
          {history.slice(0, 50).map((e) => (
            <li key={`${e.chainId}:${e.seq}`} className="zgg-history">
              <span className="zgg-muted">{new Date(e.time).toLocaleString('vi-VN')}</span>{' '}
              <strong>{t(`kind.${e.kind}` as MessageKey)}</strong>
              {e.category ? ` · ${t(`category.${e.category}` as MessageKey)}` : ''}
              {e.action ? ` · ${t(`action.${e.action}` as MessageKey)}` : ''}
              {e.member?.name ? ` · ${e.member.name}` : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
