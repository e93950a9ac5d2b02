/**
 * The compact feature table (int8 levels read through float32 level tables) must score exactly as the float layout
 * it replaces: a float32 sum per feature key, `0 + q × scale` for one feature and running float32 sums for features
 * that share a key, each distinct feature counted once per message in message order.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalize } from '@/lib/rules/index';
import { DEFAULT_MODEL } from '@/lib/rules/default-model';
import { compileModel } from '@/lib/rules/model/compile';
import { featureHash, featureHashes } from '@/lib/rules/model/features';
import { FeatureTable } from '@/lib/rules/model/table';
import { featureNames } from '@/lib/rules/model/schema';

/** The float layout, written the plain way: one Float32Array of weights per key. */
class FloatReference {
  readonly rows = new Map<number, Float32Array>();
  constructor(readonly scales: readonly number[]) {}
  add(h: number, q: ArrayLike<number>): void {
    const key = h | 1;
    let row = this.rows.get(key);
    if (!row) this.rows.set(key, (row = new Float32Array(this.scales.length)));
    for (let c = 0; c < this.scales.length; c++) row[c] += q[c]! * this.scales[c]!;
  }
  lookup(h: number, c: number): number {
    return this.rows.get(h | 1)?.[c] ?? 0;
  }
  accumulate(hashes: ArrayLike<number>, count: number, z: Float64Array): void {
    const seen = new Set<number>();
    for (let i = 0; i < count; i++) {
      const key = hashes[i]! | 1;
      const row = this.rows.get(key);
      if (!row || seen.has(key)) continue;
      seen.add(key);
      for (let c = 0; c < z.length; c++) z[c] += row[c]!;
    }
  }
}

function lcg(seed: number): () => number {
  let x = seed;
  return () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0);
}

function decodeInt8(b64: string): Int8Array {
  return Int8Array.from(atob(b64), (ch) => (ch.charCodeAt(0) << 24) >> 24);
}

const CORPUS = readFileSync(resolve(import.meta.dirname, '../../corpus/labelled.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => (JSON.parse(l) as { text: string }).text);

describe('FeatureTable: compact model table', () => {
  it.each([1, 7, 11])('matches the float layout bit for bit with %i categories, shared keys and repeated features included', (nc) => {
    const rnd = lcg(nc * 7919);
    const scales = Array.from({ length: nc }, () => (rnd() % 1000) / 37_000 + 1e-4);
    const table = new FeatureTable(3000, scales);
    const ref = new FloatReference(scales);
    const hashes: number[] = [];
    for (let k = 0; k < 3000; k++) {
      // Every tenth feature reuses an earlier hash or its twin h ^ 1 (one key): weights that must add up.
      const h = k % 10 === 9 ? hashes[rnd() % hashes.length]! ^ (rnd() & 1) : rnd() | 0;
      const q = Array.from({ length: nc }, () => ((rnd() >>> 8) % 256) - 128);
      table.add(h, q);
      ref.add(h, q);
      hashes.push(h);
    }
    expect(table.exact.size).toBeGreaterThan(100);
    for (const h of hashes) for (let c = 0; c < nc; c++) expect(Object.is(table.lookup(h, c), ref.lookup(h, c))).toBe(true);
    expect(table.lookup(2, 0)).toBe(0);
    for (let m = 0; m < 200; m++) {
      // A message: known features (some twice) and unknown ones, in random order.
      const msg = Array.from({ length: 1 + (rnd() % 90) }, () => (rnd() % 4 === 0 ? rnd() | 0 : hashes[rnd() % hashes.length]!));
      const z1 = new Float64Array(nc).fill(-0.25);
      const z2 = new Float64Array(nc).fill(-0.25);
      table.accumulate(Int32Array.from(msg), msg.length, z1);
      ref.accumulate(msg, msg.length, z2);
      expect(Array.from(z1)).toEqual(Array.from(z2));
    }
  });

  it('the bundled model scores every corpus message exactly as the float layout does', () => {
    // Without its n-grams the model's sum is the table's alone.
    const cm = compileModel({ ...DEFAULT_MODEL, ngrams: undefined });
    const cats = Object.keys(DEFAULT_MODEL.categories) as Array<keyof typeof DEFAULT_MODEL.categories>;
    const ordered = cats.filter((c) => cm.indexOf(c) >= 0).sort((a, b) => cm.indexOf(a) - cm.indexOf(b));
    const ref = new FloatReference(ordered.map((c) => DEFAULT_MODEL.categories[c]!.scale));
    const weights = ordered.map((c) => decodeInt8(DEFAULT_MODEL.categories[c]!.weights));
    featureNames(DEFAULT_MODEL).forEach((f, k) => ref.add(featureHash(f), weights.map((w) => w[k]!)));
    let nonZero = 0;
    let weightDiffs = 0;
    for (const text of CORPUS) {
      const n = normalize(text);
      const { hashes, count } = featureHashes(n);
      const z1 = new Float64Array(ordered.length);
      const z2 = new Float64Array(ordered.length);
      cm.accumulate(n, z1);
      ref.accumulate(hashes, count, z2);
      if (!Array.from(z1).every((v, c) => Object.is(v, z2[c]))) expect(Array.from(z1)).toEqual(Array.from(z2));
      for (let q = 0; q < count; q++) for (let c = 0; c < ordered.length; c++) if (!Object.is(cm.weight(hashes[q]!, c), ref.lookup(hashes[q]!, c))) weightDiffs++;
      if (z1.some((v) => v !== 0)) nonZero++;
    }
    expect(weightDiffs).toBe(0);
    expect(nonZero).toBeGreaterThan(CORPUS.length / 2);
  });
});
