// Firefox at run time: Debian's firefox-esr driven by puppeteer-core over WebDriver BiDi, with the
// built firefox-mv3 extension installed temporarily (no signing) and the replica served as chat.zalo.me.
// Playwright's runner hosts these tests so they share its reporter and CI count; Playwright itself
// cannot drive a stock Firefox, puppeteer-core can.
import { test as base } from '@playwright/test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT, replicaResponse } from '../../e2e/support/extension';
import type { ReplicaState } from '../../e2e/support/zalo';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const EXTENSION_DIR = path.join(ROOT, '.output/firefox-mv3');
const GECKO_ID = 'zalo-group-guard@tocns.vn';
// A fixed internal UUID makes the extension's pages recognisable by URL.
const EXTENSION_UUID = '6f1c6a3e-5a3b-4d41-9a51-3b2c1d0e9f11';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

/** Launches firefox-esr with the extension installed; the profile is temporary. */
export async function launchFirefox(): Promise<Browser> {
  if (!existsSync(FIREFOX_PATH)) throw new Error(`firefox-esr not found at ${FIREFOX_PATH}: apt-get install firefox-esr`);
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) throw new Error('Build the extension first: npx wxt build -b firefox --mv3');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    acceptInsecureCerts: true,
    defaultViewport: { width: 1280, height: 800 },
    extraPrefsFirefox: {
      // Firefox takes its languages from prefs, not from a launch option; the overlay follows navigator.language.
      'intl.locale.requested': 'vi',
      'intl.accept_languages': 'vi-VN, vi',
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
    },
  });
  try {
    await browser.installExtension(EXTENSION_DIR);
  } catch (e) {
    await browser.close();
    throw e;
  }
  return browser;
}

/** Serves tests/fixtures/zalo as https://chat.zalo.me and refuses every other network request. */
export async function routeReplica(page: Page): Promise<void> {
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.isInterceptResolutionHandled()) return;
    const url = request.url();
    if (!/^https?:\/\//.test(url)) return void request.continue();
    if (new URL(url).host !== 'chat.zalo.me') return void request.abort();
    void request.respond(replicaResponse(url));
  });
}

/** Opens the replica, then brings it to the front: the extension opens its own tab on install, and a
 * background tab gets no animation frames (the watcher batches on them). */
export async function openReplica(page: Page, params: Record<string, string> = {}): Promise<void> {
  const qs = new URLSearchParams({ readyDelay: '300', ...params }).toString();
  await page.goto(`https://chat.zalo.me/?${qs}`);
  await page.bringToFront();
}

/**
 * The extension page the extension opened itself (Firefox refuses navigating a tab to moz-extension://
 * from outside). Puppeteer lists such tabs as about:blank, so each page is asked for its location.
 */
export async function extensionPage(browser: Browser, timeoutMs = 10_000): Promise<Page> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    for (const page of await browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href.startsWith(EXTENSION_ORIGIN)) return page;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the extension did not open its page');
}

type Hook = { pushIncoming(m: Record<string, unknown>): string; state(): ReplicaState };
type HookWindow = { __zaloReplica: Hook };

export async function push(page: Page, message: Record<string, unknown>): Promise<string> {
  return page.evaluate((m) => (window as unknown as HookWindow).__zaloReplica.pushIncoming(m), message);
}

export async function replicaState(page: Page): Promise<ReplicaState> {
  return page.evaluate(() => (window as unknown as HookWindow).__zaloReplica.state());
}

export interface BubbleMarks {
  id: string;
  checked: string | null;
  flags: string | null;
}

/** data-zgg-checked / data-zgg-flags of every received bubble in the DOM (own messages are not read). */
export async function bubbleMarks(page: Page): Promise<BubbleMarks[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[id^="bb_msg_id_"]')]
      .filter((el) => !el.querySelector('[data-id*="SentMsg"]') && !el.closest('.me'))
      .map((el) => ({ id: el.id, checked: el.getAttribute('data-zgg-checked'), flags: el.getAttribute('data-zgg-flags') })),
  );
}

export async function marksOf(page: Page, cli: string): Promise<BubbleMarks | null> {
  return (await bubbleMarks(page)).find((m) => m.id === `bb_msg_id_${cli}`) ?? null;
}

export type LogRow = Record<string, unknown> & { seq: number; kind: string; action?: string; category?: string; messageId?: string };

/** Reads the extension's log from IndexedDB in an extension page (the extension's origin). */
export async function readLog(page: Page): Promise<LogRow[]> {
  return page.evaluate(
    () =>
      new Promise<LogRow[]>((resolve, reject) => {
        const req = indexedDB.open('zalo-group-guard');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains('log')) {
            db.close();
            return resolve([]);
          }
          const all = db.transaction('log').objectStore('log').getAll();
          all.onsuccess = () => {
            resolve(all.result as LogRow[]);
            db.close();
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

/**
 * Reload an extension page at `hash` and wait for `selector` in the new document. The wait starts only once the
 * reload has loaded: a wait started earlier can hold an element of the old document, which Firefox then refuses to
 * pass into the new one ("Not allowed to define cross-origin object").
 */
export async function reloadAt(page: Page, hash: string, selector: string): Promise<void> {
  await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    page.evaluate((h) => {
      location.hash = h;
      location.reload();
    }, hash),
  ]);
  await page.waitForSelector(selector);
}

/** Text content of the first element matching a selector that pierces shadow roots, or null. */
export async function textOf(page: Page, selector: string): Promise<string | null> {
  const handle = await page.$(selector);
  if (!handle) return null;
  try {
    return await handle.evaluate((el) => el.textContent);
  } finally {
    await handle.dispose();
  }
}

type Fixtures = { firefox: Browser; zalo: Page; errors: string[] };

/** Test fixture: a fresh Firefox profile with the built extension, and a tab routed to the replica. */
export const test = base.extend<Fixtures>({
  // Playwright requires the fixtures argument to be destructured, even when empty.
  firefox: async ({}, use) => {
    const browser = await launchFirefox();
    try {
      await use(browser);
    } finally {
      await browser.close();
    }
  },
  errors: async ({ zalo }, use) => {
    const errors: string[] = [];
    zalo.on('pageerror', (e) => errors.push(e instanceof Error ? e.message : String(e)));
    await use(errors);
  },
  zalo: async ({ firefox }, use) => {
    const page = await firefox.newPage();
    page.setDefaultTimeout(15_000); // a missing overlay fails the test rather than its 60 s budget
    await routeReplica(page);
    await use(page);
  },
});

export const expect = test.expect;
