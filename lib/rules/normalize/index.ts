/**
 * Text normalisation for rule matching.
 *
 * Produces two views of a message, both lowercase and of the SAME length, with a per-character map back
 * to the original UTF-16 offsets:
 *  - `acc`:  NFC, accents kept ("lô đề")
 *  - `fold`: diacritics removed, đ→d ("lo de")
 * Evasions undone on the way: zero-width characters, homoglyphs (Cyrillic/Greek/fullwidth/math letters),
 * spaced or dotted letters ("l.o.d.e"), repeated letters ("lôôô"), digits/symbols used as letters ("l0 d3"),
 * and common teencode ("ko", "ck", "stk", "ib"…). The tables are data files under ./data.
 *
 * Pure and allocation-light: it runs on every message in a content script.
 */
import { Buffers } from './buffers';
import { emitToken } from './emit-token';
import { C_SPACE, FOLD, foldCode, isVowelCode, TABLE_SIZE } from './tables';
import { joinDottedSyllables, joinSpacedLetters, tokenize } from './tokens';
import { toUnits } from './units';
import { markUrlUnits } from './urls';

export { foldCode, foldString } from './tables';

/** Symbol classes used by the matcher: 0 = break (punctuation), 1 = space, 2..27 = a..z, 28..37 = 0..9. */
export const SYM_BREAK = 0;
export const SYM_SPACE = 1;
export const ALPHABET_SIZE = 38;

export interface NormalizedText {
  original: string;
  /** Lowercase, accents kept (built on first read). */
  readonly acc: string;
  /** Lowercase, accents removed, same length as `acc` (built on first read). */
  readonly fold: string;
  /** Char codes of `acc`: the matcher reads these, so the strings are only built when someone asks. */
  codes: Uint16Array;
  /** Matcher symbol per normalised character. */
  sym: Uint8Array;
  /** Original start offset of each normalised character. */
  start: Int32Array;
  /** Original end offset (exclusive) of each normalised character. */
  end: Int32Array;
  /** 1 where a character came from a joined spaced/dotted letter run ("l ô đ ề" → "lôđề"); null if none. */
  joined: Uint8Array | null;
  /** True when some symbol is a digit (number detectors are skipped otherwise). */
  hasDigit: boolean;
}

function codesToString(codes: Uint16Array): string {
  const n = codes.length;
  if (n < 4096) return String.fromCharCode.apply(null, codes as unknown as number[]);
  let s = '';
  for (let i = 0; i < n; i += 4096) s += String.fromCharCode.apply(null, codes.subarray(i, i + 4096) as unknown as number[]);
  return s;
}

/** NormalizedText with lazily built strings (most messages never need them). */
class Normalized implements NormalizedText {
  private accStr: string | null = null;
  private foldStr: string | null = null;
  constructor(
    public original: string,
    public codes: Uint16Array,
    public sym: Uint8Array,
    public start: Int32Array,
    public end: Int32Array,
    public joined: Uint8Array | null,
    public hasDigit: boolean,
  ) {}
  get acc(): string {
    return (this.accStr ??= codesToString(this.codes));
  }
  get fold(): string {
    if (this.foldStr === null) {
      const f = new Uint16Array(this.codes.length);
      for (let i = 0; i < f.length; i++) f[i] = foldCode(this.codes[i]);
      this.foldStr = codesToString(f);
    }
    return this.foldStr;
  }
}

/** A joined run: the letters of consecutive single-letter tokens without separators; returns the unit after it. */
function emitJoinedRun(b: Buffers, i: number, count: number): number {
  const { ch, joined, drop, start, end } = b;
  let k = i;
  let lastCh = -1;
  for (; k < count && (joined[k] || drop[k]); k++) {
    if (drop[k]) continue;
    const c = ch[k];
    // Repeated vowels inside a joined run collapse too ("n g u u u").
    if (lastCh >= 0 && foldCode(c) === foldCode(lastCh) && isVowelCode(c)) b.outEnd[b.outLen - 1] = end[k];
    else b.emit(c, start[k], end[k], 1);
    lastCh = c;
  }
  return k;
}

