import type { Flag } from '../rules/flag';
import type { CategoryId } from '../rules/categories';

/** One flagged message seen in this tab (this visit). */
export interface FlaggedMessage {
  threadId: string;
  cliMsgId: string;
  senderName: string;
  fromUid?: string;
  time?: string;
  text: string;
  flags: Flag[];
  /** open until the admin records an outcome */
  status: 'open' | 'handled' | 'dismissed';
  outcome?: string;
  /** log seq of each category's flag entry, once the background has written it */
  seqs: Partial<Record<CategoryId, number>>;
  seenAt: number;
}

export interface FeatureStatus {
  id: string;
  state: 'ok' | 'degraded' | 'broken';
  missing: string[];
}

export interface OverlayState {
  ready: boolean;
  features: FeatureStatus[];
  errors: string[];
  thread: { id: string; name: string; isGroup: boolean; memberCount?: number } | null;
  checked: number;
  flagged: FlaggedMessage[];
  panelOpen: boolean;
  cardFor: string | null;
  pickerOpen: boolean;
  /** Template to preselect when the picker opens (popup quick list). */
  pickerTemplate: string | null;
  announcement: string;
  pendingWrites: number;
  storageError: string | null;
  noticePinned: boolean | null;
  /** Set when the open group's name still carries a huyện (features/group-health-checks.ts). */
  groupRename: { suggestion: string; huyen: string } | null;
  enabled: boolean;
}

export const initialOverlayState: OverlayState = {
  ready: false,
  features: [],
  errors: [],
  thread: null,
  checked: 0,
  flagged: [],
  panelOpen: false,
  cardFor: null,
  pickerOpen: false,
  pickerTemplate: null,
  announcement: '',
  pendingWrites: 0,
  storageError: null,
  noticePinned: null,
  groupRename: null,
  enabled: true,
};

export interface Store<S> {
  get(): S;
  set(patch: Partial<S> | ((s: S) => Partial<S>)): void;
  subscribe(listener: () => void): () => void;
}

/** Minimal external store for useSyncExternalStore; listeners are notified once per set. */
export function createStore<S extends object>(initial: S): Store<S> {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set(patch) {
      const next = typeof patch === 'function' ? patch(state) : patch;
      state = { ...state, ...next };
      for (const l of listeners) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type OverlayStore = Store<OverlayState>;

/** Upserts a flagged message by thread + cliMsgId, keeping any status already recorded. */
export function upsertFlagged(list: readonly FlaggedMessage[], item: FlaggedMessage): FlaggedMessage[] {
  const i = list.findIndex((m) => m.cliMsgId === item.cliMsgId && m.threadId === item.threadId);
  if (i === -1) return [...list, item];
  const next = list.slice();
  next[i] = { ...item, status: list[i].status, outcome: list[i].outcome, seqs: { ...item.seqs, ...list[i].seqs } };
  return next;
}

export function recordError(store: OverlayStore, where: string, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  store.set((s) => ({ errors: [...s.errors.slice(-9), `${where}: ${message}`] }));
}
