export interface WaitOptions {
  /** Give up after this many ms (default 2000). */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** What to observe (default: body, whole subtree). */
  root?: Node;
}

/**
 * Resolves with the first truthy value of `probe()`, checked now and after every DOM mutation,
 * or with null on timeout or abort. Never rejects; the observer and timer are always cleaned up.
 */
export function waitFor<T>(doc: Document, probe: () => T | null | undefined | false, options: WaitOptions = {}): Promise<T | null> {
  const safeProbe = (): T | null => {
    try {
      return probe() || null;
    } catch {
      return null;
    }
  };
  const first = safeProbe();
  if (first !== null) return Promise.resolve(first);
  const view = doc.defaultView;
  const { signal } = options;
  if (!view || signal?.aborted) return Promise.resolve(null);
  return new Promise((resolve) => {
    let done = false;
    const finish = (value: T | null): void => {
      if (done) return;
      done = true;
      observer.disconnect();
      view.clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(value);
    };
    const onAbort = (): void => finish(null);
    const observer = new view.MutationObserver(() => {
      const value = safeProbe();
      if (value !== null) finish(value);
    });
    observer.observe(options.root ?? doc.body ?? doc.documentElement, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
    });
    const timer = view.setTimeout(() => finish(safeProbe()), options.timeoutMs ?? 2000);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
