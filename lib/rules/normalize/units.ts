/**
 * First pass, per character: NFC composition, zero-width removal, homoglyphs, lowercase, character class.
 */
import type { Buffers } from './buffers';
import { C_BREAK, C_DIGIT, C_DROP, C_LETTER, C_SPACE, CLS, HIGH_DROP, HIGH_SPACE, LOWER, mapHigh, TABLE_SIZE } from './tables';

function isCombining(c: number): boolean {
  return c >= 0x300 && c <= 0x36f;
}

/** Class and code of a character outside the tables (astral letters, emoji, fullwidth): [code, class] or null to drop. */
function classifyHigh(cp: number, c: number): [number, number] | null {
  const hm = mapHigh(cp);
  if (hm === HIGH_DROP) return null;
  if (hm === HIGH_SPACE) return [32, C_SPACE];
  if (hm > 0) return [hm, hm >= 48 && hm <= 57 ? C_DIGIT : C_LETTER];
  // Emoji and pictographs separate words like a space ("lô🔥đề").
  if (cp >= 0x1f000) return [32, C_SPACE];
  return [c, C_BREAK];
}

/** Fills the unit buffers from `text`; returns the unit count. */
export function toUnits(text: string, b: Buffers): number {
  const n = text.length;
  b.ensureUnits(n);
  const { ch, cls, start, end } = b;
  let m = 0;
  for (let i = 0; i < n; i++) {
    let c = text.charCodeAt(i);
    let j = i + 1;
    // Decomposed input (NFD): compose the base with its marks; marks that do not compose are dropped.
    if (j < n && isCombining(text.charCodeAt(j))) {
      while (j < n && isCombining(text.charCodeAt(j))) j++;
      c = text.slice(i, j).normalize('NFC').charCodeAt(0);
    }
    if (c < TABLE_SIZE) {
      const k = CLS[c];
      if (k === C_DROP) {
        i = j - 1;
        continue;
      }
      ch[m] = LOWER[c];
      cls[m] = k;
    } else {
      let cp = c;
      if (c >= 0xd800 && c <= 0xdbff && j < n) {
        const lo = text.charCodeAt(j);
        if (lo >= 0xdc00 && lo <= 0xdfff) {
          cp = (c - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
          j++;
        }
      }
      const hc = classifyHigh(cp, c);
      if (!hc) {
        i = j - 1;
        continue;
      }
      ch[m] = hc[0];
      cls[m] = hc[1];
    }
    start[m] = i;
    end[m] = j;
    m++;
    i = j - 1;
  }
  bangAsLetter(b, m);
  return m;
}

/** "t!ền", "V@y t!ền": '!' between two letters is an 'i' in disguise. */
function bangAsLetter(b: Buffers, m: number): void {
  const { ch, cls } = b;
  for (let q = 1; q + 1 < m; q++) {
    if (ch[q] === 33 && cls[q - 1] === C_LETTER && cls[q + 1] === C_LETTER) {
      ch[q] = 105;
      cls[q] = C_LETTER;
    }
  }
}
