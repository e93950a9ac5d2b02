/**
 * npm run bench: every benchmark of the project in one run, figures printed as one table.
 * Ratios against a baseline measured in the same run matter more than absolute times (shared,
 * noisy machines). `npm run bench -- rules page` runs only the named groups.
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { benchRules } from './bench-rules';
import { benchReports } from './bench-reports';
import { benchPage } from './bench-page';
import { benchDashboard } from './bench-dashboard';
import { benchXa } from './bench-xa';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const GROUPS: Record<string, () => Promise<Record<string, number>>> = {
  rules: () => benchRules(),
  reports: () => benchReports(),
  page: () => benchPage(),
  dashboard: () => benchDashboard(),
  xa: () => benchXa(),
};

async function main() {
  const wanted = process.argv.slice(2).filter((a) => a in GROUPS);
  const names = wanted.length ? wanted : Object.keys(GROUPS);
  if ((names.includes('page') || names.includes('dashboard')) && !existsSync(path.join(ROOT, '.output/chrome-mv3/manifest.json'))) {
    execSync('npx wxt build', { cwd: ROOT, stdio: 'inherit' });
  }
  let failed = false;
  for (const name of names) {
    console.log(`\n## ${name}`);
    try {
      const figures = await GROUPS[name]();
      const width = Math.max(...Object.keys(figures).map((k) => k.length));
      for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(width)}  ${Number.isInteger(v) ? v : v.toFixed(2)}`);
    } catch (e) {
      failed = true;
      console.log(`failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  process.exit(failed ? 1 : 0);
}

void main();
