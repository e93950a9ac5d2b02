import { describe, expect, it } from 'vitest';
import type { LogBody } from '../../../lib/log/schema';
import { monthPeriod } from '../../../lib/reports/period';
import { notableCases, summarize } from '../../../lib/reports/summary';
import { defaultPlace, linkAll, makeLog } from './make-log';

const group = { threadId: 'g-dong', name: 'Thôn Đông - Tổ CNS' };
const place = defaultPlace();
const an = { name: 'Nguyễn Văn An', uid: '11' };
const bich = { name: 'Trần Thị Bích', uid: '22' };
const cuong = { name: 'Lê Hoàng Cường' };

function body(time: string, extra: Partial<LogBody>): LogBody {
  return { chainId: group.threadId, time, kind: 'flag', group, place, admin: 'Trần Văn Bình', ...extra } as LogBody;
}

// seq: 1 flag An (Oct 31 in UTC, Nov 1 in VN) · 2 flag Bích · 3 remind → 1 · 4 flag An · 5 dismissed → 4
// 6 note → 2 (doesn't close) · 7 pin · 8 poll · 9 notice · 10 flag Cường (Dec, outside) · 11 removed → 2 (Dec)
const bodies: LogBody[] = [
  body('2026-10-31T17:30:00Z', { member: an, category: 'scam', clause: 'III.2(2)', severity: 'high', text: 'Chuyển khoản gấp' }),
  body('2026-11-03T02:00:00Z', { member: bich, category: 'advertising', clause: 'III.2(4)', severity: 'low', text: 'Bán gạo' }),
  body('2026-11-03T03:00:00Z', { kind: 'action', action: 'remind', ref: 1 }),
  body('2026-11-10T02:00:00Z', { member: an, category: 'advertising', severity: 'low', text: 'Bán mật ong' }),
  body('2026-11-10T03:00:00Z', { kind: 'action', action: 'dismissed', ref: 4, member: an }),
  body('2026-11-11T03:00:00Z', { kind: 'action', action: 'note', ref: 2, note: 'Đã gọi điện' }),
  body('2026-11-12T03:00:00Z', { kind: 'pin', text: 'Lịch tiếp dân' }),
  body('2026-11-13T03:00:00Z', { kind: 'poll', text: 'Họp thôn?' }),
  body('2026-11-14T03:00:00Z', { kind: 'notice', text: 'Họp thôn 19h30' }),
  body('2026-12-01T03:00:00Z', { member: cuong, category: 'abusive-language', severity: 'medium', text: 'đồ vô học' }),
  body('2026-12-02T03:00:00Z', { kind: 'action', action: 'removed', ref: 2 }),
];

