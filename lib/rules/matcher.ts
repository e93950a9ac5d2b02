/**
 * Aho–Corasick automaton over the normaliser's small symbol alphabet (break, space, a–z, 0–9).
 *
 * Folded Vietnamese is plain ASCII, so a dense DFA table (states × 38) is cheap and the scan is one
 * array read per character with no failure-link walking at match time. Built once per ruleset.
 */
import { ALPHABET_SIZE } from './normalize';

export class SymbolAutomaton {
  /** delta[state * ALPHABET_SIZE + symbol] → next state (complete DFA); 16-bit when it fits (half the cache). */
  private readonly delta: Uint16Array | Int32Array;
  /** Pattern id ending at this state, or -1. */
  private readonly out: Int32Array;
  /** Next state on the failure chain that ends a pattern (0 = none). */
  private readonly dict: Int32Array;
  /**
   * States from this number on end a pattern or have one on their failure chain; states below it end nothing, so
   * the scan tests one number instead of reading `out` and `dict` on every character.
   */
  private readonly emitFrom: number;
  /** Length in symbols of each pattern. */
  readonly patternLength: Int32Array;
  readonly stateCount: number;

  /** `patterns[i]` is a symbol sequence; identical sequences should be deduplicated by the caller. */
  constructor(patterns: readonly Uint8Array[]) {
    let cap = 1024;
    let go = new Int32Array(cap * ALPHABET_SIZE).fill(-1);
    let outTmp = new Int32Array(cap).fill(-1);
    let states = 1;
    const lengths = new Int32Array(patterns.length);
    for (let p = 0; p < patterns.length; p++) {
      const pat = patterns[p];
      lengths[p] = pat.length;
      let s = 0;
      for (let i = 0; i < pat.length; i++) {
        const idx = s * ALPHABET_SIZE + pat[i];
        let nx = go[idx];
        if (nx < 0) {
          if (states === cap) {
            cap *= 2;
            const g2 = new Int32Array(cap * ALPHABET_SIZE).fill(-1);
            g2.set(go);
            go = g2;
            const o2 = new Int32Array(cap).fill(-1);
            o2.set(outTmp);
            outTmp = o2;
          }
          nx = states++;
          go[idx] = nx;
        }
        s = nx;
      }
      if (pat.length > 0 && outTmp[s] < 0) outTmp[s] = p;
    }
    const delta = go.subarray(0, states * ALPHABET_SIZE);
    const out = outTmp.slice(0, states);
    const fail = new Int32Array(states);
    const dict = new Int32Array(states);
    // BFS: complete the DFA and compute failure + dictionary links.
    const queue = new Int32Array(states);
    let qh = 0;
    let qt = 0;
    for (let c = 0; c < ALPHABET_SIZE; c++) {
      const nx = delta[c];
      if (nx < 0) delta[c] = 0;
      else {
        fail[nx] = 0;
        dict[nx] = 0;
        queue[qt++] = nx;
      }
    }
    while (qh < qt) {
      const s = queue[qh++];
      const base = s * ALPHABET_SIZE;
      const fbase = fail[s] * ALPHABET_SIZE;
      for (let c = 0; c < ALPHABET_SIZE; c++) {
        const nx = delta[base + c];
        if (nx < 0) delta[base + c] = delta[fbase + c];
        else {
          const f = delta[fbase + c];
          fail[nx] = f;
          dict[nx] = out[f] >= 0 ? f : dict[f];
          queue[qt++] = nx;
        }
      }
    }
    // Renumber: states that end nothing first, then the others, each in breadth-first order. The scan then tells
    // them apart by number, and the shallow states a scan visits most sit together at the start of the table.
    const order = new Int32Array(states);
    let k = 0;
    for (let pass = 0; pass < 2; pass++) {
      const emitting = pass === 1;
      if (!emitting) order[k++] = 0;
      for (let q = 0; q < qt; q++) {
        const st = queue[q];
        if ((out[st] >= 0 || dict[st] > 0) === emitting) order[k++] = st;
      }
    }
    const rename = new Int32Array(states);
    for (let i = 0; i < states; i++) rename[order[i]] = i;
    let emitFrom = states;
    for (let i = 0; i < states; i++) {
      const st = order[i];
      if (out[st] >= 0 || dict[st] > 0) {
        emitFrom = i;
        break;
      }
    }
    const delta2 = states <= 0xffff ? new Uint16Array(states * ALPHABET_SIZE) : new Int32Array(states * ALPHABET_SIZE);
    const out2 = new Int32Array(states);
    const dict2 = new Int32Array(states);
    for (let i = 0; i < states; i++) {
      const st = order[i];
      const from = st * ALPHABET_SIZE;
      const to = i * ALPHABET_SIZE;
      for (let c = 0; c < ALPHABET_SIZE; c++) delta2[to + c] = rename[delta[from + c]];
      out2[i] = out[st];
      dict2[i] = dict[st] > 0 ? rename[dict[st]] : 0;
    }
    this.delta = delta2;
    this.out = out2;
    this.dict = dict2;
    this.emitFrom = emitFrom;
    this.patternLength = lengths;
    this.stateCount = states;
  }

  /**
   * Scan `sym` and write every (overlapping) occurrence as a (patternId, end) pair into `out`, growing it when
   * full. Returns the buffer in use and the number of pairs. No callback per match: the hot loop stays flat.
   */
  scanInto(sym: Uint8Array, out: Int32Array): { buf: Int32Array; count: number } {
    const delta = this.delta;
    const outP = this.out;
    const dict = this.dict;
    const emitFrom = this.emitFrom;
    let buf = out;
    let n = 0;
    let s = 0;
    for (let i = 0; i < sym.length; i++) {
      s = delta[s * ALPHABET_SIZE + sym[i]];
      if (s < emitFrom) continue;
      let o = outP[s] >= 0 ? s : dict[s];
      while (o > 0) {
        if (n + 2 > buf.length) {
          const b2 = new Int32Array(buf.length * 2 + 64);
          b2.set(buf);
          buf = b2;
        }
        buf[n++] = outP[o];
        buf[n++] = i + 1;
        o = dict[o];
      }
    }
    return { buf, count: n >> 1 };
  }

  /**
   * Scan `sym` and call `onMatch(patternId, start, end)` for every (overlapping) occurrence;
   * start/end are positions in `sym`.
   */
  scan(sym: Uint8Array, onMatch: (pattern: number, start: number, end: number) => void): void {
    const delta = this.delta;
    const out = this.out;
    const dict = this.dict;
    const len = this.patternLength;
    const emitFrom = this.emitFrom;
    let s = 0;
    for (let i = 0; i < sym.length; i++) {
      s = delta[s * ALPHABET_SIZE + sym[i]];
      if (s < emitFrom) continue;
      let o = out[s] >= 0 ? s : dict[s];
      while (o > 0) {
        const p = out[o];
        onMatch(p, i + 1 - len[p], i + 1);
        o = dict[o];
      }
    }
  }
}
