import { describe, expect, it } from 'vitest';
import { analyseLinks } from '@/lib/rules/links';
import { compileKnownGood, KNOWN_GOOD, knownGoodSchema } from '@/lib/rules/links/known-good';
import raw from '@/lib/rules/links/data/known-good.json';
import { checkMessage, compileRuleset, DEFAULT_PACK } from '@/lib/rules/index';

const rs = compileRuleset(DEFAULT_PACK);
const cats = (text: string) => checkMessage(text, rs).map((f) => f.category);

describe('known-good data', () => {
  it('validates and has no duplicate entries', () => {
    const data = knownGoodSchema.parse(raw);
    const all = [...Object.keys(data.suffixes), ...Object.values(data.groups).flat(), ...data.paths];
    expect(new Set(all).size).toBe(all.length);
    expect(KNOWN_GOOD.size).toBe(all.length);
  });

  it.each([
    ['a bad host', { ...raw, groups: { news: ['Báo Mới.vn'] } }, 'groups'],
    ['a URL instead of a host', { ...raw, groups: { news: ['https://vnexpress.net'] } }, 'groups'],
    ['a wrong schema tag', { ...raw, schema: 'other' }, 'schema'],
  ])('rejects %s, naming the field', (_n, data, field) => {
    const r = knownGoodSchema.safeParse(data);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path[0]).toBe(field);
  });

  it('matches subdomains, suffixes and path prefixes, not look-alike parents', () => {
    const kg = compileKnownGood(knownGoodSchema.parse({ schema: 'zgg-known-good/1', updated: '2026-12', suffixes: { 'edu.vn': 'x' }, groups: { a: ['vbpl.vn'] }, paths: ['goo.gl/maps'] }));
    expect(kg.has('vbpl.vn', '/')).toBe(true);
    expect(kg.has('www.vbpl.vn', '/')).toBe(true);
    expect(kg.has('thdongxa.edu.vn', '/')).toBe(true);
    expect(kg.has('goo.gl', '/maps/abc')).toBe(true);
    expect(kg.has('goo.gl', '/mapsx')).toBe(false);
    expect(kg.has('vbpl.vn.evil.xyz', '/')).toBe(false);
    expect(kg.has('xvbpl.vn', '/')).toBe(false);
  });
});

describe('three link grades', () => {
  it.each([
    ['the national legal library', 'Luật Đất đai bản đầy đủ: https://vbpl.vn/TW/Pages/vbpq-toanvan.aspx?ItemID=1'],
    ["a school's .edu.vn site", 'Lịch tựu trường trên https://thanhxuan-c2.hanoi.edu.vn/tin-tuc'],
    ['a Google Forms short link', 'Phiếu khảo sát: forms.gle/AbCd123'],
    ['a Google Maps short link', 'Vị trí đám cưới maps.app.goo.gl/Xy12Ab'],
    ['an old Google Maps link on goo.gl', 'Chỗ sạt lở https://goo.gl/maps/RzT4u'],
  ])('%s is known: no finding, no chip', (_n, text) => {
    const [f] = analyseLinks(text);
    expect(f.known).toBe(true);
    expect(f.findings).toEqual([]);
  });

  it.each([
    ['a craft village site', 'Trang của làng gốm: https://langgomquethuong.vn'],
    ["a sister group's invite", 'Nhóm phụ huynh lớp 5B: zalo.me/g/phhs5b'],
    ['a scholarship fund', 'Quỹ học bổng nhận hồ sơ ở quyhocbongnamson.vn'],
    ['a clinic booking page with a hyphen', 'Đặt lịch khám ở phongkham-anbinh.vn nhé'],
  ])('%s is unverified: not a violation', (_n, text) => {
    expect(cats(text)).not.toContain('strange-link');
    const [f] = analyseLinks(text);
    expect(f.known && f.findings.length === 0).toBe(false);
  });

  it.each([
    ['a raw IP', 'xem ở http://103.97.125.44/login'],
    ['an executable download', 'tải về http://capnhat-phanmem.net/VNeID.apk'],
    ['a hiding shortener', 'xem cái này bit.ly/3kXy8Pz'],
    ['a lookalike bank', 'đăng nhập vietcombamk.com.vn để nhận tiền'],
    ['punycode of a state body', 'nhận quà tại https://xn--mttq-qut-3ya.com'],
    ['a throwaway host with prize words', 'Trúng thưởng xe máy, nhận tại nhanqua-honda.com'],
    ['a cheap TLD with OTP words', 'Nhập mã OTP tại hotrodan.xyz để nhận tiền'],
    ['an outside invite with earning words', 'Vào nhóm kiếm tiền online 500k/ngày: zalo.me/g/kiemtien247'],
    ['free hosting posing as the tax office with a login path', 'Quyết toán thuế tại https://thue-canhan.weebly.com/dang-nhap'],
  ])('%s is a violation', (_n, text) => {
    expect(cats(text)).toContain('strange-link');
  });

  it('takes severity and action from the strongest finding', () => {
    const invite = checkMessage('Vào nhóm bán hàng giá sỉ, chiết khấu 30%: zalo.me/g/sisaigon', rs).find((f) => f.category === 'strange-link');
    expect(invite?.severity).toBe('low');
    expect(invite?.action).toBe('remind');
    const fake = checkMessage('Vietcombank: xác thực tài khoản tại vietcombank-xacthuc.com ngay', rs).find((f) => f.category === 'strange-link');
    expect(fake?.severity).toBe('high');
    expect(fake?.action).toBe('delete');
  });

  it('treats configured shorteners as hiding, and an unlisted one as an ordinary host', () => {
    expect(analyseLinks('xem lnk.vn/abc', { shorteners: ['lnk.vn'] })[0].findings.map((r) => r.reason)).toContain('shortener');
    expect(analyseLinks('xem bit.ly/abc', { shorteners: ['lnk.vn'] })[0].findings.map((r) => r.reason)).not.toContain('shortener');
  });
});
