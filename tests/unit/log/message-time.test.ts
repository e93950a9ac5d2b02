import { afterEach, describe, expect, it } from 'vitest';
import { appendLog } from '@/lib/log/append';
import { queryLog } from '@/lib/log/query';
import { resolveKeys } from '@/lib/dashboard/log-index';
import { summarize } from '@/lib/reports/summary';
import { monthPeriod } from '@/lib/reports/period';
import { DETAIL_HEADERS, detailTexts } from '@/lib/reports/rows';
import type { GuardDb } from '@/lib/db/db';
import type { LogEntry } from '@/lib/log/schema';
import { flagInput, freshDb } from './helpers';

const dbs: GuardDb[] = [];
afterEach(async () => {
  for (const d of dbs.splice(0)) await d.delete();
});

/** Two November messages read on 2 December, one December message, and an action in December. */
async function lateHistory() {
  const db = freshDb();
  dbs.push(db);
  const read = '2026-12-02T02:00:00.000Z';
  const a = await appendLog(db, flagInput({ messageId: 'm-a', time: read, messageTime: '2026-11-20T03:00:00.000Z' }));
  const b = await appendLog(db, flagInput({ messageId: 'm-b', time: read, messageTime: '2026-11-28T16:30:00.000Z' }));
  const c = await appendLog(db, flagInput({ messageId: 'm-c', time: '2026-12-03T01:00:00.000Z', messageTime: '2026-12-03T00:59:00.000Z' }));
  const d = await appendLog(db, { ...flagInput(), kind: 'action', action: 'remind', ref: 1, time: '2026-12-03T02:00:00.000Z', text: undefined, evidence: undefined });
  return { db, entries: [a.entry, b.entry, c.entry, d.entry] };
}

describe('message time', () => {
  it('is kept beside the write time, never later than it', async () => {
    const db = freshDb();
    dbs.push(db);
    const { entry } = await appendLog(db, flagInput({ time: '2026-12-02T02:00:00Z', messageTime: '2026-12-02T09:00:00+07:00' }));
    expect(entry.time).toBe('2026-12-02T02:00:00.000Z');
    expect(entry.messageTime).toBe('2026-12-02T02:00:00.000Z');
    const late = await appendLog(db, flagInput({ messageId: 'x', time: '2026-12-02T02:00:00Z', messageTime: '2026-11-20T10:00:00+07:00' }));
    expect(late.entry.messageTime).toBe('2026-11-20T03:00:00.000Z');
  });

  it('puts a message read late in the month it was sent: report, log query and dashboard keys', async () => {
    const { db, entries } = await lateHistory();
    const nov = monthPeriod(2026, 11);
    const dec = monthPeriod(2026, 12);
    expect(summarize(entries, nov).flags).toBe(2);
    expect(summarize(entries, dec).flags).toBe(1);
    expect(summarize(entries, dec).byAction.remind).toBe(1);

    const q = async (p: typeof nov) => (await queryLog(db, { from: p.from, to: p.to })).map((r) => r.entry.action ?? r.entry.messageId);
    expect((await q(nov)).sort()).toEqual(['m-a', 'm-b']);
    expect((await q(dec)).sort()).toEqual(['m-c', 'remind']);

    const keys = async (p: typeof nov, chainId?: string) =>
      (await resolveKeys(db, { from: p.from, to: p.to, chainId })).map((k) => k[1]);
    expect(await keys(nov)).toEqual([2, 1]); // newest message first
    expect(await keys(dec)).toEqual([4, 3]);
    expect(await keys(nov, entries[0]!.chainId)).toEqual([2, 1]);
    expect(await keys(dec, 'other-chain')).toEqual([]);
  });

  it('exports show when the message was sent and when it was logged', async () => {
    const { entries } = await lateHistory();
    const cells = detailTexts(entries[0] as LogEntry);
    expect(cells[DETAIL_HEADERS.indexOf('Thời gian')]).toBe('20/11/2026 10:00');
    expect(cells[DETAIL_HEADERS.indexOf('Ghi nhận lúc')]).toBe('02/12/2026 09:00');
  });
});
