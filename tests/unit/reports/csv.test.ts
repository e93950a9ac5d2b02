import { describe, expect, it } from 'vitest';
import { BOM, csvField, entriesToCsv, guardFormula, parseCsv, toCsv, unguardFormula } from '../../../lib/reports/csv';
import { redactEntries } from '../../../lib/reports/redact';
import { DETAIL_HEADERS } from '../../../lib/reports/rows';
import { makeLog } from './make-log';

describe('guardFormula', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['+84 912 345 678', `'+84 912 345 678`],
    ['-1+1', `'-1+1`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tẩn', `'\tẩn`],
    ['\rxin chào', `'\rxin chào`],
    ['Bán gạo = rẻ', 'Bán gạo = rẻ'],
    ['Nguyễn Văn An', 'Nguyễn Văn An'],
    ['', ''],
  ])('%j', (cell, expected) => {
    expect(guardFormula(cell)).toBe(expected);
    expect(unguardFormula(guardFormula(cell))).toBe(cell);
  });
});

describe('csvField (RFC 4180)', () => {
  it.each([
    ['Thôn Đông', 'Thôn Đông'],
    ['a,b', '"a,b"'],
    ['nói "chắc ăn"', '"nói ""chắc ăn"""'],
    ['dòng 1\ndòng 2', '"dòng 1\ndòng 2"'],
    ['dòng 1\r\ndòng 2', '"dòng 1\r\ndòng 2"'],
    [' lề', '" lề"'],
  ])('%j → %j', (cell, expected) => {
    expect(csvField(cell)).toBe(expected);
  });
});

describe('toCsv / parseCsv round trip', () => {
  const rows = [
    ['Thành viên', 'Nội dung', 'Ghi chú'],
    ['Nguyễn Văn An', 'Bán gạo ST25, giá "rẻ nhất"\nLiên hệ: 0988.111.222', ''],
    ['Đặng Quốc Đạt', '=HYPERLINK("http://shop.example","Xem")', '-- ông trưởng thôn'],
    ['Ngô Thị Lan', '@Lan mày im đi', '+ thêm ghi chú, có dấu phẩy'],
    ['Bùi Thị Hằng', 'Tab\there', 'Ký tự đặc biệt: ₫ € 😀 ữ ỡ ợ'],
  ];

  it('BOM, CRLF line ends, quoted fields; parse gives the guarded cells back', () => {
    const csv = toCsv(rows);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    // Record separators are CRLF; the newline inside the quoted cell stays LF.
    expect(csv.split('\r\n')).toHaveLength(rows.length + 1);
    const parsed = parseCsv(csv);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.rows).toEqual(rows.map((r) => r.map(guardFormula)));
    expect(parsed.rows.map((r) => r.map(unguardFormula))).toEqual(rows);
  });

  it('guard can be turned off for machine-to-machine CSV', () => {
    const parsed = parseCsv(toCsv(rows, { guard: false, bom: false }));
    expect(parsed.ok && parsed.rows).toEqual(rows);
  });

  it('empty table is just the BOM', () => {
    expect(toCsv([])).toBe(BOM);
  });

  it('reports malformed quotes', () => {
    const r = parseCsv('a,"b\r\nc,d\r\n');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/ngoặc kép/);
  });
});

describe('entriesToCsv', () => {
  it('Vietnamese headers, one row per entry, Vietnam time, labels, seq and hash', async () => {
    const entries = await makeLog({ n: 120, seed: 3 });
    const parsed = parseCsv(entriesToCsv(entries));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const [header, ...body] = parsed.rows;
    expect(header).toEqual([...DETAIL_HEADERS]);
    expect(body).toHaveLength(120);
    const col = (name: (typeof DETAIL_HEADERS)[number]) => DETAIL_HEADERS.indexOf(name);
    body.forEach((row, i) => {
      expect(row).toHaveLength(DETAIL_HEADERS.length);
      expect(row[col('seq')]).toBe(String(entries[i]!.seq));
      expect(row[col('hash')]).toBe(entries[i]!.hash);
      expect(row[col('Thời gian')]).toMatch(/^\d{2}\/\d{2}\/2026 \d{2}:\d{2}$/);
      expect(row[col('Xã')]).toBe('An Bình');
    });
    // First entry: 2026-11-01T01:00Z + jitter (< 5 h) → 01/11/2026 08:00–13:00 in Vietnam.
    expect(body[0]![col('Thời gian')]).toMatch(/^01\/11\/2026 (0[89]|1[0-3]):/);
    const flagRow = body.find((r) => r[col('Loại')] === 'Phát hiện vi phạm')!;
    expect(flagRow[col('Vi phạm')]).not.toBe('');
    expect(flagRow[col('Điều khoản')]).toMatch(/^III\.2\(\d\)$/);
    // Formula-looking message text arrives guarded.
    const formula = body.find((r) => r[col('Nội dung')]!.includes('HYPERLINK'));
    if (formula) expect(formula[col('Nội dung')]!.startsWith(`'=`)).toBe(true);
  });

  it('dropped text shows as "[đã ẩn]" and names as initials', async () => {
    const entries = redactEntries(await makeLog({ n: 30, seed: 5 }), { names: 'initials', maskNumbers: true, dropText: true });
    const parsed = parseCsv(entriesToCsv(entries));
    if (!parsed.ok) throw new Error(parsed.error);
    const flagRows = parsed.rows.slice(1).filter((r) => r[6] === 'Phát hiện vi phạm');
    expect(flagRows.length).toBeGreaterThan(0);
    for (const r of flagRows) {
      expect(r[11]).toBe('[đã ẩn]');
      expect(r[4]).toMatch(/^(\p{Lu}\.)+$/u);
    }
  });
});

describe('csvField quotes exactly what needs quoting', () => {
  const QUOTES_NEEDED = /[",\r\n]|^\s|\s$/;
  it.each(['', 'plain', 'a,b', 'say "hi"', 'line\nbreak', 'cr\rhere', ' lead', 'trail ', '\tTab', 'nbsp\u00a0', '\u3000ideo', 'mid dle', 'Nguyễn Văn A', '=1+1', "it's"])(
    '%j',
    (cell) => {
      const out = csvField(cell);
      expect(out.startsWith('"')).toBe(QUOTES_NEEDED.test(cell));
      if (QUOTES_NEEDED.test(cell)) expect(out).toBe(`"${cell.replace(/"/g, '""')}"`);
      else expect(out).toBe(cell);
    },
  );
});
