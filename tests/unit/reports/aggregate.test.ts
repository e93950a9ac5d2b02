import { beforeAll, describe, expect, it } from 'vitest';
import type { LogEntry, Place } from '../../../lib/log/schema';
import { aggregateBundles, type AggregateFile, type RejectedFile } from '../../../lib/reports/aggregate';
import { bundleToJson, makeBundle, type Bundle } from '../../../lib/reports/bundle';
import { customPeriod, monthPeriod, quarterPeriod } from '../../../lib/reports/period';
import type { RedactionOptions } from '../../../lib/reports/redact';
import { summarize } from '../../../lib/reports/summary';
import { linkAll, makeBodies, makeLog } from './make-log';

const nov = monthPeriod(2026, 11);
const exporter = { adminName: 'Trần Văn Bình', extensionVersion: '0.1.0' };
const placeOf = (thon: string): Place => ({ thon, xa: 'An Bình', tinh: 'Bắc Ninh' });

type Village = { thon: string; threadId: string; log: LogEntry[] };
const villages: Record<string, Village> = {};

beforeAll(async () => {
  const specs = [
    ['Đông', 'g-dong', 1],
    ['Đoài', 'g-doai', 2],
    ['Bắc', 'g-bac', 3],
    ['Nam', 'g-nam', 4],
  ] as const;
  for (const [thon, threadId, seed] of specs) {
    villages[thon] = {
      thon,
      threadId,
      log: await makeLog({ n: 150, seed, threadId, place: placeOf(thon), groupName: `Thôn ${thon}`, start: '2026-10-01T02:00:00Z', spanDays: 61 }),
    };
  }
});

function bundle(thon: string, period = nov, redaction?: RedactionOptions, log?: LogEntry[]): Bundle {
  const v = villages[thon]!;
  return makeBundle({
    entries: log ?? v.log,
    period,
    place: placeOf(thon),
    group: { threadId: v.threadId, name: `Thôn ${thon}` },
    exporter,
    redaction,
    exportedAt: new Date('2026-11-26T02:00:00Z'),
  });
}
const file = (name: string, b: Bundle | string): AggregateFile => ({ name, text: typeof b === 'string' ? b : bundleToJson(b) });
const rejected = (r: Awaited<ReturnType<typeof aggregateBundles>>, name: string) => r.files.find((f) => f.name === name) as RejectedFile;

