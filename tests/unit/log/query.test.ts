import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendLog, correctEntry } from '@/lib/log/append';
import { countLog, queryLog, type LogFilter } from '@/lib/log/query';
import { applyRetention } from '@/lib/log/retention';
import { verifyLog } from '@/lib/log/verify';
import type { GuardDb } from '@/lib/db/db';
import { GROUP_A, GROUP_B, flagInput, freshDb } from './helpers';

let d: GuardDb;
const An = { name: 'Nguyễn Văn An', uid: 'u-an' };
const Binh = { name: 'Lê Thị Bình' };

beforeAll(async () => {
  d = freshDb();
  const R = { redaction: { phones: true, idNumbers: true } };
  // seq 1..3 in A, 1..2 in B; times spread over March 2025 (local +07:00)
  await appendLog(d, flagInput({ time: '2025-03-01T08:00:00+07:00', member: An, category: 'scam', text: 'Nhận 500k hỗ trợ, đăng nhập vneid-hotro.net' }), R);
  await appendLog(d, { ...flagInput({ time: '2025-03-05T09:00:00+07:00' }), kind: 'action', action: 'deleted', ref: 1, text: undefined, evidence: undefined }, R);
  await appendLog(d, flagInput({ time: '2025-03-10T10:00:00+07:00', member: Binh, category: 'advertising', text: 'Bán vải thiều Lục Ngạn loại 1, 35k/kg' }), R);
  await appendLog(d, flagInput({ group: GROUP_B, time: '2025-03-02T10:00:00+07:00', member: Binh, category: 'gambling-fortune', text: 'Chốt số đề hôm nay: 39 - 93' }), R);
  await appendLog(d, flagInput({ group: GROUP_B, time: '2025-03-20T10:00:00+07:00', member: An, category: 'abusive-language', text: 'Mày ngu thế', note: 'Đã nhắc riêng' }), R);
});
afterAll(async () => {
  await d.delete();
});

const ids = (rs: Awaited<ReturnType<typeof queryLog>>) => rs.map((r) => `${r.entry.chainId === GROUP_A.threadId ? 'A' : 'B'}${r.entry.seq}`);

describe('queryLog', () => {
  it.each<[string, LogFilter, string[]]>([
    ['everything, newest first', {}, ['B2', 'A3', 'A2', 'B1', 'A1']],
    ['one group', { chainId: GROUP_A.threadId }, ['A3', 'A2', 'A1']],
    ['a period (from inclusive, to exclusive)', { from: '2025-03-02T10:00:00+07:00', to: '2025-03-10T10:00:00+07:00' }, ['A2', 'B1']],
    ['group + period', { chainId: GROUP_B.threadId, from: new Date('2025-03-10T00:00:00Z') }, ['B2']],
    ['categories', { categories: ['scam', 'advertising'] }, ['A3', 'A2', 'A1']],
    ['actions', { actions: ['deleted'] }, ['A2']],
    ['kinds', { kinds: ['action'] }, ['A2']],
    ['member by uid', { member: { uid: 'u-an' } }, ['B2', 'A2', 'A1']],
    ['member by name without accents', { member: { name: 'le thi binh' } }, ['A3', 'B1']],
    ['text in the snapshot, accent-insensitive', { text: 'vai thieu' }, ['A3']],
    ['text in the note', { text: 'nhắc riêng' }, ['B2']],
    ['text matching nothing', { text: 'không có đâu' }, []],
    ['limit and offset', { limit: 2, offset: 1 }, ['A3', 'A2']],
    ['offset applies after filters', { categories: ['scam'], offset: 1, limit: 1 }, ['A1']],
  ])('%s', async (_l, filter, expected) => {
    expect(ids(await queryLog(d, filter))).toEqual(expected);
    if (!filter.limit && !filter.offset) expect(await countLog(d, filter)).toBe(expected.length);
  });

  it.each([
    [{ from: 'tuần trước' }, 'from'],
    [{ to: new Date('x') }, 'to'],
  ])('rejects a bad period %o', async (filter, path) => {
    await expect(queryLog(d, filter)).rejects.toMatchObject({ path });
  });

  it('returns the redacted snapshot with each entry', async () => {
    const [rec] = await queryLog(d, { chainId: GROUP_A.threadId, kinds: ['flag'], categories: ['scam'] });
    expect(rec).toMatchObject({ textState: 'kept', text: 'Nhận 500k hỗ trợ, đăng nhập vneid-hotro.net' });
    const [action] = await queryLog(d, { actions: ['deleted'] });
    expect(action.textState).toBe('none');
  });
});

describe('applyRetention', () => {
  it.each([
    [0, '2026-12-31T00:00:00Z', 0],
    [365, '2025-12-31T00:00:00Z', 0],
    [365, '2026-03-05T00:00:00Z', 2], // A1 (1 Mar) and B1 (2 Mar) are older than a year
    [30, '2025-04-15T00:00:00Z', 4], // everything but B2 (20 Mar)
  ])('retentionDays=%i at %s purges %i snapshots, the chains stay valid', async (days, now, purged) => {
    const db = freshDb();
    for (const t of ['2025-03-01T08:00:00+07:00', '2025-03-02T08:00:00+07:00', '2025-03-10T08:00:00+07:00', '2025-03-12T08:00:00+07:00', '2025-03-20T08:00:00+07:00']) {
      await appendLog(db, flagInput({ time: t, group: t < '2025-03-05' ? GROUP_A : GROUP_B }));
    }
    const before = await db.log.toArray();
    expect((await applyRetention(db, { retentionDays: days, now: new Date(now) })).purged).toBe(purged);
    expect(await db.log.toArray()).toEqual(before);
    const reports = await verifyLog(db);
    expect(reports.every((r) => r.ok)).toBe(true);
    expect(reports.reduce((n, r) => n + r.purgedTexts, 0)).toBe(purged);
    expect((await queryLog(db)).filter((r) => r.textState === 'purged')).toHaveLength(purged);
    await db.delete();
  });

  it('a correction after retention still verifies', async () => {
    const db = freshDb();
    await appendLog(db, flagInput());
    await applyRetention(db, { retentionDays: 1, now: new Date('2030-01-01') });
    await correctEntry(db, 1, GROUP_A.threadId, 'Xóa nhầm', { admin: 'A' });
    expect((await verifyLog(db))[0]).toMatchObject({ ok: true, entries: 2, purgedTexts: 1 });
    await db.delete();
  });
});
