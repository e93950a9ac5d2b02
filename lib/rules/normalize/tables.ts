/**
 * Per-character lookup tables for the normaliser, built once from the data files and never written afterwards.
 */
import homoglyphs from './data/homoglyphs.json';
import separators from './data/separators.json';

export const TABLE_SIZE = 0x2000;

/** Character classes of the first pass. */
export const C_BREAK = 0;
export const C_SPACE = 1;
export const C_LETTER = 2;
export const C_DIGIT = 3;
/** '@' '$': letters only inside words. */
export const C_LEET = 4;
/** Zero-width, soft hyphen, stray combining marks: removed. */
export const C_DROP = 5;

const HOMOGLYPHS: Readonly<Record<string, string>> = homoglyphs.map;

function buildLower(): Uint16Array {
  const lower = new Uint16Array(TABLE_SIZE);
  for (let c = 0; c < TABLE_SIZE; c++) {
    let ch = String.fromCharCode(c);
    const l = ch.toLowerCase();
    if (l.length === 1) ch = l;
    ch = HOMOGLYPHS[ch] ?? ch;
    lower[c] = ch.charCodeAt(0);
  }
  return lower;
}

function buildFold(lower: Uint16Array): Uint16Array {
  const fold = new Uint16Array(TABLE_SIZE);
  for (let c = 0; c < TABLE_SIZE; c++) {
    const lc = lower[c];
    const f = lc === 0x111 ? 'd' : String.fromCharCode(lc).normalize('NFD').charAt(0);
    const fc = f.charCodeAt(0);
    fold[c] = fc >= 97 && fc <= 122 ? fc : lc;
  }
  return fold;
}

function buildClasses(lower: Uint16Array, fold: Uint16Array): Uint8Array {
  const cls = new Uint8Array(TABLE_SIZE);
  for (let c = 0; c < TABLE_SIZE; c++) {
    const lc = lower[c];
    const fc = fold[c];
    if (fc >= 97 && fc <= 122) cls[c] = C_LETTER;
    else if (lc >= 48 && lc <= 57) cls[c] = C_DIGIT;
    else if (lc === 64 || lc === 36) cls[c] = C_LEET;
    else if (separators.space.includes(String.fromCharCode(c))) cls[c] = C_SPACE;
    else if ((c >= 0x300 && c <= 0x36f) || c === 0xad) cls[c] = C_DROP;
    else cls[c] = C_BREAK;
  }
  return cls;
}

/** Lowercased, homoglyph-mapped char code (BMP below TABLE_SIZE). */
export const LOWER: Readonly<Uint16Array> = buildLower();
/** Diacritic-folded char code of a lowercase code. */
export const FOLD: Readonly<Uint16Array> = buildFold(LOWER);
/** Character class (C_*). */
export const CLS: Readonly<Uint8Array> = buildClasses(LOWER, FOLD);

function buildVowels(): Uint8Array {
  const v = new Uint8Array(TABLE_SIZE);
  for (let c = 0; c < TABLE_SIZE; c++) if ('aeiouy'.includes(String.fromCharCode(FOLD[LOWER[c]]))) v[c] = 1;
  return v;
}
const VOWEL: Readonly<Uint8Array> = buildVowels();

function buildJoinSeparators(): Uint8Array {
  const t = new Uint8Array(0x2100);
  for (const ch of separators.join) t[ch.charCodeAt(0)] = 1;
  return t;
}
/** Separators between spaced-out single letters ("l.o.d.e", "l ô đ ề"). */
export const JOIN_SEP: Readonly<Uint8Array> = buildJoinSeparators();

/** Fold one lowercase char code (no diacritics, đ → d). */
export function foldCode(c: number): number {
  return c < TABLE_SIZE ? FOLD[c] : c;
}

/** Fold a whole string (lowercase + no diacritics); no evasion handling. */
export function foldString(s: string): string {
  const n = s.length;
  // Codes into a reused buffer and one string from it: appending char by char builds a rope of n pieces that the
  // regexes reading the result must flatten first.
  if (n > foldBuf.length) foldBuf = new Uint16Array(Math.max(n, 2 * foldBuf.length));
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    foldBuf[i] = c < TABLE_SIZE ? FOLD[LOWER[c]] : c;
  }
  let out = '';
  for (let i = 0; i < n; i += FOLD_CHUNK) out += String.fromCharCode.apply(null, foldBuf.subarray(i, Math.min(n, i + FOLD_CHUNK)) as unknown as number[]);
  return out;
}

/** Codes per String.fromCharCode call (its arguments go on the stack). */
const FOLD_CHUNK = 4096;
let foldBuf = new Uint16Array(256);

export function isVowelCode(c: number): boolean {
  return c < TABLE_SIZE && VOWEL[c] === 1;
}

export function isWordClass(k: number): boolean {
  return k === C_LETTER || k === C_DIGIT || k === C_LEET;
}

function isZeroWidth(c: number): boolean {
  return (c >= 0x200b && c <= 0x200f) || c === 0x2060 || c === 0xfeff || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

/** Result of `mapHigh` for a character that is removed. */
export const HIGH_DROP = -1;
/** Result of `mapHigh` for a character read as a space. */
export const HIGH_SPACE = -2;

/** Map a code point ≥ TABLE_SIZE to a lowercase ASCII code, or 0 (keep as break), HIGH_DROP or HIGH_SPACE. */
export function mapHigh(cp: number): number {
  if (isZeroWidth(cp)) return HIGH_DROP;
  if (cp >= 0xff01 && cp <= 0xff5e) {
    const a = cp - 0xfee0;
    return a >= 65 && a <= 90 ? a + 32 : a;
  }
  if (cp === 0x3000 || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x202f || cp === 0x205f) return HIGH_SPACE;
  if (cp >= 0x24b6 && cp <= 0x24cf) return 97 + cp - 0x24b6; // Ⓐ
  if (cp >= 0x24d0 && cp <= 0x24e9) return 97 + cp - 0x24d0; // ⓐ
  if (cp >= 0x1d400 && cp <= 0x1d6a3) {
    const k = (cp - 0x1d400) % 52;
    return 97 + (k < 26 ? k : k - 26);
  }
  if (cp >= 0x1d7ce && cp <= 0x1d7ff) return 48 + ((cp - 0x1d7ce) % 10);
  if (cp >= 0x1f1e6 && cp <= 0x1f1ff) return 97 + cp - 0x1f1e6; // regional indicator letters
  return 0;
}
