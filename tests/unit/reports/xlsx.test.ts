import { describe, expect, it } from 'vitest';
import { makeBundle } from '../../../lib/reports/bundle';
import { monthPeriod } from '../../../lib/reports/period';
import { DETAIL_HEADERS } from '../../../lib/reports/rows';
import { summarize } from '../../../lib/reports/summary';
import { combinedXlsx, reportXlsx } from '../../../lib/reports/xlsx';
import { buildXlsx, columnLetter, excelSerialVn, safeSheetNames, xlsxBlob, XLSX_MIME } from '../../../lib/reports/xlsx-writer';
import { defaultPlace, linkAll, makeLog } from './make-log';
import { findRow, readXlsx, rowValues } from './xlsx-read';

describe('xlsx-writer', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('columnLetter(%i) = %s', (i, s) => {
    expect(columnLetter(i)).toBe(s);
  });

  it('sheet names: forbidden characters, 31-char limit, unique', () => {
    expect(safeSheetNames(['Tổng hợp', 'a/b:c?', 'Thôn Đông [xã An Bình] rất dài quá mức cho phép', 'tổng hợp', ''])).toEqual([
      'Tổng hợp',
      'a b c',
      'Thôn Đông  xã An Bình  rất dài',
      'tổng hợp 2',
      'Sheet5',
    ]);
  });

  it('Vietnamese time as the Excel serial of the Vietnam wall clock', () => {
    // 2026-10-31T17:30Z = 01/11/2026 00:30 in Vietnam.
    const serial = excelSerialVn(new Date('2026-10-31T17:30:00Z'));
    expect(serial).toBeCloseTo((Date.UTC(2026, 10, 1, 0, 30) - Date.UTC(1899, 11, 30)) / 86_400_000, 9);
  });

  it('synchronous bytes; escapes markup, strips XML-illegal characters, bold header, widths, frozen row', () => {
    const bytes = buildXlsx([
      {
        name: 'Thử',
        rows: [
          [{ v: 'Tên', style: 'header' }, { v: 'Ghi chú', style: 'header' }, { v: 'Ngày', style: 'header' }],
          ['<script>alert("x")</script> & Đông', 'a\u0000b\u0007c', new Date('2026-11-05T03:00:00Z')],
          [42, true, null],
          ['x'.repeat(40_000)],
          [null, 'sau ô trống', undefined, 'cuối'],
        ],
        widths: [20, 30, 17],
        freezeRows: 1,
      },
    ]);
    expect(bytes).toBeInstanceOf(Uint8Array); // not a Promise: no async zip, no Worker
    const { sheets, files } = readXlsx(bytes);
    const s = sheets[0]!;
    expect(s.name).toBe('Thử');
    expect(s.cells.get('A1')).toMatchObject({ value: 'Tên', style: 1 });
    expect(s.cells.get('A2')!.value).toBe('<script>alert("x")</script> & Đông');
    expect(s.xml).not.toContain('<script>');
    expect(files['xl/sharedStrings.xml']).toContain('&lt;script&gt;');
    expect(s.cells.get('B2')!.value).toBe('abc');
    expect(s.cells.get('C2')).toMatchObject({ style: 2 });
    expect(s.cells.get('A3')).toMatchObject({ value: 42, type: 'n' });
    expect(s.cells.get('B3')).toMatchObject({ value: 1, type: 'b' });
    expect(s.cells.has('C3')).toBe(false);
    expect((s.cells.get('A4')!.value as string).length).toBe(32767);
    // Gaps keep positions: the cell after an empty one carries its address.
    expect(s.cells.has('A5')).toBe(false);
    expect(s.cells.get('B5')!.value).toBe('sau ô trống');
    expect(s.cells.get('D5')!.value).toBe('cuối');
    expect(s.xml).toContain('<c r="B5" t="s">');
    expect(s.xml).toContain('<col min="2" max="2" width="30" customWidth="1"/>');
    expect(s.xml).toContain('state="frozen"');
    expect(files['xl/styles.xml']).toContain('<b/>');
    expect(files['[Content_Types].xml']).toContain('/xl/worksheets/sheet1.xml');
  });

  it('same input → same bytes (fixed zip timestamps)', () => {
    const spec = [{ name: 'A', rows: [['Đông', 1]] }];
    expect(buildXlsx(spec)).toEqual(buildXlsx(spec));
  });

  it('rejects an empty workbook; wraps bytes in a typed Blob', async () => {
    expect(() => buildXlsx([])).toThrow(/ít nhất một/);
    const blob = xlsxBlob(buildXlsx([{ name: 'A', rows: [] }]));
    expect(blob.type).toBe(XLSX_MIME);
    expect(blob.size).toBeGreaterThan(500);
  });
});

