/**
 * Client-side write queue for senders talking to the MV3 service worker, which may be asleep or
 * restarting. Items are persisted before sending, retried with exponential backoff, and removed only
 * after `send` resolves. Each item carries an idempotency key that the background uses to append it
 * at most once (appendLog's `key`), so a send whose reply got lost can be retried safely.
 */

/** Where pending items live: chrome.storage.session, sessionStorage, or memory in tests. */
export type QueueStorage = {
  get(): Promise<unknown> | unknown;
  set(items: unknown[]): Promise<void> | void;
};

export type QueueErrorKind = 'quota' | 'storage' | 'send' | 'rejected';
export type QueueError = { kind: QueueErrorKind; message: string; at: string; key?: string };

export type QueuedItem<T> = { key: string; item: T; attempts: number; nextAt: number };

export type RetryQueueOptions<T> = {
  send: (item: T, key: string) => Promise<unknown>;
  storage: QueueStorage;
  /** Errors that retrying cannot fix (e.g. LogValidationError): the item is dropped. */
  isPermanent?: (error: unknown) => boolean;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Items older than this many attempts are dropped and reported (default: never). */
  maxAttempts?: number;
  now?: () => number;
  /** Timer hook; default setTimeout. Return a cancel function. */
  schedule?: (fn: () => void, ms: number) => () => void;
  newKey?: () => string;
  onChange?: (state: { pending: number; lastError: QueueError | null }) => void;
};

export type RetryQueue<T> = {
  /** Persists then tries to send. Resolves once persisted (or, if storage is full, kept in memory). */
  enqueue(item: T, key?: string): Promise<string>;
  /** Sends everything that is due now, in order; resolves when done or blocked by a failure. */
  flush(options?: { force?: boolean }): Promise<{ sent: number; pending: number }>;
  readonly pending: number;
  readonly lastError: QueueError | null;
  /** Stops timers (page unload, tests). */
  dispose(): void;
};

function isQuotaError(error: unknown): boolean {
  const e = error as { name?: unknown; message?: unknown; code?: unknown } | null;
  const text = `${String(e?.name ?? '')} ${String(e?.message ?? '')}`.toLowerCase();
  return e?.code === 22 || text.includes('quota');
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isQueuedItem(value: unknown): value is QueuedItem<unknown> {
  const v = value as Partial<QueuedItem<unknown>> | null;
  return typeof v?.key === 'string' && typeof v.attempts === 'number' && typeof v.nextAt === 'number' && 'item' in v;
}

export function createRetryQueue<T>(options: RetryQueueOptions<T>): RetryQueue<T> {
  const now = options.now ?? (() => Date.now());
  const base = options.baseDelayMs ?? 500;
  const max = options.maxDelayMs ?? 60_000;
  const schedule =
    options.schedule ??
    ((fn, ms) => {
      const id = setTimeout(fn, ms);
      return () => clearTimeout(id);
    });
  const newKey = options.newKey ?? (() => globalThis.crypto.randomUUID());

  let items: QueuedItem<T>[] = [];
  let lastError: QueueError | null = null;
  let loaded: Promise<void> | null = null;
  let flushing: Promise<{ sent: number; pending: number }> | null = null;
  let cancelTimer: (() => void) | null = null;
  let disposed = false;

  const notify = () => options.onChange?.({ pending: items.length, lastError });
  const fail = (kind: QueueErrorKind, error: unknown, key?: string) => {
    lastError = { kind, message: message(error), at: new Date(now()).toISOString(), key };
    notify();
  };

  /** Loads what a previous page/worker left behind (restart recovery). */
  function load(): Promise<void> {
    loaded ??= (async () => {
      try {
        const stored = await options.storage.get();
        const restored = Array.isArray(stored) ? stored.filter(isQueuedItem) : [];
        const known = new Set(items.map((i) => i.key));
        items = [...(restored as QueuedItem<T>[]).filter((i) => !known.has(i.key)), ...items];
      } catch (e) {
        fail('storage', e);
      }
    })();
    return loaded;
  }

  async function persist(): Promise<void> {
    try {
      await options.storage.set(items);
    } catch (e) {
      // Keep going from memory: losing persistence is better than losing the entry.
      fail(isQuotaError(e) ? 'quota' : 'storage', e);
    }
  }

  function arm(): void {
    cancelTimer?.();
    cancelTimer = null;
    if (disposed || items.length === 0) return;
    const due = Math.max(0, Math.min(...items.map((i) => i.nextAt)) - now());
    cancelTimer = schedule(() => {
      cancelTimer = null;
      void flush();
    }, due);
  }

  async function runFlush(force: boolean): Promise<{ sent: number; pending: number }> {
    await load();
    let sent = 0;
    // In order: a later entry (an action) may refer to an earlier one (its flag).
    while (items.length > 0) {
      const head = items[0];
      if (!force && head.nextAt > now()) break;
      try {
        await options.send(head.item, head.key);
        items = items.filter((i) => i.key !== head.key);
        sent++;
        await persist();
      } catch (e) {
        const permanent = options.isPermanent?.(e) ?? false;
        const attempts = head.attempts + 1;
        if (permanent || (options.maxAttempts !== undefined && attempts >= options.maxAttempts)) {
          items = items.filter((i) => i.key !== head.key);
          fail(permanent ? 'rejected' : 'send', e, head.key);
        } else {
          const delay = Math.min(max, base * 2 ** (attempts - 1));
          items = items.map((i) => (i.key === head.key ? { ...i, attempts, nextAt: now() + delay } : i));
          fail(isQuotaError(e) ? 'quota' : 'send', e, head.key);
        }
        await persist();
        if (!permanent) break;
      }
    }
    if (sent > 0 && items.length === 0) lastError = null;
    notify();
    arm();
    return { sent, pending: items.length };
  }

  function flush(opts: { force?: boolean } = {}): Promise<{ sent: number; pending: number }> {
    // One flush at a time; a caller arriving mid-flush waits for it, then runs its own pass.
    const run: Promise<{ sent: number; pending: number }> = (flushing ?? Promise.resolve()).then(() =>
      runFlush(opts.force ?? false),
    );
    const tail = run.finally(() => {
      if (flushing === tail) flushing = null;
    });
    flushing = tail;
    return run;
  }

  return {
    async enqueue(item, key = newKey()) {
      await load();
      if (!items.some((i) => i.key === key)) {
        items = [...items, { key, item, attempts: 0, nextAt: now() }];
        await persist();
        notify();
      }
      void flush();
      return key;
    },
    flush,
    get pending() {
      return items.length;
    },
    get lastError() {
      return lastError;
    },
    dispose() {
      disposed = true;
      cancelTimer?.();
      cancelTimer = null;
    },
  };
}

/** Storage backed by a single JSON string (sessionStorage / chrome.storage.session / memory). */
export function jsonStorage(backend: { getItem(key: string): string | null; setItem(key: string, value: string): void }, name = 'zgg-log-queue'): QueueStorage {
  return {
    get: () => {
      const raw = backend.getItem(name);
      return raw ? (JSON.parse(raw) as unknown) : [];
    },
    set: (items) => backend.setItem(name, JSON.stringify(items)),
  };
}
