import type { Flag } from '../rules/flag';
import type { CategoryId } from '../domain/categories';
import type { AreaSummary } from '../messages/protocol';
import type { LogAction } from '../log/schema';

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
  /** Every decision recorded on it this visit, in order: a scam can be reminded and deleted. */
  actions: LogAction[];
  /** log seq of each category's flag entry, once the background has written it */
  seqs: Partial<Record<CategoryId, number>>;
  seenAt: number;
}

/**
 * State shared by the overlay's parts (flags, panel, picker, status chip). A feature that keeps state
 * of its own gets a slice in `slices` under its id instead (see lib/overlay/feature.tsx).
 */
export interface OverlayState {
  ready: boolean;
  /** Health of the Zalo page areas the overlay uses (lib/zalo health check), for the status chip. */
  areas: AreaSummary[];
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
  /** The result of the admin's last action, shown until closed or replaced (the card has moved on). */
  notice: string;
  pendingWrites: number;
  storageError: string | null;
  enabled: boolean;
  /** Feature-owned state, keyed by feature id; read and written only through sliceStore(). */
  slices: Readonly<Record<string, unknown>>;
}

export const initialOverlayState: OverlayState = {
  ready: false,
  areas: [],
  errors: [],
  thread: null,
  checked: 0,
  flagged: [],
  panelOpen: false,
  cardFor: null,
  pickerOpen: false,
  pickerTemplate: null,
  announcement: '',
  notice: '',
  pendingWrites: 0,
  storageError: null,
  enabled: true,
  slices: {},
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

/**
 * The slice of `store` a feature owns, as a store of its own. `initial` stands in until the first
 * write. Feature ids are unique (meta-test), so a slice is only ever read with the type it was
 * written with.
 */
export function sliceStore<S extends object>(store: OverlayStore, id: string, initial: S): Store<S> {
  const read = (s: OverlayState): S => (s.slices[id] as S | undefined) ?? initial;
  return {
    get: () => read(store.get()),
    set(patch) {
      store.set((s) => {
        const current = read(s);
        const next = typeof patch === 'function' ? patch(current) : patch;
        return { slices: { ...s.slices, [id]: { ...current, ...next } } };
      });
    },
    subscribe: store.subscribe,
  };
}

/** Upserts a flagged message by thread + cliMsgId, keeping any status already recorded. */
export function upsertFlagged(list: readonly FlaggedMessage[], item: FlaggedMessage): FlaggedMessage[] {
  const i = list.findIndex((m) => m.cliMsgId === item.cliMsgId && m.threadId === item.threadId);
  if (i === -1) return [...list, item];
  const next = list.slice();
  next[i] = { ...item, status: list[i].status, actions: list[i].actions, seqs: { ...item.seqs, ...list[i].seqs } };
  return next;
}

/**
 * The flagged message the card should show after `cli` was handled: the next open one of the same
 * group in the panel's order (newest first), wrapping round; null when none is left.
 */
export function nextOpenFlag(list: readonly FlaggedMessage[], threadId: string, cli: string): string | null {
  const order = list.filter((m) => m.threadId === threadId).reverse();
  const at = order.findIndex((m) => m.cliMsgId === cli);
  const rest = at === -1 ? order : [...order.slice(at + 1), ...order.slice(0, at)];
  return rest.find((m) => m.status === 'open')?.cliMsgId ?? null;
}

/** Records a decision on a flagged message: several per message, a dismissal wins over nothing else. */
export function withAction(item: FlaggedMessage, action: LogAction): FlaggedMessage {
  if (action === 'note') return { ...item, actions: [...item.actions, action] };
  const status = action === 'dismissed' ? 'dismissed' : 'handled';
  return { ...item, status, actions: [...item.actions, action] };
}

export function recordError(store: OverlayStore, where: string, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  store.set((s) => ({ errors: [...s.errors.slice(-9), `${where}: ${message}`] }));
}
