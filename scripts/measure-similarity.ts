/**
 * Timing script: `npx tsx scripts/measure-similarity.ts` (needs the shared corpus beside the clone, ../shared).
 * Measures one findSimilar check (signature of the new message + compare with 200 samples).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { findSimilar, indexSamples, signature } from '../lib/moderation/similarity';

const ROOT = resolve(import.meta.dirname ?? '.', '..');
const corpus = readFileSync(resolve(ROOT, '../shared/corpus/messages.dev.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => (JSON.parse(l) as { text: string }).text);
// 200 samples: corpus messages with small numeric variations (so no two are identical).
const samples = Array.from({ length: 200 }, (_, i) => ({
  kind: 'violation' as const,
  signature: signature(`${corpus[i % corpus.length]} ${i % corpus.length === i ? '' : `mã ${i} lượt ${Math.floor(i / corpus.length)} đợt`}`),
}));
const queries = corpus.map((t) => `${t} 🙏 0912 345 678`);

for (let round = 0; round < 2; round++) {
  const n = 20_000;
  let hits = 0;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) if (findSimilar(queries[i % queries.length], samples)) hits++;
  const perCheck = ((performance.now() - t0) * 1000) / n;
  const t1 = performance.now();
  for (let i = 0; i < n; i++) signature(queries[i % queries.length]);
  const perSig = ((performance.now() - t1) * 1000) / n;
  console.log(`round ${round}: findSimilar vs 200 samples ${perCheck.toFixed(1)} µs/check (signature alone ${perSig.toFixed(1)} µs), hits ${hits}/${n}`);
}

// Messages that match nothing (words reversed): the common case in a quiet group.
const misses = corpus.map((t) => t.split(' ').reverse().join(' '));
const n = 20_000;
let hits = 0;
const t0 = performance.now();
for (let i = 0; i < n; i++) if (findSimilar(misses[i % misses.length], samples)) hits++;
console.log(`non-matching messages: ${(((performance.now() - t0) * 1000) / n).toFixed(1)} µs/check, hits ${hits}/${n}`);

const index = indexSamples(samples);
for (const [label, qs] of [['matching', queries], ['non-matching', misses]] as const) {
  let h = 0;
  const t = performance.now();
  for (let i = 0; i < n; i++) if (index.findSimilar(qs[i % qs.length])) h++;
  console.log(`indexSamples, ${label}: ${(((performance.now() - t) * 1000) / n).toFixed(1)} µs/check, hits ${h}/${n}`);
}
