import { test as base, chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ROOT = path.resolve(here, '../../..');
export const EXTENSION_DIR = path.join(ROOT, '.output/chrome-mv3');
export const REPLICA_DIR = path.join(ROOT, 'tests/fixtures/zalo');

/** Flags that keep headless Debian Chromium quiet on a machine with no network but the registries. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** The replica's answer to a https://chat.zalo.me URL (shared by the Chromium and Firefox suites). */
export function replicaResponse(href: string): { status: number; contentType: string; body: Buffer | string } {
  const url = new URL(href);
  const rel = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html';
  const file = path.resolve(REPLICA_DIR, rel);
  if (!file.startsWith(REPLICA_DIR) || !existsSync(file)) return { status: 404, contentType: 'text/plain', body: 'not found' };
  return { status: 200, contentType: TYPES[path.extname(file)] ?? 'application/octet-stream', body: readFileSync(file) };
}

/** Serves tests/fixtures/zalo as https://chat.zalo.me and refuses every other network request. */
export async function routeReplica(context: BrowserContext): Promise<void> {
  await context.route(/^https?:\/\//, (route) => route.abort());
  await context.route('https://chat.zalo.me/**', (route) => route.fulfill(replicaResponse(route.request().url())));
}

export async function launchWithExtension(opts: { extension?: boolean; headless?: boolean } = {}) {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'zgg-e2e-'));
  const useExtension = opts.extension ?? true;
  if (useExtension && !existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error('Build the extension first: npx wxt build');
  }
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: opts.headless ?? true,
    viewport: { width: 1280, height: 800 },
    locale: 'vi-VN',
    args: [
      ...(useExtension ? [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`] : []),
      ...CHROMIUM_ARGS,
    ],
  });
  await routeReplica(context);
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export async function serviceWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

type Fixtures = { context: BrowserContext; extensionId: string; sw: Worker; zalo: Page };

/** Test fixture: a fresh profile with the built extension and the replica routed in. */
export const test = base.extend<Fixtures>({
  // Playwright requires the fixtures argument to be destructured, even when empty.
  context: async ({}, use) => {
    const launched = await launchWithExtension();
    await use(launched.context);
    await launched.close();
  },
  sw: async ({ context }, use) => {
    await use(await serviceWorker(context));
  },
  extensionId: async ({ sw }, use) => {
    await use(new URL(sw.url()).host);
  },
  zalo: async ({ context, sw }, use) => {
    void sw; // the worker must be up before the page so messaging works from the first bubble
    const page = context.pages()[0] ?? (await context.newPage());
    await use(page);
  },
});

export const expect = test.expect;

/** Opens the replica with query parameters, e.g. { scenario: 'default', readyDelay: '300' }. */
export async function openReplica(page: Page, params: Record<string, string> = {}): Promise<void> {
  const qs = new URLSearchParams({ readyDelay: '300', ...params }).toString();
  await page.goto(`https://chat.zalo.me/?${qs}`);
  // The extension opens its settings tab on install; keep Zalo in front like an admin would, since a
  // background tab gets no animation frames (the watcher batches on them and pauses while hidden).
  await page.bringToFront();
}