describe('summarize', () => {
  it('counts one month in Vietnam time and resolves flags with later actions', async () => {
    const entries = await linkAll(bodies);
    const s = summarize(entries, monthPeriod(2026, 11));
    expect(s.entries).toBe(9);
    expect(s.flags).toBe(3);
    expect(s.byKind).toMatchObject({ flag: 3, action: 3, pin: 1, poll: 1, notice: 1, correction: 0 });
    expect(s.byCategory).toMatchObject({ scam: 1, advertising: 2, 'abusive-language': 0 });
    expect(s.byAction).toMatchObject({ remind: 1, dismissed: 1, note: 1, removed: 0 });
    expect(s.bySeverity).toEqual({ low: 2, medium: 0, high: 1 });
    expect(s.clauseByCategory).toEqual({ scam: 'III.2(2)', advertising: 'III.2(4)' });
    // Flag 2 is closed by the December removal (after the period), not by the note.
    expect(s.openFlags.map((f) => f.seq)).toEqual([]);
    expect(s.pinned).toBe(1);
    expect(s.polls).toBe(1);
    expect(s.notices).toBe(1);
    expect(s.admins).toEqual(['Trần Văn Bình']);
    // First flag is 00:30 on Sunday 1 Nov in VN → ISO week 44; the others fall in weeks 45 and 46.
    expect(s.flagsPerWeek.map((w) => [w.key, w.flags])).toEqual([
      ['2026-W44', 1],
      ['2026-W45', 1],
      ['2026-W46', 1],
    ]);
  });

  it('per member: strikes exclude dismissed flags; last action; categories in display order', async () => {
    const entries = await linkAll(bodies);
    const s = summarize(entries, monthPeriod(2026, 11));
    const rows = Object.fromEntries(s.members.map((m) => [m.name, m]));
    expect(rows['Nguyễn Văn An']).toMatchObject({ flags: 2, strikes: 1, categories: ['scam', 'advertising'], lastAction: 'dismissed' });
    expect(rows['Trần Thị Bích']).toMatchObject({ flags: 1, strikes: 1, categories: ['advertising'] });
    expect(rows['Trần Thị Bích']!.lastAction).toBeUndefined(); // the removal happened in December
    expect(s.members[0]!.name).toBe('Nguyễn Văn An');
  });

  it('a flag with only a note stays open', async () => {
    const entries = await linkAll(bodies.slice(0, 9));
    const s = summarize(entries, monthPeriod(2026, 11));
    expect(s.openFlags.map((f) => f.seq)).toEqual([2]);
  });

  it('an action before the flag (bad ref) does not close it', async () => {
    const entries = await linkAll([
      body('2026-11-01T03:00:00Z', { kind: 'action', action: 'remind', ref: 2 }),
      body('2026-11-02T03:00:00Z', { member: an, category: 'scam' }),
    ]);
    expect(summarize(entries).openFlags.map((f) => f.seq)).toEqual([2]);
  });

  it('empty input gives zeroes, not errors', () => {
    const s = summarize([], monthPeriod(2026, 11));
    expect(s.entries).toBe(0);
    expect(s.flagsPerWeek).toEqual([]);
    expect(s.members).toEqual([]);
    expect(s.firstTime).toBeUndefined();
  });

  it('realistic generated log: counts add up', async () => {
    const entries = await makeLog({ n: 400, seed: 7 });
    const s = summarize(entries, monthPeriod(2026, 11));
    const sumCat = Object.values(s.byCategory).reduce((a, b) => a + b, 0);
    expect(sumCat).toBe(s.flags);
    expect(s.flagsPerWeek.reduce((a, w) => a + w.flags, 0)).toBe(s.flags);
    expect(s.members.reduce((a, m) => a + m.flags, 0)).toBe(s.flags);
    expect(s.openFlags.length).toBeGreaterThan(0);
    expect(s.openFlags.length).toBeLessThan(s.flags);
  });

  it('notableCases: high severity or removal, open ones first', async () => {
    const entries = await linkAll(bodies);
    const nov = entries.filter((e) => e.time < '2026-11-30');
    const s = summarize(entries, monthPeriod(2026, 11));
    const cases = notableCases(entries, s, 5);
    expect(cases.map((c) => c.seq)).toEqual([2, 1]); // 2 ended in removal, 1 is high severity
    expect(notableCases(nov, summarize(nov), 5).map((c) => c.seq)).toEqual([1]);
  });
});

describe('counts per message', () => {
  it('20 messages, 5 of them in two categories: 20 messages, 25 by category; members counted per message', async () => {
    const list: LogBody[] = [];
    for (let i = 0; i < 20; i++) {
      const member = i % 2 ? an : bich;
      const t = `2026-11-${String(2 + i).padStart(2, '0')}T02:00:00Z`;
      list.push(body(t, { member, messageId: `m${i}`, category: 'scam', severity: 'high', text: 'Chuyển khoản gấp' }));
      if (i < 5) list.push(body(t, { member, messageId: `m${i}`, category: 'strange-link', severity: 'medium', text: 'Chuyển khoản gấp' }));
    }
    // Dismissing one message through its second flag clears the whole message.
    list.push(body('2026-11-25T02:00:00Z', { kind: 'action', action: 'dismissed', ref: 2 }));
    const entries = await linkAll(list);
    const s = summarize(entries, monthPeriod(2026, 11));
    expect(s.flags).toBe(20);
    expect(s.flagEntries).toBe(25);
    expect(s.byCategory.scam + s.byCategory['strange-link']).toBe(25);
    expect(s.bySeverity.high + s.bySeverity.medium + s.bySeverity.low).toBe(20);
    expect(s.flagsPerWeek.reduce((n, w) => n + w.flags, 0)).toBe(20);
    expect(s.openFlags).toHaveLength(19);
    const rowOf = (m: { name: string }) => s.members.find((r) => r.name === m.name)!;
    expect(rowOf(bich).flags).toBe(10);
    expect(rowOf(bich).strikes).toBe(9);
    expect(rowOf(an).flags).toBe(10);
    expect(notableCases(entries, s, 100)).toHaveLength(20);
  });
});

