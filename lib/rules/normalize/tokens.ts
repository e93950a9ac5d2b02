/**
 * Word tokens of the unit buffers, and spaced or dotted single letters joined back into words ("l ô đ ề",
 * "l.o.d.e", "đ.m").
 */
import type { Buffers } from './buffers';
import { C_LETTER, isVowelCode, isWordClass, JOIN_SEP } from './tables';
import { leetOf, oneAsLetter } from './words';

/** Fills tokStart/tokEnd with the [start, end) unit ranges of word characters; returns [tokens, one-unit tokens]. */
export function tokenize(b: Buffers, count: number): [number, number] {
  const { cls, tokStart, tokEnd } = b;
  let nt = 0;
  let singles = 0;
  for (let i = 0; i < count; ) {
    if (!isWordClass(cls[i])) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < count && isWordClass(cls[j])) j++;
    tokStart[nt] = i;
    tokEnd[nt] = j;
    if (j - i === 1) singles++;
    nt++;
    i = j;
  }
  return [nt, singles];
}

/** Is token t a one-unit token outside a link? */
function isSingle(b: Buffers, t: number): boolean {
  return b.tokEnd[t] - b.tokStart[t] === 1 && b.inUrl[b.tokStart[t]] === 0;
}

/** Does one join separator (and nothing else) stand between token r and token r + 1? */
function joinedToNext(b: Buffers, r: number): boolean {
  const gap = b.tokEnd[r];
  return b.tokStart[r + 1] - gap === 1 && b.ch[gap] < JOIN_SEP.length && JOIN_SEP[b.ch[gap]] === 1;
}

const ONE = 49;

/**
 * Digits/symbols inside a joined run are letters in disguise ("l.0.d.3"); '1' is read from its neighbours like
 * inside a word ("x.ó.c đ.1.a": 'i' between a consonant and a vowel).
 */
function restoreRunLetters(b: Buffers, t: number, r: number): void {
  const { ch, cls, tokStart } = b;
  for (let q = t; q <= r; q++) {
    const u = tokStart[q];
    const c = ch[u];
    let l = leetOf(c, false);
    if (l === 0 && c === ONE) {
      const prev = q > t ? ch[tokStart[q - 1]] : -1;
      const nextRaw = q < r ? ch[tokStart[q + 1]] : -1;
      const next = nextRaw >= 0 ? leetOf(nextRaw, false) || nextRaw : -1;
      l = oneAsLetter(prev, next);
    }
    if (l > 0) {
      ch[u] = l;
      cls[u] = C_LETTER;
    }
  }
}

/**
 * Marks runs of single-letter tokens split by one separator each (`joined` on the letters, `drop` on the
 * separators); digits/symbols inside such a run are letters in disguise ("l.0.d.3"). Returns whether any run was
 * joined. A run needs two letters: "5 . 3" is not a word.
 */
export function joinSpacedLetters(b: Buffers, count: number, nt: number): boolean {
  const { cls, tokStart, tokEnd, drop, joined } = b;
  drop.fill(0, 0, count);
  joined.fill(0, 0, count);
  let any = false;
  for (let t = 0; t < nt; ) {
    if (!isSingle(b, t)) {
      t++;
      continue;
    }
    let r = t;
    let letters = cls[tokStart[t]] === C_LETTER ? 1 : 0;
    while (r + 1 < nt && isSingle(b, r + 1) && joinedToNext(b, r)) {
      r++;
      if (cls[tokStart[r]] === C_LETTER) letters++;
    }
    if (r > t && letters >= 2) {
      any = true;
      for (let q = t; q <= r; q++) {
        joined[tokStart[q]] = 1;
        if (q < r) drop[tokEnd[q]] = 1;
      }
      restoreRunLetters(b, t, r);
    }
    t = r + 1;
  }
  return any;
}

/** Letters only, and at least one vowel (`wantVowel`) or none (onset consonants: "th", "ngh"). */
function lettersWithVowels(b: Buffers, a: number, e: number, wantVowel: boolean): boolean {
  let vowel = false;
  for (let k = a; k < e; k++) {
    if (b.cls[k] !== C_LETTER) return false;
    if (isVowelCode(b.ch[k])) vowel = true;
  }
  return vowel === wantVowel;
}

/** Longest Vietnamese onset ("ngh"). */
const ONSET_MAX = 3;
const DOT = 46;

/**
 * A syllable split by one dot after its onset ("b.ài", "th.ưởng", "đ.ổi"): the left part is consonants only, the
 * right starts with a vowel, and nothing else touches the dot. Abbreviations ("tp.hcm", "v.v", "ths.bs") have
 * consonants on the right, so they are left alone. Marks the pair joined like a spaced run; returns whether any was.
 */
export function joinDottedSyllables(b: Buffers, count: number, nt: number, cleared: boolean): boolean {
  const { ch, tokStart, tokEnd, inUrl, joined, drop } = b;
  let any = false;
  for (let t = 0; t + 1 < nt; t++) {
    const a = tokStart[t];
    const dot = tokEnd[t];
    const c = tokStart[t + 1];
    if (c - dot !== 1 || ch[dot] !== DOT || inUrl[a] || inUrl[c] || (cleared && joined[a] === 1)) continue;
    if (dot - a > ONSET_MAX || !lettersWithVowels(b, a, dot, false)) continue;
    if (!isVowelCode(ch[c]) || !lettersWithVowels(b, c, tokEnd[t + 1], true)) continue;
    // Part of a longer dotted chain ("a.b.c", a file name, a version): not a split syllable.
    const after = tokEnd[t + 1];
    if ((a > 0 && ch[a - 1] === DOT) || (after + 1 < count && ch[after] === DOT && b.cls[after + 1] === C_LETTER)) continue;
    if (!cleared && !any) {
      joined.fill(0, 0, count);
      drop.fill(0, 0, count);
    }
    any = true;
    for (let k = a; k < tokEnd[t + 1]; k++) joined[k] = 1;
    drop[dot] = 1;
    t++;
  }
  return any;
}
