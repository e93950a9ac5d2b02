import { CATEGORY_IDS, type CategoryId } from '../categories';
import type { NormalizedText } from '../normalize';
import { ACCENTED, featureHash, featureHashes, forEachNgram, modelTokens, ngramBucketsInto, type HashBuffer, type ModelToken, type NgramSpec } from './features';
import { decodeInt8, featureNames, type LinearModel } from './schema';
import { FeatureTable } from './table';
import type { Span } from '../types';

export interface CompiledModel {
  /** Category id → its slot in the model's per-category arrays (-1 when the model does not cover it). */
  readonly indexOf: (id: CategoryId) => number;
  /** Weight of feature hash `h` for category `ci` (0 when the feature is unknown). */
  weight(h: number, ci: number): number;
  /** Adds the weights of the message's distinct features to `z` (one slot per covered category). */
  accumulate(n: NormalizedText, z: Float64Array, hb?: HashBuffer): void;
  readonly bias: Float64Array;
  /** Per covered category: its own threshold, from which it flags even without a rule word (NaN: none). */
  readonly alone: Float64Array;
  /** Per covered category: the distinct-word count from which `aloneLongP` applies instead of `alone` (NaN: never). */
  readonly aloneLongWords: Float64Array;
  readonly aloneLongP: Float64Array;
  /** Sum of category `ci`'s n-gram weights over the distinct n-grams lying within [start, end) (0 without n-grams). */
  ngramWeightWithin(n: NormalizedText, ci: number, start: number, end: number): number;
  readonly threshold: number;
  readonly veto: Readonly<NonNullable<LinearModel['veto']>> | null;
}

/** Builds the lookup table once (shared by rulesets); a message then costs a few array reads per feature. */
export function compileModel(model: LinearModel): CompiledModel {
  const categories = CATEGORY_IDS.filter((c) => model.categories[c] !== undefined);
  const nc = categories.length;
  const features = featureNames(model);
  const weights = categories.map((c) => decodeInt8(model.categories[c]!.weights));
  const table = new FeatureTable(features.length, categories.map((c) => model.categories[c]!.scale));
  const q = new Int8Array(nc);
  features.forEach((f, k) => {
    for (let ci = 0; ci < nc; ci++) q[ci] = weights[ci]![k]!;
    table.add(featureHash(f), q);
  });
  const index = new Map(categories.map((c, i) => [c, i] as const));
  const grams = compileNgrams(model, categories);
  return {
    indexOf: (id) => index.get(id) ?? -1,
    weight: (h, ci) => table.lookup(h, ci),
    accumulate(n, z, hb) {
      const { hashes, count } = featureHashes(n, hb);
      table.accumulate(hashes, count, z);
      grams?.accumulate(n.sym, z);
    },
    ngramWeightWithin: (n, ci, start, end) => grams?.within(n.sym, ci, start, end) ?? 0,
    bias: Float64Array.from(categories, (c) => model.categories[c]!.bias),
    alone: Float64Array.from(categories, (c) => model.categories[c]!.alone ?? NaN),
    aloneLongWords: Float64Array.from(categories, (c) => model.categories[c]!.aloneLong?.words ?? NaN),
    aloneLongP: Float64Array.from(categories, (c) => model.categories[c]!.aloneLong?.p ?? NaN),
    threshold: model.threshold,
    veto: model.veto ?? null,
  };
}

/** Each bucket's level index from `ngramRuns` (schema.ts): a byte's high nibble of index-0 buckets, then its low nibble. */
export function decodeRuns(runs: ArrayLike<number>, buckets: number): Uint8Array {
  const out = new Uint8Array(buckets);
  let at = 0;
  for (let i = 0; i < runs.length; i++) {
    const b = runs[i]! & 0xff;
    at += b >> 4;
    out[at++] = b & 15;
  }
  return out;
}

/** The inverse of `decodeRuns` (training): level indices 0–15 per bucket as runs, trailing index-0 buckets left out. */
export function encodeRuns(indices: ArrayLike<number>): Uint8Array {
  const out: number[] = [];
  let zeros = 0;
  for (let i = 0; i < indices.length; i++) {
    const l = indices[i]!;
    if (l === 0) {
      zeros++;
      continue;
    }
    for (; zeros >= 16; zeros -= 16) out.push(0xf0);
    out.push((zeros << 4) | l);
    zeros = 0;
  }
  return Uint8Array.from(out);
}

/**
 * Level indices as the int8 table the scoring loop reads: each level becomes the nearest multiple of
 * max|level| / 127, a rounding far finer than the 16 levels themselves.
 */
export function expandLevels(indices: Uint8Array, levels: readonly number[]): { table: Int8Array; scale: number } {
  let max = 0;
  for (const l of levels) max = Math.max(max, Math.abs(l));
  const scale = max > 0 ? max / 127 : 1;
  const q = levels.map((l) => Math.round(l / scale));
  const table = new Int8Array(indices.length);
  for (let i = 0; i < indices.length; i++) table[i] = q[indices[i]!]!;
  return { table, scale };
}

/**
 * The n-gram part of a model: per category that has n-gram weights, one float per bucket. A message adds the weight
 * of each distinct bucket once (a stamp per bucket, as the word table does), matching training's presence features.
 */
