import { beforeAll, describe, expect, it } from 'vitest';
import { linkAll, makeBodies } from '../reports/make-log';
import type { LogEntry, Place } from '../../../lib/log/schema';
import { aggregateBundles, type AggregateFile } from '../../../lib/reports/aggregate';
import { bundleToJson, makeBundle, type Bundle, type PreviousExport } from '../../../lib/reports/bundle';
import { monthPeriod } from '../../../lib/reports/period';
import { checkContinuity, receivedRecord } from '../../../lib/trust/continuity';

const place: Place = { thon: 'Đông', xa: 'An Bình', tinh: 'Bắc Ninh' };
const exporter = { adminName: 'Trần Văn Bình', extensionVersion: '0.2.0' };
const [oct, nov, dec] = [monthPeriod(2026, 10), monthPeriod(2026, 11), monthPeriod(2026, 12)];
const opts = { n: 300, seed: 9, threadId: 'g-dong', place, groupName: 'Thôn Đông', start: '2026-10-01T02:00:00Z', spanDays: 90 };
let log: LogEntry[];

beforeAll(async () => {
  log = await linkAll(makeBodies(opts));
});

const bundle = (period = nov, entries = log, previous?: PreviousExport | null): Bundle =>
  makeBundle({ entries, period, place, group: { threadId: 'g-dong', name: 'Thôn Đông' }, exporter, previous });
const prevOf = (b: Bundle): PreviousExport => ({ lastSeq: b.chain.lastSeq, headHash: b.chain.headHash!, periodLabel: b.period.label });
const at = new Date('2027-01-05T00:00:00Z');
const kinds = (r: ReturnType<typeof checkContinuity>) => r.issues.map((i) => i.kind);

describe('checkContinuity', () => {
  it('a bundle that extends what was sent before raises nothing and is remembered', () => {
    const o = bundle(oct);
    const n = bundle(nov, log, prevOf(o));
    const history = [receivedRecord('t10.json', o, at)];
    const r = checkContinuity(history, [{ name: 't11.json', bundle: n }], at);
    expect(r.issues).toEqual([]);
    expect(r.records.map((x) => [x.firstSeq, x.lastSeq])).toEqual([[n.chain.firstSeq, n.chain.lastSeq]]);
    // The same file again: nothing new, nothing raised.
    expect(checkContinuity([...history, ...r.records], [{ name: 't11 (1).json', bundle: n }], at)).toEqual({ issues: [], records: [] });
  });

  it('history rewritten: the next month no longer hangs off the head already received', async () => {
    const o = bundle(oct);
    const bodies = makeBodies(opts);
    bodies[5] = { ...bodies[5]!, admin: 'Người khác' };
    const rebuilt = await linkAll(bodies);
    const r = checkContinuity([receivedRecord('t10.json', o, at)], [{ name: 't11.json', bundle: bundle(nov, rebuilt, prevOf(o)) }], at);
    expect(kinds(r)).toEqual(['rewritten']);
    expect(r.issues[0]!.message).toMatch(/^Tệp "t11\.json" không nối tiếp tệp "t10\.json"/);
  });

  it('drops entries already reported: the village deleted the last October entries and carried on', async () => {
    const o = bundle(oct);
    const octEntries = log.filter((e) => e.seq <= o.chain.lastSeq);
    // Delete the last 4 reported entries; later entries are re-chained after them.
    const kept = makeBodies(opts).filter((_, i) => i < o.chain.lastSeq - 4 || i >= o.chain.lastSeq);
    const truncated = await linkAll(kept);
    expect(truncated.slice(0, o.chain.lastSeq - 4)).toEqual(octEntries.slice(0, -4));
    const n = bundle(nov, truncated, prevOf(o));
    const r = checkContinuity([receivedRecord('t10.json', o, at)], [{ name: 't11.json', bundle: n }], at);
    expect(kinds(r)).toContain('rewritten');
    // Re-sending October from the truncated log: ends before what the xã already has.
    const o2 = bundle(oct, truncated);
    const r2 = checkContinuity([receivedRecord('t10.json', o, at)], [{ name: 't10-lai.json', bundle: o2 }], at);
    expect(kinds(r2)).toEqual(['dropped']);
    expect(r2.issues[0]!.message).toContain(`các mục #${o2.chain.lastSeq + 1}–#${o.chain.lastSeq} đã báo cáo không còn trong nhật ký`);
  });

  it('a missing month: entries and the period between two reports are both named', () => {
    const o = bundle(oct);
    const d = bundle(dec, log, prevOf(bundle(nov)));
    const r = checkContinuity([receivedRecord('t10.json', o, at)], [{ name: 't12.json', bundle: d }], at);
    expect(kinds(r).sort()).toEqual(['gap', 'missing-period', 'unreceived-export']);
    expect(r.issues.find((i) => i.kind === 'missing-period')!.message).toContain('từ 01/11/2026 đến 30/11/2026');
    expect(r.issues.find((i) => i.kind === 'unreceived-export')!.message).toContain('Thôn đã xuất tệp kỳ Tháng 11/2026');
  });

  it('a bundle claiming to be the first export after the xã already has one', () => {
    const o = bundle(oct);
    const r = checkContinuity([receivedRecord('t10.json', o, at)], [{ name: 't11.json', bundle: bundle(nov, log, null) }], at);
    expect(kinds(r)).toEqual(['restarted']);
  });

  it('several months in one batch are compared with each other, in period order', async () => {
    const o = bundle(oct);
    const n = bundle(nov, log, prevOf(o));
    const files: AggregateFile[] = [
      { name: 't11.json', text: bundleToJson(n) },
      { name: 't10.json', text: bundleToJson(o) },
    ];
    const r = await aggregateBundles(files);
    expect(r.continuity).toEqual([]);
    expect(r.received).toHaveLength(2);
  });
});
