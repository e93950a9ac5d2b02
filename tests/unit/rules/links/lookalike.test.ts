import { describe, expect, it } from 'vitest';
import { editDistance, findLookalike, skeleton, toUnicodeHost } from '@/lib/rules/links';
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
