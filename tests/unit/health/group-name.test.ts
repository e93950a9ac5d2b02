import { describe, expect, it } from 'vitest';
import { checkGroupName, compileCustomPattern, parseGroupName, twoLevelName } from '../../../lib/health/group-name';
import { provinceRuleOf } from '../../../lib/health/province';
import { currentReportPeriod, provinceDeadline } from '../../../lib/health/cadence';
import { monthPeriod, quarterPeriod } from '../../../lib/reports/period';

describe('parseGroupName', () => {
  it.each([
    ['Tổ CNS - Thôn Đông - Xã An Bình', 'bac-ninh', { pattern: 'bac-ninh', thon: 'Đông', xa: 'An Bình' }],
    ['Tổ CNS - TDP Phố Mới - Phường Vũ Ninh', 'bac-ninh', { pattern: 'bac-ninh', thon: 'Phố Mới', xa: 'Vũ Ninh' }],
    ['Tổ CNSCĐ – Thôn Yên Lý – Xã Tân Dĩnh – Huyện Lạng Giang', 'bac-ninh', { pattern: 'bac-ninh', thon: 'Yên Lý', xa: 'Tân Dĩnh', huyen: 'Lạng Giang' }],
    ['CNCĐ_Mỹ Phước_Nhơn Mỹ_Kế Sách', 'can-tho', { pattern: 'can-tho', thon: 'Mỹ Phước', xa: 'Nhơn Mỹ', huyen: 'Kế Sách' }],
    ['Tổ CNCĐ_Ấp Hòa Thượng_Xã Kế Thành_Huyện Kế Sách', 'can-tho', { pattern: 'can-tho', thon: 'Hòa Thượng', xa: 'Kế Thành', huyen: 'Kế Sách' }],
    ['CNS-Thôn 3-xã Quảng Tân-huyện Quảng Xương', 'thanh-hoa', { pattern: 'thanh-hoa', thon: '3', xa: 'Quảng Tân', huyen: 'Quảng Xương' }],
    ['CNS - Bản Lát - xã Pù Nhi', 'thanh-hoa', { pattern: 'thanh-hoa', thon: 'Lát', xa: 'Pù Nhi' }],
    // Another province's pattern still parses (a Bắc Giang name in a Thanh Hóa install).
    ['Tổ CNS - Thôn Đông - Xã An Bình', 'thanh-hoa', { pattern: 'bac-ninh', thon: 'Đông', xa: 'An Bình' }],
  ] as const)('%s (%s)', (name, rule, out) => expect(parseGroupName(name, rule)).toEqual(out));

  it.each(['Thôn Đông - Thông tin chung', 'Hội Phụ nữ thôn Đông', 'CNCĐ_Sóc Trăng', ''])('no pattern: %s', (name) => expect(parseGroupName(name, 'bac-ninh')).toBeNull());

  it('custom pattern with placeholders', () => {
    expect(parseGroupName('Zalo thôn Đông (xã An Bình)', 'other', 'Zalo thôn {thon} (xã {xa})')).toEqual({ pattern: 'custom', thon: 'Đông', xa: 'An Bình' });
    expect(compileCustomPattern('Nhóm {thon}')).toEqual({ ok: false, error: 'Mẫu tên phải có {thon} và {xa}.' });
    expect(compileCustomPattern('{thon}-{thon}-{xa}')).toMatchObject({ ok: false });
  });
});

describe('checkGroupName: suggested two-level names', () => {
  it.each([
    ['CNCĐ_Mỹ Phước_Nhơn Mỹ_Kế Sách', 'Sóc Trăng', 'rename', 'CNCĐ_Mỹ Phước_Nhơn Mỹ'],
    ['CNS-Thôn 3-xã Quảng Tân-huyện Quảng Xương', 'Thanh Hóa', 'rename', 'CNS-3-Quảng Tân'],
    ['Tổ CNS - Thôn Yên Lý - Xã Tân Dĩnh - Huyện Lạng Giang', 'Bắc Giang', 'rename', 'Tổ CNS - Yên Lý - Tân Dĩnh'],
    ['Tổ CNS - Thôn Đông - Xã An Bình', 'Bắc Ninh', 'ok', undefined],
    ['CNS-Đông-An Bình', 'Bắc Ninh', 'rename', 'Tổ CNS - Đông - An Bình'],
  ] as const)('%s in %s', (name, tinh, status, suggestion) => {
    const r = checkGroupName(name, provinceRuleOf(tinh));
    expect(r.status).toBe(status);
    if (r.status !== 'ok') expect(r.suggestion).toBe(suggestion);
  });
  it('unparsed name: a suggestion from the group settings when they are filled', () => {
    expect(checkGroupName('Thôn Đông - Thông tin chung', 'bac-ninh', undefined, { thon: 'Đông', xa: 'An Bình' })).toEqual({ status: 'unparsed', suggestion: 'Tổ CNS - Đông - An Bình' });
    expect(twoLevelName('other', { thon: 'Đông', xa: 'An Bình' }, 'Zalo {thon} - {xa} - {huyen}')).toBe('Zalo Đông - An Bình');
  });
});

describe('province rules and cadence', () => {
  it.each([
    ['Bắc Giang', 'bac-ninh'],
    ['tỉnh Bắc Ninh', 'bac-ninh'],
    ['Sóc Trăng', 'can-tho'],
    ['TP. Cần Thơ', 'can-tho'],
    ['Thanh Hoá', 'thanh-hoa'],
    ['Hà Nội', 'other'],
  ] as const)('%s → %s', (tinh, rule) => expect(provinceRuleOf(tinh)).toBe(rule));

  it('deadlines follow the province', () => {
    expect(provinceDeadline('bac-ninh', quarterPeriod(2026, 4))).toMatchObject({ date: '2026-12-20', label: 'Hạn gửi báo cáo: trước ngày 20/12/2026' });
    expect(provinceDeadline('bac-ninh', monthPeriod(2026, 10)).date).toBe('2026-12-20');
    expect(provinceDeadline('can-tho', monthPeriod(2026, 2))).toMatchObject({ date: '2026-03-01', label: 'Hạn gửi báo cáo: ngày 28/02/2026 (ngày cuối tháng)' });
    expect(provinceDeadline('thanh-hoa', monthPeriod(2026, 11))).toMatchObject({ date: '2026-11-28' });
    expect(currentReportPeriod('bac-ninh', new Date('2026-11-15T00:00:00Z')).label).toBe('Quý IV/2026');
    expect(currentReportPeriod('can-tho', new Date('2026-11-30T20:00:00Z')).label).toBe('Tháng 12/2026');
  });
});
