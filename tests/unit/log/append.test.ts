import { afterEach, describe, expect, it } from 'vitest';
import { appendLog, correctEntry } from '@/lib/log/append';
import { LogValidationError } from '@/lib/log/errors';
import { verifyChain } from '@/lib/log/chain';
import { verifyLog } from '@/lib/log/verify';
import { snapshotHash } from '@/lib/log/snapshot';
import type { GuardDb } from '@/lib/db/db';
import { GROUP_A, GROUP_B, PLACE, flagInput, freshDb } from './helpers';

const dbs: GuardDb[] = [];
function db(): GuardDb {
  const d = freshDb();
  dbs.push(d);
  return d;
}
afterEach(async () => {
  for (const d of dbs.splice(0)) await d.delete();
});

describe('appendLog', () => {
  it('links entries into a per-group chain starting at seq 1', async () => {
    const d = db();
    const a = await appendLog(d, flagInput());
    const b = await appendLog(d, flagInput({ messageId: 'm-2' }));
    const c = await appendLog(d, flagInput({ group: GROUP_B }));
    expect([a.entry.seq, b.entry.seq, c.entry.seq]).toEqual([1, 2, 1]);
    expect(b.entry.prevHash).toBe(a.entry.hash);
    expect(c.entry.chainId).toBe(GROUP_B.threadId);
    const all = await d.log.where('[chainId+seq]').between([GROUP_A.threadId, 0], [GROUP_A.threadId, 1e9]).toArray();
    expect(await verifyChain(all)).toEqual({ ok: true, head: b.entry.hash });
  });

  it('keeps the text outside the chain as a salted hash commitment, redacted', async () => {
    const d = db();
    const { entry, text } = await appendLog(d, flagInput());
    expect(entry.text).toBeUndefined();
    expect(text).toContain('**** *** 678');
    expect(text).not.toContain('0912');
    const snap = await d.snapshots.get([entry.chainId, entry.seq]);
    expect(snap?.text).toBe(text);
    expect(await snapshotHash(snap!.text, snap!.salt)).toBe(entry.textHash);
  });

  it.each([
    ['STK: 1903 5678 9012 Techcombank', ['1903 5678 9012', '5678 9012'], '1903'],
    ['ck vào số tài khoản 0123456789 Vietcombank', ['0123456789'], '0123456'],
    ['số tài khoản Agribank 4401-2056-7788 chủ TK Lê Văn Tám', ['4401-2056-7788', 'TK 4401-2056-7788'], '4401'],
  ])('no part of a masked account number reaches the chain through evidence or notes: %s', async (msg, evidence, secret) => {
    const d = db();
    const text = `Nhận hỗ trợ 5 triệu, đóng phí trước ${msg} ngay hôm nay`;
    const { entry, text: stored } = await appendLog(
      d,
      flagInput({ text, evidence, note: `Bằng chứng: ${evidence[0]}`, outcome: evidence[0] }),
      { redaction: { phones: false, idNumbers: true } },
    );
    expect(stored).not.toContain(secret);
    const row = await d.log.get([entry.chainId, entry.seq]);
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(row!.evidence).toHaveLength(evidence.length);
    // The shape stays readable: the last 3 digits survive.
    expect(row!.evidence![0]).toMatch(/\*{3}.*\d{3}$/);
  });

  it('leaves unrelated numbers in evidence alone', async () => {
    const d = db();
    const { entry } = await appendLog(d, flagInput({ text: 'STK 190356789012, phí 990.000đ', evidence: ['phí 990.000đ'] }));
    expect(entry.evidence).toEqual(['phí 990.000đ']);
  });

  it('redacts according to the options given', async () => {
    const d = db();
    const { text } = await appendLog(d, flagInput(), { redaction: { phones: false, idNumbers: true } });
    expect(text).toContain('0912 345 678');
  });

  it('normalises time to UTC so newest-first sorting works across offsets', async () => {
    const d = db();
    const { entry } = await appendLog(d, flagInput({ time: '2025-03-01T08:00:00+07:00' }));
    expect(entry.time).toBe('2025-03-01T01:00:00.000Z');
  });

  it.each([
    ['missing kind', { kind: undefined }, 'kind'],
    ['unknown kind', { kind: 'ban' }, 'kind'],
    ['unknown category', { category: 'spam' }, 'category'],
    ['bad time', { time: 'hôm qua' }, 'time'],
    ['empty thread id', { chainId: 'g-x', group: { threadId: '', name: 'x' } }, 'group.threadId'],
    ['no chain at all', { group: { threadId: '', name: 'x' } }, 'chainId'],
    ['member without name', { member: { uid: 'u1' } }, 'member.name'],
    ['bad severity', { severity: 'critical' }, 'severity'],
    ['evidence not strings', { evidence: [1, 2] }, 'evidence[0]'],
    ['caller-made textHash', { textHash: 'a'.repeat(64) }, 'textHash'],
    ['ref to a missing entry', { kind: 'action', action: 'remind', ref: 99 }, 'ref'],
    ['admin missing', { admin: undefined }, 'admin'],
  ])('rejects %s and names the field', async (_label, patch, path) => {
    const d = db();
    const input = { ...flagInput(), ...patch } as unknown as Parameters<typeof appendLog>[1];
    const err = await appendLog(d, input).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LogValidationError);
    expect((err as LogValidationError).path).toBe(path);
    expect(await d.log.count()).toBe(0);
  });

  it('50 concurrent appends give contiguous seq and a valid chain', async () => {
    const d = db();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => appendLog(d, flagInput({ messageId: `m-${i}` }))),
    );
    expect(results.map((r) => r.entry.seq).sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const [report] = await verifyLog(d, GROUP_A.threadId);
    expect(report).toMatchObject({ ok: true, entries: 50, problems: [] });
  });

  it('two database handles (service worker + dashboard) appending at once never fork the chain', async () => {
    const d = db();
    const other = new (d.constructor as new (name: string) => GuardDb)(d.name);
    dbs.push(other);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => appendLog(i % 2 ? d : other, flagInput({ messageId: `m-${i}` }))),
    );
    const [report] = await verifyLog(d, GROUP_A.threadId);
    expect(report).toMatchObject({ ok: true, entries: 20 });
    expect((await d.heads.get(GROUP_A.threadId))?.seq).toBe(20);
  });

  it('appends a key at most once', async () => {
    const d = db();
    const first = await appendLog(d, flagInput({ key: 'k-1' }));
    const again = await appendLog(d, flagInput({ key: 'k-1' }));
    const parallel = await Promise.all([appendLog(d, flagInput({ key: 'k-2' })), appendLog(d, flagInput({ key: 'k-2' }))]);
    expect(again).toMatchObject({ deduped: true, entry: { seq: first.entry.seq } });
    expect(parallel.map((p) => p.deduped).sort()).toEqual([false, true]);
    expect(await d.log.count()).toBe(2);
  });

  it('rebuilds a missing head row from the last entry', async () => {
    const d = db();
    await appendLog(d, flagInput());
    await d.heads.clear();
    const { entry } = await appendLog(d, flagInput());
    expect(entry.seq).toBe(2);
    expect((await verifyLog(d))[0].ok).toBe(true);
  });
});

describe('correctEntry', () => {
  it('appends a correction referring to the entry and never edits it', async () => {
    const d = db();
    const flag = await appendLog(d, flagInput());
    const before = await d.log.get([GROUP_A.threadId, 1]);
    const { entry } = await correctEntry(d, 1, GROUP_A.threadId, 'Nhầm người, tin này không vi phạm', { admin: 'Bình' });
    expect(entry).toMatchObject({ kind: 'correction', ref: 1, seq: 2, outcome: 'void', member: flag.entry.member, place: PLACE });
    expect(await d.log.get([GROUP_A.threadId, 1])).toEqual(before);
    expect((await verifyLog(d))[0].ok).toBe(true);
  });

  it.each([
    ['missing entry', 7, 'ghi chú', 'ref'],
    ['empty reason', 1, '   ', 'note'],
  ])('rejects %s', async (_l, seq, note, path) => {
    const d = db();
    await appendLog(d, flagInput());
    await expect(correctEntry(d, seq, GROUP_A.threadId, note)).rejects.toMatchObject({ path });
  });
});
