import { beforeAll, describe, expect, it } from 'vitest';
import { entryHash, verifyChain } from '../../../lib/log/chain';
import { GENESIS_HASH, type LogEntry } from '../../../lib/log/schema';
import {
  bundleFileName,
  bundleToJson,
  makeBundle,
  parseBundle,
  selectSegment,
  verifyBundle,
  type Bundle,
} from '../../../lib/reports/bundle';
import { monthPeriod, quarterPeriod } from '../../../lib/reports/period';
import { stripExportMarkers, type RedactionOptions } from '../../../lib/reports/redact';
import { defaultPlace, makeLog } from './make-log';

const group = { threadId: 'g1234567890', name: 'Thôn Đông - Tổ CNS cộng đồng' };
const exporter = { adminName: 'Trần Văn Bình', extensionVersion: '0.1.0' };
const nov = monthPeriod(2026, 11);

let log: LogEntry[];
beforeAll(async () => {
  // Oct 15 → Dec 14: the November segment starts mid-chain.
  log = await makeLog({ n: 240, seed: 21, start: '2026-10-15T02:00:00Z', spanDays: 60 });
});

const bundleOf = (redaction?: RedactionOptions) =>
  makeBundle({ entries: log, period: nov, place: defaultPlace(), group, exporter, redaction, exportedAt: new Date('2026-11-27T03:00:00Z') });
const clone = (b: Bundle): Bundle => JSON.parse(JSON.stringify(b)) as Bundle;
const failed = (v: { checks: { id: string; ok: boolean }[] }) => v.checks.filter((c) => !c.ok).map((c) => c.id);

describe('makeBundle / parseBundle round trip', () => {
  it('takes the contiguous November segment with its anchor, and verifies fully', async () => {
    const b = bundleOf();
    const seg = selectSegment(log, group.threadId, nov);
    expect(b.entries).toEqual(seg);
    expect(b.chain.firstSeq).toBeGreaterThan(1);
    expect(b.chain.anchorPrevHash).toBe(log.find((e) => e.seq === b.chain.firstSeq - 1)!.hash);
    expect(b.chain.headHash).toBe(seg.at(-1)!.hash);
    expect(b.exportedAt).toBe('2026-11-27T10:00:00+07:00');
    expect(b.redaction).toBeNull();

    const parsed = parseBundle(bundleToJson(b));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.bundle).toEqual(JSON.parse(bundleToJson(b)));
    const v = await verifyBundle(parsed.bundle, { expectedPeriod: nov });
    expect(v).toMatchObject({ ok: true, level: 'full', redactedCount: 0 });
    expect(v.checks.map((c) => c.id)).toEqual(['schema', 'chain-id', 'seq', 'anchor', 'links', 'hashes', 'head', 'period', 'expected-period', 'redaction']);
    expect(v.checks.find((c) => c.id === 'hashes')!.message).toBe(`Nội dung cả ${b.entries.length} mục khớp mã băm.`);
  });

  it('a segment from the start of the chain anchors on the genesis hash', async () => {
    const b = makeBundle({ entries: await makeLog({ n: 20, seed: 2 }), period: nov, place: defaultPlace(), group, exporter });
    expect(b.chain.firstSeq).toBe(1);
    expect(b.chain.anchorPrevHash).toBe(GENESIS_HASH);
    expect((await verifyBundle(b)).ok).toBe(true);
  });

  it('an empty period gives an empty, valid bundle', async () => {
    const b = makeBundle({ entries: log, period: monthPeriod(2027, 3), place: defaultPlace(), group, exporter });
    expect(b.chain).toEqual({ chainId: group.threadId, firstSeq: 0, lastSeq: 0, anchorPrevHash: null, headHash: null });
    const v = await verifyBundle(b);
    expect(v.ok).toBe(true);
    expect(v.checks.find((c) => c.id === 'seq')!.message).toBe('Kỳ này không có mục nào.');
  });

  it('ignores entries of other groups', async () => {
    const other = await makeLog({ n: 30, seed: 9, threadId: 'g-khac' });
    const b = makeBundle({ entries: [...other, ...log], period: nov, place: defaultPlace(), group, exporter });
    expect(b.entries.every((e) => e.chainId === group.threadId)).toBe(true);
  });

  it('drops storage-only keys (Dexie id) so hashes still verify; refuses an invalid stored entry', async () => {
    const stored = log.map((e, i) => ({ ...e, id: i + 1 }));
    const b = makeBundle({ entries: stored, period: nov, place: defaultPlace(), group, exporter });
    expect(b.entries.some((e) => 'id' in e)).toBe(false);
    expect((await verifyBundle(b)).ok).toBe(true);
    const broken = log.map((e, i) => (i === 100 ? { ...e, kind: 'unknown' } : e)) as LogEntry[];
    expect(() => makeBundle({ entries: broken, period: nov, place: defaultPlace(), group, exporter })).toThrow(/Mục nhật ký #101 không hợp lệ \(trường "kind"/);
  });

  it('file name is ASCII', () => {
    expect(bundleFileName(bundleOf())).toBe('zgg_thon-dong-xa-an-binh_thang-11-2026.json');
  });
});

