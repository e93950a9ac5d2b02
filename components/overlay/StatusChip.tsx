import { useOverlay, useOverlayState } from './context';
import type { MessageKey } from '@/lib/i18n';

/** Small always-visible chip: healthy / degraded (which parts) / our own errors. */
export function StatusChip() {
  const { t, actions } = useOverlay();
  const s = useOverlayState((x) => x);
  const open = s.flagged.filter((f) => f.status === 'open' && f.threadId === s.thread?.id).length;
  const degraded = s.areas.filter((f) => f.state !== 'ok');
  const broken = degraded.filter((f) => f.state === 'broken');
  const parts = (list: typeof degraded) => list.map((f) => t(`area.${f.id}` as MessageKey)).join(', ');

  let tone: 'ok' | 'warn' | 'bad' | 'idle' = 'ok';
  let line = open ? t('chip.flags', { n: open }) : t('chip.noFlags');
  if (!s.ready) {
    tone = 'idle';
    line = t('chip.waiting');
  } else if (!s.enabled) {
    tone = 'idle';
    line = t('chip.disabled');
  }
  const details: string[] = [];
  if (broken.length) details.push(t('chip.broken', { parts: parts(broken) }));
  else if (degraded.length) details.push(t('chip.degraded', { parts: parts(degraded) }));
  if (s.errors.length) details.push(t('chip.error', { message: s.errors[s.errors.length - 1] }));
  if (s.storageError) details.push(t('chip.storageError', { message: s.storageError }));
  else if (s.pendingWrites > 0) details.push(t('chip.pending', { n: s.pendingWrites }));
  if (tone === 'ok' && (broken.length || s.storageError)) tone = 'bad';
  else if (tone === 'ok' && (degraded.length || s.errors.length)) tone = 'warn';
  if (tone === 'ok' && open) tone = 'warn';

  const health = broken.length ? 'broken' : degraded.length ? 'degraded' : 'healthy';
  return (
    <button
      type="button"
      className={`zgg-chip zgg-chip--${tone}`}
      data-testid="zgg-status-chip"
      data-health={health}
      data-missing={degraded.map((f) => f.id).join(' ')}
      aria-label={`${t('app.name')}: ${line}. ${details.join('. ')} ${t('chip.open')}`}
      title={[line, ...details].join('\n')}
      onClick={() => actions.togglePanel()}
    >
      <span className="zgg-chip__shield" aria-hidden="true">
        <svg viewBox="0 0 24 24" width="16" height="16">
          <path d="M12 2 4 5v6c0 5 3.4 9.4 8 11 4.6-1.6 8-6 8-11V5l-8-3Z" fill="currentColor" />
        </svg>
      </span>
      <span className="zgg-chip__text">
        <span className="zgg-chip__line">{line}</span>
        {details.map((d) => (
          <span key={d} className="zgg-chip__detail">
            {d}
          </span>
        ))}
      </span>
    </button>
  );
}
