import { CATEGORY_IDS, type CategoryId } from '../categories';
import type { NormalizedText } from '../normalize';
import { featureHash, featureHashes, modelTokens, type HashBuffer, type ModelToken } from './features';
import type { LinearModel } from './schema';
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
  readonly threshold: number;
  readonly veto: { readonly below: number; readonly scoreRatio: number; readonly maxLift: number } | null;
}

const EMPTY = 0;

/**
 * Open-addressing table of feature hashes whose slots hold the feature's weights too: [key, stamp, w0 … w(nc-1)] in
 * one buffer (Int32 view for key and stamp, Float32 view for the weights), so a probe that finds a feature reads its
 * weights from the same cache line instead of a second array. Marking a feature as counted for this message is a
 * stamp, so scoring a message allocates nothing.
 */
class HashTable {
  /** Int32 view: key (0 = empty; stored keys are odd) and stamp. */
  readonly ints: Int32Array;
  /** Float32 view of the same buffer: the weights. */
  readonly weights: Float32Array;
  readonly mask: number;
  readonly stride: number;
  stamp = 0;
  constructor(capacity: number, nc: number) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.stride = 2 + nc;
    const buf = new ArrayBuffer(size * this.stride * 4);
    this.ints = new Int32Array(buf);
    this.weights = new Float32Array(buf);
    this.mask = size - 1;
  }
  /** Slot offset of `h`: where it is, or the empty slot where it would go. */
  slot(h: number): number {
    const key = h | 1;
    let i = Math.imul(key, 0x9e3779b1) >>> 0;
    for (;;) {
      i &= this.mask;
      const k = this.ints[i * this.stride]!;
      if (k === key || k === EMPTY) return i * this.stride;
      i++;
    }
  }
}

function decodeInt8(b64: string): Int8Array {
  const bin = atob(b64);
  const out = new Int8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = (bin.charCodeAt(i) << 24) >> 24;
  return out;
}

/** Builds the lookup table once (shared by rulesets); a message then costs a few array reads per feature. */
export function compileModel(model: LinearModel): CompiledModel {
  const categories = CATEGORY_IDS.filter((c) => model.categories[c] !== undefined);
  const nc = categories.length;
  const features = model.features === '' ? [] : model.features.split(' ');
  const weights = categories.map((c) => ({ q: decodeInt8(model.categories[c]!.weights), scale: model.categories[c]!.scale }));
  const table = new HashTable(features.length, nc);
  const { ints, weights: w32, stride } = table;
  features.forEach((f, k) => {
    const h = featureHash(f);
    const at = table.slot(h);
    // Two features with one hash (rare) simply add up, as they would in a hashed model.
    ints[at] = h | 1;
    weights.forEach((w, ci) => {
      w32[at + 2 + ci]! += w.q[k]! * w.scale;
    });
  });
  const index = new Map(categories.map((c, i) => [c, i] as const));
  return {
    indexOf: (id) => index.get(id) ?? -1,
    weight(h, ci) {
      const at = table.slot(h);
      return ints[at] === EMPTY ? 0 : w32[at + 2 + ci]!;
    },
    accumulate(n, z, hb) {
      if (++table.stamp === 0x7fffffff) {
        for (let i = 1; i < ints.length; i += stride) ints[i] = 0;
        table.stamp = 1;
      }
      const stamp = table.stamp;
      const { hashes, count } = featureHashes(n, hb);
      for (let q = 0; q < count; q++) {
        const at = table.slot(hashes[q]!);
        if (ints[at] === EMPTY || ints[at + 1] === stamp) continue;
        ints[at + 1] = stamp;
        for (let c = 0; c < nc; c++) z[c] += w32[at + 2 + c]!;
      }
    },
    bias: Float64Array.from(categories, (c) => model.categories[c]!.bias),
    alone: Float64Array.from(categories, (c) => model.categories[c]!.alone ?? NaN),
    threshold: model.threshold,
    veto: model.veto ?? null,
  };
}

/** Probability per covered category: sigmoid of bias + the weights of the message's distinct features. */
export function modelProbabilities(n: NormalizedText, cm: CompiledModel, hb?: HashBuffer): Float64Array {
  const z = Float64Array.from(cm.bias);
  cm.accumulate(n, z, hb);
  for (let c = 0; c < z.length; c++) z[c] = 1 / (1 + Math.exp(-z[c]!));
  return z;
}

/** The words that pushed category `ci` up the most: the evidence shown for a model flag. */
export function topTokens(n: NormalizedText, cm: CompiledModel, ci: number, k = 3): ModelToken[] {
  const scored: Array<{ t: ModelToken; w: number }> = [];
  const done = new Set<string>();
  for (const t of modelTokens(n)) {
    const w = cm.weight(featureHash(t.feature), ci);
    if (w <= 0 || done.has(t.feature)) continue;
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
  return sum;
}
