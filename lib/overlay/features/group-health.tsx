import { defineFeature } from '../feature';
import { readPinnedBar } from '../../zalo';
import type { MessageKey } from '../../i18n';
import type { OverlayState } from '../store';
import { looksLikeRules } from './pinned-rules';

/**
 * Group health: a short checklist of how the open group is set up, shown in the admin panel.
 *
 * To add a check: add its label to locales/vi.json and en.json as `groupHealth.check.<id>` (the id
 * type is derived from those keys, so a check without a label does not compile), then add one entry
 * to GROUP_HEALTH_CHECKS. A check reads the page only through lib/zalo, never throws for a missing
 * part (answer 'unknown'), and runs again on every group switch and every REFRESH_MS.
 */

type Suffix<K, P extends string> = K extends `${P}${infer Id}` ? Id : never;
export type GroupHealthCheckId = Suffix<MessageKey, 'groupHealth.check.'>;

/** ok: as it should be; warn: the admin should act; unknown: the page does not show it right now. */
export type GroupHealthStatus = 'ok' | 'warn' | 'unknown';

export interface GroupHealthInput {
  doc: Document;
  thread: NonNullable<OverlayState['thread']>;
}

export interface GroupHealthResult {
  id: GroupHealthCheckId;
  status: GroupHealthStatus;
  /** Shown after the label as plain text (React escapes it), e.g. the group's name. */
  detail?: string;
}

export interface GroupHealthCheck {
  id: GroupHealthCheckId;
  check(input: GroupHealthInput): Omit<GroupHealthResult, 'id'>;
}

export const GROUP_HEALTH_CHECKS: readonly GroupHealthCheck[] = [
  {
    id: 'group-name',
    check: ({ thread }) => (thread.name.trim() ? { status: 'ok', detail: thread.name.trim() } : { status: 'unknown' }),
  },
  {
    id: 'rules-pinned',
    check: ({ doc }) => {
      const bar = readPinnedBar(doc);
      if (bar.count === 0) return { status: 'warn' };
      return { status: bar.items.some(looksLikeRules) ? 'ok' : 'warn' };
    },
  },
];

export const REFRESH_MS = 5000;

/** Runs every check; one that throws is reported as unknown so the others still show. */
export function runGroupHealthChecks(input: GroupHealthInput, checks: readonly GroupHealthCheck[] = GROUP_HEALTH_CHECKS): GroupHealthResult[] {
  return checks.map((c) => {
    try {
      return { id: c.id, ...c.check(input) };
    } catch {
      return { id: c.id, status: 'unknown' };
    }
  });
}

interface GroupHealthState {
  /** The group the results are about; results of another group are never shown. */
  threadId: string | null;
  results: GroupHealthResult[];
}

const STATUS_KEY: Record<GroupHealthStatus, MessageKey> = {
  ok: 'groupHealth.ok',
  warn: 'groupHealth.warn',
  unknown: 'groupHealth.unknown',
};

export const groupHealthFeature = defineFeature({
  id: 'group-health',
  description: 'Bảng quản trị có mục "Tình trạng nhóm": tên nhóm, đã ghim Nội quy chưa và các kiểm tra khác về cách thiết lập nhóm.',
  state: { threadId: null, results: [] } as GroupHealthState,
  run({ doc, store, state }, signal) {
    const refresh = () => {
      const thread = store.get().thread;
      const next: GroupHealthState = thread?.isGroup
        ? { threadId: thread.id, results: runGroupHealthChecks({ doc, thread }) }
        : { threadId: null, results: [] };
      // Only a change is written, so the store's other listeners are not woken every few seconds.
      if (JSON.stringify(next) !== JSON.stringify(state.get())) state.set(next);
    };
    refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    const unsubscribe = store.subscribe(() => {
      if (store.get().thread?.id !== state.get().threadId) refresh();
    });
    signal.addEventListener('abort', () => {
      clearInterval(timer);
      unsubscribe();
    });
  },
  PanelSection({ state, t }) {
    if (!state.results.length) return null;
    return (
      <section className="zgg-health" data-testid="zgg-group-health" aria-label={t('groupHealth.title')}>
        <h3 className="zgg-subtitle">{t('groupHealth.title')}</h3>
        <ul className="zgg-list">
          {state.results.map((r) => (
            <li key={r.id} className={`zgg-health__item zgg-health__item--${r.status}`} data-check={r.id} data-status={r.status}>
              {t(`groupHealth.check.${r.id}`)}: <strong>{t(STATUS_KEY[r.status])}</strong>
              {r.detail ? ` · ${r.detail}` : ''}
            </li>
          ))}
        </ul>
      </section>
    );
  },
});