function compileNgrams(model: LinearModel, categories: readonly string[]) {
  const spec: NgramSpec | undefined = model.ngrams;
  if (!spec) return null;
  const slots: number[] = [];
  // int8 as stored, scaled once per message: 64 kB per category instead of 256 kB keeps the table in cache.
  const tables: Int8Array[] = [];
  const scales: number[] = [];
  categories.forEach((c, ci) => {
    const m = model.categories[c as keyof LinearModel['categories']]!;
    if (m.ngramRuns !== undefined && m.ngramLevels) {
      const { table, scale } = expandLevels(decodeRuns(decodeInt8(m.ngramRuns), 2 ** spec.bits), m.ngramLevels);
      tables.push(table);
      scales.push(scale);
    } else if (m.ngramWeights !== undefined && m.ngramScale !== undefined) {
      tables.push(decodeInt8(m.ngramWeights));
      scales.push(m.ngramScale);
    } else return;
    slots.push(ci);
  });
  if (slots.length === 0) return null;
  const gain = model.ngrams!.gain;
  const floor = model.ngrams!.floor ?? 1;
  const sums = new Float64Array(slots.length);
  let scratch: Int32Array = new Int32Array(1024);
  /** The scoring path: one pass over the message's buckets, no callbacks; an n-gram counts at each occurrence. */
  const run = (sym: Uint8Array): Float64Array => {
    const { buckets, count } = ngramBucketsInto(sym, spec, scratch);
    scratch = buckets;
    const nt = tables.length;
    for (let t = 0; t < nt; t++) {
      const table = tables[t]!;
      let sum = 0;
      for (let q = 0; q < count; q++) sum += table[buckets[q]!]!;
      sums[t] = (sum * gain * scales[t]!) / Math.sqrt(Math.max(floor, count));
    }
    return sums;
  };
  /** Evidence and allowed terms: the n-grams within [lo, hi) only, at the whole message's value. */
  const within = (sym: Uint8Array, t: number, lo: number, hi: number): number => {
    let all = 0;
    let sum = 0;
    forEachNgram(sym, spec, (b, start, end) => {
      all++;
      if (start >= lo && end <= hi) sum += tables[t]![b]!;
    });
    return (sum * gain * scales[t]!) / Math.sqrt(Math.max(floor, all));
  };
  return {
    accumulate(sym: Uint8Array, z: Float64Array): void {
      const s = run(sym);
      for (let t = 0; t < slots.length; t++) z[slots[t]!] += s[t]!;
    },
    within(sym: Uint8Array, ci: number, start: number, end: number): number {
      const t = slots.indexOf(ci);
      return t < 0 ? 0 : within(sym, t, start, end);
    },
  };
}

/** Probability per covered category: sigmoid of bias + the weights of the message's distinct features. */
export function modelProbabilities(n: NormalizedText, cm: CompiledModel, hb?: HashBuffer): Float64Array {
  const z = Float64Array.from(cm.bias);
  cm.accumulate(n, z, hb);
  for (let c = 0; c < z.length; c++) z[c] = 1 / (1 + Math.exp(-z[c]!));
  return z;
}

/** The message's distinct plain words, as the model counts them (no pairs, no accented spellings). */
export function distinctWords(n: NormalizedText): number {
  const seen = new Set<string>();
  for (const t of modelTokens(n)) if (!t.feature.includes('_') && !t.feature.startsWith(ACCENTED)) seen.add(t.feature);
  return seen.size;
}

/** The words that pushed category `ci` up the most: the evidence shown for a model flag. */
export function topTokens(n: NormalizedText, cm: CompiledModel, ci: number, k = 3): ModelToken[] {
  const scored: Array<{ t: ModelToken; w: number }> = [];
  const done = new Set<string>();
  for (const t of modelTokens(n)) {
    if (done.has(t.feature)) continue;
    // A word also carries the n-grams of its spelling (with the boundary marks around it).
    const isWord = !t.feature.includes('_') && !t.feature.startsWith(ACCENTED);
    const w = cm.weight(featureHash(t.feature), ci) + (isWord ? cm.ngramWeightWithin(n, ci, t.start - 1, t.end + 1) : 0);
    if (w <= 0) continue;
    done.add(t.feature);
    scored.push({ t, w });
  }
  return scored
    .sort((a, b) => b.w - a.w)
    .slice(0, k)
    .map((s) => s.t);
}

/**
 * The positive weight category `ci` got from features found only inside `spans` (the pack's and the group's
 * allowed terms: "hạt óc chó" is a walnut). Taking it off the log-odds judges the message on its other words; only
 * positive weights, so the result never exceeds the unadjusted probability the fast exit relied on.
 */
export function weightInside(n: NormalizedText, cm: CompiledModel, ci: number, spans: readonly Span[]): number {
  if (spans.length === 0) return 0;
  const inside = new Map<string, boolean>();
  for (const t of modelTokens(n)) {
    const within = spans.some((s) => s.start <= t.start && t.end <= s.end);
    inside.set(t.feature, (inside.get(t.feature) ?? true) && within);
  }
  let sum = 0;
  for (const [f, only] of inside) {
    if (!only) continue;
    const w = cm.weight(featureHash(f), ci);
    if (w > 0) sum += w;
  }
  for (const s of spans) sum += Math.max(0, cm.ngramWeightWithin(n, ci, s.start - 1, s.end + 1));
  return sum;
}
