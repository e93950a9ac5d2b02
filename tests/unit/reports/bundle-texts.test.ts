import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GuardDb } from '@/lib/db';
import { appendLog } from '@/lib/log/append';
import { readChain } from '@/lib/log/query';
import { bundleToJson, makeBundle, parseBundle, verifyBundle, type Bundle } from '@/lib/reports/bundle';
import { aggregateBundles } from '@/lib/reports/aggregate';
import { monthPeriod } from '@/lib/reports/period';
import type { RedactionOptions } from '@/lib/reports/redact';

const group = { threadId: 'g-texts', name: 'Thôn Đông' };
const place = { thon: 'Đông', xa: 'Yên Hòa', tinh: 'Bắc Ninh' };
const exporter = { adminName: 'Trần Thị Lan', extensionVersion: '0.1.0' };
const nov = monthPeriod(2026, 11);
const TEXTS = [
  'Soi cầu lô đề hôm nay, bao lô 3 số, liên hệ số tài khoản 190312345678 Techcombank',
  'Tin nóng: tuần sau phong tỏa cả xã, ai cũng phải ở nhà',
  'Tài khoản của bạn bị khóa, xác minh tại vietcombank-xacminh.com',
];

let db: GuardDb;
let chain: Awaited<ReturnType<typeof readChain>>;
beforeAll(async () => {
  db = new GuardDb('bundle-texts');
  for (const [i, text] of TEXTS.entries()) {
    await appendLog(
      db,
      {
        chainId: group.threadId,
        time: `2026-11-1${i}T03:00:00.000Z`,
        kind: 'flag',
        group,
        place,
        member: { name: 'Số Đẹp', uid: 'u1' },
        messageId: `m${i}`,
        category: 'gambling-fortune',
        clause: 'III.2(4)',
        severity: 'high',
        evidence: ['lô đề'],
        text,
        admin: 'Trần Thị Lan',
      },
      { redaction: { phones: true, idNumbers: false } },
    );
  }
  chain = await readChain(db, group.threadId);
});
afterAll(async () => {
  db.close();
  await db.delete();
});

const bundleOf = (redaction?: RedactionOptions) =>
  makeBundle({ entries: chain.entries, texts: chain.snapshots, period: nov, place, group, exporter, redaction });
const failed = (v: { checks: { id: string; ok: boolean }[] }) => v.checks.filter((c) => !c.ok).map((c) => c.id);

describe('message texts in bundles', () => {
  it('travel beside the chain and verify against each entry’s textHash', async () => {
    const b = bundleOf();
    expect(b.texts.map((t) => t.text)).toEqual(TEXTS);
    expect(b.entries.every((e) => e.text === undefined && e.textHash)).toBe(true);
    const parsed = parseBundle(bundleToJson(b));
    expect(parsed.ok).toBe(true);
    const v = await verifyBundle(parsed.ok ? parsed.bundle : b);
    expect(v.ok).toBe(true);
    expect(v.checks.find((c) => c.id === 'texts')?.message).toContain('3 tin nhắn khớp');
  });

  it.each([
    ['an edited text', (b: Bundle) => void (b.texts[1].text = 'Tin chính thức từ UBND xã')],
    ['a text moved to another entry', (b: Bundle) => void (b.texts[0].seq = b.texts[2].seq)],
    ['a changed salt', (b: Bundle) => void (b.texts[2].salt = '00'.repeat(16))],
  ])('%s is detected', async (_name, tamper) => {
    const b = JSON.parse(bundleToJson(bundleOf())) as Bundle;
    tamper(b);
    const v = await verifyBundle(b);
    expect(v.ok).toBe(false);
    expect(failed(v)).toEqual(['texts']);
  });

  it('"drop message text" exports no texts; masking numbers marks the texts it changed', async () => {
    expect(bundleOf({ names: 'full', maskNumbers: false, dropText: true }).texts).toEqual([]);
    const masked = bundleOf({ names: 'full', maskNumbers: true, dropText: false });
    expect(masked.texts[0].text).not.toContain('190312345678');
    expect(masked.texts[0].redacted).toBe(true);
    expect(masked.texts[1].redacted).toBeUndefined();
    const v = await verifyBundle(masked);
    expect(v.checks.find((c) => c.id === 'texts')?.ok).toBe(true);
  });

  it('an older bundle without texts still parses (schema default)', async () => {
    const raw = JSON.parse(bundleToJson(bundleOf())) as Record<string, unknown>;
    delete raw.texts;
    const parsed = parseBundle(JSON.stringify(raw));
    expect(parsed.ok && parsed.bundle.texts).toEqual([]);
  });

  it('the xã aggregation accepts it and rejects the tampered copy', async () => {
    const good = bundleToJson(bundleOf());
    const bad = JSON.parse(good) as Bundle;
    bad.texts[0].text = 'sửa tay';
    const res = await aggregateBundles([
      { name: 'dong.json', text: good },
      { name: 'dong-sua.json', text: JSON.stringify(bad) },
    ]);
    expect(res.files.map((f) => f.ok)).toEqual([true, false]);
  });
});
