import { describe, expect, it } from 'vitest';
import type { LogBody } from '../../../lib/log/schema';
import { monthPeriod } from '../../../lib/reports/period';
import { escapeHtml, printableReport } from '../../../lib/reports/printable';
import { redactEntries } from '../../../lib/reports/redact';
import { linkAll, makeLog } from './make-log';

const place = { thon: 'Đông <b>"Mới"</b>', xa: 'An Bình', tinh: 'Bắc Ninh' };
const group = { threadId: 'g1', name: 'Nhóm <i>Thôn Đông</i>' };
const nov = monthPeriod(2026, 11);

async function hostileLog() {
  const base = { chainId: 'g1', group, place, admin: 'Trần Văn Bình' };
  const bodies: LogBody[] = [
    {
      ...base,
      time: '2026-11-03T02:00:00Z',
      kind: 'flag',
      member: { name: '<img src=x onerror=alert(1)>' },
      category: 'strange-link',
      severity: 'high',
      text: '<script>alert("xss")</script> bấm http://evil.example/a?b=1&c=2',
    },
    { ...base, time: '2026-11-03T03:00:00Z', kind: 'action', action: 'deleted', ref: 1 },
    { ...base, time: '2026-11-05T03:00:00Z', kind: 'flag', member: { name: 'Nguyễn Văn An' }, category: 'scam', severity: 'high', text: "Chuyển tiền gấp ' OR 1=1 --" },
    { ...base, time: '2026-11-06T03:00:00Z', kind: 'pin', text: 'Lịch tiếp dân' },
  ];
  return linkAll(bodies);
}

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('escapeHtml', () => {
  it.each([
    ['<script>', '&lt;script&gt;'],
    ['a & b', 'a &amp; b'],
    [`"x" 'y'`, '&quot;x&quot; &#39;y&#39;'],
    ['Nguyễn Văn An', 'Nguyễn Văn An'],
  ])('%j', (raw, escaped) => {
    expect(escapeHtml(raw)).toBe(escaped);
  });
});