describe('reportXlsx', () => {
  it('three sheets with Vietnamese content, details = entries, real dates', async () => {
    const entries = await makeLog({ n: 150, seed: 11 });
    const period = monthPeriod(2026, 11);
    const bytes = reportXlsx({
      entries,
      period,
      place: defaultPlace(),
      group: { threadId: 'g1234567890', name: 'Thôn Đông - Tổ CNS cộng đồng' },
      generatedAt: new Date('2026-11-25T03:00:00Z'),
      preparedBy: 'Lê Thị Hoa',
    });
    const { sheets } = readXlsx(bytes);
    expect(sheets.map((s) => s.name)).toEqual(['Tổng hợp', 'Chi tiết', 'Theo thành viên']);
    const [sum, detail, members] = sheets as [typeof sheets[0], typeof sheets[0], typeof sheets[0]];

    expect(sum.cells.get('A1')!.value).toBe('BÁO CÁO KẾT QUẢ QUẢN TRỊ NHÓM ZALO');
    expect(sum.xml).toContain('<mergeCell ref="A1:C1"/>');
    expect(rowValues(sum, findRow(sum, 'Đơn vị')!)).toEqual(['Đơn vị', 'Tổ CNS thôn Đông, xã An Bình, tỉnh Bắc Ninh']);
    expect(rowValues(sum, findRow(sum, 'Kỳ báo cáo')!)).toEqual(['Kỳ báo cáo', 'Tháng 11/2026']);
    expect(rowValues(sum, findRow(sum, 'Hạn gửi')!)).toEqual(['Hạn gửi', 'Hạn gửi báo cáo: trước ngày 28/11/2026']);
    const s = summarize(entries, period);
    expect(rowValues(sum, findRow(sum, 'Tổng số vi phạm')!)).toEqual(['Tổng số vi phạm', s.flags]);
    expect(rowValues(sum, findRow(sum, 'Lừa đảo, chiếm đoạt tài sản')!)).toEqual(['Lừa đảo, chiếm đoạt tài sản', 'III.2(2)', s.byCategory.scam]);
    expect(rowValues(sum, findRow(sum, 'Vi phạm chưa xử lý')!)).toEqual(['Vi phạm chưa xử lý', s.openFlags.length]);
    expect(sum.cells.get(`A${findRow(sum, 'Vi phạm theo loại')}`)!.style).toBe(1);

    expect(rowValues(detail, 1)).toEqual([...DETAIL_HEADERS]);
    const inPeriod = entries.filter((e) => e.time >= '2026-10-31T17:00' && e.time < '2026-11-30T17:00');
    expect(detail.xml.match(/<row /g)).toHaveLength(entries.length + 1);
    expect(inPeriod.length).toBe(entries.length);
    expect(detail.cells.get('A2')!.style).toBe(2); // date-time format
    expect(detail.cells.get('A2')!.value).toBeCloseTo(excelSerialVn(new Date(entries[0]!.time)), 9);
    expect(detail.cells.get('C2')!.value).toBe('Đông');
    expect(detail.cells.get('R2')!.value).toBe(1); // seq as a number
    expect(detail.cells.get('S2')!.value).toBe(entries[0]!.hash);

    expect(rowValues(members, 1)[0]).toBe('Thành viên');
    expect(members.xml.match(/<row /g)).toHaveLength(s.members.length + 1);
    expect(rowValues(members, 2)[0]).toBe(s.members[0]!.name);
  });

  it('an empty month still gives a valid workbook with zero totals', () => {
    const { sheets } = readXlsx(reportXlsx({ entries: [], period: monthPeriod(2026, 12), place: defaultPlace() }));
    const sum = sheets[0]!;
    expect(rowValues(sum, findRow(sum, 'Tổng số vi phạm')!)).toEqual(['Tổng số vi phạm', 0]);
    expect(findRow(sum, 'Không có vi phạm trong kỳ')).toBeDefined();
    expect(sheets[1]!.xml.match(/<row /g)).toHaveLength(1);
  });
});

