import { defineFeature } from '../feature';
import { currentThread, listMembers, readAllMembers, readPinnedBar, type Member } from '../../zalo';
import type { MessageKey, Translate } from '../../i18n';
import type { OverlayState, Store } from '../store';
import { recordError } from '../store';
import type { OverlayCore } from '../core';
import { looksLikeRules } from './pinned-rules';
import { checkGroupName } from '../../health/group-name';
import { provinceRuleOf } from '../../health/province';
import type { PageFactItem } from '../../health/checklist';

/**
 * Group health: how the open group is set up, shown in the admin panel, and the member list read
 * whole for the dashboard's household coverage.
 *
 * To add a check: add its label to locales/vi.json and en.json as `groupHealth.check.<id>` (the id
 * type is derived from those keys, so a check without a label does not compile), then add one entry
 * to GROUP_HEALTH_CHECKS. A check reads the page only through lib/zalo, never throws for a missing
 * part (answer 'unknown'), and runs again on every group switch, every REFRESH_MS and after a
 * member-list read. A check with a `fact` is also reported to the background, which ticks (or
 * unticks) that item of the dashboard's checklist with the date it was read.
 */

type Suffix<K, P extends string> = K extends `${P}${infer Id}` ? Id : never;
export type GroupHealthCheckId = Suffix<MessageKey, 'groupHealth.check.'>;

/** ok: as it should be; warn: the admin should act; unknown: the page does not show it right now. */
export type GroupHealthStatus = 'ok' | 'warn' | 'unknown';

/** The last read of the member list, kept per group for this visit. */
export interface MemberRead {
  threadId: string;
  phase: 'reading' | 'done' | 'partial' | 'failed';
  read: number;
  /** Zalo's own count (the list heading or the chat header), when shown. */
  total?: number;
  /** Names of the owner and deputies found in the list. */
  admins: string[];
  /** Whether the names reached the background's health store. */
  saved: 'no' | 'yes' | 'error';
  saveError?: string;
}

export interface GroupHealthInput {
  doc: Document;
  thread: NonNullable<OverlayState['thread']>;
  t: Translate;
  /** The open group's place from its settings; null until the group's session has arrived. */
  place: { thon: string; xa: string; tinh: string } | null;
  /** The last member-list read of this group, if any. */
  members: MemberRead | null;
}

export interface GroupHealthResult {
  id: GroupHealthCheckId;
  status: GroupHealthStatus;
  /** Shown after the label as plain text (React escapes it), e.g. the group's name. */
  detail?: string;
}

export interface GroupHealthCheck {
  id: GroupHealthCheckId;
  /** The dashboard checklist item this check settles when it is ok or warn. */
  fact?: PageFactItem;
  check(input: GroupHealthInput): Omit<GroupHealthResult, 'id'>;
}

/** The seeds ask for a trưởng nhóm and at least one phó nhóm. */
export const MIN_ADMINS = 2;

function adminsOf(members: readonly Member[]): string[] {
  return members.filter((m) => m.role !== 'member').map((m) => m.name);
}

