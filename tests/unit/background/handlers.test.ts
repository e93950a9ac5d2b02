import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GuardDb } from '@/lib/db';
import { createHandlers } from '@/lib/background/handlers';
import { createRouter } from '@/lib/messages/router';
import { createSender } from '@/lib/messages/client';
import { BACKGROUND_PROTOCOL, requestSchema, type Request } from '@/lib/messages/protocol';
import { DEFAULT_GLOBAL_SETTINGS, defaultGroupSettings } from '@/lib/settings/schema';
import { verifyLog } from '@/lib/log/append';
import { createSelectorPackStore } from '@/lib/background/selector-pack-store';
import type { TabRequest } from '@/lib/messages/protocol';
import { TrustDb } from '@/lib/trust/store';
import { createHealthStore, loadGroupHealth } from '@/lib/health/store';

let db: GuardDb;
let trust: TrustDb;
let n = 0;
const badges: [number | undefined, number][] = [];
const pushed: TabRequest[] = [];
const diagnosis = { appReady: true, chatOpen: true, pack: null, areas: [{ area: 'app', status: 'ok' as const, rows: [] }] };

function router() {
  const handlers = createHandlers({
    db,
    blocklist: async () => ({
      lookup: (h: string) => (h.endsWith('evil.example') ? { list: 'test', matched: 'evil.example', kind: 'threat' } : null),
    }),
    openDashboard: async () => undefined,
    setBadge: async (tab, count) => void badges.push([tab, count]),
    selectorPacks: createSelectorPackStore(
      (() => {
        let value: unknown;
        return { read: async () => value, write: async (v: unknown) => void (value = v), remove: async () => void (value = undefined) };
      })(),
    ),
    health: createHealthStore(trust),
    now: () => new Date('2026-11-25T03:00:00.000Z'),
    zaloTabs: {
      ask: async (req) => (req.type === 'tab.diagnose' ? diagnosis : req.type === 'tab.skeleton' ? '{"tag":"html"}' : null),
      broadcast: async (req) => void pushed.push(req),
    },
  });
  return createRouter<typeof requestSchema, { tabId?: number }>(requestSchema, handlers);
}

/** The typed sender the extension uses, delivering through the background's router: replies are checked too. */
function setup(tabId = 7) {
  const route = router();
  return createSender((req) => route(req, { tabId }));
}

const base = (over: Partial<Extract<Request, { type: 'log.append' }>['body']> = {}) => ({
  chainId: 'g1',
  time: '2026-11-20T03:00:00.000Z',
  kind: 'flag' as const,
  group: { threadId: 'g1', name: 'Thôn Đông' },
  place: { thon: 'Đông', xa: 'Yên Hòa', tinh: 'Bắc Ninh' },
  member: { name: 'Số Đẹp', uid: 'u1' },
  messageId: '1795000000001',
  category: 'gambling-fortune' as const,
  clause: 'III.2(4)',
  severity: 'high' as const,
  evidence: ['lô đề'],
  text: 'soi cầu lô đề, gọi 0912345678',
  admin: 'Trần Thị Lan',
  ...over,
});

beforeEach(() => {
  db = new GuardDb(`bg-test-${++n}`);
  trust = new TrustDb(`bg-trust-test-${n}`);
  badges.length = 0;
});
afterEach(async () => {
  db.close();
  await db.delete();
  trust.close();
  await trust.delete();
});

