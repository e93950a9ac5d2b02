/**
 * Word tokens of the unit buffers, and spaced or dotted single letters joined back into words ("l ô đ ề",
 * "l.o.d.e", "đ.m").
 */
import type { Buffers } from './buffers';
import { C_LETTER, isWordClass, JOIN_SEP } from './tables';
import { leetOf } from './words';

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

/**
 * Marks runs of single-letter tokens split by one separator each (`joined` on the letters, `drop` on the
 * separators); digits/symbols inside such a run are letters in disguise ("l.0.d.3"). Returns whether any run was
 * joined. A run needs two letters: "5 . 3" is not a word.
 */
export function joinSpacedLetters(b: Buffers, count: number, nt: number): boolean {
  const { ch, cls, tokStart, tokEnd, drop, joined } = b;
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
        const u = tokStart[q];
        joined[u] = 1;
        if (q < r) drop[tokEnd[q]] = 1;
        const l = leetOf(ch[u], true);
        if (l > 0) {
          ch[u] = l;
          cls[u] = C_LETTER;
        }
      }
    }
    t = r + 1;
  }
  return any;
}
