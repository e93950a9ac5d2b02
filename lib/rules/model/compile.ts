import { CATEGORY_IDS, type CategoryId } from '../categories';
import type { NormalizedText } from '../normalize';
import { featureHash, featureHashes, modelTokens, type ModelToken } from './features';
import type { LinearModel } from './schema';

export interface CompiledModel {
  /** Category id → its slot in the model's per-category arrays (-1 when the model does not cover it). */
  readonly indexOf: (id: CategoryId) => number;
  /** Weight of feature hash `h` for category `ci` (0 when the feature is unknown). */
  weight(h: number, ci: number): number;
  /** Adds the weights of the message's distinct features to `z` (one slot per covered category). */
  accumulate(n: NormalizedText, z: Float64Array): void;
  readonly bias: Float64Array;
  readonly threshold: number;
  readonly veto: { readonly below: number; readonly scoreRatio: number; readonly maxLift: number } | null;
}

const EMPTY = 0;

/**
 * Open-addressing table of feature hashes in one typed array of (key, row, stamp) triples, so a probe touches one
 * cache line; marking a feature as counted for this message is a stamp, so scoring a message allocates nothing.
 */
class HashTable {
  /** [key, row, stamp] per slot; key 0 = empty (stored keys are odd), row -1 = none. */
  readonly cells: Int32Array;
  readonly mask: number;
  stamp = 0;
  constructor(capacity: number) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.cells = new Int32Array(size * 3);
    for (let i = 0; i < size; i++) this.cells[i * 3 + 1] = -1;
    this.mask = size - 1;
  }
  /** Cell offset of `h`: where it is, or the empty cell where it would go. */
  cell(h: number): number {
    const key = h | 1;
    let i = Math.imul(key, 0x9e3779b1) >>> 0;
    for (;;) {
      i &= this.mask;
      const k = this.cells[i * 3]!;
      if (k === key || k === EMPTY) return i * 3;
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
  const table = new HashTable(features.length);
  const matrix = new Float32Array(features.length * nc);
  let rows = 0;
  const cells = table.cells;
  features.forEach((f, k) => {
    const h = featureHash(f);
    const at = table.cell(h);
    // Two features with one hash (rare) simply add up, as they would in a hashed model.
    if (cells[at + 1]! < 0) {
      cells[at] = h | 1;
      cells[at + 1] = rows++;
    }
    const base = cells[at + 1]! * nc;
    weights.forEach((w, ci) => {
      matrix[base + ci]! += w.q[k]! * w.scale;
    });
  });
  const index = new Map(categories.map((c, i) => [c, i] as const));
  return {
    indexOf: (id) => index.get(id) ?? -1,
    weight(h, ci) {
      const r = cells[table.cell(h) + 1]!;
      return r < 0 ? 0 : matrix[r * nc + ci]!;
    },
    accumulate(n, z) {
      if (++table.stamp === 0x7fffffff) {
        for (let i = 2; i < cells.length; i += 3) cells[i] = 0;
        table.stamp = 1;
      }
      const stamp = table.stamp;
      const { hashes, count } = featureHashes(n);
      const mask = table.mask;
      for (let q = 0; q < count; q++) {
        // table.cell inlined: the probe loop is the model's whole cost per message.
        const key = hashes[q] | 1;
        let i = Math.imul(key, 0x9e3779b1) >>> 0;
        let at: number;
        for (;;) {
          i &= mask;
          const k = cells[i * 3]!;
          if (k === key || k === EMPTY) {
            at = i * 3;
            break;
          }
          i++;
        }
        const r = cells[at + 1]!;
        if (r < 0 || cells[at + 2] === stamp) continue;
        cells[at + 2] = stamp;
        const base = r * nc;
        for (let c = 0; c < nc; c++) z[c] += matrix[base + c]!;
      }
    },
    bias: Float64Array.from(categories, (c) => model.categories[c]!.bias),
    threshold: model.threshold,
    veto: model.veto ?? null,
  };
}

/** Probability per covered category: sigmoid of bias + the weights of the message's distinct features. */
export function modelProbabilities(n: NormalizedText, cm: CompiledModel): Float64Array {
  const z = Float64Array.from(cm.bias);
  cm.accumulate(n, z);
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
