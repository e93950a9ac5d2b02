import { describe, expect, it } from 'vitest';
import { editDistance, findLookalike, skeleton, toUnicodeHost } from '@/lib/rules/links';
import { BRAND_TARGETS, withinDistance, type Lookalike } from '@/lib/rules/links/lookalike';
import { decodePunycodeLabel } from '@/lib/rules/links/punycode';

const labelsOf = (host: string) => host.split('.').slice(0, -1);

describe('punycode decoding', () => {
  it.each([
    ['xn--cccc-0x5ac.vn', 'cốccốc.vn'],
    ['xn--vitcombank-lsi.com', 'viеtcombank.com'],
    ['xn--v-in-t-3va30ap47u7ka.vn', 'ví-điện-tử.vn'],
    ['plain.com', 'plain.com'],
    ['xn--!!!.com', 'xn--!!!.com'],
  ])('%s → %s', (ascii, unicode) => {
    expect(toUnicodeHost(ascii)).toBe(unicode);
  });

  it('round-trips with the URL parser', () => {
    for (const u of ['ngânhàng.vn', 'bàcon-thôn.com', 'аррӏе.com']) {
      const ascii = new URL(`http://${u}`).hostname;
      expect(toUnicodeHost(ascii)).toBe(u);
    }
    expect(decodePunycodeLabel('zz-')).toBe('zz');
  });
});

describe('skeleton and edit distance', () => {
  it.each([
    ['vletcombank', 'vietcombank'],
    ['vietc0mbank', 'vietcombank'],
    ['vietcornbank', 'vietcombank'],
    ['agr1bank', 'agribank'],
    ['bіdv', 'bidv'], // Cyrillic і
    ['vietcombànk', 'vietcombank'],
  ])('skeleton(%s) = skeleton(%s)', (a, b) => {
    expect(skeleton(a)).toBe(skeleton(b));
  });

  it.each([
    ['vietcombank', 'vietcombank', 0],
    ['vietcombamk', 'vietcombank', 1],
    ['vietcmobank', 'vietcombank', 1], // transposition
    ['vitcombnk', 'vietcombank', 2],
    ['abc', 'vietcombank', 3], // capped at max + 1
  ])('editDistance(%s, %s) = %i', (a, b, n) => {
    expect(editDistance(a, b, 2)).toBe(Math.min(n, 3));
  });
});

describe('findLookalike', () => {
  it.each([
    ['vietcombank-xacminh.com', 'brand-token', 'Vietcombank'],
    ['tongcucthue-gov.com', 'brand-token', 'Tổng cục Thuế'],
    ['gov-vn.net', 'brand-token', 'cơ quan nhà nước'],
    ['secure-vcb.online', 'brand-token', 'Vietcombank'],
    ['bidvbank.com', 'brand-token', 'BIDV'],
    ['zalopay8386.com', 'brand-token', 'ZaloPay'],
    ['vletcombank.com.vn', 'homoglyph', 'Vietcombank'],
    ['agr1bank.com', 'homoglyph', 'Agribank'],
    ['vietcombamk.com', 'typo', 'Vietcombank'],
    ['techcornbank.net', 'homoglyph', 'Techcombank'],
    ['sacombamk.vn', 'typo', 'Sacombank'],
  ])('%s → %s (%s)', (host, kind, name) => {
    const l = findLookalike(labelsOf(host));
    expect(l?.kind).toBe(kind);
    expect(l?.target.name).toBe(name);
  });

  it('detects IDN homographs after decoding', () => {
    const host = new URL('http://viеtcombank.com').hostname; // Cyrillic е
    const l = findLookalike(labelsOf(host));
    expect(l?.kind).toBe('homograph');
    expect(l?.target.name).toBe('Vietcombank');
  });

  it.each(['baobacninh', 'thoitiet', 'nongnghiep', 'government', 'evnt', 'vibes', 'acbook'].map((s) => [s]))(
    'no lookalike for ordinary label %s',
    (label) => {
      expect(findLookalike([label])).toBeNull();
    },
  );
});

