import { beforeAll, describe, expect, it } from 'vitest';
import { GuardDb } from '@/lib/db/db';
import { appendLog } from '@/lib/log/append';
import { queryLog, type LogFilter } from '@/lib/log/query';
import { fetchRecords, forEachEntryChunk, forEachRangeChunk, isIndexOnly, resolveKeys } from '@/lib/dashboard/log-index';
import { loadGroupChain, reportEntries } from '@/lib/dashboard/report-data';
import { applyGroupPack, exportGroupPack, parseGroupPack } from '@/lib/dashboard/group-pack';
import { loadGroupSettings, saveGroupSettings } from '@/lib/settings/store';
import { addSample } from '@/lib/moderation/samples';
import { makeBundle, monthPeriod, verifyBundle, entriesToCsv } from '@/lib/reports';
import { makeBodies } from '../reports/make-log';

const REDACTION = { phones: true, idNumbers: true };
let db: GuardDb;
let total = 0;
let purgedSeq = 0;

beforeAll(async () => {
  db = new GuardDb(`dash-data-${Math.random()}`);
  for (const [threadId, thon, seed] of [['g-thon-dong', 'Đông', 3], ['g-thon-doai', 'Đoài', 4]] as const) {
    const bodies = makeBodies({ n: 90, threadId, seed, groupName: `Nhóm Zalo thôn ${thon}`, place: { thon, xa: 'An Bình', tinh: 'Bắc Ninh' }, spanDays: 40, start: '2026-10-20T01:00:00.000Z' });
    for (const b of bodies) {
      const { chainId: _c, ...input } = b;
      await appendLog(db, input, { redaction: REDACTION });
    }
    total += bodies.length;
  }
  // Retention dropped one text: the dashboard must show it as purged.
  const first = await db.snapshots.where('[chainId+seq]').between(['g-thon-dong', 0], ['g-thon-dong', 1e9]).first();
  purgedSeq = first!.seq;
  await db.snapshots.delete(['g-thon-dong', purgedSeq]);
});

const FILTERS: [string, LogFilter][] = [
  ['everything', {}],
  ['one group', { chainId: 'g-thon-doai' }],
  ['November', { from: '2026-11-01T00:00:00+07:00', to: '2026-12-01T00:00:00+07:00' }],
  ['group + period', { chainId: 'g-thon-dong', from: '2026-11-01T00:00:00+07:00', to: '2026-11-15T00:00:00+07:00' }],
  ['category', { categories: ['scam'] }],
  ['kind + action', { kinds: ['action'], actions: ['remind'] }],
  ['member uid', { member: { uid: '7391002' } }],
  ['member name without accents', { member: { name: 'hoang cuong' } }],
  ['text without accents', { text: 'lo de hom nay' }],
  ['text in note', { text: 'da goi dien' }],
  ['text + category + group', { text: 'otp', categories: ['scam'], chainId: 'g-thon-dong' }],
  ['nothing matches', { text: 'không có câu này' }],
];

describe('log index matches queryLog', () => {
  it.each(FILTERS)('%s', async (_name, filter) => {
    const expected = await queryLog(db, { ...filter, limit: 100_000 });
    const keys = await resolveKeys(db, filter);
    expect(keys.length).toBe(expected.length);
    const got = await fetchRecords(db, keys);
    expect(got.map((r) => [r.entry.chainId, r.entry.seq, r.textState, r.text])).toEqual(
      expected.map((r) => [r.entry.chainId, r.entry.seq, r.textState, r.text]),
    );
  });

  it('newest first over all entries, windows read any slice', async () => {
    const keys = await resolveKeys(db, {});
    expect(keys.length).toBe(total);
    const window = await fetchRecords(db, keys.slice(100, 120));
    const times = window.map((r) => r.entry.time);
    expect([...times].sort().reverse()).toEqual(times);
    expect(window).toHaveLength(20);
  });

  it('reports a purged text as purged', async () => {
    const [rec] = await fetchRecords(db, [['g-thon-dong', purgedSeq]]);
    expect(rec.textState).toBe('purged');
    expect(rec.text).toBeUndefined();
  });

  it('chunks every entry for charts and stops when aborted', async () => {
    const keys = await resolveKeys(db, {});
    let seen = 0;
    await forEachEntryChunk(db, keys, (c) => (seen += c.length));
    expect(seen).toBe(total);
    const abort = new AbortController();
    abort.abort();
    await expect(resolveKeys(db, { text: 'otp' }, abort.signal)).rejects.toThrow('aborted');
  });
});

