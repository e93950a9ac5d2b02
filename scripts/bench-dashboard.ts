/**
 * Dashboard first paint with 100,000 log entries in Chromium with the built extension
 * (`npx wxt build` first). Seeds the extension database with precomputed hash-chained entries
 * (bulk IndexedDB puts from an extension page), then times a fresh load of dashboard.html#log until
 * the first table rows are on screen. Goal: ≤ 1,000 ms.
 *
 *   npx tsx scripts/bench-dashboard.ts
 */
import { chromium } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildStoredLog, mergeLogs, seedPage } from '../tests/unit/dashboard/seed';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXTENSION_DIR = path.join(ROOT, '.output/chrome-mv3');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function benchDashboard(opts: { entries?: number; runs?: number } = {}): Promise<Record<string, number>> {
  const n = opts.entries ?? 100_000;
  const runs = opts.runs ?? 3;
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) throw new Error('Build the extension first: npx wxt build');

  const t0 = performance.now();
  // Four village groups, entries spread over a year, as a busy xã would have.
  const per = Math.ceil(n / 4);
  const logs = await Promise.all(
    ['Đông', 'Đoài', 'Nam', 'Bắc'].map((thon, i) =>
      buildStoredLog({
        n: Math.min(per, n - i * per),
        threadId: `g-bench-${i}`,
        groupName: `Nhóm Zalo thôn ${thon}`,
        place: { thon, xa: 'An Bình', tinh: 'Bắc Ninh' },
        start: '2025-12-01T01:00:00.000Z',
        spanDays: 360,
        seed: 100 + i,
      }),
    ),
  );
  const log = mergeLogs(...logs);
  const buildMs = performance.now() - t0;

  const userDataDir = mkdtempSync(path.join(tmpdir(), 'zgg-bench-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    locale: 'vi-VN',
    args: [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`, '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  try {
    await context.route(/^https?:\/\//, (route) => route.abort());
    const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const id = new URL(sw.url()).host;
    const url = `chrome-extension://${id}/dashboard.html#log`;
    const page = await context.newPage();
    await page.goto(url);
    await page.getByTestId('log-count').waitFor();
    const s0 = performance.now();
    await seedPage(page, log, 10_000);
    const seedMs = performance.now() - s0;

    const first: number[] = [];
    const wall: number[] = [];
    const counted: number[] = [];
    const charted: number[] = [];
    for (let i = 0; i < runs; i++) {
      await page.goto('about:blank');
      const w0 = performance.now();
      await page.goto(url);
      await page.locator('[role=row][data-seq]').first().waitFor();
      wall.push(performance.now() - w0);
      first.push(await page.evaluate(() => performance.getEntriesByName('zgg-log-first-rows')[0]?.startTime ?? NaN));
      await page.getByTestId('log-count').filter({ hasText: 'Tìm thấy' }).waitFor({ timeout: 60_000 });
      counted.push(await page.evaluate(() => performance.now()));
      await page.getByTestId('chart-category').waitFor({ timeout: 120_000 });
      charted.push(await page.evaluate(() => performance.now()));
    }
    const shown = await page.getByTestId('log-count').textContent();
    if (!shown?.includes(n.toLocaleString('vi-VN'))) throw new Error(`unexpected count: ${shown}`);
    // Deep scroll: jump to the middle of the list and time until those rows are filled in.
    const d0 = performance.now();
    await page.locator('.logtable__scroll').evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('.logtable__scroll [role=row]')];
      return rows.length > 5 && rows.every((r) => Number(r.getAttribute('aria-rowindex')) > 1000) && rows.some((r) => r.hasAttribute('data-seq'));
    });
    const deepScrollMs = performance.now() - d0;

    return {
      entries: log.entries.length,
      firstRowsMs: Math.round(median(first)),
      firstRowsWallMs: Math.round(median(wall)),
      countShownMs: Math.round(median(counted)),
      chartsShownMs: Math.round(median(charted)),
      deepScrollMs: Math.round(deepScrollMs),
      seedMs: Math.round(seedMs),
      buildLogMs: Math.round(buildMs),
    };
  } finally {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchDashboard()
    .then((r) => {
      console.log(JSON.stringify(r, null, 2));
      console.log(`Dashboard first rows with ${r.entries.toLocaleString('vi-VN')} entries: ${r.firstRowsMs} ms after navigation start (goal ≤ 1000 ms)`);
    })
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
