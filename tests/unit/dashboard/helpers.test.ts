import { describe, expect, it } from 'vitest';
import { chartData, createChartAccumulator, layoutBars, niceMax } from '@/lib/dashboard/charts';
import { downloadBlob, periodSlug, reportFileName, slugify } from '@/lib/dashboard/download';
import { errorField, linesToList, listToLines, parseWhole } from '@/lib/dashboard/settings-form';
import { summarizeIntegrity } from '@/lib/dashboard/integrity';
import { unitName, listKnownGroups } from '@/lib/dashboard/groups';
import { commonPlace } from '@/lib/dashboard/report-data';
import { customPeriod, monthPeriod, quarterPeriod } from '@/lib/reports/period';
import { GuardDb } from '@/lib/db/db';
import type { LogEntry } from '@/lib/log/schema';

type Mini = Pick<LogEntry, 'kind' | 'category' | 'time' | 'messageTime' | 'chainId' | 'seq' | 'messageId'>;
let seq = 0;
const flag = (category: LogEntry['category'], time: string, over: Partial<Mini> = {}): Mini => ({ kind: 'flag', category, time, chainId: 'g', seq: ++seq, ...over });

describe('chart data', () => {
  it('counts flags per category and per ISO week on the Vietnam calendar', () => {
    const entries: Mini[] = [
      flag('scam', '2026-11-02T01:00:00Z'), // Mon 2/11 → W45
      flag('scam', '2026-11-08T16:30:00Z'), // Sun 8/11 23:30 VN → still W45
      flag('advertising', '2026-11-08T17:30:00Z'), // Mon 9/11 00:30 VN → W46
      { kind: 'action', time: '2026-11-09T02:00:00Z', chainId: 'g', seq: ++seq },
      { kind: 'notice', category: 'scam', time: '2026-11-09T02:00:00Z', chainId: 'g', seq: ++seq },
    ];
    const d = chartData(entries);
    expect(d.flags).toBe(3);
    expect(d.byCategory.find((c) => c.id === 'scam')?.count).toBe(2);
    expect(d.byCategory.find((c) => c.id === 'advertising')?.count).toBe(1);
    expect(d.byCategory).toHaveLength(8);
    expect(d.byWeek.map((w) => [w.key, w.count])).toEqual([
      ['2026-W45', 2],
      ['2026-W46', 1],
    ]);
    expect(d.byWeek[0].label).toContain('Tuần 45');
    expect(d.byWeek.map((w) => w.short)).toEqual(['T45 (02–08/11)', 'T46 (09–15/11)']);
  });

  it('counts a message flagged in two categories once per week, in the week it was sent', () => {
    const d = chartData([
      flag('scam', '2026-12-02T01:00:00Z', { messageId: 'm1', messageTime: '2026-11-20T01:00:00Z' }),
      flag('strange-link', '2026-12-02T01:00:00Z', { messageId: 'm1', messageTime: '2026-11-20T01:00:00Z' }),
      flag('scam', '2026-12-02T01:00:00Z', { messageId: 'm2' }),
    ]);
    expect(d.flags).toBe(2);
    expect(d.byCategory.find((c) => c.id === 'scam')?.count).toBe(2);
    expect(d.byWeek.map((w) => [w.short, w.count])).toEqual([
      ['T47 (16–22/11)', 1],
      ['T49 (30/11–06/12)', 1],
    ]);
  });

  it('accumulates chunk by chunk to the same result', () => {
    const entries = Array.from({ length: 500 }, (_, i) => flag(i % 3 ? 'scam' : 'gambling-fortune', new Date(Date.UTC(2026, 10, 1) + i * 3_600_000).toISOString()));
    const acc = createChartAccumulator();
    for (let i = 0; i < entries.length; i += 77) acc.add(entries.slice(i, i + 77));
    expect(acc.result()).toEqual(chartData(entries));
  });

  it.each([
    [[0, 0], [0, 0]],
    [[5, 10], [50, 100]],
    [[3], [100]],
  ])('bar heights for %j', (values, heights) => {
    expect(layoutBars(values, 200, 100, 0).map((b) => b.height)).toEqual(heights);
  });

  it('lays bars side by side with the gap', () => {
    const bars = layoutBars([1, 2, 4], 300, 80, 10, 8);
    expect(bars.map((b) => b.x)).toEqual([5, 105, 205]);
    expect(bars.map((b) => b.width)).toEqual([90, 90, 90]);
    expect(bars.map((b) => b.y)).toEqual([70, 60, 40]);
    expect(layoutBars([], 100, 100)).toEqual([]);
  });

  it.each([
    [0, 1],
    [1, 1],
    [3, 5],
    [7, 10],
    [12, 20],
    [480, 500],
    [501, 1000],
  ])('niceMax(%d) = %d', (max, nice) => expect(niceMax(max)).toBe(nice));
});

