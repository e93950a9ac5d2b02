/**
 * The word model's feature table as scoring reads it: 16 bytes a slot for up to 7 categories instead of a float per
 * category, so the whole table (about 1 MB for the bundled model) stays far closer to the core than a float table
 * (4–5 MB, where nearly every probe of a message's ~70 features was a cache miss).
 *
 * A slot is [key, stamp, one int8 level per category, a collision mark] in one buffer. A level is read through a
 * per-category table of the float32 value the float layout stored (fround(q × scale)), so scores are bit-identical to
 * it. Two features with one key (rare) add up as in a hashed model; their summed weights are not int8 levels, so such
 * a slot is marked and its float32 sums are read from a side map instead.
 */

const EMPTY = 0;
/** Byte after the levels: 1 when the slot's weights live in `exact` (a key shared by several features). */
const SHARED = 1;

export class FeatureTable {
  /** Int32 view: key (0 = empty; stored keys are odd) and stamp. */
  readonly ints: Int32Array;
  /** Int8 view of the same buffer: the levels and the collision mark. */
  readonly bytes: Int8Array;
  readonly mask: number;
  /** Slot size in int32 words (key, stamp, then the levels and mark packed four to a word). */
  readonly stride: number;
  readonly nc: number;
  /** Per category, the float32 weight of each int8 level (index level + 128). */
  readonly levels: Float32Array;
  /** Summed float32 weights of slots whose key several features share (by slot offset). */
  readonly exact = new Map<number, Float32Array>();
  stamp = 0;

  /** `scales[c]`: the factor of category c's int8 weights. */
  constructor(capacity: number, readonly scales: readonly number[]) {
    this.nc = scales.length;
    let size = 16;
    // Load 1/3–2/3: linear probes mostly stay within the slot's cache line (four slots a line).
    while (size < capacity * 1.5) size *= 2;
    this.stride = 2 + Math.ceil((this.nc + 1) / 4);
    const buf = new ArrayBuffer(size * this.stride * 4);
    this.ints = new Int32Array(buf);
    this.bytes = new Int8Array(buf);
    this.mask = size - 1;
    this.levels = new Float32Array(this.nc * 256);
    // The float layout stored each weight as `0 + q × scale` rounded to float32: the same value, read from here.
    scales.forEach((s, c) => {
      for (let q = -128; q < 128; q++) this.levels[c * 256 + q + 128] = 0 + q * s;
    });
  }

  /** Slot offset (in int32 words) of `h`: where it is, or the empty slot where it would go. */
  slot(h: number): number {
    const key = h | 1;
    const stride = this.stride;
    let i = Math.imul(key, 0x9e3779b1) >>> 0;
    for (;;) {
      i &= this.mask;
      const k = this.ints[i * stride]!;
      if (k === key || k === EMPTY) return i * stride;
      i++;
    }
  }

  /** Adds feature hash `h` with int8 weights `q[c]` (build time). */
  add(h: number, q: ArrayLike<number>): void {
    const at = this.slot(h);
    const b = at * 4 + 8;
    if (this.ints[at] === EMPTY) {
      this.ints[at] = h | 1;
      for (let c = 0; c < this.nc; c++) this.bytes[b + c] = q[c]!;
      return;
    }
    let sums = this.exact.get(at);
    if (!sums) {
      sums = new Float32Array(this.nc);
      for (let c = 0; c < this.nc; c++) sums[c] = this.weight(at, c);
      this.exact.set(at, sums);
      this.bytes[b + this.nc] = SHARED;
    }
    for (let c = 0; c < this.nc; c++) sums[c] += q[c]! * this.scales[c]!;
  }

  /** Weight of category `c` in the slot at offset `at` (a found key). */
  weight(at: number, c: number): number {
    const b = at * 4 + 8;
    if (this.bytes[b + this.nc] === SHARED) return this.exact.get(at)![c]!;
    return this.levels[c * 256 + this.bytes[b + c]! + 128]!;
  }

  /** Weight of category `c` for feature hash `h` (0 when the feature is unknown). */
  lookup(h: number, c: number): number {
    const at = this.slot(h);
    return this.ints[at] === EMPTY ? 0 : this.weight(at, c);
  }

  /**
   * Adds the weights of the distinct known features among `hashes[0 … count)` to `z`, in that order (the order the
   * float layout summed them, so the sums round alike).
   */
  accumulate(hashes: Int32Array, count: number, z: Float64Array): void {
    const { ints, bytes, levels, nc } = this;
    if (++this.stamp === 0x7fffffff) {
      for (let i = 1; i < ints.length; i += this.stride) ints[i] = 0;
      this.stamp = 1;
    }
    const stamp = this.stamp;
    for (let q = 0; q < count; q++) {
      const at = this.slot(hashes[q]!);
      if (ints[at] === EMPTY || ints[at + 1] === stamp) continue;
      ints[at + 1] = stamp;
      const b = at * 4 + 8;
      if (bytes[b + nc] === SHARED) {
        const sums = this.exact.get(at)!;
        for (let c = 0; c < nc; c++) z[c] += sums[c]!;
      } else for (let c = 0; c < nc; c++) z[c] += levels[c * 256 + bytes[b + c]! + 128]!;
    }
  }
}