/** Writes the output characters from the units: tokens rewritten, spaces collapsed, punctuation kept. */
function emitAll(b: Buffers, count: number, nt: number, anyJoined: boolean): void {
  const { ch, cls, start, end, tokStart, tokEnd, inUrl, joined, drop } = b;
  b.resetOut(count);
  let prevToken = '';
  let i = 0;
  let t = 0;
  while (i < count) {
    if (t < nt && i === tokStart[t]) {
      if (anyJoined && joined[i]) {
        i = emitJoinedRun(b, i, count);
        while (t < nt && tokStart[t] < i) t++;
        prevToken = '';
        continue;
      }
      const a = tokStart[t];
      const e = tokEnd[t];
      t++;
      if (inUrl[a]) {
        for (let k = a; k < e; k++) b.emit(ch[k], start[k], end[k], 0);
        prevToken = '';
      } else prevToken = emitToken(b, a, e, prevToken);
      i = e;
      continue;
    }
    if (anyJoined && drop[i]) {
      i++;
      continue;
    }
    if (cls[i] === C_SPACE) {
      // Collapse runs of spaces/soft separators into one space.
      let j = i + 1;
      while (j < count && cls[j] === C_SPACE && !(t < nt && j === tokStart[t])) j++;
      b.emit(32, start[i], end[j - 1], 0);
      i = j;
      continue;
    }
    b.emit(ch[i], start[i], end[i], 0);
    i++;
  }
}

/** Matcher symbols of the output codes; returns whether any is a digit. */
function writeSymbols(codes: Uint16Array, sym: Uint8Array): boolean {
  let hasDigit = false;
  for (let q = 0; q < codes.length; q++) {
    const c = codes[q];
    const f = c < TABLE_SIZE ? FOLD[c] : c;
    if (f >= 97 && f <= 122) sym[q] = f - 95;
    else if (f >= 48 && f <= 57) {
      sym[q] = f - 20;
      hasDigit = true;
    } else if (f === 32) sym[q] = SYM_SPACE;
    else sym[q] = SYM_BREAK;
  }
  return hasDigit;
}

/**
 * A normaliser with its own buffers. `normalize` returns arrays the caller owns; `transient` returns views into
 * buffers the next call overwrites, for a caller done with the result before it normalises again (the engine, once
 * per message), which saves five allocations per message.
 */
export class Normalizer {
  private readonly b = new Buffers();

  normalize(text: string): NormalizedText {
    return this.run(text, true);
  }

  transient(text: string): NormalizedText {
    return this.run(text, false);
  }

  private run(text: string, owned: boolean): NormalizedText {
    const b = this.b;
    const count = toUnits(text, b);
    markUrlUnits(text, b, count);
    const [nt, singles] = tokenize(b, count);
    const spaced = singles >= 2 && joinSpacedLetters(b, count, nt);
    const anyJoined = joinDottedSyllables(b, count, nt, singles >= 2) || spaced;
    emitAll(b, count, nt, anyJoined);
    const n = b.outLen;
    const codes = owned ? b.outCh.slice(0, n) : b.outCh.subarray(0, n);
    const sym = owned ? new Uint8Array(n) : b.sym.subarray(0, n);
    const hasDigit = writeSymbols(codes, sym);
    if (!owned) {
      const joined = anyJoined ? b.outJoined.subarray(0, n) : null;
      return new Normalized(text, codes, sym, b.outStart.subarray(0, n), b.outEnd.subarray(0, n), joined, hasDigit);
    }
    const joined = anyJoined ? b.outJoined.slice(0, n) : null;
    return new Normalized(text, codes, sym, b.outStart.slice(0, n), b.outEnd.slice(0, n), joined, hasDigit);
  }
}

/** Normalise one text with a fresh normaliser (tools, tests, compile-time work); the engine keeps its own. */
export function normalize(text: string): NormalizedText {
  return new Normalizer().normalize(text);
}
