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

export function skeleton(s: string): string {
  let out = '';
  for (const ch of s.toLowerCase().normalize('NFD')) {
    if (ch >= '\u0300' && ch <= '\u036f') continue;
    out += CONFUSABLES[ch] ?? ch;
  }
  return out.replace(/rn/g, 'm').replace(/vv/g, 'w').replace(/[il|]/g, 'l');
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

function tokenIn(segment: string, token: string): boolean {
  if (token.length >= 5) return segment.includes(token);
  // Short tokens ("bidv", "vcb", "gov") only count as a whole segment or, from 4 chars, a segment prefix.
  return segment === token || (token.length >= 4 && segment.startsWith(token));
}

/**
 * Does a non-official host imitate an official name? `labels` are the host labels left of the public suffix
 * (ASCII/punycode). Checks, in order of strength: IDN homographs, brand tokens, digit/letter swaps, typos.
 */
export function findLookalike(labels: readonly string[]): Lookalike | null {
  if (labels.length === 0) return null;
  const hasIdn = labels.some((l) => l.startsWith('xn--'));
  const unicodeLabels = hasIdn ? toUnicodeHost(labels.join('.')).split('.') : labels;
  const segmentsOf = (ls: readonly string[]) => ls.flatMap((l) => l.split(/[-_]|(?<=\D)(?=\d)|(?<=\d)(?=\D)/)).filter(Boolean);
  const asciiSegments = segmentsOf(labels.map((l) => l.toLowerCase()));
  const joined = labels.join('').replace(/-/g, '').toLowerCase();

  if (hasIdn) {
    const sk = skeleton(unicodeLabels.join('').replace(/-/g, ''));
    for (const t of BRAND_TARGETS) {
      if (t.token.length >= 4 && sk.includes(skeleton(t.token))) return { kind: 'homograph', target: t, evidence: unicodeLabels.join('.') };
    }
  }
  for (const t of BRAND_TARGETS) {
    if (asciiSegments.some((s) => tokenIn(s, t.token)) || (t.token.length >= 5 && joined.includes(t.token))) {
      return { kind: 'brand-token', target: t, evidence: t.token };
    }
  }
  const candidates = labels.flatMap((l) => [l.toLowerCase(), ...l.toLowerCase().split('-')]).filter((c, i, a) => c.length >= 3 && a.indexOf(c) === i);
  for (const c of candidates) {
    const cs = skeleton(c);
    for (const t of BRAND_TARGETS) {
      if (c === t.token) continue;
      if (cs === skeleton(t.token) && /[0-9]|rn|vv|[il]/.test(c)) return { kind: 'homoglyph', target: t, evidence: c };
      const max = t.token.length >= 9 ? 2 : t.token.length >= 6 ? 1 : 0;
      if (max > 0 && c.length >= 5 && editDistance(c, t.token, max) <= max) return { kind: 'typo', target: t, evidence: c };
    }
  }
  return null;
}