describe('parseBundle errors name the field', () => {
  const good = () => JSON.parse(bundleToJson(bundleOf())) as Record<string, unknown> & { entries: Record<string, unknown>[] };
  it.each<[string, () => string, RegExp, string | undefined]>([
    ['not JSON', () => '{"format": "zalo-group-guard/bundle",', /không phải JSON hợp lệ/, undefined],
    ['an array', () => '[]', /không phải một đối tượng JSON/, undefined],
    ['another format', () => JSON.stringify({ ...good(), format: 'other-app' }), /Không phải tệp xuất.*"other-app"/, 'format'],
    ['newer schema', () => JSON.stringify({ ...good(), schemaVersion: 3 }), /phiên bản mới hơn/, 'schemaVersion'],
    [
      'missing hash',
      () => {
        const g = good();
        delete g.entries[3]!.hash;
        return JSON.stringify(g);
      },
      /Thiếu trường "entries\[3\]\.hash"/,
      'entries[3].hash',
    ],
    [
      'bad hash',
      () => {
        const g = good();
        g.entries[2]!.hash = 'XYZ';
        return JSON.stringify(g);
      },
      /Trường "entries\[2\]\.hash" không hợp lệ/,
      'entries[2].hash',
    ],
    ['bad category', () => {
      const g = good();
      const i = g.entries.findIndex((e) => e.kind === 'flag');
      g.entries[i]!.category = 'spam';
      return JSON.stringify(g);
    }, /Trường "entries\[\d+\]\.category" không hợp lệ/, undefined],
    ['bad period', () => JSON.stringify({ ...good(), period: { kind: 'month', from: 'hôm qua', to: nov.to, label: 'x' } }), /"period\.from"/, 'period.from'],
  ])('%s', (_, make, message, field) => {
    const r = parseBundle(make());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatch(message);
    if (field) expect(r.field).toBe(field);
  });

  it('tolerates a BOM', () => {
    expect(parseBundle(`\uFEFF${bundleToJson(bundleOf())}`).ok).toBe(true);
  });
});

describe('verifyBundle detects tampering', () => {
  const mid = (b: Bundle) => Math.floor(b.entries.length / 2);
  it.each<[string, (b: Bundle) => void, string[]]>([
    [
      'edited text',
      (b) => {
        const e = b.entries.find((x, i) => i > 3 && x.text)!;
        e.text = `${e.text} (đã sửa)`;
      },
      ['hashes'],
    ],
    ['edited member name', (b) => void (b.entries.find((x) => x.member)!.member!.name = 'Người khác'), ['hashes']],
    ['deleted middle entry', (b) => void b.entries.splice(mid(b), 1), ['seq', 'links']],
    [
      'two entries swapped',
      (b) => {
        const i = mid(b);
        [b.entries[i], b.entries[i + 1]] = [b.entries[i + 1]!, b.entries[i]!];
      },
      ['seq', 'links'],
    ],
    ['last entry dropped (head no longer matches)', (b) => void b.entries.pop(), ['seq', 'head']],
    ['first entry dropped (anchor no longer matches)', (b) => void b.entries.shift(), ['seq', 'anchor']],
    ['entry moved to another chain', (b) => void (b.entries[1]!.chainId = 'g-khac'), ['chain-id', 'links', 'hashes']],
    ['redaction marker in an unredacted bundle', (b) => void Object.assign(b.entries[1]!, { redacted: true, redactedFields: ['text'] }), ['redaction']],
  ])('%s', async (_, tamper, expectedFailures) => {
    const b = clone(bundleOf());
    tamper(b);
    const v = await verifyBundle(b);
    expect(v.ok).toBe(false);
    expect(v.level).toBe('failed');
    for (const id of expectedFailures) expect(failed(v)).toContain(id);
    // Same verdict as the shared verifier on the entries as stored.
    const verdict = await verifyChain(b.entries.map(stripExportMarkers));
    expect(v.firstBadSeq).toBe(verdict.ok ? undefined : Math.min(...verdict.problems.map((p) => p.seq)));
  });

  it('an entry edited and re-hashed breaks the next link; first bad seq is reported', async () => {
    const b = clone(bundleOf());
    const i = mid(b);
    const e = b.entries[i]!;
    e.admin = 'Kẻ giả mạo';
    const { seq, prevHash, hash: _old, ...body } = e;
    e.hash = await entryHash(body, seq, prevHash);
    const v = await verifyBundle(b);
    expect(failed(v)).toEqual(['links']);
    expect(v.firstBadSeq).toBe(b.entries[i + 1]!.seq);
    expect(v.checks.find((c) => c.id === 'links')!.message).toBe(`Chuỗi bị đứt tại mục #${b.entries[i + 1]!.seq} (không nối với mục trước).`);
  });

  it('a correctly linked entry outside the period is refused', async () => {
    const b = clone(bundleOf());
    const last = b.entries.at(-1)!;
    const extra = { ...last, time: '2026-12-01T01:00:00Z', seq: last.seq + 1, prevHash: last.hash } as LogEntry;
    const { seq, prevHash, hash: _h, ...body } = extra;
    extra.hash = await entryHash(body, seq, prevHash);
    b.entries.push(extra);
    b.chain.lastSeq = extra.seq;
    b.chain.headHash = extra.hash;
    const v = await verifyBundle(b);
    expect(failed(v)).toEqual(['period']);
    expect(v.checks.find((c) => c.id === 'period')!.message).toMatch(/nằm ngoài kỳ Tháng 11\/2026/);
  });

  it('expected period: exact match, or inside it when allowSubPeriod', async () => {
    const b = bundleOf();
    const q4 = quarterPeriod(2026, 4);
    expect(failed(await verifyBundle(b, { expectedPeriod: monthPeriod(2026, 10) }))).toEqual(['expected-period']);
    expect(failed(await verifyBundle(b, { expectedPeriod: q4 }))).toEqual(['expected-period']);
    expect((await verifyBundle(b, { expectedPeriod: q4, allowSubPeriod: true })).ok).toBe(true);
  });

  it('a hand-built object with a wrong shape fails the schema check only', async () => {
    const v = await verifyBundle({ ...bundleOf(), schemaVersion: 3 } as unknown as Bundle);
    expect(v.checks).toHaveLength(1);
    expect(v.checks[0]).toMatchObject({ id: 'schema', ok: false });
  });
});