describe('combinedXlsx (xã)', () => {
  it('per-village rows + totals, details carry the Thôn column', async () => {
    const period = monthPeriod(2026, 11);
    const mk = async (thon: string, threadId: string, seed: number) => {
      const place = { thon, xa: 'An Bình', tinh: 'Bắc Ninh' };
      const entries = await makeLog({ n: 60, seed, threadId, place, groupName: `Thôn ${thon}` });
      return makeBundle({
        entries,
        period,
        place,
        group: { threadId, name: `Thôn ${thon}` },
        exporter: { adminName: 'Trần Văn Bình', extensionVersion: '0.1.0' },
      });
    };
    const bundles = [await mk('Đông', 'g-dong', 1), await mk('Đoài', 'g-doai', 2)];
    const { sheets } = readXlsx(combinedXlsx({ bundles, period, generatedAt: new Date('2026-11-26T02:00:00Z') }));
    expect(sheets.map((s) => s.name)).toEqual(['Tổng hợp', 'Theo thôn', 'Chi tiết', 'Theo thành viên']);
    const villages = sheets[1]!;
    expect(rowValues(villages, 1).slice(0, 5)).toEqual(['Thôn', 'Xã', 'Nhóm Zalo', 'Kỳ', 'Số vi phạm']);
    expect(rowValues(villages, 2).slice(0, 4)).toEqual(['Đông', 'An Bình', 'Thôn Đông', 'Tháng 11/2026']);
    expect(rowValues(villages, 3).slice(0, 4)).toEqual(['Đoài', 'An Bình', 'Thôn Đoài', 'Tháng 11/2026']);
    const flags = bundles.map((b) => summarize(b.entries, period).flags);
    expect(rowValues(villages, 2)[4]).toBe(flags[0]);
    expect(rowValues(villages, 4).slice(0, 3)).toEqual(['Tổng cộng', '2 nhóm', flags[0]! + flags[1]!]);
    expect(villages.cells.get('A4')!.style).toBe(4);

    const detail = sheets[2]!;
    expect(detail.xml.match(/<row /g)).toHaveLength(121);
    const thonCol = [...detail.cells.values()].filter((c) => c.ref.startsWith('C') && c.ref !== 'C1').map((c) => c.value);
    // Sorted by xã, thôn (Vietnamese collation: "Đoài" < "Đông"), then seq.
    expect(thonCol.slice(0, 60).every((v) => v === 'Đoài')).toBe(true);
    expect(thonCol.slice(60).every((v) => v === 'Đông')).toBe(true);

    const sum = sheets[0]!;
    expect(sum.cells.get('A1')!.value).toBe('TỔNG HỢP KẾT QUẢ QUẢN TRỊ NHÓM ZALO CÁC THÔN');
    expect(rowValues(sum, findRow(sum, 'Tổng số vi phạm')!)).toEqual(['Tổng số vi phạm', flags[0]! + flags[1]!]);
    expect(rowValues(sheets[3]!, 1)[0]).toBe('Thôn');
  });

  it('has the household coverage column the xã table shows, per village and in total', async () => {
    const period = monthPeriod(2026, 11);
    const report = (households: number | null, householdsInGroup: number | null) => ({
      deadline: '2026-11-30', members: 40, households, householdsInGroup, notices: 0, polls: 0, pins: 0, violations: 0, handled: {}, openViolations: 0, settingsDone: 1, settingsTotal: 4, openItems: [],
    });
    const mk = async (thon: string, threadId: string, r: ReturnType<typeof report> | undefined) => {
      const place = { thon, xa: 'An Bình', tinh: 'Bắc Ninh' };
      const entries = await makeLog({ n: 10, seed: thon.length, threadId, place, groupName: `Thôn ${thon}` });
      return makeBundle({ entries, period, place, group: { threadId, name: `Thôn ${thon}` }, exporter: { adminName: 'Trần Văn Bình', extensionVersion: '0.1.0' }, ...(r ? { report: r } : {}) });
    };
    const bundles = [await mk('Đông', 'g-dong', report(120, 87)), await mk('Đoài', 'g-doai', report(80, 80)), await mk('Bắc', 'g-bac', undefined)];
    const villages = readXlsx(combinedXlsx({ bundles, period })).sheets[1]!;
    const header = rowValues(villages, 1);
    const col = header.indexOf('Hộ trong nhóm');
    expect(col).toBeGreaterThan(0);
    const byThon = new Map([2, 3, 4].map((r) => [rowValues(villages, r)[0], rowValues(villages, r)[col]]));
    expect(byThon).toEqual(new Map([['Đông', '87/120'], ['Đoài', '80/80'], ['Bắc', '—']]));
    // The totals row has empty cells, so it is read by the column's letter.
    const letter = (i: number): string => (i >= 26 ? letter(Math.floor(i / 26) - 1) : '') + String.fromCharCode(65 + (i % 26));
    expect(villages.cells.get(`${letter(col)}5`)!.value).toBe('167/200');
    expect(villages.cells.get(`A5`)!.value).toBe('Tổng cộng');
  });

  it('works on redacted bundles (names already initials)', async () => {
    const period = monthPeriod(2026, 11);
    const entries = await linkAll([
      {
        chainId: 'g1',
        time: '2026-11-03T02:00:00Z',
        kind: 'flag',
        group: { threadId: 'g1', name: 'Thôn Đông' },
        place: defaultPlace(),
        member: { name: 'Nguyễn Văn An' },
        category: 'scam',
        text: 'Chuyển 0123456789',
        admin: 'Trần Văn Bình',
      },
    ]);
    const bundle = makeBundle({
      entries,
      period,
      place: defaultPlace(),
      group: { threadId: 'g1', name: 'Thôn Đông' },
      exporter: { adminName: 'Trần Văn Bình', extensionVersion: '0.1.0' },
      redaction: { names: 'initials', maskNumbers: true, dropText: false },
    });
    const { sheets } = readXlsx(combinedXlsx({ bundles: [bundle] }));
    expect(sheets[2]!.cells.get('E2')!.value).toBe('N.V.A.');
    expect(sheets[2]!.cells.get('L2')!.value).toBe('Chuyển *******789');
    expect(rowValues(sheets[1]!, 2).at(-1)).toBe('Liên kết đúng; nội dung đã che bớt (chưa đối chiếu khóa của thôn)');
  });
});