describe('printableReport', () => {
  it('escapes every interpolated value: no script or injected element survives', async () => {
    const entries = await hostileLog();
    const html = printableReport({
      entries,
      period: nov,
      place,
      group,
      preparedBy: '</td><script>x()</script>',
      leaderName: 'Trần Văn Bình',
      reportDate: new Date('2026-11-25T03:00:00Z'),
    });
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toContain('<b>"Mới"</b>');
    const doc = parse(html);
    expect(doc.querySelectorAll('script, img, iframe, object, embed, link').length).toBe(0);
    expect(doc.querySelectorAll('[onerror]').length).toBe(0);
    expect(doc.querySelectorAll('i').length).toBe(0);
    // The only <b> are our own bold totals inside table cells.
    expect([...doc.querySelectorAll('b')].every((b) => b.parentElement?.tagName === 'TD')).toBe(true);
    const text = doc.body.textContent ?? '';
    expect(text).toContain('<script>alert("xss")</script>');
    expect(text).toContain('<img src=x onerror=alert(1)>');
    expect(text).toContain('Nhóm <i>Thôn Đông</i>');
    expect(text).toContain('</td><script>x()</script>');
    expect(text).toContain("' OR 1=1 --");
  });

  it('has the administrative layout, A4 print rules and nothing remote', async () => {
    const entries = await makeLog({ n: 200, seed: 4 });
    const html = printableReport({
      entries,
      period: nov,
      place: { thon: 'Đông', xa: 'An Bình', tinh: 'Bắc Ninh' },
      group: { name: 'Thôn Đông - Tổ CNS cộng đồng' },
      preparedBy: 'Lê Thị Hoa',
      leaderName: 'Trần Văn Bình',
      reportDate: new Date('2026-11-25T18:00:00Z'), // already 26/11 in Vietnam
      topMembers: 3,
    });
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('@page { size: A4; margin: 20mm 15mm; }');
    expect(html).toMatch(/font-family: "Times New Roman"[^;]*serif;/);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(html).not.toMatch(/\b(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(/);

    const doc = parse(html);
    const text = (doc.body.textContent ?? '').replace(/\s+/g, ' ');
    for (const needle of [
      'UBND XÃ AN BÌNH',
      'TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG THÔN ĐÔNG',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'An Bình, ngày 26 tháng 11 năm 2026',
      'BÁO CÁO KẾT QUẢ QUẢN TRỊ NHÓM ZALO',
      'Tháng 11/2026 – Nhóm: Thôn Đông - Tổ CNS cộng đồng',
      'Hạn gửi báo cáo: trước ngày 28/11/2026',
      'I. Tình hình chung',
      'II. Vi phạm theo loại',
      'III. Kết quả xử lý',
      'IV. Thành viên vi phạm nhiều nhất',
      'V. Các vụ việc đáng chú ý',
      'NGƯỜI LẬP BÁO CÁO',
      'TỔ TRƯỞNG TỔ CNS',
      'Lê Thị Hoa',
      'Trần Văn Bình',
      'III.2(2)',
    ]) {
      expect(text).toContain(needle);
    }
    // The motto carries the customary underline.
    expect(doc.querySelector('.motto')!.textContent).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(html).toMatch(/\.motto \{[^}]*border-bottom: 1px solid #000/);
    // Top-N members respected; categories table lists all 8 + total.
    const tables = doc.querySelectorAll('table.data');
    expect(tables[2]!.querySelectorAll('tbody tr').length).toBe(3);
    expect(tables[0]!.querySelectorAll('tbody tr').length).toBe(9);
  });

  it('empty month and redacted text read naturally', async () => {
    const empty = parse(printableReport({ entries: [], period: nov, place: { thon: '', xa: '', tinh: '' }, reportDate: new Date('2026-11-25T03:00:00Z') }));
    const t = empty.body.textContent ?? '';
    expect(t).toContain('không phát hiện tin nhắn vi phạm Quy chế nhóm');
    expect(t).toContain('Không có thành viên vi phạm trong kỳ.');
    expect(t).toContain('Không có vụ việc nghiêm trọng trong kỳ.');
    expect(t).toContain('……, ngày 25 tháng 11 năm 2026');

    const redacted = redactEntries(await hostileLog(), { names: 'initials', maskNumbers: true, dropText: true });
    const r = parse(printableReport({ entries: redacted, period: nov, place, reportDate: new Date('2026-11-25T03:00:00Z') }));
    const rt = r.body.textContent ?? '';
    expect(rt).toContain('(nội dung đã ẩn)');
    expect(rt).toContain('N.V.A.');
    expect(rt).not.toContain('Nguyễn Văn An');
    expect(rt).not.toContain('alert("xss")');
  });

  it('a message flagged in two categories is one case and one message; the signatures travel with the last section', async () => {
    const base = { chainId: 'g1', group, place, admin: 'Trần Văn Bình' };
    const member = { name: 'Lê Văn Cường', uid: 'u-c' };
    const bodies: LogBody[] = [
      { ...base, time: '2026-11-03T02:00:00Z', kind: 'flag', member, messageId: 'm1', category: 'scam', severity: 'high', text: 'Nhận quà tại qua-tang.xyz' },
      { ...base, time: '2026-11-03T02:00:00Z', kind: 'flag', member, messageId: 'm1', category: 'strange-link', severity: 'medium', text: 'Nhận quà tại qua-tang.xyz' },
      { ...base, time: '2026-11-04T02:00:00Z', kind: 'action', action: 'deleted', member, messageId: 'm1', ref: 1 },
      { ...base, time: '2026-11-05T02:00:00Z', kind: 'flag', member, messageId: 'm2', category: 'scam', severity: 'high', text: 'Chuyển phí nhận hỗ trợ' },
    ];
    const doc = parse(printableReport({ entries: await linkAll(bodies), period: nov, place }));
    const sections = [...doc.querySelectorAll('h2')];
    const casesTable = sections.find((h) => h.textContent?.startsWith('V.'))!.nextElementSibling!;
    const rows = [...casesTable.querySelectorAll('tbody tr')];
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.textContent).join('\n')).toContain('Lừa đảo, chiếm đoạt tài sản; Đường link lạ');
    expect(doc.body.textContent).toContain('đã phát hiện 2 tin nhắn');
    const members = sections.find((h) => h.textContent?.startsWith('IV.'))!.nextElementSibling!;
    expect(members.querySelector('tbody tr td:nth-child(3)')?.textContent).toBe('2');

    const sign = doc.querySelector('table.sign')!;
    const tail = sign.parentElement!;
    expect(tail.className).toBe('tail');
    expect(tail.contains(casesTable)).toBe(true);
    const css = doc.querySelector('style')!.textContent!;
    expect(css).toMatch(/\.tail \{[^}]*break-inside: avoid/);
  });
});