describe('background handlers', () => {
  it('session.open creates the group with defaults and remembers renames', async () => {
    const send = setup();
    const first = await send({ type: 'session.open', threadId: 'g1', name: 'Thôn Đông' });
    expect(first.group).toMatchObject({ name: 'Thôn Đông', enabled: true });
    await send({ type: 'session.open', threadId: 'g1', name: 'Thôn Đông (mới)' });
    expect((await db.groups.get('g1'))?.name).toBe('Thôn Đông (mới)');
  });

  it('log.append is idempotent per key, redacts the snapshot, and links an action to its flag', async () => {
    const send = setup();
    const a = await send({ type: 'log.append', key: 'flag:g1:1', body: base() });
    const again = await send({ type: 'log.append', key: 'flag:g1:1', body: base() });
    expect(again).toEqual({ seq: a.seq, deduped: true });
    const snap = await db.snapshots.get(['g1', a.seq]);
    expect(snap?.text).not.toContain('0912345678');

    const act = await send({
      type: 'log.append',
      key: 'act:g1:1',
      body: base({ kind: 'action', action: 'deleted', text: undefined, evidence: undefined }),
    });
    const stored = await db.log.get(['g1', act.seq]);
    expect(stored?.ref).toBe(a.seq);
    expect((await verifyLog(db, 'g1'))[0].ok).toBe(true);
  });

  it('strikes climb with confirmed actions and the ladder proposes the next step', async () => {
    const send = setup();
    const member = { name: 'Số Đẹp', uid: 'u1' };
    let s = await send({ type: 'strikes.get', chainId: 'g1', member, category: 'gambling-fortune' });
    expect(s).toMatchObject({ count: 0, nextStep: 'remind' });
    for (const [i, action] of (['remind', 'deleted'] as const).entries()) {
      await send({ type: 'log.append', key: `f${i}`, body: base({ messageId: `m${i}` }) });
      await send({ type: 'log.append', key: `a${i}`, body: base({ messageId: `m${i}`, kind: 'action', action, text: undefined }) });
    }
    s = await send({ type: 'strikes.get', chainId: 'g1', member, category: 'gambling-fortune' });
    expect(s).toMatchObject({ count: 2, nextStep: 'propose-removal' });
    // Scams go straight to the proposal (regulation: immediate removal), whatever the history.
    s = await send({ type: 'strikes.get', chainId: 'g1', member: { name: 'Khác', uid: 'u9' }, category: 'scam' });
    expect(s.nextStep).toBe('propose-removal');
  });

  it('a dismissed flag is no strike; allowed terms are saved for the group', async () => {
    const send = setup();
    await send({ type: 'log.append', key: 'f', body: base() });
    await send({ type: 'log.append', key: 'a', body: base({ kind: 'action', action: 'dismissed', text: undefined }) });
    const s = await send({ type: 'strikes.get', chainId: 'g1', member: { name: 'Số Đẹp', uid: 'u1' } });
    expect(s.count).toBe(0);
    await send({ type: 'group.allowTerms', threadId: 'g1', terms: ['lô đất', ' lô đất ', 'đề án'] });
    expect((await db.groups.get('g1'))?.overrides.allowedTerms).toEqual(['lô đất', 'đề án']);
  });

  it('thôn/xã typed into a template fill the group\'s empty place fields, never overwrite set ones', async () => {
    const send = setup();
    await send({ type: 'group.save', settings: { ...defaultGroupSettings('g1', 'Thôn Đông'), thon: 'Đông' } });
    const g = await send({ type: 'group.fillPlace', threadId: 'g1', place: { thon: 'Tây', xa: ' An Bình ', tinh: '' } });
    expect([g.thon, g.xa, g.tinh]).toEqual(['Đông', 'An Bình', '']);
    expect((await db.groups.get('g1'))?.xa).toBe('An Bình');
    await expect(send({ type: 'group.fillPlace', threadId: 'g1', place: { xa: 'x'.repeat(101) } })).rejects.toThrow(/place\.xa/);
  });

  it('trusting a domain adds it to the group allow list once and logs a note, never a strike', async () => {
    const send = setup();
    const body = base({ kind: 'action', action: 'note', note: 'Tin cậy tên miền langgombattrang.vn cho nhóm', category: undefined, text: undefined });
    const req = { type: 'group.trustDomain' as const, key: 'trust-1', threadId: 'g1', domain: 'LangGomBatTrang.vn', body };
    const r = await send(req);
    await send({ ...req, key: 'trust-2' });
    expect((await db.groups.get('g1'))?.overrides.allowDomains).toEqual(['langgombattrang.vn']);
    const notes = (await db.log.toArray()).filter((e) => e.kind === 'action' && e.action === 'note');
    expect(notes).toHaveLength(2);
    expect(notes[0]).toMatchObject({ seq: r.seq, note: 'Tin cậy tên miền langgombattrang.vn cho nhóm' });
    expect(notes[0].member).toBeUndefined();
    expect((await verifyLog(db, 'g1'))[0].ok).toBe(true);
    const s = await send({ type: 'strikes.get', chainId: 'g1', member: { name: 'Số Đẹp', uid: 'u1' } });
    expect(s.count).toBe(0);
  });

  it.each([
    ['a URL instead of a domain', { domain: 'https://abc.vn/x' }, /domain/],
    ['a log body for another group', { body: { ...base({ kind: 'action', action: 'note' }), chainId: 'g2' } }, /chainId/],
  ])('trusting a domain rejects %s and stores nothing', async (_n, over, err) => {
    setup();
    const route = router();
    const res = await route({ type: 'group.trustDomain', key: 'k', threadId: 'g1', domain: 'abc.vn', body: base({ kind: 'action', action: 'note' }), ...over }, { tabId: 7 });
    expect(res.ok).toBe(false);
    expect(res.ok ? '' : res.error).toMatch(err);
    expect(await db.groups.get('g1')).toBeUndefined();
    expect(await db.log.count()).toBe(0);
  });

  it('samples learned from decisions come back with the next session', async () => {
    const send = setup();
    await send({ type: 'sample.add', chainId: 'g1', label: 'violation', category: 'scam', text: 'Chúc mừng bạn trúng thưởng 15 triệu, nộp phí nhận quà ngay hôm nay' });
    const session = await send({ type: 'session.open', threadId: 'g1', name: 'Thôn Đông' });
    expect(session.samples).toHaveLength(1);
    expect(session.samples[0].kind).toBe('violation');
    expect(session.samples[0].signature.length).toBeGreaterThan(0);
  });

  it('blocklist lookups, badge per tab, and rejected requests name the field', async () => {
    const send = setup();
    expect(await send({ type: 'blocklist.lookup', hosts: ['a.evil.example', 'ok.vn'] })).toEqual({
      'a.evil.example': { list: 'test', matched: 'evil.example', kind: 'threat' },
      'ok.vn': null,
    });
    await setup(42)({ type: 'badge.set', count: 3 });
    expect(badges).toEqual([[42, 3]]);
    const raw = router();
    const bad = await raw({ type: 'log.append', key: 'x', body: { ...base(), kind: 'nope' } }, {});
    expect(bad.ok ? '' : bad.error).toMatch(/body\.kind/);
    await expect(send({ type: 'log.append', key: 'x', body: base({ ref: 99 }) })).rejects.toThrow(/ref/);
    expect(await db.log.count()).toBe(0); // nothing half-written
  });

  it('every request type answers what the protocol says (the typed sender checks each reply)', async () => {
    const send = setup();
    await send({ type: 'log.append', key: 'f', body: base() });
    const replies = {
      ping: await send({ type: 'ping' }),
      'session.open': await send({ type: 'session.open', threadId: 'g1', name: 'Thôn Đông' }),
      'log.append': await send({ type: 'log.append', key: 'f', body: base() }),
      'log.query': await send({ type: 'log.query', chainId: 'g1' }),
      'log.verify': await send({ type: 'log.verify', chainId: 'g1' }),
      'strikes.get': await send({ type: 'strikes.get', chainId: 'g1', member: { name: 'Số Đẹp' } }),
      'blocklist.lookup': await send({ type: 'blocklist.lookup', hosts: ['ok.vn'] }),
      'sample.add': await send({ type: 'sample.add', chainId: 'g1', label: 'clean', text: 'họp thôn tối nay' }),
      'group.allowTerms': await send({ type: 'group.allowTerms', threadId: 'g1', terms: ['lô đất'] }),
      'group.trustDomain': await send({ type: 'group.trustDomain', key: 't1', threadId: 'g1', domain: 'langgom.vn', body: base({ kind: 'action', action: 'note', note: 'Tin cậy tên miền langgom.vn cho nhóm' }) }),
      'group.fillPlace': await send({ type: 'group.fillPlace', threadId: 'g1', place: { xa: 'An Bình' } }),
      'group.save': await send({ type: 'group.save', settings: defaultGroupSettings('g2', 'Thôn Tây') }),
      'settings.save': await send({ type: 'settings.save', settings: { ...DEFAULT_GLOBAL_SETTINGS, adminName: 'Lan' } }),
      'templates.list': await send({ type: 'templates.list' }),
      'badge.set': await send({ type: 'badge.set', count: 0 }),
      'dashboard.open': await send({ type: 'dashboard.open' }),
      'selectorPack.save': await send({
        type: 'selectorPack.save',
        pack: { format: 'zgg-selector-pack', version: 1, name: 'Sửa tháng 12', selectors: { messageList: ['#messageViewScroll'] } },
      }),
      'selectorPack.get': await send({ type: 'selectorPack.get' }),
      'selectorPack.clear': await send({ type: 'selectorPack.clear' }),
      'zalo.diagnose': await send({ type: 'zalo.diagnose' }),
      'zalo.skeleton': await send({ type: 'zalo.skeleton' }),
      'health.members': await send({ type: 'health.members', threadId: 'g1', names: ['Lê Hùng', ' Lê Hùng ', 'Phạm Thị Mai'], complete: true, headerCount: 2 }),
      'health.pageFacts': await send({ type: 'health.pageFacts', threadId: 'g1', facts: { 'rules-pinned': true } }),
    };
    expect(Object.keys(replies).sort()).toEqual(Object.keys(BACKGROUND_PROTOCOL).sort());
    expect(replies['log.query'].map((e) => e.seq)).toEqual([1]);
    expect(replies['log.verify'][0]).toMatchObject({ chainId: 'g1', ok: true, entries: 1 });
    expect(replies['settings.save'].adminName).toBe('Lan');
    expect(replies['selectorPack.get']?.pack.name).toBe('Sửa tháng 12');
    expect(pushed.map((r) => (r.type === 'tab.selectorPack' ? r.pack?.name ?? null : r.type))).toEqual(['Sửa tháng 12', null]);
    expect(replies['zalo.diagnose']?.areas[0]?.area).toBe('app');
    expect(replies['zalo.skeleton']).toBe('{"tag":"html"}');
  });

  it('member names and page facts read by the panel land in the group health store, dated, without losing the admin’s ticks', async () => {
    const send = setup();
    const before = await loadGroupHealth(trust, 'g1');
    await trust.health.put({ ...before, checklist: { 'member-approval': { done: true, at: '2026-11-01T00:00:00.000Z', by: 'admin' } }, inviteLink: 'https://zalo.me/g/abc' });
    expect(await send({ type: 'health.members', threadId: 'g1', names: ['Nguyễn Văn Bình', 'Trần Thị Lan'], complete: false, headerCount: 287 })).toEqual({ count: 2 });
    await send({ type: 'health.pageFacts', threadId: 'g1', facts: { 'rules-pinned': false, admins: true } });
    const h = await loadGroupHealth(trust, 'g1');
    expect(h.members).toEqual({ names: ['Nguyễn Văn Bình', 'Trần Thị Lan'], at: '2026-11-25T03:00:00.000Z', source: 'page', complete: false, headerCount: 287 });
    expect(h.checklist).toEqual({
      'member-approval': { done: true, at: '2026-11-01T00:00:00.000Z', by: 'admin' },
      'rules-pinned': { done: false, at: '2026-11-25T03:00:00.000Z', by: 'page' },
      admins: { done: true, at: '2026-11-25T03:00:00.000Z', by: 'page' },
    });
    expect(h.inviteLink).toBe('https://zalo.me/g/abc');
    // Only what the page can show is accepted from it; a manual item is refused with the field named.
    await expect(send({ type: 'health.pageFacts', threadId: 'g1', facts: { 'member-approval': true } as never })).rejects.toThrow(/member-approval|facts/);
    await expect(send({ type: 'health.members', threadId: 'g1', names: [''], complete: true })).rejects.toThrow(/names/);
  });

  it('a reply that does not match the protocol is refused, naming the field', async () => {
    const send = createSender(async () => ({ ok: true, data: { seq: 'one', deduped: false } }));
    await expect(send({ type: 'log.append', key: 'k', body: base() })).rejects.toThrow(/invalid reply to log\.append: seq/);
  });
});
