/**
 * Word features for the linear model, read off the normaliser's symbol view (folded letters and digits, the same
 * view the automaton scans): every word, a digit run as its length ("#9" for 9+ digits, a phone number), and every
 * pair of neighbouring words ("lo_de"). A word typed with diacritics also gives its accented spelling ("=đéo"):
 * folded, an insult and a harmless word can read the same ("deo" is "đéo" and "đeo", to wear), and the writer's
 * accents tell them apart; an accentless message still has its folded words and pairs. Scoring works on 32-bit hashes of those strings so a message allocates no
 * strings; `modelTokens` spells them out (training, evidence).
 */
import { SYM_SPACE, type NormalizedText } from '../normalize';

export interface ModelToken {
  feature: string;
  start: number;
  end: number;
}

const FIRST_DIGIT = 28;
const HASH_SEED = 0x811c9dc5;
const HASH_PRIME = 0x01000193;
const HASH = 35; // '#'

function isDigitRun(sym: Uint8Array, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (sym[i] < FIRST_DIGIT) return false;
  return true;
}

/** Char code of a symbol: a–z for letters, 0–9 for digits. */
function symChar(s: number): number {
  return s < FIRST_DIGIT ? s + 95 : s + 20;
}

/** FNV-1a of the word [a, b) as its feature string would read (one pass; a digit run reads "#<length>"). */
function wordHash(sym: Uint8Array, a: number, b: number): number {
  let h = HASH_SEED;
  let digits = true;
  for (let i = a; i < b; i++) {
    const s = sym[i];
    if (s < FIRST_DIGIT) digits = false;
    h = Math.imul(h ^ symChar(s), HASH_PRIME);
  }
  if (!digits) return h;
  h = Math.imul(HASH_SEED ^ HASH, HASH_PRIME);
  return Math.imul(h ^ (48 + Math.min(b - a, 9)), HASH_PRIME);
}

function pairHash(h1: number, h2: number): number {
  return Math.imul((h1 ^ Math.imul(h2, 0x9e3779b1)) + 0x7f4a7c15, 0x85ebca6b) ^ (h2 >>> 13);
}

/** Seed of the accented-spelling hashes, so "=lo" and "lo" never share a hash by construction. */
const ACC_SEED = 0x050c5d1f;
/** Accented spellings start with this character in their feature string. */
export const ACCENTED = '=';

/**
 * FNV-1a of the accented spelling of [a, b), or 0 when every character there is plain ASCII (no accent to add) or the
 * word is one letter: "ơ", "ê", "à" are interjections and particles, whose accent tells no insult from a harmless word.
 */
function accentedHash(codes: Uint16Array, a: number, b: number): number {
  if (b - a < 2) return 0;
  let h = ACC_SEED;
  let accented = false;
  for (let i = a; i < b; i++) {
    const c = codes[i];
    if (c > 127) accented = true;
    h = Math.imul(h ^ c, HASH_PRIME);
  }
  return accented ? h : 0;
}

function stringHash(word: string, seed = HASH_SEED): number {
  let h = seed;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), HASH_PRIME);
  return h;
}

/** Hash of a feature string as the tokeniser computes it ("lo" → word hash, "lo_de" → pair hash). */
export function featureHash(feature: string): number {
  if (feature.startsWith(ACCENTED)) return stringHash(feature.slice(1), ACC_SEED);
  const cut = feature.indexOf('_');
  return cut < 0 ? stringHash(feature) : pairHash(stringHash(feature.slice(0, cut)), stringHash(feature.slice(cut + 1)));
}

/** Calls `fn(a, b)` for every word [a, b) of the symbol view: a run of letters and digits. */
function forEachWord(sym: Uint8Array, fn: (a: number, b: number) => void): void {
  for (let i = 0; i < sym.length; ) {
    if (sym[i] <= SYM_SPACE) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < sym.length && sym[j] > SYM_SPACE) j++;
    fn(i, j);
    i = j;
  }
}

/** Buffer for a message's feature hashes; whoever scores many messages keeps one and passes it on every call. */
export interface HashBuffer {
  buf: Int32Array;
}

export function newHashBuffer(): HashBuffer {
  return { buf: new Int32Array(256) };
}

/**
 * The hash of every feature of the message, written into `hb` (grown when too short). Returns the buffer and the
 * number of hashes.
 */
export function featureHashes(n: NormalizedText, hb: HashBuffer = newHashBuffer()): { hashes: Int32Array; count: number } {
  const sym = n.sym;
  // A message of L symbols has at most (L + 1) / 2 words of 3 features each, so 2 per symbol bound the count.
  if (hb.buf.length < 2 * sym.length + 2) hb.buf = new Int32Array(2 * sym.length + 64);
  const codes = n.codes;
  const out = hb.buf;
  let count = 0;
  let prev = 0;
  forEachWord(sym, (a, b) => {
    const h = wordHash(sym, a, b);
    const first = count === 0;
    out[count++] = h;
    if (!first) out[count++] = pairHash(prev, h);
    prev = h;
    const acc = accentedHash(codes, a, b);
    if (acc !== 0) out[count++] = acc;
  });
  return { hashes: out, count };
}

