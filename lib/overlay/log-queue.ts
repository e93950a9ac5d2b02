import { createRetryQueue, type QueueStorage } from '../log/queue';
import type { LogBodyInput } from '../log/schema';
import type { Send } from '../messages/client';
import type { OverlayStore } from './store';
import { recordError } from './store';

type Item = { key: string; body: LogBodyInput };

interface StorageArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

const STORAGE_KEY = 'zgg.logQueue';

/** chrome.storage.local survives a tab reload and a worker restart, so no flag or action is lost. */
export function storageAreaQueue(area: StorageArea): QueueStorage {
  return {
    get: async () => (await area.get(STORAGE_KEY))[STORAGE_KEY] ?? [],
    set: (items) => area.set({ [STORAGE_KEY]: items }),
  };
}

/** A bad entry (the background's validator refused it) is dropped, never retried forever. */
export function isPermanentLogError(error: unknown): boolean {
  const text = error instanceof Error ? error.message : String(error);
  return /^invalid message|LogValidationError/.test(text);
}

export function createLogQueue(deps: {
  store: OverlayStore;
  send: Send;
  storage: StorageArea;
  signal: AbortSignal;
}) {
  const queue = createRetryQueue<Item>({
    storage: storageAreaQueue(deps.storage),
    send: (item) => deps.send({ type: 'log.append', key: item.key, body: item.body }),
    isPermanent: isPermanentLogError,
    baseDelayMs: 500,
    maxDelayMs: 30_000,
    onChange: ({ pending, lastError }) =>
      deps.store.set({
        pendingWrites: pending,
        storageError: lastError && (lastError.kind === 'quota' || lastError.kind === 'rejected') ? lastError.message : null,
      }),
  });
  deps.signal.addEventListener('abort', () => queue.dispose());
  // Items left by a previous page load (worker was asleep, tab closed) go out now.
  void queue.flush({ force: true }).catch((e) => recordError(deps.store, 'log', e));
  return {
    enqueue(key: string, body: LogBodyInput): void {
      queue.enqueue({ key, body }, key).catch((e) => recordError(deps.store, 'log', e));
    },
    flush: () => queue.flush({ force: true }),
  };
}