describe('aggregateBundles', () => {
  it('loads good files, rejects bad ones each with a clear reason, totals add up', async () => {
    const dong = bundle('Đông');
    const tampered = JSON.parse(bundleToJson(bundle('Bắc'))) as Bundle;
    const victim = tampered.entries.find((e, i) => i > 10 && e.text)!;
    victim.text = 'Nội dung đã bị sửa';
    const noThread = JSON.parse(bundleToJson(bundle('Nam'))) as Record<string, Record<string, unknown>>;
    delete noThread.group!.threadId;

    const files: AggregateFile[] = [
      file('dong-t11.json', dong),
      file('doai-t11.json', bundle('Đoài', nov, { names: 'initials', maskNumbers: true, dropText: true })),
      file('dong-t11 (1).json', dong),
      file('dong-t11-khac.json', JSON.stringify(dong)), // same content, different formatting
      file('dong-nua-cuoi.json', bundle('Đông', customPeriod('2026-11-15', '2026-11-30'))),
      file('ghi-chu.txt', 'Báo cáo tháng 11 thôn Đông'),
      file('khac.json', JSON.stringify({ format: 'excel-export', rows: [] })),
      file('nam-thieu.json', JSON.stringify(noThread)),
      file('bac-t11.json', bundle('Bắc')),
      file('bac-sua.json', tampered),
      file('nam-t10.json', bundle('Nam', monthPeriod(2026, 10))),
      file('nam-t12-trong.json', bundle('Nam', monthPeriod(2026, 12))),
    ];
    const r = await aggregateBundles(files, { expectedPeriod: nov });

    expect(r.files.map((f) => [f.name, f.ok])).toEqual([
      ['dong-t11.json', true],
      ['doai-t11.json', true],
      ['dong-t11 (1).json', false],
      ['dong-t11-khac.json', false],
      ['dong-nua-cuoi.json', false],
      ['ghi-chu.txt', false],
      ['khac.json', false],
      ['nam-thieu.json', false],
      ['bac-t11.json', true],
      ['bac-sua.json', false],
      ['nam-t10.json', false],
      ['nam-t12-trong.json', false],
    ]);

    expect(rejected(r, 'dong-t11 (1).json')).toMatchObject({ duplicateOf: 'dong-t11.json' });
    expect(rejected(r, 'dong-t11 (1).json').reason).toMatch(/^Trùng với tệp "dong-t11\.json"/);
    expect(rejected(r, 'dong-t11-khac.json').duplicateOf).toBe('dong-t11.json');
    // Second half of November is a different period → rejected as period mismatch before overlap.
    expect(rejected(r, 'dong-nua-cuoi.json').reason).toMatch(/^Sai kỳ báo cáo: Tệp là kỳ 15\/11\/2026 – 30\/11\/2026/);
    expect(rejected(r, 'ghi-chu.txt').reason).toMatch(/không phải JSON hợp lệ/);
    expect(rejected(r, 'khac.json').reason).toMatch(/Không phải tệp xuất của Trợ lý quản trị nhóm Zalo.*"excel-export"/);
    expect(rejected(r, 'nam-thieu.json').reason).toBe('Thiếu trường "group.threadId".');
    expect(rejected(r, 'bac-sua.json').reason).toBe(
      `Nhật ký bị sửa hoặc thiếu tại mục #${victim.seq}: Nội dung mục #${victim.seq} đã bị sửa (mã băm không khớp).`,
    );
    expect(rejected(r, 'nam-t10.json').reason).toBe('Sai kỳ báo cáo: Tệp là kỳ Tháng 10/2026, không thuộc kỳ cần báo cáo Tháng 11/2026.');
    expect(rejected(r, 'nam-t12-trong.json').reason).toMatch(/Tháng 12\/2026/);

    // Rows sorted by thôn (Vietnamese collation), chain status shown.
    expect(r.rows.map((x) => [x.thon, x.chainStatus])).toEqual([
      ['Bắc', 'full'],
      ['Đoài', 'links-only'],
      ['Đông', 'full'],
    ]);
    const expected = ['Bắc', 'Đoài', 'Đông'].map((t) => summarize(villages[t]!.log, nov));
    expect(r.rows.map((x) => x.flags)).toEqual(expected.map((s) => s.flags));
    expect(r.rows.map((x) => x.openFlags)).toEqual(expected.map((s) => s.openFlags.length));
    expect(r.totals).toMatchObject({
      files: 12,
      accepted: 3,
      rejected: 9,
      villages: 3,
      groups: 3,
      flags: expected.reduce((a, s) => a + s.flags, 0),
      openFlags: expected.reduce((a, s) => a + s.openFlags.length, 0),
      redactedFiles: 1,
    });
    expect(r.totals.byCategory.scam).toBe(expected.reduce((a, s) => a + s.byCategory.scam, 0));
    expect(r.totals.byAction.remind).toBe(expected.reduce((a, s) => a + s.byAction.remind, 0));
    expect(r.totals.flagsPerWeek.reduce((a, w) => a + w.flags, 0)).toBe(r.totals.flags);
    expect(r.warnings).toEqual([]);
  });

  it('without an expected period, an overlapping segment of the same group is refused', async () => {
    const r = await aggregateBundles([file('a.json', bundle('Đông')), file('b.json', bundle('Đông', customPeriod('2026-11-15', '2026-12-15')))]);
    expect(r.files[1]!.ok).toBe(false);
    expect((r.files[1] as RejectedFile).reason).toMatch(/^Chồng lấn với tệp "a\.json": cùng nhóm, các mục #\d+–#\d+ có trong cả hai tệp\.$/);
  });

  it('quarter from monthly files: consecutive bundles link up; a rebuilt log is flagged', async () => {
    const q4 = quarterPeriod(2026, 4);
    const ok = await aggregateBundles([file('t10.json', bundle('Đông', monthPeriod(2026, 10))), file('t11.json', bundle('Đông'))], {
      expectedPeriod: q4,
      allowSubPeriod: true,
    });
    expect(ok.files.every((f) => f.ok)).toBe(true);
    expect(ok.warnings).toEqual([]);
    expect(ok.rows.map((x) => x.period)).toEqual(['Tháng 10/2026', 'Tháng 11/2026']);

    // The village rebuilt its log after sending October: November no longer hangs off October's head.
    const v = villages['Đông']!;
    const bodies = makeBodies({ n: 150, seed: 1, threadId: v.threadId, place: placeOf('Đông'), groupName: 'Thôn Đông', start: '2026-10-01T02:00:00Z', spanDays: 61 });
    bodies[3] = { ...bodies[3]!, admin: 'Người khác' };
    const rebuilt = await linkAll(bodies);
    const r = await aggregateBundles([file('t10.json', bundle('Đông', monthPeriod(2026, 10))), file('t11.json', bundle('Đông', nov, undefined, rebuilt))], {
      expectedPeriod: q4,
      allowSubPeriod: true,
    });
    expect(r.files.every((f) => f.ok)).toBe(true); // each file is internally consistent…
    expect(r.warnings).toHaveLength(1); // …but they don't link
    expect(r.warnings[0]).toMatch(/^Tệp "t11\.json" không nối tiếp tệp "t10\.json"/);

    const gap = await aggregateBundles([
      file('t10.json', bundle('Đông', monthPeriod(2026, 10))),
      file('cuoi-t11.json', bundle('Đông', customPeriod('2026-11-20', '2026-11-30'))),
    ]);
    expect(gap.warnings[0]).toMatch(/^Thiếu các mục #\d+–#\d+ giữa tệp "t10\.json" và tệp "cuoi-t11\.json"\.$/);
  });

  it('no files → empty result', async () => {
    const r = await aggregateBundles([]);
    expect(r.rows).toEqual([]);
    expect(r.totals).toMatchObject({ files: 0, accepted: 0, flags: 0 });
  });
});
