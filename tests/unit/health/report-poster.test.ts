import { beforeAll, describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { makeLog } from '../reports/make-log';
import type { LogEntry, Place } from '../../../lib/log/schema';
import { qrMatrix, qrPath, qrSvg } from '../../../lib/qr';
import { checklistProgress } from '../../../lib/health/checklist';
import { groupPoster } from '../../../lib/health/poster';
import { buildTeamReport, teamReportHtml, teamReportXlsx } from '../../../lib/health/team-report';
import { teamReportFor } from '../../../lib/health/team-input';
import { groupHealthSchema } from '../../../lib/health/store';
import { aggregateBundles } from '../../../lib/reports/aggregate';
import { bundleToJson, makeBundle, parseBundle } from '../../../lib/reports/bundle';
import { monthPeriod } from '../../../lib/reports/period';
import { summarize } from '../../../lib/reports/summary';

const place: Place = { thon: 'Đông', xa: 'An Bình', tinh: 'Thanh Hóa' };
const nov = monthPeriod(2026, 11);
const now = new Date('2026-11-25T03:00:00Z');
let log: LogEntry[];
beforeAll(async () => {
  log = await makeLog({ n: 150, seed: 3, threadId: 'g-dong', place, groupName: 'CNS-Đông-An Bình', start: '2026-11-01T01:00:00Z', spanDays: 24 });
});

describe('QR', () => {
  it('has the three finder patterns and grows with the text', () => {
    const m = qrMatrix('Tổ CNS — mã khóa: 1234 5678 9012 3456 7890');
    const finder = (r0: number, c0: number) => [0, 6].every((i) => [0, 1, 2, 3, 4, 5, 6].every((j) => m.dark(r0 + i, c0 + j) && m.dark(r0 + j, c0 + i)));
    expect(finder(0, 0) && finder(0, m.size - 7) && finder(m.size - 7, 0)).toBe(true);
    expect(m.dark(1, 1)).toBe(false); // white ring inside the finder
    expect(qrMatrix('https://zalo.me/g/abcd1234').size).toBeLessThan(qrMatrix('x'.repeat(200)).size);
    const p = qrPath('https://zalo.me/g/abcd1234');
    expect(p.viewBox).toBe(qrMatrix('https://zalo.me/g/abcd1234').size + 8);
    expect(qrSvg('a')).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  });
});

describe('poster', () => {
  it('A4 page with the invite QR, the name (escaped) and the short Nội quy', () => {
    const r = groupPoster({ groupName: 'Tổ CNS - Đông - An Bình <b>', inviteLink: ' https://zalo.me/g/kqxyzt123 ', thon: 'Đông', xa: 'An Bình', contact: '0912 345 678' });
    if (!r.ok) throw new Error(r.error);
    expect(r.html).toContain('size:A4 portrait');
    expect(r.html).toContain('Tổ CNS - Đông - An Bình &lt;b&gt;');
    expect(r.html).toContain('https://zalo.me/g/kqxyzt123');
    expect(r.html).toContain('Nghiêm cấm quảng cáo, rao vặt, gửi link lạ');
    expect(r.html).toMatch(/<svg[^>]*>.*<path d="M/);
  });
  it.each(['http://zalo.me/g/abc123', 'https://zalo.me.evil.vn/g/abc123', 'https://zalo.me/g/', 'javascript:alert(1)'])('refuses %s', (link) => {
    const r = groupPoster({ groupName: 'x', inviteLink: link, thon: '', xa: '' });
    expect(r).toMatchObject({ ok: false, error: expect.stringContaining('https://zalo.me/g/') });
  });
});

describe('checklist and team report', () => {
  it('ticks older than 90 days are asked again', () => {
    const p = checklistProgress({ 'member-approval': { done: true, at: '2026-06-01T00:00:00Z', by: 'admin' }, admins: { done: true, at: '2026-11-20T00:00:00Z', by: 'admin' } }, now);
    expect(p).toEqual({ done: 1, total: 5, stale: ['member-approval'], open: ['name-pattern', 'rules-pinned', 'admins-only-pin'] });
  });

  it('counts from the log, household coverage from the roster, open items; travels signed in the bundle and totals at the xã', async () => {
    const health = groupHealthSchema.parse({
      threadId: 'g-dong',
      members: { names: ['Nguyễn Văn Bình', 'Trần Thị Lan', 'Lê Văn Hùng'], at: now.toISOString() },
      roster: { households: [{ head: 'Nguyễn Văn Bình' }, { head: 'Tran Thi Lan' }, { head: 'Cao Thị Lý' }, { head: 'Đỗ Văn Tuấn' }], fileName: 'ho.csv', importedAt: now.toISOString() },
      checklist: { 'member-approval': { done: true, at: now.toISOString(), by: 'admin' } },
    });
    const r = teamReportFor(log, nov, 'Thanh Hóa', health, now);
    const s = summarize(log, nov);
    expect(r).toMatchObject({ members: 3, households: 4, householdsInGroup: 2, notices: s.notices, polls: s.polls, pins: s.pinned, violations: s.flags, openViolations: s.openFlags.length });
    expect(r.deadline).toBe('Hạn gửi báo cáo: trước ngày 28/11/2026');
    expect(r.openItems).toContain('2 hộ chưa vào nhóm');
    expect(r.openItems).toContain('Chưa làm: Chỉ trưởng/phó nhóm được ghim tin');
    expect(Object.values(r.handled).reduce((a, b) => a + b, 0)).toBe(Object.values(s.byAction).reduce((a, b) => a + b, 0));

    const html = teamReportHtml({ report: r, period: nov, groupName: 'CNS-Đông-An Bình', place, at: now, summary: s });
    expect(html).toContain('BÁO CÁO KẾT QUẢ HOẠT ĐỘNG — THÁNG 11/2026');
    expect(html).toContain('<th scope="row">Tỷ lệ hộ đã vào nhóm</th><td>50%</td>');
    const sheet = strFromU8(unzipSync(teamReportXlsx({ report: r, period: nov, groupName: 'x', place, at: now, summary: s }))['xl/sharedStrings.xml']!);
    expect(sheet).toContain('Số hộ đã vào nhóm');

    // No roster: nothing invented.
    expect(buildTeamReport({ summary: s, deadline: '', checklist: {}, now })).toMatchObject({ members: null, households: null, householdsInGroup: null });

    const b = makeBundle({ entries: log, period: nov, place, group: { threadId: 'g-dong', name: 'x' }, exporter: { adminName: 'A', extensionVersion: '1' }, report: r });
    const parsed = parseBundle(bundleToJson(b));
    expect(parsed.ok && parsed.bundle.report).toEqual(r);
    const agg = await aggregateBundles([{ name: 'a.json', text: bundleToJson(b) }]);
    expect(agg.totals).toMatchObject({ households: 4, householdsInGroup: 2, villagesWithRoster: 1 });
    expect(agg.rows[0]).toMatchObject({ households: 4, householdsInGroup: 2, groupMembers: 3 });
  });
});
