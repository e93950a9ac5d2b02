/**
 * Link-analysis benchmark: µs per message of `analyseLinks` on the corpus (tests/corpus/labelled.jsonl and
 * ../shared/corpus/messages.dev.jsonl beside the clone), split into messages with links and without, plus µs per link and
 * the cost with the bundled blocklist. Optionally times a baseline copy of lib/rules/links in the same run:
 *
 *   npx tsx scripts/bench-links.ts
 *   npx tsx scripts/bench-links.ts --baseline /tmp/links-orig/links/index.ts
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as current from '../lib/rules/links/index';

type Analyse = (text: string, opts?: { blocklist?: current.Blocklist }) => current.LinkFinding[];
interface LinksModule {
  analyseLinks: Analyse;
  loadBlocklist: (text: string, source?: string) => current.Blocklist;
}

const ROOT = resolve(import.meta.dirname ?? '.', '..');
const CORPORA = [resolve(ROOT, 'tests/corpus/labelled.jsonl'), resolve(ROOT, '../shared/corpus/messages.dev.jsonl')];

function loadCorpus(): string[] {
  const out: string[] = [];
  for (const f of CORPORA) {
    const path = resolve(f);
    if (!existsSync(path)) continue;
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const row = JSON.parse(line) as { text?: unknown };
      if (typeof row.text === 'string') out.push(row.text);
    }
  }
  return out;
}

function now(): number {
  return Number(process.hrtime.bigint()) / 1e3; // µs
}

/**
 * µs per call over `msgs`: after a warm-up, the best of `rounds` timed rounds of at least `roundMs` each
 * (the machine is shared, so the minimum is the steadiest figure of the code itself).
 */
function timePerMessage(msgs: readonly string[], fn: (t: string) => unknown, rounds = 7, roundMs = 120): number {
  if (msgs.length === 0) return NaN;
  const w0 = now();
  for (let i = 0; now() - w0 < roundMs * 2000; i++) fn(msgs[i % msgs.length]);
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    let calls = 0;
    const t0 = now();
    let t = t0;
    while (t - t0 < roundMs * 1000) {
      for (const m of msgs) fn(m);
      calls += msgs.length;
      t = now();
    }
    best = Math.min(best, (t - t0) / calls);
  }
  return best;
}

interface Row {
  label: string;
  withLinks: number;
  noLinks: number;
  all: number;
  perLink: number;
  withBlocklist: number;
}

function measure(label: string, mod: LinksModule, withLinks: string[], noLinks: string[], linkCount: number): Row {
  const bl = mod.loadBlocklist(readFileSync(resolve('public/blocklists/blocklist.txt'), 'utf8'), 'bundled');
  const all = [...withLinks, ...noLinks];
  // Let the garbage of loading the list be collected before timing anything.
  timePerMessage(all, (t) => mod.analyseLinks(t, { blocklist: bl }), 3, 200);
  const a = (t: string) => mod.analyseLinks(t);
  const b = (t: string) => mod.analyseLinks(t, { blocklist: bl });
  const w = timePerMessage(withLinks, a);
  return {
    label,
    withLinks: w,
    noLinks: timePerMessage(noLinks, a),
    all: timePerMessage(all, a),
    perLink: (w * withLinks.length) / linkCount,
    withBlocklist: timePerMessage(withLinks, b),
  };
}

async function main(): Promise<void> {
  const argi = process.argv.indexOf('--baseline');
  const baselinePath = argi > 0 ? process.argv[argi + 1] : undefined;
  const msgs = loadCorpus();
  const withLinks = msgs.filter((m) => current.extractLinks(m).length > 0);
  const noLinks = msgs.filter((m) => current.extractLinks(m).length === 0);
  const linkCount = withLinks.reduce((n, m) => n + current.extractLinks(m).length, 0);
  console.log(`corpus: ${msgs.length} messages, ${withLinks.length} with ${linkCount} links, ${noLinks.length} without`);

  const rows: Row[] = [];
  if (baselinePath) {
    const base = (await import(pathToFileURL(resolve(baselinePath)).href)) as LinksModule;
    rows.push(measure('baseline', base, withLinks, noLinks, linkCount));
  }
  rows.push(measure('current', current, withLinks, noLinks, linkCount));
  console.table(
    rows.map((r) => ({
      code: r.label,
      'µs/msg with links': r.withLinks.toFixed(2),
      'µs/link': r.perLink.toFixed(2),
      'µs/msg no link': r.noLinks.toFixed(2),
      'µs/msg all': r.all.toFixed(2),
      'µs/msg with links + blocklist': r.withBlocklist.toFixed(2),
    })),
  );
}

void main();
