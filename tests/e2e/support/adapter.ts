import { buildSync } from 'esbuild';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { ROOT } from './extension';

let bundle: string | undefined;

/** lib/zalo bundled for the page (built once per test run from the current sources). */
export function adapterBundle(): string {
  bundle ??= buildSync({
    entryPoints: [path.join(ROOT, 'tests/e2e/support/adapter-entry.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
  }).outputFiles[0]!.text;
  return bundle;
}

/** Loads the adapter into the page's main world as `window.__zgg`. */
export async function injectAdapter(page: Page): Promise<void> {
  await page.addScriptTag({ content: adapterBundle() });
}
