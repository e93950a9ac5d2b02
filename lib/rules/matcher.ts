/**
 * Aho–Corasick automaton over the normaliser's small symbol alphabet (break, space, a–z, 0–9).
 *
 * Folded Vietnamese is plain ASCII, so the shallow states a scan spends most characters in are complete DFA rows
 * (states × 38): one array read per character. Deep states keep their trie edges and failure link only, which keeps
 * the table small. Built once per ruleset.
 */
import { ALPHABET_SIZE } from './normalize';

/**
 * States held as full rows (38 entries each): the root and the shallowest states after it, which a scan visits on
 * almost every character. Deeper states keep only their trie edges and failure link. A full table for every state
 * (tens of thousands with the bundled pack) is megabytes that evict the rest of the engine's data from the cache on
 * each message; these rows fit in a core's L2 cache.
 */
export const DENSE_STATES = 2048;

export class SymbolAutomaton {
  /** dense[state * ALPHABET_SIZE + symbol] → next state, for states below `denseCount` (complete DFA rows). */
  private readonly dense: Uint16Array | Int32Array;
  /** States below this number have a dense row; the others step through their trie edges and failure links. */
  private readonly denseCount: number;
  /** Per sparse state (state - denseCount): its trie edges are childSym/childTo[childStart[k] .. childStart[k+1]). */
  private readonly childStart: Int32Array;
  private readonly childSym: Uint8Array;
  private readonly childTo: Uint16Array | Int32Array;
  /** Per sparse state: its failure link (a shallower state). */
  private readonly sparseFail: Uint16Array | Int32Array;
  /** Pattern id ending at this state, or -1. */
  private readonly out: Int32Array;
  /** Next state on the failure chain that ends a pattern (0 = none). */
  private readonly dict: Int32Array;
  /**
   * Each of the two ranges (dense, sparse) numbers the states that end no pattern first: a state ends a pattern or
   * has one on its failure chain iff it lies in [emitDense, denseCount) or at or after emitSparse, so the scan tests
   * numbers instead of reading `out` and `dict` on every character.
   */
  private readonly emitDense: number;
  private readonly emitSparse: number;
  /** Length in symbols of each pattern. */
  readonly patternLength: Int32Array;
  readonly stateCount: number;

