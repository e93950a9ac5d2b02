import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendLog } from '@/lib/log/append';
import { readChain } from '@/lib/log/query';
import { verifyLog, verifySegment } from '@/lib/log/verify';
import type { GuardDb } from '@/lib/db/db';
import type { LogEntry } from '@/lib/log/schema';
import { GROUP_A, GROUP_B, flagInput, freshDb } from './helpers';

let d: GuardDb;
const C = GROUP_A.threadId;

beforeEach(async () => {
  d = freshDb();
  for (let i = 1; i <= 6; i++) {
    await appendLog(d, flagInput({ messageId: `m-${i}`, text: `Tin số ${i}: mua bán đất nền liên hệ 0987.654.32${i}` }));
  }
  await appendLog(d, flagInput({ group: GROUP_B }));
});
afterEach(async () => {
  await d.delete();
});

const get = async (seq: number) => (await d.log.get([C, seq])) as LogEntry;

type Tamper = (db: GuardDb) => Promise<unknown>;
const tampers: [string, Tamper, { seq: number; reason: string }][] = [
  ['category changed', async (db) => db.log.put({ ...(await get(3)), category: 'advertising' }), { seq: 3, reason: 'hash' }],
  ['admin changed', async (db) => db.log.put({ ...(await get(2)), admin: 'Người khác' }), { seq: 2, reason: 'hash' }],
  ['member removed', async (db) => db.log.put({ ...(await get(4)), member: undefined }), { seq: 4, reason: 'hash' }],
  ['field added', async (db) => db.log.put({ ...(await get(4)), note: 'thêm vào sau' }), { seq: 4, reason: 'hash' }],
  [
    'snapshot text changed',
    async (db) => db.snapshots.update([C, 5], { text: 'Tin đã bị sửa cho nhẹ tội' }),
    { seq: 5, reason: 'text' },
  ],
  ['entry deleted in the middle', async (db) => db.log.delete([C, 3]), { seq: 4, reason: 'seq' }],
  ['first entry deleted', async (db) => db.log.delete([C, 1]), { seq: 2, reason: 'start' }],
  ['last entry deleted', async (db) => db.log.delete([C, 6]), { seq: 6, reason: 'truncated' }],
  [
    'seq changed (entry moved)',
    async (db) => {
      const e = await get(3);
      await db.log.delete([C, 3]);
      await db.log.put({ ...e, seq: 30 });
    },
    { seq: 30, reason: 'hash' },
  ],
  [
    'two entries swapped (reordered)',
    async (db) => {
      const [a, b] = [await get(2), await get(3)];
      await db.log.bulkPut([
        { ...b, seq: 2 },
        { ...a, seq: 3 },
      ]);
    },
    { seq: 2, reason: 'hash' },
  ],
  [
    'entry re-hashed after editing (needs the next link too)',
    async (db) => {
      const e = await get(3);
      // A forger can recompute this entry's hash but not the next entry's prevHash without rewriting all.
      const { entryHash } = await import('@/lib/log/chain');
      const { seq, prevHash, hash: _h, ...body } = { ...e, category: 'advertising' as const };
      await db.log.put({ ...body, seq, prevHash, hash: await entryHash(body, seq, prevHash) });
    },
    { seq: 4, reason: 'link' },
  ],
  ['row is not an entry', async (db) => db.log.put({ ...(await get(2)), kind: 'hack' } as unknown as LogEntry), { seq: 2, reason: 'schema' }],
];

describe('verifyLog', () => {
  it('reports every chain as valid when untouched', async () => {
    const reports = await verifyLog(d);
    expect(reports.map((r) => [r.chainId, r.ok, r.entries])).toEqual([
      [GROUP_B.threadId, true, 1],
      [GROUP_A.threadId, true, 6],
    ]);
  });

  it.each(tampers)('detects %s and names the seq', async (_label, tamper, expected) => {
    await tamper(d);
    const [report] = await verifyLog(d, C);
    expect(report.ok).toBe(false);
    expect(report.problems).toContainEqual(expected);
    // The other group's chain is unaffected.
    expect((await verifyLog(d, GROUP_B.threadId))[0].ok).toBe(true);
  });

  it('treats text dropped by retention as purged, not as tampering', async () => {
    await d.snapshots.delete([C, 2]);
    const [report] = await verifyLog(d, C);
    expect(report).toMatchObject({ ok: true, purgedTexts: 1 });
  });

  it('verifies across page boundaries (2,500 entries)', async () => {
    const big = freshDb();
    const group = { threadId: 'g-big', name: 'Nhóm lớn' };
    for (let i = 0; i < 2500; i++) await appendLog(big, flagInput({ group, text: undefined, messageId: `b${i}` }), { redaction: { phones: true, idNumbers: true } });
    expect((await verifyLog(big, 'g-big'))[0]).toMatchObject({ ok: true, entries: 2500 });
    const e = (await big.log.get(['g-big', 1001])) as LogEntry;
    await big.log.put({ ...e, admin: 'x' });
    expect((await verifyLog(big, 'g-big'))[0].problems).toEqual([{ seq: 1001, reason: 'hash' }]);
    await big.delete();
  }, 60_000);
});

describe('verifySegment (exported files)', () => {
  it('accepts a period export that starts mid-chain, with its snapshots', async () => {
    const { entries, snapshots } = await readChain(d, C, { fromSeq: 3, toSeq: 5 });
    expect(await verifySegment(entries, snapshots)).toMatchObject({ ok: true, entries: 3, purgedTexts: 0 });
  });

  it.each([
    ['text edited in the file', (s: { seq: number; text: string }[]) => (s[0].text = 'khác')],
    ['salt edited in the file', (s: { seq: number; salt: string }[]) => (s[1].salt = 'ff')],
  ])('rejects %s', async (_l, edit) => {
    const { entries, snapshots } = await readChain(d, C, { fromSeq: 3, toSeq: 5 });
    edit(snapshots);
    const report = await verifySegment(entries, snapshots);
    expect(report.ok).toBe(false);
    expect(report.problems[0].reason).toBe('text');
  });

  it('accepts an export without text (privacy export) as purged', async () => {
    const { entries } = await readChain(d, C);
    expect(await verifySegment(entries)).toMatchObject({ ok: true, purgedTexts: 6 });
  });
});