describe('redacted bundles: links verified, content of changed entries not verifiable', () => {
  const opts: RedactionOptions = { names: 'initials', maskNumbers: true, dropText: true };

  it('verifies as links-only and says so in Vietnamese', async () => {
    const b = clone(bundleOf(opts));
    expect(b.redaction).toEqual(opts);
    const redacted = b.entries.filter((e) => e.redacted);
    expect(redacted.length).toBeGreaterThan(0);
    expect(redacted.length).toBeLessThan(b.entries.length); // e.g. polls carry nothing to redact
    const parsed = parseBundle(bundleToJson(b));
    if (!parsed.ok) throw new Error(parsed.error);
    const v = await verifyBundle(parsed.bundle);
    expect(v).toMatchObject({ ok: true, level: 'links-only', redactedCount: redacted.length });
    const msg = v.checks.find((c) => c.id === 'hashes')!.message;
    expect(msg).toContain('Đã kiểm tra liên kết chuỗi; không kiểm tra được nội dung của');
    expect(msg).toContain(`${b.entries.length - redacted.length} mục còn lại khớp mã băm`);
    expect(v.checks.find((c) => c.id === 'redaction')!.message).toMatch(/tên viết tắt, che số điện thoại\/số tài khoản, bỏ nội dung tin nhắn/);
  });

  it('still detects a deleted entry and an edited unredacted entry', async () => {
    const deleted = clone(bundleOf(opts));
    deleted.entries.splice(5, 1);
    expect(failed(await verifyBundle(deleted))).toEqual(expect.arrayContaining(['seq', 'links']));

    const edited = clone(bundleOf(opts));
    const plain = edited.entries.find((e) => !e.redacted && e.kind !== 'flag')!;
    plain.admin = 'Người khác';
    const v = await verifyBundle(edited);
    expect(failed(v)).toEqual(['hashes']);
    expect(v.firstBadSeq).toBe(plain.seq);
  });

  it('known limit: a change inside a redacted entry cannot be detected from the bundle alone', async () => {
    const b = clone(bundleOf(opts));
    const r = b.entries.find((e) => e.redacted && e.member)!;
    r.member!.name = 'X.Y.Z.';
    expect((await verifyBundle(b)).ok).toBe(true);
  });

  it('an entry that needed no change stays fully verifiable: masking-only bundle of plain notices is "full"', async () => {
    const b = clone(bundleOf({ names: 'full', maskNumbers: true, dropText: false }));
    const redactedCount = b.entries.filter((e) => e.redacted).length;
    const v = await verifyBundle(b);
    expect(v.ok).toBe(true);
    expect(v.level).toBe(redactedCount ? 'links-only' : 'full');
    expect(redactedCount).toBeLessThan(b.entries.length);
  });
});
