import type { BrowserContext, Page } from '@playwright/test';

export interface ReplicaState {
  threadId: string;
  bubblesInDom: number;
  sent: string[];
  pinned: string[];
  poll: { question: string; options: string[]; settings?: { deadline: string | null } } | null;
  composerText: string;
  range: { start: number; end: number; total: number } | null;
}

type Hook = {
  pushIncoming(m: Record<string, unknown>): string;
  switchThread(id: string): void;
  scrollToTop(all?: boolean): Promise<unknown>;
  scrollToBottom(all?: boolean): Promise<unknown>;
  state(): ReplicaState;
  ready: Promise<unknown>;
};
type HookWindow = { __zaloReplica: Hook };

export async function push(page: Page, message: Record<string, unknown>): Promise<string> {
  return page.evaluate((m) => (window as unknown as HookWindow).__zaloReplica.pushIncoming(m), message);
}
export async function replicaState(page: Page): Promise<ReplicaState> {
  return page.evaluate(() => (window as unknown as HookWindow).__zaloReplica.state());
}
export async function scroll(page: Page, where: 'top' | 'bottom', all = false): Promise<void> {
  await page.evaluate(
    ([w, a]) => {
      const hook = (window as unknown as HookWindow).__zaloReplica;
      return w === 'top' ? hook.scrollToTop(a as boolean) : hook.scrollToBottom(a as boolean);
    },
    [where, all] as const,
  );
}
export const bubble = (page: Page, cli: string) => page.locator(`[id="bb_msg_id_${cli}"]`);

/** Counts received bubbles in the DOM and how many carry data-zgg-checked with their own id (the contract). */
export async function checkedCounts(page: Page): Promise<{ received: number; checked: number; unchecked: string[] }> {
  return page.evaluate(() => {
    const received = [...document.querySelectorAll<HTMLElement>('[id^="bb_msg_id_"]')].filter(
      (el) => !el.querySelector('[data-id*="SentMsg"]') && !el.closest('.chat-item.me') && !el.closest('.me'),
    );
    const unchecked = received.filter((el) => el.getAttribute('data-zgg-checked') !== el.id).map((el) => el.id);
    return { received: received.length, checked: received.length - unchecked.length, unchecked };
  });
}

type Row = Record<string, unknown> & { seq: number; kind: string; chainId: string; action?: string; category?: string; messageId?: string };

/**
 * Reads the extension's log straight from IndexedDB, from an extension page (a service worker
 * handle goes stale when MV3 stops the worker, so tests never evaluate in it for reads).
 */
export async function readLog(context: BrowserContext, extensionId: string): Promise<Row[]> {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    return await page.evaluate(
      () =>
        new Promise<Row[]>((resolve, reject) => {
          const req = indexedDB.open('zalo-group-guard');
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const db = req.result;
            if (!db.objectStoreNames.contains('log')) return resolve([]);
            const all = db.transaction('log').objectStore('log').getAll();
            all.onsuccess = () => {
              resolve(all.result as Row[]);
              db.close();
            };
            all.onerror = () => reject(all.error);
          };
        }),
    );
  } finally {
    await page.close();
  }
}

/** Sends a request to the background from an extension page, as the dashboard does. */
export async function askBackground<T>(context: BrowserContext, extensionId: string, request: object): Promise<T> {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    return (await page.evaluate((req) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<T> } } }).chrome.runtime.sendMessage(req), request)) as T;
  } finally {
    await page.close();
  }
}