function wordText(sym: Uint8Array, a: number, b: number): string {
  if (isDigitRun(sym, a, b)) return `#${Math.min(b - a, 9)}`;
  let s = '';
  for (let i = a; i < b; i++) s += String.fromCharCode(symChar(sym[i]));
  return s;
}

/** Features of one message with their spans (normalised coordinates), in text order. */
export function modelTokens(n: NormalizedText): ModelToken[] {
  const sym = n.sym;
  const out: ModelToken[] = [];
  let prev: ModelToken | null = null;
  forEachWord(sym, (a, b) => {
    const word: ModelToken = { feature: wordText(sym, a, b), start: a, end: b };
    out.push(word);
    if (prev) out.push({ feature: `${prev.feature}_${word.feature}`, start: prev.start, end: b });
    prev = word;
    if (accentedHash(n.codes, a, b) !== 0) out.push({ feature: ACCENTED + String.fromCharCode(...n.codes.subarray(a, b)), start: a, end: b });
  });
  return out;
}

/**
 * Character n-grams of the folded symbol view, for a category that learns spelling rather than words (insults as
 * people type them: "đmm", "dm", "vcl", "ngu vl", stretched or misspelt words share their n-grams with the forms the
 * model saw). Spaces and punctuation read as one boundary mark, and the message starts and ends with one, so an
 * n-gram may span a word boundary (" ngu ", "u vl"). Each n-gram is hashed into one of 2^bits buckets (feature
 * hashing): the model stores one weight per bucket and no strings.
 */
export interface NgramSpec {
  readonly min: number;
  readonly max: number;
  readonly bits: number;
}

const NGRAM_SEED = 0x2f6b1a3d;
/** The message as n-grams read it: letters and digits, each run of spaces and punctuation as one boundary mark. */
let stream = new Uint8Array(256);
/** Where each stream symbol begins in the normalised text. */
let streamPos = new Int32Array(256);

/** Fills `stream`/`streamPos` from `sym` (a boundary at both ends) and returns its length. */
function collapse(sym: Uint8Array): number {
  if (stream.length < sym.length + 2) {
    stream = new Uint8Array(sym.length + 64);
    streamPos = new Int32Array(sym.length + 64);
  }
  let len = 0;
  stream[len] = SYM_SPACE;
  streamPos[len++] = 0;
  let inGap = true;
  for (let i = 0; i < sym.length; i++) {
    const s = sym[i]!;
    if (s > SYM_SPACE) {
      stream[len] = s;
      streamPos[len++] = i;
      inGap = false;
    } else if (!inGap) {
      stream[len] = SYM_SPACE;
      streamPos[len++] = i;
      inGap = true;
    }
  }
  if (!inGap) {
    stream[len] = SYM_SPACE;
    streamPos[len++] = Math.max(0, sym.length - 1);
  }
  return len;
}

/**
 * The bucket of every n-gram of length spec.min…spec.max, written to `out` (grown when short; returned with the
 * count). The same n-gram may come more than once: callers that count presence dedupe by bucket. A bucket is the
 * FNV-1a of the n-gram's symbols mixed with its length, cut to `bits` bits.
 */
export function ngramBucketsInto(sym: Uint8Array, spec: NgramSpec, out: Int32Array): { buckets: Int32Array; count: number } {
  const { min, max, bits } = spec;
  const shift = 32 - bits;
  const len = collapse(sym);
  let buf = out;
  if (buf.length < len * (max - min + 1)) buf = new Int32Array(len * (max - min + 1) + 64);
  let count = 0;
  for (let i = 0; i + min <= len; i++) {
    let h = NGRAM_SEED;
    const top = Math.min(max, len - i);
    for (let k = 0; k < top; k++) {
      h = Math.imul(h ^ stream[i + k]!, HASH_PRIME);
      if (k + 1 >= min) buf[count++] = Math.imul(h ^ (k + 1), 0x9e3779b1) >>> shift;
    }
  }
  return { buckets: buf, count };
}

/**
 * Calls `fn(bucket, start, end)` for every n-gram, in the order of `ngramBucketsInto`; [start, end) is the normalised
 * span the n-gram covers (a boundary mark stands at the first character of the separator run it replaces).
 */
export function forEachNgram(sym: Uint8Array, spec: NgramSpec, fn: (bucket: number, start: number, end: number) => void): void {
  const { min, max, bits } = spec;
  const shift = 32 - bits;
  const len = collapse(sym);
  for (let i = 0; i + min <= len; i++) {
    let h = NGRAM_SEED;
    const top = Math.min(max, len - i);
    for (let k = 0; k < top; k++) {
      h = Math.imul(h ^ stream[i + k]!, HASH_PRIME);
      if (k + 1 >= min) fn(Math.imul(h ^ (k + 1), 0x9e3779b1) >>> shift, streamPos[i]!, streamPos[i + k]! + 1);
    }
  }
}

/** The n-gram buckets of a message, one per occurrence (training). */
export function ngramBuckets(n: NormalizedText, spec: NgramSpec): Int32Array {
  const { buckets, count } = ngramBucketsInto(n.sym, spec, new Int32Array(0));
  return buckets.slice(0, count);
}