describe('file names', () => {
  it.each([
    ['Thôn Đông', 'thon-dong'],
    ['TDP số 3 – Phường Đồng Nguyên', 'tdp-so-3-phuong-dong-nguyen'],
    ['  Xã Yên Hòa!! ', 'xa-yen-hoa'],
    ['???', ''],
  ])('slugify(%s)', (input, out) => expect(slugify(input)).toBe(out));

  it.each([
    [monthPeriod(2026, 11), '2026-11'],
    [quarterPeriod(2026, 4), '2026-q4'],
    [customPeriod('2026-11-03', '2026-11-20'), '2026-11-03_2026-11-20'],
  ])('period slug %#', (period, slug) => expect(periodSlug(period)).toBe(slug));

  it('report file names', () => {
    expect(reportFileName('bao-cao', 'thôn Đông', monthPeriod(2026, 11), 'xlsx')).toBe('bao-cao-thon-dong-2026-11.xlsx');
    expect(reportFileName('Báo cáo', '!!!', quarterPeriod(2027, 1), 'csv')).toBe('bao-cao-nhom-2027-q1.csv');
  });

  it.each([
    [{ thon: 'Đông', xa: 'An Bình', tinh: '' }, 'thôn Đông'],
    [{ thon: 'Thôn Đoài', xa: '', tinh: '' }, 'Thôn Đoài'],
    [{ thon: 'TDP 3', xa: '', tinh: '' }, 'TDP 3'],
    [{ thon: '', xa: 'An Bình', tinh: '' }, 'xã An Bình'],
    [{ thon: '', xa: 'Phường Đồng Nguyên', tinh: '' }, 'Phường Đồng Nguyên'],
    [{ thon: '', xa: '', tinh: 'Bắc Ninh' }, ''],
  ])('unitName(%j)', (place, name) => expect(unitName(place)).toBe(name));

  it('commonPlace joins differing fields', () => {
    expect(
      commonPlace([
        { thon: 'Đông', xa: 'An Bình', tinh: 'Bắc Ninh' },
        { thon: 'Đoài', xa: 'An Bình', tinh: 'Bắc Ninh' },
      ]),
    ).toEqual({ thon: 'Đông, Đoài', xa: 'An Bình', tinh: 'Bắc Ninh' });
  });

  it('downloads through an <a download> on the given document', () => {
    const clicks: { href: string; download: string }[] = [];
    const created: string[] = [];
    const win = {
      URL: { createObjectURL: () => (created.push('blob:1'), 'blob:1'), revokeObjectURL: () => undefined },
      setTimeout: () => 0,
    };
    const doc = document.implementation.createHTMLDocument('x');
    Object.defineProperty(doc, 'defaultView', { value: win });
    doc.addEventListener('click', (e) => {
      const a = e.target as HTMLAnchorElement;
      clicks.push({ href: a.getAttribute('href') ?? '', download: a.download });
      e.preventDefault();
    });
    downloadBlob(doc, new Blob(['\uFEFFThời gian'], { type: 'text/csv' }), 'bao-cao-thon-dong-2026-11.csv');
    expect(created).toEqual(['blob:1']);
    expect(clicks).toEqual([{ href: 'blob:1', download: 'bao-cao-thon-dong-2026-11.csv' }]);
    expect(doc.querySelectorAll('a').length).toBe(0);
  });
});

describe('settings form helpers', () => {
  it.each([
    ['vneid.gov.vn\n\n  lua-dao.xyz  \nvneid.gov.vn\r\n', ['vneid.gov.vn', 'lua-dao.xyz']],
    ['', []],
    ['  \n \n', []],
  ])('linesToList(%j)', (text, list) => {
    expect(linesToList(text)).toEqual(list);
    expect(linesToList(listToLines(list))).toEqual(list);
  });

  it.each([
    ['overrides.blockDomains[2]', { field: 'overrides.blockDomains', line: 3 }],
    ['overrides.extraTerms.scam[0]', { field: 'overrides.extraTerms.scam', line: 1 }],
    ['ladder.steps', { field: 'ladder.steps' }],
    ['retentionDays', { field: 'retentionDays' }],
  ])('errorField(%s)', (path, out) => expect(errorField(path)).toEqual(out));

  it.each([
    ['365', 365],
    [' 0 ', 0],
    ['1,5', undefined],
    ['', undefined],
    ['ba trăm', undefined],
  ])('parseWhole(%j)', (text, n) => expect(parseWhole(text)).toBe(n));
});

