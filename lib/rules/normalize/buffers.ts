/**
 * Reusable typed arrays for one normaliser: normalisation runs on every message, so its passes write into buffers
 * that only grow, owned by the normaliser (each compiled ruleset has its own).
 */

/** Teencode expands a token at most 6× ("ck" → "chuyển khoản"), so 6 × units bounds the output. */
const MAX_EXPANSION = 6;

export class Buffers {
  // Units: one per input character after the first pass.
  unitCap = 0;
  ch = new Uint16Array(0);
  cls = new Uint8Array(0);
  start = new Int32Array(0);
  end = new Int32Array(0);
  inUrl = new Uint8Array(0);
  drop = new Uint8Array(0);
  joined = new Uint8Array(0);
  tokStart = new Int32Array(0);
  tokEnd = new Int32Array(0);
  // Output: one per normalised character.
  outCap = 0;
  outLen = 0;
  outCh = new Uint16Array(0);
  outStart = new Int32Array(0);
  outEnd = new Int32Array(0);
  outJoined = new Uint8Array(0);
  sym = new Uint8Array(0);
  // One token being rewritten (leetspeak, repeats, teencode).
  tokCap = 0;
  tokCodes = new Int32Array(0);
  tokCh = new Uint16Array(0);
  tokS = new Int32Array(0);
  tokE = new Int32Array(0);

  ensureUnits(n: number): void {
    if (n <= this.unitCap) return;
    const cap = (this.unitCap = Math.max(n, this.unitCap * 2, 256));
    this.ch = new Uint16Array(cap);
    this.cls = new Uint8Array(cap);
    this.start = new Int32Array(cap);
    this.end = new Int32Array(cap);
    this.inUrl = new Uint8Array(cap);
    this.drop = new Uint8Array(cap);
    this.joined = new Uint8Array(cap);
    this.tokStart = new Int32Array(cap);
    this.tokEnd = new Int32Array(cap);
  }

  /** Room for the output of `units` units; resets the output length. */
  resetOut(units: number): void {
    this.outLen = 0;
    const need = units * MAX_EXPANSION + 32;
    if (need <= this.outCap) return;
    const cap = (this.outCap = Math.max(need, this.outCap * 2, 1024));
    this.outCh = new Uint16Array(cap);
    this.outStart = new Int32Array(cap);
    this.outEnd = new Int32Array(cap);
    this.outJoined = new Uint8Array(cap);
    this.sym = new Uint8Array(cap);
  }

  ensureToken(n: number): void {
    if (n <= this.tokCap) return;
    const cap = (this.tokCap = Math.max(n, this.tokCap * 2, 64));
    this.tokCodes = new Int32Array(cap);
    this.tokCh = new Uint16Array(cap);
    this.tokS = new Int32Array(cap);
    this.tokE = new Int32Array(cap);
  }

  emit(c: number, s: number, e: number, joined: number): void {
    const k = this.outLen++;
    this.outCh[k] = c;
    this.outStart[k] = s;
    this.outEnd[k] = e;
    this.outJoined[k] = joined;
  }
}
