import { describe, expect, it } from 'vitest';
import { linkSignals } from '@/lib/rules/link-signals';

const reasons = (text: string) => linkSignals(text, {}).map((l) => `${l.category}:${l.reason}`);

describe('link-signals adapter', () => {
  it.each([
    ['a domain split before its TLD', 'nhận tiền tại ho-tro-dan .com nhé (viết liền)', 'strange-link:obfuscated'],
    ['an outside group invitation on an official host', 'vào nhóm kín này: zalo.me/g/abcxyz987', 'strange-link:group-invite'],
    ['an unknown site', 'xem thêm ở tinnhanhmoingay.com/bai-viet', 'strange-link:unknown-domain'],
    ['a raw IP host with a path and no letter after a dot', 'anh bấm vào 103.211.4.77/hd để em lấy lại giúp', 'strange-link:ip-host'],
  ])('flags %s', (_n, text, expected) => {
    expect(reasons(text)).toContain(expected);
  });

  it.each([
    ['the real csgt.vn', 'Tra cứu phạt nguội tại trang csgt.vn của Cục CSGT.'],
    ['a government portal', 'Nộp hồ sơ tại https://dichvucong.gov.vn nhé bà con'],
    ['a well-known public service', 'Bán nông sản trên sàn postmart.vn của bưu điện'],
    ['sentence full stops only', 'Họp thôn lúc 8h. Mai mưa. Bà con nhớ mang áo mưa.'],
    ['prices and phone numbers', 'Giá 1.263.600đ/năm, gọi 0968.123.456'],
  ])('leaves %s alone', (_n, text) => {
    expect(linkSignals(text, {})).toEqual([]);
  });
});