describe('indexed lookalike search gives the answer of a plain scan', () => {
  // The straightforward scan over BRAND_TARGETS that the indexes replace (kept here as the specification).
  function reference(labels: readonly string[]): Lookalike | null {
    if (labels.length === 0) return null;
    const hasIdn = labels.some((l) => l.startsWith('xn--'));
    const unicodeLabels = hasIdn ? toUnicodeHost(labels.join('.')).split('.') : labels;
    const segs = labels.map((l) => l.toLowerCase()).flatMap((l) => l.split(/[-_]|(?<=\D)(?=\d)|(?<=\d)(?=\D)/)).filter(Boolean);
    const joined = labels.join('').replace(/-/g, '').toLowerCase();
    const tokenIn = (seg: string, tok: string) => (tok.length >= 5 ? seg.includes(tok) : seg === tok || (tok.length >= 4 && seg.startsWith(tok)));
    if (hasIdn) {
      const sk = skeleton(unicodeLabels.join('').replace(/-/g, ''));
      for (const t of BRAND_TARGETS) if (t.token.length >= 4 && sk.includes(skeleton(t.token))) return { kind: 'homograph', target: t, evidence: unicodeLabels.join('.') };
    }
    for (const t of BRAND_TARGETS) {
      if (segs.some((x) => tokenIn(x, t.token)) || (t.token.length >= 5 && joined.includes(t.token))) return { kind: 'brand-token', target: t, evidence: t.token };
    }
    const cands = labels.flatMap((l) => [l.toLowerCase(), ...l.toLowerCase().split('-')]).filter((c, i, a) => c.length >= 3 && a.indexOf(c) === i);
    for (const c of cands) {
      for (const t of BRAND_TARGETS) {
        if (c === t.token) continue;
        if (skeleton(c) === skeleton(t.token) && /[0-9]|rn|vv|[il]/.test(c)) return { kind: 'homoglyph', target: t, evidence: c };
        const max = t.token.length >= 9 ? 2 : t.token.length >= 6 ? 1 : 0;
        if (max > 0 && c.length >= 5 && editDistance(c, t.token, max) <= max) return { kind: 'typo', target: t, evidence: c };
      }
    }
    return null;
  }

  // Deterministic variants of every target: deletions, swaps, substitutions, digit look-alikes, affixes.
  const variants: string[][] = [];
  const subs: Record<string, string> = { o: '0', i: '1', l: 'i', e: '3', a: '4', m: 'rn', w: 'vv', s: '5', b: '8', g: '9' };
  for (const { token } of BRAND_TARGETS) {
    for (let i = 0; i < token.length; i++) {
      variants.push([token.slice(0, i) + token.slice(i + 1)]);
      variants.push([token.slice(0, i) + token[i + 1] + token[i] + token.slice(i + 2), 'secure']);
      variants.push([`${token.slice(0, i)}x${token.slice(i + 1)}-vn`]);
      if (subs[token[i]]) variants.push([`my-${token.slice(0, i)}${subs[token[i]]}${token.slice(i + 1)}`]);
    }
    variants.push([`${token}8386`], [`tra-cuu_${token}`], ['cskh', `${token}vn`]);
  }
  variants.push(['xn--vitcombank-lsi'], ['xn--nhhng-tqa5b'], ['baobacninh'], ['nongsan', 'shop'], ['a', 'b', 'c']);

  it(`agrees on ${variants.length} generated hosts`, () => {
    const diffs = variants.filter((ls) => JSON.stringify(findLookalike(ls)) !== JSON.stringify(reference(ls)));
    expect(diffs.slice(0, 5)).toEqual([]);
    // Most variants are lookalikes of all four kinds, so the comparison is not between two nulls.
    const kinds = new Set(variants.map((ls) => reference(ls)?.kind ?? 'none'));
    expect([...kinds].sort()).toEqual(['brand-token', 'homoglyph', 'homograph', 'none', 'typo']);
  });

  it('banded distance check agrees with editDistance', () => {
    const words = ['vietcombank', 'vietcornbank', 'vitcombnk', 'vietcmobank', 'agribank', 'argibank', 'bidv', 'sacombamk', 'dichvucong', 'dichvucongg', 'ab', '', 'abcdefghijkl'];
    for (const a of words) for (const b of words) for (const max of [0, 1, 2, 3]) {
      expect(withinDistance(a, b, max), `${a}/${b}/${max}`).toBe(editDistance(a, b, max) <= max);
    }
  });
});
