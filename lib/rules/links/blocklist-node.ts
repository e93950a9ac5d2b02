import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBlocklist, type HostBlocklist } from './blocklist';

/**
 * public/blocklists/blocklist.txt, relative to this file (lib/rules/links → repo root). Uses path strings,
 * not `new URL(rel, base)`: test DOM environments replace the global URL class.
 */
export const BUNDLED_BLOCKLIST_FILE = import.meta.url.startsWith('file:')
  ? resolve(dirname(fileURLToPath(import.meta.url)), '../../../public/blocklists/blocklist.txt')
  : resolve(process.cwd(), 'public/blocklists/blocklist.txt');

let cached: HostBlocklist | null = null;

/** Node-only (CLI, tests): load the bundled blocklist once per process. */
export function loadBundledBlocklistSync(): HostBlocklist {
  if (!cached) cached = loadBlocklist(readFileSync(BUNDLED_BLOCKLIST_FILE, 'utf8'), 'bundled');
  return cached;
}
