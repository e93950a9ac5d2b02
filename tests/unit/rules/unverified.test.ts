import { describe, expect, it } from 'vitest';
import { checkMessage, compileRuleset, DEFAULT_PACK, unverifiedLinks } from '@/lib/rules/index';

const rs = compileRuleset(DEFAULT_PACK);
const unverified = (text: string, ruleset = rs) => unverifiedLinks(text, checkMessage(text, ruleset), ruleset).map((u) => u.domain);

describe('unverified links (chip, never a flag)', () => {
  it.each([
    ['a craft village site', 'Mời cả nhà xem trang của làng nghề: https://www.langmaytredongthai.vn/san-pham', ['langmaytredongthai.vn']],
    ['one entry per site', 'Xem ở quyhocbongnamson.vn hoặc quyhocbongnamson.vn/dang-ky-moi', ['quyhocbongnamson.vn']],
    ['a user site on free hosting is its own domain', 'Ảnh lớp mình ở lopvanthonbac.blogspot.com nhé', ['lopvanthonbac.blogspot.com']],
  ])('%s', (_n, text, domains) => {
    expect(checkMessage(text, rs).map((f) => f.category)).not.toContain('strange-link');
    expect(unverified(text)).toEqual(domains);
  });

  it.each([
    ['known sites', 'Tra cứu ở vbpl.vn và đặt khám ở medpro.vn'],
    ['a link that is a violation', 'Nhận quà tại http://103.97.125.44/nhanqua'],
    ['an invite to another group (judged by its words)', 'Nhóm phụ huynh: zalo.me/g/phhs5b'],
  ])('none for %s', (_n, text) => {
    expect(unverified(text)).toEqual([]);
  });

  it('the group allow list and the group own invites take effect', () => {
    const trusted = compileRuleset(DEFAULT_PACK, { overrides: { allowDomains: ['langmaytredongthai.vn'], ownInvites: ['zalo.me/g/kiemtien247'] } });
    expect(unverified('Trang làng nghề langmaytredongthai.vn', trusted)).toEqual([]);
    const invite = 'Vào nhóm kiếm tiền online 500k/ngày: https://zalo.me/g/kiemtien247';
    expect(checkMessage(invite, rs).map((f) => f.category)).toContain('strange-link');
    expect(checkMessage(invite, trusted).map((f) => f.category)).not.toContain('strange-link');
  });
});