describe('integrity summary', () => {
  const names = new Map([['g-dong', 'Nhóm thôn Đông']]);
  it('all chains ok', () => {
    expect(
      summarizeIntegrity(
        [
          { chainId: 'g-dong', ok: true, entries: 10, head: 'a', purgedTexts: 2, problems: [] },
          { chainId: 'g-doai', ok: true, entries: 5, head: 'b', purgedTexts: 0, problems: [] },
        ],
        names,
      ),
    ).toEqual({ ok: true, chains: 2, entries: 15, purgedTexts: 2 });
  });
  it('names the first problem of each broken chain, falling back to the chain id', () => {
    const s = summarizeIntegrity(
      [
        { chainId: 'g-dong', ok: false, entries: 10, head: 'a', purgedTexts: 0, problems: [{ seq: 9, reason: 'link' }, { seq: 8, reason: 'hash' }] },
        { chainId: 'g-x', ok: false, entries: 3, head: 'b', purgedTexts: 0, problems: [{ seq: 4, reason: 'truncated' }] },
      ],
      names,
    );
    expect(s).toEqual({
      ok: false,
      chains: 2,
      entries: 13,
      problems: [
        { chainId: 'g-dong', group: 'Nhóm thôn Đông', seq: 8, reason: 'hash' },
        { chainId: 'g-x', group: 'g-x', seq: 4, reason: 'truncated' },
      ],
    });
  });
});

describe('known groups', () => {
  const OVERRIDES = { extraTerms: {}, allowedTerms: [], disabledCategories: [], severity: {}, allowDomains: [], blockDomains: [] };
  const configure = (db: GuardDb, threadId: string, name: string, place: { thon: string; xa: string; tinh: string }) =>
    db.groups.put({ threadId, name, enabled: true, ...place, leaderName: '', leaderPhone: '', overrides: OVERRIDES });
  /** A chain whose newest entry (at `seq`) names the group and its place. */
  async function chain(db: GuardDb, chainId: string, seq: number, name: string, place: { thon: string; xa: string; tinh: string }) {
    await db.heads.put({ chainId, seq, hash: 'f'.repeat(64) });
    await db.log.put({
      chainId,
      seq,
      time: '2026-11-02T01:00:00.000Z',
      kind: 'notice',
      group: { threadId: chainId, name },
      place,
      admin: 'Hoa',
      prevHash: '0'.repeat(64),
      hash: 'f'.repeat(64),
    });
  }

  it('unites configured groups and chains of the log', async () => {
    const db = new GuardDb(`dash-groups-${Math.random()}`);
    await configure(db, 'g-a', 'Nhóm A', { thon: 'Đông', xa: 'An Bình', tinh: 'Bắc Ninh' });
    await chain(db, 'g-b', 1, 'Nhóm Đoài', { thon: 'Đoài', xa: 'An Bình', tinh: '' });
    const groups = await listKnownGroups(db);
    expect(groups.map((g) => [g.threadId, g.name, g.place.thon, g.configured, g.entries])).toEqual([
      ['g-a', 'Nhóm A', 'Đông', true, 0],
      ['g-b', 'Nhóm Đoài', 'Đoài', false, 1],
    ]);
  });

  it("fills a configured group's empty place fields from its log, keeping the ones set", async () => {
    const db = new GuardDb(`dash-groups-${Math.random()}`);
    // Prefilled from the group's name: thôn and xã known, tỉnh not.
    await configure(db, 'g-c', 'Tổ CNS - Đông - An Bình', { thon: 'Đông', xa: 'An Bình', tinh: '' });
    await chain(db, 'g-c', 2, 'Tổ CNS - Đông - An Bình', { thon: 'Thôn Đông cũ', xa: 'An Bình', tinh: 'Bắc Giang' });
    const [g] = await listKnownGroups(db);
    expect(g.place).toEqual({ thon: 'Đông', xa: 'An Bình', tinh: 'Bắc Giang' });
    expect(g.entries).toBe(2);
  });
});
