import { afterAll, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { GuardDb } from '@/lib/db/db';

const name = `test-db-${Math.random().toString(36).slice(2)}`;
const db = new GuardDb(name);
afterAll(async () => {
  await db.delete();
});

describe('GuardDb', () => {
  it('opens with every table at version 2', async () => {
    await db.open();
    expect(db.verno).toBe(2);
    expect(db.tables.map((t) => t.name).sort()).toEqual(
      ['blocklist', 'groups', 'heads', 'log', 'rulePacks', 'samples', 'settings', 'snapshots', 'templates'].sort(),
    );
  });

  it.each([
    ['log', '[chainId+seq]', ['time', '[chainId+time]', 'kind', 'category', 'action', 'member.uid', 'ref', 'key', 'messageTime', '[chainId+messageTime]']],
    ['snapshots', '[chainId+seq]', ['time']],
    ['heads', 'chainId', []],
    ['groups', 'threadId', []],
    ['samples', 'id', ['groupId', '[groupId+kind]', 'createdAt']],
    ['templates', 'id', ['updatedAt']],
    ['rulePacks', 'id', ['groupId', 'updatedAt']],
    ['blocklist', 'id', ['importedAt']],
  ])('%s: key %s, indexes %j', (table, key, indexes) => {
    const schema = db.table(table).schema;
    expect(schema.primKey.name).toBe(key);
    expect(schema.indexes.map((i) => i.name).sort()).toEqual([...indexes].sort());
  });

  it('stores templates, rule packs and blocklists as opaque JSON', async () => {
    await db.templates.put({ id: 't-remind', json: JSON.stringify({ title: 'Nhắc nhở' }), updatedAt: '2025-03-01T00:00:00.000Z' });
    await db.rulePacks.bulkPut([
      { id: 'p1', groupId: 'g1', name: 'Gói thôn Đông', json: '{}', updatedAt: '2025-03-01T00:00:00.000Z' },
      { id: 'p2', groupId: '', name: 'Gói của xã', json: '{}', updatedAt: '2025-03-02T00:00:00.000Z' },
    ]);
    await db.blocklist.put({ id: 'user', name: 'Danh sách chặn', text: 'vneid-hotro.net\ncsgt-vn.online', lineCount: 2, importedAt: '2025-03-01T00:00:00.000Z' });
    expect(JSON.parse((await db.templates.get('t-remind'))!.json)).toEqual({ title: 'Nhắc nhở' });
    expect((await db.rulePacks.where('groupId').equals('g1').toArray()).map((p) => p.id)).toEqual(['p1']);
    expect((await db.blocklist.get('user'))?.lineCount).toBe(2);
  });

  it('a second handle on the same name sees the same data (service worker + dashboard)', async () => {
    const other = new GuardDb(name);
    expect((await other.templates.get('t-remind'))?.id).toBe('t-remind');
    other.close();
  });

  it('indexes nested member uid so the dashboard can filter by member', async () => {
    const base = { time: '2025-03-01T00:00:00.000Z', kind: 'flag' as const, group: { threadId: 'g', name: 'g' }, place: { thon: '', xa: '', tinh: '' }, admin: '', prevHash: '0'.repeat(64), hash: '1'.repeat(64) };
    await db.log.bulkAdd([
      { ...base, chainId: 'g', seq: 1, member: { name: 'An', uid: 'u1' } },
      { ...base, chainId: 'g', seq: 2, member: { name: 'Bình' } },
    ]);
    expect(await db.log.where('member.uid').equals('u1').count()).toBe(1);
    expect(await db.log.where('[chainId+seq]').between(['g', Dexie.minKey], ['g', Dexie.maxKey]).count()).toBe(2);
  });
});
