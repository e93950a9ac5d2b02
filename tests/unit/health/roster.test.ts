import { describe, expect, it } from 'vitest';
import { initials, matchRoster, nameTokens, parseRosterCsv, parseRosterXlsx } from '../../../lib/health/roster';
import { buildXlsx } from '../../../lib/reports/xlsx-writer';

// Members of "Tổ CNS cộng đồng thôn Đông" and "Thôn Đông - Thông tin chung" in the Zalo replica, as
// Zalo shows them, plus the nickname forms real groups have.
const REPLICA_MEMBERS = ['Nguyễn Văn Bình', 'Trần Thị Lan', 'Lê Văn Hùng', 'Phạm Thị Mai', 'Hoàng Văn Nam', 'Vũ Thị Hoa', 'Đỗ Văn Tuấn', 'Bùi Thị Hằng', 'Ngô Văn Khải'];
const CSV = `\uFEFFSTT,Chủ hộ,Địa chỉ,Ghi chú
1,Nguyễn Văn Bình,"Xóm 1, thôn Đông",
2,Trần Thị Lan,Xóm 1,
3,Lê Văn Hùng,Xóm 2,
4,Cao Thị Lý,Xóm 2,
5,Pham Thi Mai,Xóm 3,không dấu
6,Nguyễn Thị Tuyết,Xóm 3,
7,,Xóm 3,thiếu tên
8,Hoàng Nam,Xóm 4,tên rút gọn
`;

describe('roster import', () => {
  it('CSV with a BOM, quoted commas and a blank name (skipped, counted)', () => {
    const r = parseRosterCsv(CSV);
    expect(r).toMatchObject({ ok: true, skipped: 1 });
    if (!r.ok) return;
    expect(r.households).toHaveLength(7);
    expect(r.households[0]).toEqual({ head: 'Nguyễn Văn Bình', address: 'Xóm 1, thôn Đông' });
  });
  it('XLSX from a spreadsheet (shared and inline strings)', () => {
    const bytes = buildXlsx([{ name: 'Hộ', rows: [['Danh sách hộ thôn Đông'], ['Họ tên chủ hộ', 'Địa chỉ'], ['Nguyễn Văn Bình', 'Xóm 1'], ['Đỗ Văn Tuấn', 'Xóm 2 & 3']] }]);
    const r = parseRosterXlsx(bytes);
    expect(r).toEqual({ ok: true, skipped: 0, households: [{ head: 'Nguyễn Văn Bình', address: 'Xóm 1' }, { head: 'Đỗ Văn Tuấn', address: 'Xóm 2 & 3' }] });
  });
  it.each([
    ['no head column', () => parseRosterCsv('Tên,Tuổi\nA,3'), /Không tìm thấy cột "Chủ hộ"/],
    ['only a header', () => parseRosterCsv('Chủ hộ,Địa chỉ\n'), /không có hộ nào/],
    ['not a zip', () => parseRosterXlsx(new Uint8Array([1, 2, 3])), /không phải Excel/],
  ])('bad input: %s', (_, run, msg) => {
    const r = run();
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(msg);
  });
});

describe('matching members to households', () => {
  it('exact, without accents, reordered and nickname forms; coverage and the households not in the group', () => {
    const parsed = parseRosterCsv(CSV);
    if (!parsed.ok) throw new Error(parsed.error);
    const members = [...REPLICA_MEMBERS, 'Chú Tuyết 0912345678'];
    const m = matchRoster(parsed.households, members);
    expect(m.covered.map((c) => [c.household.head, c.member, c.how])).toEqual([
      ['Nguyễn Văn Bình', 'Nguyễn Văn Bình', 'exact'],
      ['Trần Thị Lan', 'Trần Thị Lan', 'exact'],
      ['Lê Văn Hùng', 'Lê Văn Hùng', 'exact'],
      ['Pham Thi Mai', 'Phạm Thị Mai', 'no-accents'],
      ['Hoàng Nam', 'Hoàng Văn Nam', 'reordered'],
    ]);
    expect(m.missing.map((h) => h.head)).toEqual(['Cao Thị Lý', 'Nguyễn Thị Tuyết']);
    expect(m.possible).toEqual([{ household: { head: 'Nguyễn Thị Tuyết', address: 'Xóm 3' }, members: ['Chú Tuyết 0912345678'] }]);
    expect(m.coverage).toBe(71.4);
  });
  it('"Bình Nguyễn" (given name first) matches; one member covers one household only', () => {
    const m = matchRoster([{ head: 'Nguyễn Văn Bình', address: '' }, { head: 'Nguyễn Văn Bình', address: 'Xóm 2' }], ['Bình Nguyễn']);
    expect(m.covered).toHaveLength(1);
    expect(m.missing).toHaveLength(1);
    expect(m.coverage).toBe(50);
  });
  it('tokens and initials', () => {
    expect(nameTokens('Cô Lan Trần (Tạp hóa)')).toEqual(['lan', 'tran', 'tap', 'hoa']);
    expect(nameTokens('Bác Hùng')).toEqual(['hung']);
    expect(initials('Nguyễn Văn Bình')).toBe('N.V.B.');
    expect(matchRoster([], ['A']).coverage).toBe(0);
  });
});
