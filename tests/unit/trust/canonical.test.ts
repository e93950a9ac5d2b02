import { beforeAll, describe, expect, it } from 'vitest';
import { makeLog } from '../reports/make-log';
import { canonicalJson, entryHash } from '../../../lib/log/chain';
import type { LogEntry } from '../../../lib/log/schema';
import { bundleToJson, makeBundle, parseBundle, type Bundle } from '../../../lib/reports/bundle';
import { canonicalEntries, canonicalWithEntries, fastCanonicalJson, fastCanonicalWithout } from '../../../lib/reports/canonical';
import { monthPeriod } from '../../../lib/reports/period';

const place = { thon: 'Đông', xa: 'An Bình', tinh: 'Bắc Ninh' };
let log: LogEntry[];
const parsed = (b: Bundle): Bundle => {
  const r = parseBundle(bundleToJson(b));
  if (!r.ok) throw new Error(r.error);
  return r.bundle;
};
const bundle = (redaction?: Parameters<typeof makeBundle>[0]['redaction']) =>
  parsed(
    makeBundle({
      entries: log,
      period: monthPeriod(2026, 11),
      place,
      group: { threadId: 'g-dong', name: 'Tổ CNS - Thôn Đông - Xã An Bình' },
      exporter: { adminName: 'Trần Văn Bình', extensionVersion: '0.2.0' },
      exportedAt: new Date('2026-11-27T02:00:00Z'),
      ...(redaction ? { redaction } : {}),
    }),
  );

beforeAll(async () => {
  log = await makeLog({ n: 150, seed: 11, threadId: 'g-dong', place, start: '2026-11-01T01:00:00Z', spanDays: 25 });
});

describe('fastCanonicalJson writes exactly canonicalJson', () => {
  it.each([
    ['a parsed bundle', () => bundle()],
    ['a redacted bundle', () => bundle({ names: 'initials', maskNumbers: true, dropText: false })],
  ])('on %s', (_n, make) => {
    const b = make();
    expect(fastCanonicalJson(b)).toBe(canonicalJson(b));
    for (const e of b.entries) expect(fastCanonicalJson(e)).toBe(canonicalJson(e));
  });

  it.each([
    ['index-like keys (engines list them first)', { b: 1, 10: 'x', 2: 'y', a: [{ z: 1, y: null }] }],
    ['undefined values, nested arrays, unicode and quotes', { z: undefined, y: [[1, 'Đ"\n'], { q: undefined, p: true }], x: '😀' }],
    ['primitives', 'chuỗi'],
    ['null', null],
  ])('on %s', (_n, value) => {
    expect(fastCanonicalJson(value)).toBe(canonicalJson(value));
  });
});

describe('fastCanonicalWithout: an entry body as the hash chain hashes it', () => {
  it('gives the stored hash of every entry', async () => {
    const omit = new Set(['prevHash', 'hash', 'redacted', 'redactedFields']);
    for (const e of bundle().entries) {
      const { seq, prevHash, hash, ...body } = e;
      expect(fastCanonicalWithout(e, omit)).toBe(canonicalJson({ ...body, seq }));
      expect(await entryHash(body, seq, prevHash)).toBe(hash);
    }
  });

  it('omits only the top level, even when an omitted name is used deeper down', () => {
    const v = { hash: 'a', 7: 'i', inner: { hash: 'kept' }, seq: 3 };
    expect(fastCanonicalWithout(v, new Set(['hash']))).toBe(canonicalJson({ 7: 'i', inner: { hash: 'kept' }, seq: 3 }));
  });
});

describe('sorted key lists remembered per object shape', () => {
  it('gives canonicalJson for the same keys in other orders, many shapes in turn, and index keys met later', () => {
    // More shapes than are remembered, visited twice, so remembered, forgotten and re-learnt lists all run.
    const names = Array.from({ length: 40 }, (_, i) => `k${(i * 7) % 40}`);
    const shapes = Array.from({ length: 24 }, (_, i) => names.slice(i % 10, (i % 10) + 3 + (i % 5)));
    for (let round = 0; round < 2; round++) {
      for (const keys of shapes) {
        const forward = Object.fromEntries(keys.map((k, j) => [k, { z: j, a: [j, { y: 1, b: 2 }] }]));
        const backward = Object.fromEntries([...keys].reverse().map((k, j) => [k, j]));
        expect(fastCanonicalJson(forward)).toBe(canonicalJson(forward));
        expect(fastCanonicalJson(backward)).toBe(canonicalJson(backward));
        expect(fastCanonicalWithout(forward, new Set([keys[0]!]))).toBe(canonicalJson({ ...forward, [keys[0]!]: undefined }));
      }
    }
    // Same key count as a remembered shape, but one key is an array index: never taken for that shape.
    const withIndex = { 5: 'x', [shapes[0]![1]!]: 1, [shapes[0]![2]!]: 2 };
    expect(fastCanonicalJson(withIndex)).toBe(canonicalJson(withIndex));
    // A remembered shape whose values change: the text follows the values, not the first object seen.
    const a = { b: 1, a: 2 };
    const b = { b: 'two', a: [3] };
    expect([fastCanonicalJson(a), fastCanonicalJson(b)]).toEqual(['{"a":2,"b":1}', '{"a":[3],"b":"two"}']);
  });
});

describe('canonicalEntries: one sorted copy per entry for the hash chain and the signature', () => {
  const omit = new Set(['prevHash', 'hash', 'redacted', 'redactedFields']);
  it.each([
    ['a parsed bundle', () => bundle()],
    ['a redacted bundle', () => bundle({ names: 'initials', maskNumbers: true, dropText: false })],
  ])('gives fastCanonicalWithout bodies and the bundle text of fastCanonicalJson on %s', (_n, make) => {
    const b = make();
    const c = canonicalEntries(b.entries, omit)!;
    expect(c.bodies).toEqual(b.entries.map((e) => canonicalJson({ ...e, prevHash: undefined, hash: undefined, redacted: undefined, redactedFields: undefined })));
    const { signature: _s, ...rest } = b;
    expect(canonicalWithEntries(rest, 'entries', c)).toBe(canonicalJson(rest));
  });

  it('hands index keys to the slow path and refuses entries it was not made from', () => {
    expect(canonicalEntries([{ 1: 'a', b: 2 }], omit)).toBeUndefined();
    const b = bundle();
    const c = canonicalEntries(b.entries.slice(1), omit)!;
    expect(() => canonicalWithEntries({ ...b }, 'entries', c)).toThrow();
    // An index key elsewhere in the object: the whole text falls back to canonicalJson.
    const odd = { 3: 'x', entries: b.entries.slice(0, 2) };
    expect(canonicalWithEntries(odd, 'entries', canonicalEntries(odd.entries, omit)!)).toBe(canonicalJson(odd));
  });
});
