import { queryOne } from './query';

/** Zalo Web is logged in and rendered (`#app-page`, or the conversation list / search box). */
export function isReady(doc: Document): boolean {
  return queryOne(doc, 'appReady') !== null;
}

function abortError(signal: AbortSignal | undefined): unknown {
  return signal?.reason ?? new Error('aborted');
}

/**
 * Resolves when the app is ready. Observes `#app` (like ZaDark; subtree because the fallbacks sit
 * deeper) or the whole document when `#app` is missing. Rejects with the signal's reason on abort,
 * after disconnecting the observer.
 */
export function whenReady(doc: Document, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortError(signal));
  if (isReady(doc)) return Promise.resolve();
  const View = doc.defaultView;
  if (!View) return Promise.reject(new Error('document has no window'));
  return new Promise((resolve, reject) => {
    const cleanup = (): void => {
      observer.disconnect();
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = (): void => {
      cleanup();
      reject(abortError(signal));
    };
    const observer = new View.MutationObserver(() => {
      if (!isReady(doc)) return;
      cleanup();
      resolve();
    });
    const app = doc.getElementById('app');
    observer.observe(app ?? doc.documentElement, { childList: true, subtree: true });
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
