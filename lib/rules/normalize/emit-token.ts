/**
 * One word token written to the output with leetspeak, repeated letters and teencode undone.
 */
import type { Buffers } from './buffers';
import { C_DIGIT, C_LEET, C_LETTER, FOLD, foldCode, isVowelCode, TABLE_SIZE } from './tables';
import { isNumberWithUnit, leetOf, mayBeTeencode, NUMBER_TOKEN, oneAsLetter, TEEN_MAX, teencodeOf } from './words';

/** Longest typed token kept for the next token's "k after a number" check. */
const RAW_KEEP = 12;
/** Digit runs longer than this are numbers (phones, amounts), never letters ("0968…"). */
const LEET_MAX_DIGIT_RUN = 2;
const NOT_A_LETTER = -1;

/** Letters only, no doubled vowel or tripled letter, not a teencode key: copied as is (the vast majority). */
function isPlain(b: Buffers, a: number, e: number): boolean {
  const { ch, cls } = b;
  let prevF = -1;
  let prevF2 = -1;
  for (let k = a; k < e; k++) {
    if (cls[k] !== C_LETTER) return false;
    const c = ch[k];
    const f = c < TABLE_SIZE ? FOLD[c] : c;
    if (f === prevF && (isVowelCode(c) || f === prevF2)) return false;
    prevF2 = prevF;
    prevF = f;
  }
  return !mayBeTeencode(ch, a, e);
}

function tokenText(b: Buffers, a: number, e: number): string {
  let s = '';
  for (let k = a; k < e; k++) s += String.fromCharCode(b.ch[k]);
  return s;
}

/** True when the token has a letter outside ASCII (an accented Vietnamese letter: "1ô" is a word, not a number). */
function hasAccented(b: Buffers, a: number, e: number): boolean {
  for (let k = a; k < e; k++) if (b.cls[k] === C_LETTER && b.ch[k] > 127) return true;
  return false;
}

/**
 * Are the token's digits/symbols letters in disguise? Only inside words that are otherwise letters: "l0", "d3",
 * "t1ền", "1ô" – never "150k" or "0968…".
 */
function isLeetWord(b: Buffers, a: number, e: number, raw: string): boolean {
  const cls = b.cls;
  let letters = 0;
  let nonLetters = 0;
  let maxDigitRun = 0;
  let run = 0;
  for (let k = a; k < e; k++) {
    const cl = cls[k];
    if (cl === C_LETTER) {
      letters++;
      run = 0;
      continue;
    }
    nonLetters++;
    run = cl === C_DIGIT ? run + 1 : 0;
    if (run > maxDigitRun) maxDigitRun = run;
  }
  if (letters === 0 || nonLetters === 0 || maxDigitRun > LEET_MAX_DIGIT_RUN) return false;
  const firstIsLetter = cls[a] === C_LETTER || cls[a] === C_LEET;
  return (firstIsLetter || letters >= 2 || hasAccented(b, a, e)) && !isNumberWithUnit(raw);
}

/** Token codes with disguised letters restored (or stray '@'/'$' next to digits marked NOT_A_LETTER) into tokCodes. */
function restoreLetters(b: Buffers, a: number, e: number, leet: boolean): void {
  const { ch, cls, tokCodes } = b;
  for (let k = a; k < e; k++) {
    let c: number = ch[k];
    if (leet && cls[k] !== C_LETTER) {
      const l = leetOf(c, false);
      // '1' is read from its neighbours as they are meant ("c41": the 4 is an 'a', so '1' ends "cai").
      if (l > 0) c = l;
      else if (c === 49) c = oneAsLetter(k > a ? tokCodes[k - a - 1] : -1, k + 1 < e ? leetOf(ch[k + 1], false) || ch[k + 1] : -1);
    } else if (!leet && cls[k] === C_LEET) {
      c = NOT_A_LETTER; // "$100": not a letter.
    }
    tokCodes[k - a] = c;
  }
}

/**
 * Repeated letters collapse: 3+ of any letter or 2+ of a vowel become one ("lôôô", "nguuu"); "cc", "mm" stay.
 * Reads tokCodes, writes tokCh/tokS/tokE; returns the new length.
 */
function collapseRepeats(b: Buffers, a: number, len: number): number {
  const { tokCodes: cs, tokCh, tokS, tokE, start, end } = b;
  let nc = 0;
  for (let q = 0; q < len; ) {
    const c = cs[q];
    if (c === NOT_A_LETTER) {
      q++;
      continue;
    }
    const f = foldCode(c);
    let r = q + 1;
    if (f >= 97 && f <= 122) while (r < len && cs[r] >= 0 && foldCode(cs[r]) === f) r++;
    const runLen = r - q;
    if (runLen >= 3 || (runLen === 2 && isVowelCode(c))) {
      tokCh[nc] = c;
      tokS[nc] = start[a + q];
      tokE[nc] = end[a + r - 1];
      nc++;
    } else {
      for (let p = q; p < r; p++) {
        tokCh[nc] = cs[p];
        tokS[nc] = start[a + p];
        tokE[nc] = end[a + p];
        nc++;
      }
    }
    q = r;
  }
  return nc;
}

/**
 * Emits the token [a, e). Returns the token as typed (lowercase) when it is short enough to matter for the next
 * token's teencode check, else ''.
 */
export function emitToken(b: Buffers, a: number, e: number, prevToken: string): string {
  if (isPlain(b, a, e)) {
    for (let k = a; k < e; k++) b.emit(b.ch[k], b.start[k], b.end[k], 0);
    return '';
  }
  let allLetters = true;
  for (let k = a; k < e && allLetters; k++) if (b.cls[k] !== C_LETTER) allLetters = false;
  const raw = allLetters ? '' : tokenText(b, a, e);
  const len = e - a;
  b.ensureToken(len);
  restoreLetters(b, a, e, !allLetters && isLeetWord(b, a, e, raw));
  const nc = collapseRepeats(b, a, len);
  if (nc === 0) return '';
  let word = '';
  if (nc <= TEEN_MAX) {
    for (let q = 0; q < nc; q++) word += String.fromCharCode(b.tokCh[q]);
    const exp = teencodeOf(word);
    // "150 k" is 150 thousand, not "150 không".
    if (exp !== undefined && !(word === 'k' && NUMBER_TOKEN.test(prevToken))) {
      const s0 = b.tokS[0];
      const e0 = b.tokE[nc - 1];
      for (let q = 0; q < exp.length; q++) b.emit(exp.charCodeAt(q), s0, e0, 0);
      return word;
    }
  }
  for (let q = 0; q < nc; q++) b.emit(b.tokCh[q], b.tokS[q], b.tokE[q], 0);
  return word || (!allLetters && nc <= RAW_KEEP ? raw : '');
}