describe('range scan for charts', () => {
  it.each([
    ['everything', {}],
    ['one group', { chainId: 'g-thon-doai' }],
    ['November', { from: '2026-11-01T00:00:00+07:00', to: '2026-12-01T00:00:00+07:00' }],
    ['group + period', { chainId: 'g-thon-dong', from: '2026-11-01T00:00:00+07:00', to: '2026-11-15T00:00:00+07:00' }],
  ] as [string, LogFilter][])('%s: every entry once, across small chunks', async (_n, filter) => {
    expect(isIndexOnly(filter)).toBe(true);
    const expected = (await resolveKeys(db, filter)).map(([c, s]) => `${c}#${s}`).sort();
    for (const chunk of [7, 50, 5000]) {
      const got: string[] = [];
      await forEachRangeChunk(db, filter, (es) => got.push(...es.map((e) => `${e.chainId}#${e.seq}`)), undefined, chunk);
      expect(got.sort()).toEqual(expected);
    }
  });

  it('entries sharing one instant across a chunk boundary are read once', async () => {
    const same = new GuardDb(`dash-same-${Math.random()}`);
    const group = { threadId: 'g-x', name: 'Nhóm X' };
    for (let i = 0; i < 9; i++) {
      await appendLog(same, { kind: 'notice', group, place: { thon: 'X', xa: '', tinh: '' }, admin: 'Hoa', note: `thông báo ${i}`, time: i < 6 ? '2026-11-02T01:00:00Z' : `2026-11-0${i - 3}T01:00:00Z` }, { redaction: REDACTION });
    }
    const seen: number[] = [];
    await forEachRangeChunk(same, {}, (es) => seen.push(...es.map((e) => e.seq)), undefined, 4);
    expect(seen.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(isIndexOnly({ text: '  ' })).toBe(true);
    expect(isIndexOnly({ categories: ['scam'] })).toBe(false);
  });
});

describe('report data', () => {
  it('merges snapshot text for people, keeps stored entries for the verifiable bundle', async () => {
    const chain = await loadGroupChain(db, 'g-thon-dong');
    expect(chain.stored.every((e) => e.text === undefined)).toBe(true);
    const withText = chain.display.filter((e) => e.text);
    expect(withText.length).toBeGreaterThan(10);
    // Phone numbers were masked at append time, and stay so in the export.
    expect(withText.map((e) => e.text).join('\n')).not.toContain('0912 345 678');

    const period = monthPeriod(2026, 11);
    const { rows, all } = reportEntries([chain], period, { names: 'initials', maskNumbers: true, dropText: false });
    expect(rows.length).toBeGreaterThan(0);
    expect(all.length).toBe(chain.display.length);
    expect(rows.every((e) => Date.parse(e.time) >= Date.parse(period.from) && Date.parse(e.time) < Date.parse(period.to))).toBe(true);
    expect(rows.filter((e) => e.member).every((e) => /^(\p{Lu}\.)+$/u.test(e.member!.name))).toBe(true);
    const csv = entriesToCsv(rows);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('Lừa đảo, chiếm đoạt tài sản');

    const bundle = makeBundle({
      entries: chain.stored,
      period,
      place: { thon: 'Đông', xa: 'An Bình', tinh: 'Bắc Ninh' },
      group: { threadId: 'g-thon-dong', name: 'Nhóm Zalo thôn Đông' },
      exporter: { adminName: 'Hoa', extensionVersion: '0.1.0' },
    });
    const v = await verifyBundle(bundle);
    expect(v.ok).toBe(true);
    expect(v.level).toBe('full');
  });
});

describe('group rule pack', () => {
  it('exports, re-imports into another group and keeps learned samples', async () => {
    const src = 'g-thon-dong';
    await saveGroupSettings(db, {
      threadId: src,
      name: 'Nhóm Zalo thôn Đông',
      overrides: { extraTerms: { advertising: ['thanh lý', 'sale sốc'] }, blockDomains: ['lua-dao.xyz'], severity: { scam: 'high' }, disabledCategories: ['sensitive-topic'] },
    });
    await addSample(db, { groupId: src, kind: 'violation', category: 'advertising', text: 'Thanh lý tủ lạnh cũ giá rẻ, ai cần liên hệ Zalo 0988 111 222 nhé cả nhà, ship tận nơi trong xã' }, REDACTION);
    const pack = await exportGroupPack(db, src, new Date('2026-11-27T04:00:00Z'));
    expect(pack.samples.samples).toHaveLength(1);

    const parsed = parseGroupPack(JSON.stringify(pack));
    if (!parsed.ok) throw new Error(parsed.error);
    const r = await applyGroupPack(db, 'g-thon-moi', parsed.pack);
    expect(r.samplesAdded).toBe(1);
    const target = await loadGroupSettings(db, 'g-thon-moi');
    expect(target.overrides.extraTerms.advertising).toEqual(['thanh lý', 'sale sốc']);
    expect(target.overrides.disabledCategories).toEqual(['sensitive-topic']);
    expect(target.overrides.blockDomains).toEqual(['lua-dao.xyz']);
  });

  it.each([
    ['{ không phải json', '(root)'],
    [JSON.stringify({ format: 'khac' }), 'format'],
    [
      JSON.stringify({ format: 'zalo-group-guard/group-pack', version: 1, exportedAt: '2026-11-27T04:00:00Z', overrides: { blockDomains: ['ok.vn', 'http://sai'] }, samples: { format: 'zgg-samples', version: 1, samples: [] } }),
      'overrides.blockDomains[1]',
    ],
    [
      JSON.stringify({ format: 'zalo-group-guard/group-pack', version: 1, exportedAt: '2026-11-27T04:00:00Z', overrides: {}, samples: { format: 'zgg-samples', version: 1, samples: [{ kind: 'violation', signature: [1, 2], createdAt: '2026-11-27T04:00:00Z' }] } }),
      'samples.samples[0].signature',
    ],
    [
      JSON.stringify({ format: 'zalo-group-guard/group-pack', version: 1, exportedAt: '2026-11-27T04:00:00Z', overrides: {}, rulePacks: [{ name: 'x', json: '{}' }], samples: { format: 'zgg-samples', version: 1, samples: [] } }),
      'rulePacks[0].json',
    ],
  ])('a bad file names the field (%#) and writes nothing', async (text, path) => {
    const before = await db.groups.count();
    const r = parseGroupPack(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.path).toBe(path);
    expect(await db.groups.count()).toBe(before);
  });
});
