/**
 * Province-scale xã benchmark. Run: `npx tsx scripts/bench-xa.ts` or `npm run bench -- xa`.
 * Goal: 2,000 signed village bundles × 200 entries checked (parse, schema, full hash chain,
 * Ed25519 signature, register, continuity) in ≤ 15 s on the build machine. Baseline in the same
 * run: JSON.parse of the same files, and the chain-only check without signatures.
 */
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { LogEntry } from '../lib/log/schema';
import { aggregateBundles, type AggregateFile } from '../lib/reports/aggregate';
import { bundleToJson, makeBundle } from '../lib/reports/bundle';
import { customPeriod } from '../lib/reports/period';
import { checkBundleSignature, signBundle } from '../lib/trust/bundle-signature';
import { generateSigningKey } from '../lib/trust/keys';
import { newVillageKeyRow, type VillageKeyRow } from '../lib/trust/register';
import { linkAll, makeBodies } from '../tests/unit/reports/make-log';

async function time<T>(fn: () => T | Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const out = await fn();
  return [out, Math.round(performance.now() - t0)];
}

export async function benchXa(villages = Number(process.env.BENCH_VILLAGES ?? 2000)): Promise<Record<string, number>> {
  const r: Record<string, number> = { 'load average at start (1 min)': Math.round(loadavg()[0]! * 10) / 10 };
  const nov = customPeriod('2026-11-01', '2026-11-30');
  const files: AggregateFile[] = [];
  const register: VillageKeyRow[] = [];
  const [, setupMs] = await time(async () => {
    for (let i = 0; i < villages; i++) {
      const threadId = `g-${String(i).padStart(5, '0')}`;
      const place = { thon: `Thôn ${i + 1}`, xa: `Xã ${Math.floor(i / 20) + 1}`, tinh: 'Bắc Ninh' };
      const entries: LogEntry[] = await linkAll(makeBodies({ n: 200, seed: i + 1, threadId, place, start: '2026-11-01T01:00:00Z', spanDays: 29 }));
      const key = await generateSigningKey();
      const bundle = await signBundle(
        makeBundle({ entries, period: nov, place, group: { threadId, name: `Nhóm ${place.thon}` }, exporter: { adminName: 'Trần Văn Bình', extensionVersion: '0.2.0' } }),
        key,
      );
      const sig = await checkBundleSignature(bundle);
      if (sig.status !== 'valid') throw new Error('setup: signature');
      register.push(newVillageKeyRow(place, sig, new Date('2026-11-01T00:00:00Z')));
      files.push({ name: `${threadId}.json`, text: bundleToJson(bundle) });
    }
  });
  r[`setup: ${villages} signed bundles (ms)`] = setupMs;
  r['files total (MB)'] = Math.round(files.reduce((a, f) => a + f.text.length, 0) / 1e5) / 10;

  const [, parseMs] = await time(() => files.map((f) => JSON.parse(f.text) as unknown));
  r['baseline: JSON.parse all files (ms)'] = parseMs;
  const [, chainMs] = await time(() => aggregateBundles(files, { expectedPeriod: nov }));
  r['chain only, no register (ms)'] = chainMs;
  const [agg, fullMs] = await time(() => aggregateBundles(files, { expectedPeriod: nov, trust: { register, history: [] } }));
  r[`xã check ${villages} × 200 signed + register (ms)`] = fullMs;
  r['accepted files'] = agg.totals.accepted;
  r['ratio: full check / JSON.parse'] = Math.round((fullMs / Math.max(1, parseMs)) * 10) / 10;
  r['ratio: full check / chain only'] = Math.round((fullMs / Math.max(1, chainMs)) * 100) / 100;
  r['goal ≤ 15000 ms met (1 = yes)'] = fullMs <= 15_000 ? 1 : 0;
  return r;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchXa().then((r) => {
    for (const [k, v] of Object.entries(r)) console.log(`${k.padEnd(48)} ${v}`);
  });
}
