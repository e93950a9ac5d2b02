import { parse } from 'tldts';
import { BRAND_TOKENS, OFFICIAL_DOMAINS, type OfficialKind } from './official-domains';
import { toUnicodeHost } from './punycode';

/** Kinds whose names scammers impersonate; press/neutral are exempt from flags but not targets. */
const TARGET_KINDS: ReadonlySet<OfficialKind> = new Set(['gov', 'bank', 'wallet', 'service', 'platform']);

export interface BrandTarget {
  token: string;
  name: string;
  kind: OfficialKind;
}

/** Registrable labels of official targets ("vietcombank", "bidv", "dichvucong"…) plus extra tokens. */
export const BRAND_TARGETS: readonly BrandTarget[] = (() => {
  const seen = new Set<string>();
  const out: BrandTarget[] = [];
  const add = (t: BrandTarget) => {
    if (t.token.length >= 3 && !seen.has(t.token)) {
      seen.add(t.token);
      out.push(t);
    }
  };
  for (const o of OFFICIAL_DOMAINS) {
    if (!TARGET_KINDS.has(o.kind)) continue;
    const label = parse(o.domain).domainWithoutSuffix;
    if (label) add({ token: label.replace(/-/g, ''), name: o.name, kind: o.kind });
  }
  for (const t of BRAND_TOKENS) add(t);
  return out;
})();

/**
 * Confusable skeleton: Cyrillic/Greek look-alikes → Latin, Vietnamese diacritics dropped, digits that pass
 * for letters → letters, "rn"→"m", "vv"→"w", and i/l/1 merged. Equal skeletons = visually confusable.
 */
const CONFUSABLES: Record<string, string> = {
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', і: 'i', ј: 'j', ԁ: 'd', ɡ: 'g', һ: 'h', ո: 'n',
  ν: 'v', ο: 'o', α: 'a', ρ: 'p', τ: 't', κ: 'k', ι: 'i', ɑ: 'a', ʏ: 'y', ѕ: 's', ԛ: 'q', ԝ: 'w', в: 'b',
  м: 'm', н: 'h', т: 't', к: 'k', 'ı': 'i', đ: 'd',
  '0': 'o', '1': 'l', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '9': 'g', '@': 'a', $: 's',
};

const NON_ASCII_RE = /[^\x00-\x7f]/;
const RN_RE = /rn/g;
const VV_RE = /vv/g;
const IL_RE = /[il|]/g;

export function skeleton(s: string): string {
  let out = '';
  const lower = s.toLowerCase();
  if (NON_ASCII_RE.test(lower)) {
    for (const ch of lower.normalize('NFD')) {
      if (ch >= '\u0300' && ch <= '\u036f') continue;
      out += CONFUSABLES[ch] ?? ch;
    }
  } else {
    // ASCII (every punycode label): NFD is the identity and there are no combining marks.
    for (let i = 0; i < lower.length; i++) {
      const ch = lower[i];
      out += CONFUSABLES[ch] ?? ch;
    }
  }
  return out.replace(RN_RE, 'm').replace(VV_RE, 'w').replace(IL_RE, 'l');
}

/** Optimal-string-alignment distance with an early exit above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length];
}

export type LookalikeKind = 'brand-token' | 'typo' | 'homoglyph' | 'homograph';

export interface Lookalike {
  kind: LookalikeKind;
  target: BrandTarget;
  /** The part of the host that imitates the target. */
  evidence: string;
}

// --- Indexes over BRAND_TARGETS, built once at module load ----------------------------------------------
// Every lookup below answers "the first target in BRAND_TARGETS order that matches", like a linear scan would.

const TARGET_SKELETONS: readonly string[] = BRAND_TARGETS.map((t) => skeleton(t.token));

/** Homograph stage: targets of 4+ chars with their skeletons, in order. */
const HOMOGRAPH_TARGETS: readonly number[] = BRAND_TARGETS.flatMap((t, i) => (t.token.length >= 4 ? [i] : []));