  /**
   * `patterns[i]` is a symbol sequence; identical sequences should be deduplicated by the caller. `denseStates`
   * sets how many states get a full row (tests vary it: the matches never depend on it).
   */
  constructor(patterns: readonly Uint8Array[], denseStates = DENSE_STATES) {
    // The trie: edges found through a (state, symbol) map while inserting, kept as lists (parent, symbol, child).
    const edgeOf = new Map<number, number>();
    const eFrom: number[] = [];
    const eSym: number[] = [];
    const outList: number[] = [-1];
    let states = 1;
    const lengths = new Int32Array(patterns.length);
    for (let p = 0; p < patterns.length; p++) {
      const pat = patterns[p];
      lengths[p] = pat.length;
      let s = 0;
      for (let i = 0; i < pat.length; i++) {
        const key = s * ALPHABET_SIZE + pat[i];
        let nx = edgeOf.get(key);
        if (nx === undefined) {
          nx = states++;
          edgeOf.set(key, nx);
          eFrom.push(s);
          eSym.push(pat[i]);
          outList.push(-1);
        }
        s = nx;
      }
      if (pat.length > 0 && outList[s] < 0) outList[s] = p;
    }
    const out = Int32Array.from(outList);
    // Children of each state (edge k leads to state k + 1), grouped by parent.
    const edgeStart = new Int32Array(states + 1);
    for (let k = 0; k < eFrom.length; k++) edgeStart[eFrom[k] + 1]++;
    for (let i = 0; i < states; i++) edgeStart[i + 1] += edgeStart[i];
    const fillAt = edgeStart.slice(0, states);
    const edgeSym = new Uint8Array(eFrom.length);
    const edgeTo = new Int32Array(eFrom.length);
    for (let k = 0; k < eFrom.length; k++) {
      const at = fillAt[eFrom[k]]++;
      edgeSym[at] = eSym[k];
      edgeTo[at] = k + 1;
    }
    const fail = new Int32Array(states);
    const dict = new Int32Array(states);
    // Breadth-first order (root first); the first `denseCount` states of it get complete rows. A state's failure
    // link is shallower, so it comes earlier in this order: a dense state's row is built from rows already built.
    const bfs = new Int32Array(states);
    const denseCount = Math.max(1, Math.min(states, Math.floor(denseStates)));
    const rows = new Int32Array(denseCount * ALPHABET_SIZE);
    /** Position of each state in `bfs`. */
    const rank = new Int32Array(states);
    /** δ(f, c) for a state the breadth-first walk has passed: its row, else its trie edge or its failure link's δ. */
    const step = (f: number, c: number): number => {
      for (;;) {
        const r = rank[f];
        if (r < denseCount) return rows[r * ALPHABET_SIZE + c];
        const ke = edgeStart[f + 1];
        for (let k = edgeStart[f]; k < ke; k++) if (edgeSym[k] === c) return edgeTo[k];
        f = fail[f];
      }
    };
    let qt = 1;
    for (let qh = 0; qh < qt; qh++) {
      const s = bfs[qh];
      rank[s] = qh;
      if (qh < denseCount) {
        const row = qh * ALPHABET_SIZE;
        for (let c = 0; c < ALPHABET_SIZE; c++) rows[row + c] = s === 0 ? 0 : step(fail[s], c);
        for (let k = edgeStart[s]; k < edgeStart[s + 1]; k++) rows[row + edgeSym[k]] = edgeTo[k];
      }
      for (let k = edgeStart[s]; k < edgeStart[s + 1]; k++) {
        const nx = edgeTo[k];
        const f = s === 0 ? 0 : step(fail[s], edgeSym[k]);
        fail[nx] = f;
        dict[nx] = out[f] >= 0 ? f : dict[f];
        bfs[qt++] = nx;
      }
    }
    const emitting = (st: number) => out[st] >= 0 || dict[st] > 0;
    // Renumber: within each range, states that end nothing first, then the others, each in breadth-first order.
    const order = new Int32Array(states);
    let k = 0;
    let emitDense = denseCount;
    let emitSparse = states;
    for (let range = 0; range < 2; range++) {
      const from = range === 0 ? 0 : denseCount;
      const to = range === 0 ? denseCount : states;
      for (let pass = 0; pass < 2; pass++) {
        if (pass === 1) {
          if (range === 0) emitDense = k;
          else emitSparse = k;
        }
        for (let q = from; q < to; q++) if (emitting(bfs[q]) === (pass === 1)) order[k++] = bfs[q];
      }
    }
    const rename = new Int32Array(states);
    for (let i = 0; i < states; i++) rename[order[i]] = i;
    const wide = states > 0xffff;
    const dense = wide ? new Int32Array(denseCount * ALPHABET_SIZE) : new Uint16Array(denseCount * ALPHABET_SIZE);
    for (let i = 0; i < denseCount; i++) {
      const from = rank[order[i]] * ALPHABET_SIZE;
      const to = i * ALPHABET_SIZE;
      for (let c = 0; c < ALPHABET_SIZE; c++) dense[to + c] = rename[rows[from + c]];
    }
    const sparseCount = states - denseCount;
    const childStart = new Int32Array(sparseCount + 1);
    const sparseFail = wide ? new Int32Array(sparseCount) : new Uint16Array(sparseCount);
    const childSym = new Uint8Array(edgeSym.length);
    const childTo = wide ? new Int32Array(edgeSym.length) : new Uint16Array(edgeSym.length);
    let e = 0;
    for (let i = 0; i < sparseCount; i++) {
      const st = order[denseCount + i];
      childStart[i] = e;
      sparseFail[i] = rename[fail[st]];
      for (let q = edgeStart[st]; q < edgeStart[st + 1]; q++) {
        childSym[e] = edgeSym[q];
        childTo[e++] = rename[edgeTo[q]];
      }
    }
    childStart[sparseCount] = e;
    const out2 = new Int32Array(states);
    const dict2 = new Int32Array(states);
    for (let i = 0; i < states; i++) {
      const st = order[i];
      out2[i] = out[st];
      dict2[i] = dict[st] > 0 ? rename[dict[st]] : 0;
    }
    this.dense = dense;
    this.denseCount = denseCount;
    this.childStart = childStart;
    this.childSym = childSym;
    this.childTo = childTo;
    this.sparseFail = sparseFail;
    this.out = out2;
    this.dict = dict2;
    this.emitDense = emitDense;
    this.emitSparse = emitSparse;
    this.patternLength = lengths;
    this.stateCount = states;
  }

  /** The state after `s` on symbol `c`: a sparse state tries its trie edges, then its failure link, down to a dense row. */
  private next(s: number, c: number): number {
    const dc = this.denseCount;
    while (s >= dc) {
      const b = s - dc;
      const ke = this.childStart[b + 1];
      for (let k = this.childStart[b]; k < ke; k++) if (this.childSym[k] === c) return this.childTo[k];
      s = this.sparseFail[b];
    }
    return this.dense[s * ALPHABET_SIZE + c];
  }

  /**
   * Scan `sym` and write every (overlapping) occurrence as a (patternId, end) pair into `out`, growing it when
   * full. Returns the buffer in use and the number of pairs. No callback per match: the hot loop stays flat.
   */
  scanInto(sym: Uint8Array, out: Int32Array): { buf: Int32Array; count: number } {
    const dense = this.dense;
    const dc = this.denseCount;
    const outP = this.out;
    const dict = this.dict;
    const emitDense = this.emitDense;
    const emitSparse = this.emitSparse;
    let buf = out;
    let n = 0;
    let s = 0;
    for (let i = 0; i < sym.length; i++) {
      s = s < dc ? dense[s * ALPHABET_SIZE + sym[i]] : this.next(s, sym[i]);
      if (s < emitDense || (s >= dc && s < emitSparse)) continue;
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
    const out = this.out;
    const dict = this.dict;
    const len = this.patternLength;
    let s = 0;
    for (let i = 0; i < sym.length; i++) {
      s = this.next(s, sym[i]);
      if (s < this.emitDense || (s >= this.denseCount && s < this.emitSparse)) continue;
      let o = out[s] >= 0 ? s : dict[s];
      while (o > 0) {
        const p = out[o];
        onMatch(p, i + 1 - len[p], i + 1);
        o = dict[o];
      }
    }
  }
}
