import { existsSync } from 'node:fs';

/**
 * For it.skipIf: true when a data file is absent on a developer machine (the test is skipped and
 * reported as such). In CI (process.env.CI set) it is always false, so absent data makes the test
 * fail instead of passing silently; CI runs with the shared folder beside the clone (../shared).
 */
export function missingData(path: string): boolean {
  return !process.env.CI && !existsSync(path);
}