export const GROUP_HEALTH_CHECKS: readonly GroupHealthCheck[] = [
  {
    id: 'group-name',
    fact: 'name-pattern',
    check: ({ thread, place, t }) => {
      const name = thread.name.trim();
      // The province's pattern depends on the group's settings: no verdict before they arrive.
      if (!name || !place) return { status: 'unknown', ...(name ? { detail: name } : {}) };
      const c = checkGroupName(name, provinceRuleOf(place.tinh), undefined, place);
      if (c.status === 'ok') return { status: 'ok', detail: name };
      if (c.status === 'rename') {
        return c.reason === 'huyen'
          ? { status: 'warn', detail: t('groupHealth.nameHuyen', { name, huyen: c.parsed.huyen ?? '', suggestion: c.suggestion }) }
          : { status: 'warn', detail: t('groupHealth.nameOther', { name, suggestion: c.suggestion }) };
      }
      return {
        status: 'warn',
        detail: c.suggestion ? t('groupHealth.nameUnparsedSuggest', { name, suggestion: c.suggestion }) : t('groupHealth.nameUnparsed', { name }),
      };
    },
  },
  {
    id: 'rules-pinned',
    fact: 'rules-pinned',
    check: ({ doc }) => {
      const bar = readPinnedBar(doc);
      if (bar.count === 0) return { status: 'warn' };
      return { status: bar.items.some(looksLikeRules) ? 'ok' : 'warn' };
    },
  },
  {
    id: 'admins',
    fact: 'admins',
    check: ({ doc, members, t }) => {
      // Rows in view count at once; a whole read is needed to say there are too few.
      const seen = new Set([...(members?.admins ?? []), ...adminsOf(listMembers(doc))]);
      const detail = seen.size ? t('groupHealth.admins', { n: seen.size, names: [...seen].join(', ') }) : undefined;
      if (seen.size >= MIN_ADMINS) return { status: 'ok', detail };
      if (members?.phase === 'done') return { status: 'warn', detail: detail ?? t('groupHealth.noAdmins') };
      return { status: 'unknown', detail: t('groupHealth.adminsHint') };
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

/** Checklist facts for the background: only checks that reached a verdict. */
export function pageFacts(results: readonly GroupHealthResult[], checks: readonly GroupHealthCheck[] = GROUP_HEALTH_CHECKS): Partial<Record<PageFactItem, boolean>> {
  const facts: Partial<Record<PageFactItem, boolean>> = {};
  for (const r of results) {
    const fact = checks.find((c) => c.id === r.id)?.fact;
    if (fact && r.status !== 'unknown') facts[fact] = r.status === 'ok';
  }
  return facts;
}

interface GroupHealthState {
  /** The group the results are about; results of another group are never shown. */
  threadId: string | null;
  results: GroupHealthResult[];
  members: MemberRead | null;
}

const INITIAL: GroupHealthState = { threadId: null, results: [], members: null };

const STATUS_KEY: Record<GroupHealthStatus, MessageKey> = {
  ok: 'groupHealth.ok',
  warn: 'groupHealth.warn',
  unknown: 'groupHealth.unknown',
};

export interface GroupHealthActions {
  /** Opens Zalo's member list and reads it whole by scrolling; the names go to the group's health store. */
  readMembers(): Promise<void>;
  cancelMemberRead(): void;
}

/** Facts already sent per group in this tab, so the background writes only when something changed. */
const sentFacts = new WeakMap<OverlayCore, Map<string, string>>();

/** Re-runs the checks for the open group; reports changed page facts to the background. */
function refresh(core: OverlayCore, state: Store<GroupHealthState>): void {
  const { doc, store, t } = core;
  const thread = store.get().thread;
  const current = state.get();
  if (!thread?.isGroup) {
    if (current.threadId !== null || current.results.length) state.set({ threadId: null, results: [] });
    return;
  }
  const session = core.session();
  const place = session && session.group.threadId === thread.id ? session.group : null;
  const members = current.members?.threadId === thread.id ? current.members : null;
  // A group renamed while open keeps its id: the header shows the name to check.
  const live = currentThread(doc);
  const named = live?.id === thread.id && live.name.trim() ? { ...thread, name: live.name } : thread;
  const results = runGroupHealthChecks({ doc, thread: named, t, place: place && { thon: place.thon, xa: place.xa, tinh: place.tinh }, members });
  // Only a change is written, so the store's other listeners are not woken every few seconds.
  if (current.threadId !== thread.id || JSON.stringify(results) !== JSON.stringify(current.results)) state.set({ threadId: thread.id, results });

  const facts = pageFacts(results);
  const key = JSON.stringify(facts);
  let sent = sentFacts.get(core);
  if (!sent) sentFacts.set(core, (sent = new Map()));
  if (key === '{}' || sent.get(thread.id) === key) return;
  sent.set(thread.id, key);
  core.send({ type: 'health.pageFacts', threadId: thread.id, facts }).catch((e) => {
    sent.delete(thread.id); // try again at the next refresh
    recordError(store, 'group-health', e);
  });
}

export const groupHealthFeature = defineFeature({
  id: 'group-health',
  description:
    'Bảng quản trị có mục "Tình trạng nhóm": tên nhóm theo mẫu của tỉnh, đã ghim Nội quy chưa, trưởng/phó nhóm; đọc trọn danh sách thành viên cho trang Sức khỏe nhóm.',
  state: INITIAL,
  actions(core, state): GroupHealthActions {
    const { doc, store, send } = core;
    let running: AbortController | null = null;
    const patch = (threadId: string, change: Partial<MemberRead>) =>
      state.set((s) => (s.members?.threadId === threadId ? { members: { ...s.members, ...change } } : {}));
    return {
      async readMembers() {
        const thread = store.get().thread;
        if (!thread?.isGroup || running) return;
        const ctl = new AbortController();
        running = ctl;
        const total = currentThread(doc)?.memberCount ?? thread.memberCount;
        state.set({ members: { threadId: thread.id, phase: 'reading', read: 0, admins: [], saved: 'no', ...(total !== undefined ? { total } : {}) } });
        try {
          const res = await readAllMembers(doc, {
            signal: ctl.signal,
            senders: core.senders,
            onProgress: (read) => patch(thread.id, { read }),
          });
          const names = [...new Set(res.members.map((m) => m.name))];
          const headerCount = res.headerCount ?? total;
          patch(thread.id, {
            phase: names.length === 0 ? 'failed' : res.complete ? 'done' : 'partial',
            read: names.length,
            admins: adminsOf(res.members),
            ...(headerCount !== undefined ? { total: headerCount } : {}),
          });
          refresh(core, state);
          if (!names.length) return;
          try {
            await send({ type: 'health.members', threadId: thread.id, names, complete: res.complete, ...(headerCount !== undefined ? { headerCount } : {}) });
            patch(thread.id, { saved: 'yes' });
          } catch (e) {
            patch(thread.id, { saved: 'error', saveError: e instanceof Error ? e.message : String(e) });
          }
        } finally {
          running = null;
        }
      },
      cancelMemberRead() {
        // The read stops at its next step and reports what it has as a partial list.
        running?.abort();
      },
    };
  },
  run({ store, core, state }, signal) {
    const tick = () => refresh(core, state);
    tick();
    const timer = setInterval(tick, REFRESH_MS);
    const unsubscribe = store.subscribe(() => {
      const thread = store.get().thread;
      if ((thread?.isGroup ? thread.id : null) !== state.get().threadId) tick();
    });
    signal.addEventListener('abort', () => {
      clearInterval(timer);
      unsubscribe();
    });
  },
  PanelSection({ state, t, actions }) {
    if (!state.results.length || !state.threadId) return null;
    const members = state.members?.threadId === state.threadId ? state.members : null;
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
        <div className="zgg-members" data-testid="zgg-members" data-phase={members?.phase ?? 'idle'}>
          {members?.phase === 'reading' ? (
            <button type="button" className="zgg-btn zgg-btn--small" data-testid="zgg-members-cancel" onClick={() => actions?.cancelMemberRead()}>
              {t('members.cancel')}
            </button>
          ) : (
            <button type="button" className="zgg-btn zgg-btn--small" data-testid="zgg-members-read" disabled={!actions} onClick={() => void actions?.readMembers()}>
              {t('members.read')}
            </button>
          )}
          <p className="zgg-members__status" role="status" aria-live="polite" data-testid="zgg-members-status">
            {members ? memberReadText(members, t) : ''}
          </p>
        </div>
      </section>
    );
  },
});

/** What the panel says about a member-list read, in the admin's words. */
export function memberReadText(m: MemberRead, t: Translate): string {
  const parts: string[] = [];
  switch (m.phase) {
    case 'reading':
      parts.push(m.total !== undefined ? t('members.progress', { n: m.read, total: m.total }) : t('members.reading', { n: m.read }));
      break;
    case 'done':
      parts.push(t('members.done', { n: m.read }));
      break;
    case 'partial':
      parts.push(m.total !== undefined ? t('members.partial', { n: m.read, total: m.total }) : t('members.partialNoTotal', { n: m.read }));
      break;
    case 'failed':
      parts.push(t('members.failed'));
      if (m.total !== undefined) parts.push(t('members.failedCount', { total: m.total }));
      break;
  }
  if (m.saved === 'yes') parts.push(t('members.saved', { n: m.read }));
  if (m.saved === 'error') parts.push(t('members.saveFailed', { message: m.saveError ?? '' }));
  return parts.join(' ');
}