/** Brand-token stage: 3-char tokens must equal a segment; 4-char tokens equal a segment's first 4 chars. */
const TOKEN3 = new Map<string, number>();
const TOKEN4 = new Map<string, number>();
/** Tokens of 5+ chars anywhere in the joined labels, indexed by their first two chars. */
const LONG_BY_BIGRAM = new Map<string, number[]>();
BRAND_TARGETS.forEach((t, i) => {
  const tok = t.token;
  if (tok.length === 3) TOKEN3.set(tok, i);
  else if (tok.length === 4) TOKEN4.set(tok, i);
  else if (tok.length >= 5) {
    const key = tok.slice(0, 2);
    const list = LONG_BY_BIGRAM.get(key) ?? [];
    list.push(i);
    LONG_BY_BIGRAM.set(key, list);
  }
});

/** Homoglyph stage: skeleton → target indexes in order. */
const BY_SKELETON = new Map<string, number[]>();
TARGET_SKELETONS.forEach((sk, i) => {
  const list = BY_SKELETON.get(sk) ?? [];
  list.push(i);
  BY_SKELETON.set(sk, list);
});

/** Typo budget by target length: long names tolerate more slips; short ones none (too many real words). */
function typoBudget(tokenLength: number): number {
  return tokenLength >= 9 ? 2 : tokenLength >= 6 ? 1 : 0;
}

/** Typo stage: for a candidate length, the targets (in order) whose budget allows that length difference. */
const typoBuckets = new Map<number, readonly number[]>();
function typoTargets(length: number): readonly number[] {
  let b = typoBuckets.get(length);
  if (!b) {
    b = BRAND_TARGETS.flatMap((t, i) => {
      const max = typoBudget(t.token.length);
      return max > 0 && Math.abs(t.token.length - length) <= max ? [i] : [];
    });
    typoBuckets.set(length, b);
  }
  return b;
}

/** Bitmask of the characters of s: a-z on bits 0-25, everything else shared on bits 26-31. */
function charMask(s: string): number {
  let m = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    m |= 1 << (c >= 97 && c <= 122 ? c - 97 : 26 + (c % 6));
  }
  return m;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

const TARGET_MASKS: readonly number[] = BRAND_TARGETS.map((t) => charMask(t.token));

/**
 * Cheap necessary condition for a distance <= max: each edit removes at most one kind of character from a
 * string, so neither side can have more than `max` kinds (mask bits) that the other lacks.
 */
function masksAllow(a: number, b: number, max: number): boolean {
  return popcount(a & ~b) <= max && popcount(b & ~a) <= max;
}

// Three reusable rows for the banded distance: no allocation per comparison.
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/**
 * editDistance(a, b, max) <= max, computed only inside the diagonal band |i - j| <= max (Ukkonen): cells
 * outside it are at least |i - j| > max, so capping every cell at max + 1 gives the same verdict.
 */
export function withinDistance(a: string, b: string, max: number): boolean {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return false;
  if (m + 1 > rowA.length) {
    rowA = new Int32Array(m + 1);
    rowB = new Int32Array(m + 1);
    rowC = new Int32Array(m + 1);
  }
  const cap = max + 1;
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= m; j++) prev[j] = j < cap ? j : cap;
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - max);
    const hi = Math.min(m, i + max);
    cur[0] = i < cap ? i : cap;
    if (lo > 1) cur[lo - 1] = cap;
    let rowMin = lo === 1 ? cur[0] : cap;
    const ca = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = prev[j - 1] + (ca === cb ? 0 : 1);
      const del = prev[j] + 1;
      if (del < v) v = del;
      const ins = cur[j - 1] + 1;
      if (ins < v) v = ins;
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        const tr = prev2[j - 2] + 1;
        if (tr < v) v = tr;
      }
      if (v > cap) v = cap;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (hi < m) cur[hi + 1] = cap;
    if (rowMin > max) return false;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[m] <= max;
}

