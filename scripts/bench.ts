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

/** Ratios a change must not lose; a missed goal makes `npm run bench` exit non-zero. */
const GOALS: Record<string, { text: string; met: (f: Record<string, number>) => boolean }[]> = {
  rules: [
    { text: 'with 5,000 terms one automaton pass beats one indexOf per term (naiveOverAcBig > 1)', met: (f) => f.naiveOverAcBig > 1 },
    { text: 'checkMessage on the bench messages ≤ 20 µs per message (defaultUsPerMsg)', met: (f) => f.defaultUsPerMsg <= 20 },
    { text: 'classify of 100k lines ≤ 4× a plain JSONL read+parse+write in the same run (procParallelOverIo)', met: (f) => f.procParallelOverIo <= 4 },
  ],
  xa: [{ text: 'the xã worker pool checks 2,000 signed bundles × 200 entries in ≤ 15 s (issue 15)', met: (f) => f['goal: 2,000 × 200 by the pool ≤ 15000 ms met (1 = yes)'] === 1 }],
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
      for (const goal of GOALS[name] ?? []) {
        const ok = goal.met(figures);
        if (!ok) failed = true;
        console.log(`${ok ? 'goal met' : 'GOAL MISSED'}: ${goal.text}`);
      }
    } catch (e) {
      failed = true;
      console.log(`failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  process.exit(failed ? 1 : 0);
}

void main();
