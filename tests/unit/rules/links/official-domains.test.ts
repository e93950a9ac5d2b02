import { describe, expect, it } from 'vitest';
import { parse } from 'tldts';
import { OFFICIAL_DOMAINS, OFFICIAL_SUFFIXES, analyseLinks, isOfficialHost } from '@/lib/rules/links';
import { BRAND_TOKENS } from '@/lib/rules/links/official-domains';

const HOST_RE = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

describe('official-domains data', () => {
  it('every entry is a valid lowercase hostname that is its own registrable domain', () => {
    for (const o of OFFICIAL_DOMAINS) {
      expect(o.domain, o.domain).toMatch(HOST_RE);
      expect(parse(o.domain).domain, o.domain).toBe(o.domain);
      expect(o.name.trim().length, o.domain).toBeGreaterThan(0);
    }
  });

  it('has no duplicates and no entry already covered by another', () => {
    const domains = OFFICIAL_DOMAINS.map((o) => o.domain);
    expect(new Set(domains).size).toBe(domains.length);
    for (const d of domains) {
      const others = domains.filter((x) => x !== d && (d.endsWith(`.${x}`)));
      expect(others, d).toEqual([]);
    }
  });

  it('public suffixes are real suffixes and brand tokens are lowercase and unique', () => {
    for (const s of OFFICIAL_SUFFIXES) expect(parse(`x.${s}`).publicSuffix).toBe(s);
    const tokens = BRAND_TOKENS.map((t) => t.token);
    expect(new Set(tokens).size).toBe(tokens.length);
    for (const t of tokens) expect(t).toMatch(/^[a-z0-9]{3,}$/);
  });

  it.each([
    'https://dichvucong.gov.vn/p/home/dvc-trang-chu.html',
    'https://dichvucong.bocongan.gov.vn',
    'vneid.gov.vn',
    'https://thuedientu.gdt.gov.vn/etaxnnt/Request',
    'https://baohiemxahoi.gov.vn/tintuc/Pages/default.aspx',
    'https://chinhphu.vn',
    'https://baochinhphu.vn/abc.htm',
    'https://www.evn.com.vn',
    'https://cskh.evnhanoi.vn/dang-nhap',
    'https://vnpost.vn',
    'https://portal.vietcombank.com.vn/Personal/Pages/home.aspx',
    'https://vcbdigibank.vietcombank.com.vn/login',
    'https://www.bidv.com.vn/vn/ca-nhan',
    'https://www.vietinbank.vn',
    'https://www.agribank.com.vn/vn/ve-agribank',
    'https://techcombank.com/khach-hang-ca-nhan',
    'https://www.mbbank.com.vn',
    'https://www.vpbank.com.vn',
    'https://tpb.vn',
    'https://acb.com.vn',
    'https://www.sacombank.com.vn',
    'https://momo.vn',
    'https://zalo.me/pc',
    'https://chat.zalo.me',
    'https://www.facebook.com/ubndxa',
    'https://www.youtube.com/watch?v=abc123XYZ',
    'https://youtu.be/abc',
    'https://vnexpress.net/tin-tuc',
    'https://vtv.vn/thoi-su.htm',
    'https://baobacninh.vn/',
    'https://www.google.com/maps/place/abc',
  ])('official link is clean: %s', (text) => {
    const [f] = analyseLinks(text);
    expect(f.official).toBe(true);
    expect(f.findings).toEqual([]);
  });

  it.each([
    ['vietcombank.com.vn.evil.xyz', false],
    ['gov.vn.evil.com', false],
    ['evil-gov.vn.com', false],
    ['fakegov.vn', false],
    ['a.b.c.bocongan.gov.vn', true],
    ['m.facebook.com', true],
  ])('isOfficialHost(%s) = %s', (host, expected) => {
    expect(isOfficialHost(host)).toBe(expected);
  });
});

describe('police, traffic, tax and social-insurance sites are official, their imitations are not', () => {
  it.each([
    'Tra cứu phạt nguội tại https://csgt.vn/tra-cuu-phuong-tien-vi-pham.html',
    'vào trang csgt.vn của Cục CSGT, nhập biển số',
    'https://www.csgt.vn',
    'https://csgt.bocongan.gov.vn/tin-tuc',
    'https://bocongan.gov.vn/tin-tuc-su-kien',
    'Khai thuế tại https://gdt.gov.vn hoặc https://thuedientu.gdt.gov.vn/etaxnnt/Request',
    'https://baohiemxahoi.gov.vn/tintuc/Pages/default.aspx',
    'Cài VssID: https://vssid.baohiemxahoi.gov.vn',
    'https://dichvucong.baohiemxahoi.gov.vn',
  ])('%s', (text) => {
    const found = analyseLinks(text);
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) {
      expect(f.official, f.host).toBe(true);
      expect(f.findings).toEqual([]);
    }
  });

  it.each([
    ['csgt-vn.online', 'lookalike-brand-token'],
    ['csgt.vn.com', 'lookalike-brand-token'],
    ['https://phatnguoi-csgt.vn/tra-cuu', 'lookalike-brand-token'],
    ['csgt.com', 'lookalike-brand-token'],
    ['bocongan-gov.com', 'lookalike-brand-token'],
    ['bocongan.vn', 'lookalike-brand-token'],
    ['gdt-gov.vn.com', 'lookalike-brand-token'],
    ['baohiemxahoi-vn.com', 'lookalike-brand-token'],
    ['vssid-bhxh.com', 'lookalike-brand-token'],
  ])('%s is still a lookalike', (text, reasonId) => {
    const [f] = analyseLinks(text);
    expect(f.official).toBe(false);
    expect(f.findings.map((r) => r.reason)).toContain(reasonId);
  });

  it('csgt.vn is listed as a gov domain', () => {
    expect(OFFICIAL_DOMAINS.find((o) => o.domain === 'csgt.vn')?.kind).toBe('gov');
    expect(isOfficialHost('www.csgt.vn')).toBe(true);
    expect(isOfficialHost('csgt.vn.evil.com')).toBe(false);
  });
});