/** Segments of lowercase labels: split at '-', '_' and digit/non-digit boundaries ("zalopay8386" → zalopay, 8386). */
function segmentsOf(labels: readonly string[]): string[] {
  const out: string[] = [];
  for (const l of labels) {
    let start = 0;
    for (let i = 0; i <= l.length; i++) {
      const c = i < l.length ? l.charCodeAt(i) : -1;
      const sep = c === 45 /* - */ || c === 95 /* _ */ || c === -1;
      const boundary = !sep && i > start && (c >= 48 && c <= 57) !== (l.charCodeAt(i - 1) >= 48 && l.charCodeAt(i - 1) <= 57);
      if (sep || boundary) {
        if (i > start) out.push(l.slice(start, i));
        start = sep ? i + 1 : i;
      }
    }
  }
  return out;
}

/** Index of the first brand target found as a token in the labels, or -1. */
function firstBrandToken(segments: readonly string[], joined: string): number {
  let best = Infinity;
  for (const seg of segments) {
    const i3 = TOKEN3.get(seg);
    if (i3 !== undefined && i3 < best) best = i3;
    if (seg.length >= 4) {
      const i4 = TOKEN4.get(seg.length === 4 ? seg : seg.slice(0, 4));
      if (i4 !== undefined && i4 < best) best = i4;
    }
  }
  for (let p = 0; p + 5 <= joined.length; p++) {
    const list = LONG_BY_BIGRAM.get(joined.slice(p, p + 2));
    if (!list) continue;
    for (const i of list) {
      if (i >= best) break;
      if (joined.startsWith(BRAND_TARGETS[i].token, p)) best = i;
    }
  }
  return best === Infinity ? -1 : best;
}

const HOMOGLYPH_HINT_RE = /[0-9]|rn|vv|[il]/;

/**
 * Does a non-official host imitate an official name? `labels` are the host labels left of the public suffix
 * (ASCII/punycode). Checks, in order of strength: IDN homographs, brand tokens, digit/letter swaps, typos.
 */
export function findLookalike(labels: readonly string[]): Lookalike | null {
  if (labels.length === 0) return null;
  const lower = labels.map((l) => l.toLowerCase());
  const hasIdn = labels.some((l) => l.startsWith('xn--'));

  if (hasIdn) {
    const unicodeLabels = toUnicodeHost(labels.join('.')).split('.');
    const sk = skeleton(unicodeLabels.join('').replace(/-/g, ''));
    for (const i of HOMOGRAPH_TARGETS) {
      if (sk.includes(TARGET_SKELETONS[i])) return { kind: 'homograph', target: BRAND_TARGETS[i], evidence: unicodeLabels.join('.') };
    }
  }

  const brand = firstBrandToken(segmentsOf(lower), lower.join('').replace(/-/g, ''));
  if (brand >= 0) return { kind: 'brand-token', target: BRAND_TARGETS[brand], evidence: BRAND_TARGETS[brand].token };

  const candidates: string[] = [];
  for (const l of lower) {
    for (const c of [l, ...l.split('-')]) if (c.length >= 3 && !candidates.includes(c)) candidates.push(c);
  }
  for (const c of candidates) {
    let best = Infinity;
    let kind: LookalikeKind = 'typo';
    if (HOMOGLYPH_HINT_RE.test(c)) {
      for (const i of BY_SKELETON.get(skeleton(c)) ?? []) {
        if (BRAND_TARGETS[i].token !== c) {
          best = i;
          kind = 'homoglyph';
          break;
        }
      }
    }
    if (c.length >= 5) {
      const mask = charMask(c);
      for (const i of typoTargets(c.length)) {
        if (i >= best) break;
        const tok = BRAND_TARGETS[i].token;
        const max = typoBudget(tok.length);
        if (tok !== c && masksAllow(mask, TARGET_MASKS[i], max) && withinDistance(c, tok, max)) {
          best = i;
          kind = 'typo';
          break;
        }
      }
    }
    if (best !== Infinity) return { kind, target: BRAND_TARGETS[best], evidence: c };
  }
  return null;
}
