/**
 * Word-level tables: teencode expansions, digits/symbols typed for letters, number-with-unit suffixes.
 */
import leet from './data/leet.json';
import teencode from './data/teencode.json';
import units from './data/units.json';
import { isVowelCode } from './tables';

const TEENCODE: ReadonlyMap<string, string> = new Map(Object.entries(teencode.map));

/** Expansion of a teencode token ("ck" → "chuyển khoản"), or undefined. */
export function teencodeOf(word: string): string | undefined {
  return TEENCODE.get(word);
}

/** Integer key of a token, so short tokens are checked against the teencode keys without building strings. */
export function teenKey(codes: ArrayLike<number>, a: number, b: number): number {
  let h = b - a;
  for (let k = a; k < b; k++) h = (Math.imul(h, 31) + codes[k]) | 0;
  return h;
}

const TEEN_KEYS: ReadonlySet<number> = new Set(
  [...TEENCODE.keys()].map((k) => {
    const codes = Array.from(k, (ch) => ch.charCodeAt(0));
    return teenKey(codes, 0, codes.length);
  }),
);

/** Longest teencode key: longer tokens are never looked up. */
export const TEEN_MAX = 5;

export function mayBeTeencode(codes: ArrayLike<number>, a: number, b: number): boolean {
  return b - a <= TEEN_MAX && TEEN_KEYS.has(teenKey(codes, a, b));
}

/** Tokens after which "k" means thousand, not "không". */
export const NUMBER_TOKEN = /^\d[\d.,]*$/;
/** "150k", "1tr5", "35kg", "2h": numbers with units are never leetspeak. */
const NUMBER_WITH_UNIT = new RegExp(`^\\d[\\d.,]*(?:${units.units.join('|')})\\d*$`);

export function isNumberWithUnit(token: string): boolean {
  return NUMBER_WITH_UNIT.test(token);
}

const LEET: ReadonlyMap<number, number> = new Map(Object.entries(leet.map).map(([k, v]) => [k.charCodeAt(0), v.charCodeAt(0)]));
const ONE = 49;
const L = 108;
const I = 105;

/** Letter hidden behind a digit/symbol ('0'→o, '3'→e, '@'→a…), or 0. `oneAsL` maps '1' to 'l'. */
export function leetOf(c: number, oneAsL: boolean): number {
  if (c === ONE) return oneAsL ? L : 0;
  return LEET.get(c) ?? 0;
}

/**
 * '1' inside a word: 'l' at a word start before a vowel or at the end after a consonant ("1ô", "vc1"), else 'i'
 * ("t1ền"). `prev`/`next` are the neighbouring codes in the token, -1 at its edges.
 */
export function oneAsLetter(prev: number, next: number): number {
  const lAtStart = prev < 0 && next >= 0 && isVowelCode(next);
  const lAtEnd = next < 0 && prev >= 0 && !isVowelCode(prev);
  return lAtStart || lAtEnd ? L : I;
}
