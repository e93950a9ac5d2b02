import { beforeAll, describe, expect, it } from 'vitest';
import { makeLog } from '../reports/make-log';
import type { LogEntry, Place } from '../../../lib/log/schema';
import { aggregateBundles, rowStatusVi, type RejectedFile } from '../../../lib/reports/aggregate';
import { bundleToJson, makeBundle, parseBundle, type Bundle } from '../../../lib/reports/bundle';
import { monthPeriod } from '../../../lib/reports/period';
import { checkBundleSignature, signBundle } from '../../../lib/trust/bundle-signature';
import { ed25519Supported, fingerprintOf, fromBase64, generateSigningKey, normaliseFingerprint } from '../../../lib/trust/keys';
import { judgeKey, newVillageKeyRow, villageIdOf } from '../../../lib/trust/register';
import { fileOf, forgeRehashed, registerOf } from './signed-fixtures';

const nov = monthPeriod(2026, 11);
const place: Place = { thon: 'Đông', xa: 'An Bình', tinh: 'Bắc Ninh' };
const exporter = { adminName: 'Trần Văn Bình', extensionVersion: '0.2.0' };
let log: LogEntry[];
let village: CryptoKeyPair;
let forger: CryptoKeyPair;

beforeAll(async () => {
  log = await makeLog({ n: 120, seed: 5, threadId: 'g-dong', place, groupName: 'Tổ CNS - Thôn Đông - Xã An Bình', start: '2026-11-01T01:00:00Z', spanDays: 25 });
  village = await generateSigningKey();
  forger = await generateSigningKey();
});

const unsigned = (entries = log): Bundle =>
  makeBundle({ entries, period: nov, place, group: { threadId: 'g-dong', name: 'Tổ CNS - Thôn Đông - Xã An Bình' }, exporter, exportedAt: new Date('2026-11-27T02:00:00Z'), previous: null });
const file = fileOf;
const forge = (b: Bundle) => forgeRehashed(b);

describe('Ed25519 in this runtime', () => {
  it('Node 20 WebCrypto makes, uses and refuses to export a non-extractable Ed25519 key', async () => {
    expect(await ed25519Supported()).toBe(true);
    expect(village.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('pkcs8', village.privateKey)).rejects.toThrow();
  });
});

describe('fingerprints', () => {
  it('are 20 digits in groups of four, stable per key, different across keys', async () => {
    const raw = new Uint8Array(await crypto.subtle.exportKey('raw', village.publicKey));
    const fp = fingerprintOf(raw);
    expect(fp).toMatch(/^\d{4}( \d{4}){4}$/);
    expect(fingerprintOf(raw)).toBe(fp);
    const other = fingerprintOf(new Uint8Array(await crypto.subtle.exportKey('raw', forger.publicKey)));
    expect(other).not.toBe(fp);
    // A single flipped bit of the key changes the code.
    const flipped = raw.slice();
    flipped[31]! ^= 1;
    expect(fingerprintOf(flipped)).not.toBe(fp);
  });
  it.each([
    ['1234 5678 9012 3456 7890', '1234 5678 9012 3456 7890'],
    ['1234-5678-9012-3456-7890', '1234 5678 9012 3456 7890'],
    ['12345678901234567890', '1234 5678 9012 3456 7890'],
    ['1234 5678 9012 3456 789', undefined],
    ['1234 5678 9012 3456 789O', undefined],
  ])('normalises %s', (input, out) => expect(normaliseFingerprint(input)).toBe(out));
});

describe('bundle signatures', () => {
  it('a signed bundle survives JSON and parsing; any edit breaks the signature', async () => {
    const signed = await signBundle(unsigned(), village);
    const parsed = parseBundle(bundleToJson(signed));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const sig = await checkBundleSignature(parsed.bundle);
    expect(sig.status).toBe('valid');
    expect(fromBase64(signed.signature!.value)).toHaveLength(64);

    const edited = JSON.parse(bundleToJson(signed)) as Bundle;
    edited.exporter.adminName = 'Người khác';
    expect((await checkBundleSignature(edited)).status).toBe('invalid');
    const swapped = { ...signed, signature: { ...signed.signature!, publicKey: (await signBundle(unsigned(), forger)).signature!.publicKey } };
    expect((await checkBundleSignature(swapped)).status).toBe('invalid');
    expect((await checkBundleSignature(unsigned())).status).toBe('missing');
    expect((await checkBundleSignature({ ...signed, signature: { ...signed.signature!, value: 'not base64!' } })).status).toBe('invalid');
  });

  it('register: registered, unregistered, other key, retired; villages named loosely match', async () => {
    const signed = await signBundle(unsigned(), village);
    const reg = await registerOf(signed);
    const sig = await checkBundleSignature(signed);
    expect(judgeKey(reg, place, sig, signed.exportedAt).kind).toBe('registered');
    expect(judgeKey([], place, sig, signed.exportedAt).kind).toBe('unregistered');
    const other = await checkBundleSignature(await signBundle(unsigned(), forger));
    expect(judgeKey(reg, place, other, signed.exportedAt)).toMatchObject({ kind: 'other-key', registered: [reg[0]!.fingerprint] });
    expect(judgeKey([{ ...reg[0]!, retiredAt: '2026-11-01T00:00:00Z' }], place, sig, signed.exportedAt).kind).toBe('retired');
    expect(villageIdOf({ xa: 'xã An Binh', thon: 'Thôn  Đông' })).toBe(villageIdOf(place));
    expect(villageIdOf({ xa: 'An Bình', thon: 'Đoài' })).not.toBe(villageIdOf(place));
  });
});

describe('xã aggregation with a register', () => {
  it('accepts the village key and says "đã kiểm tra đủ" only then', async () => {
    const signed = await signBundle(unsigned(), village);
    const r = await aggregateBundles([file('dong.json', signed)], { trust: { register: await registerOf(signed), history: [] } });
    expect(r.files[0]!.ok).toBe(true);
    expect(rowStatusVi(r.rows[0]!)).toBe('Đã kiểm tra đủ: đúng khóa đã đăng ký của thôn, chuỗi băm khớp');
    // Without a register, a matching chain never reads as fully checked.
    const plain = await aggregateBundles([file('dong.json', signed)]);
    expect(rowStatusVi(plain.rows[0]!)).toBe('Chuỗi băm khớp (chưa đối chiếu khóa của thôn)');
    expect(rowStatusVi(plain.rows[0]!)).not.toMatch(/kiểm tra đủ/);
  });

  it('rejects a forged bundle (entries edited, hashes recomputed, chain valid), whether re-signed or not', async () => {
    const signed = await signBundle(unsigned(), village);
    const register = await registerOf(signed);
    const forged = await forge(signed);
    // The chain alone can't tell: the forged file verifies as a chain.
    const chainOnly = await aggregateBundles([file('f.json', { ...forged, signature: undefined })]);
    expect(chainOnly.files[0]!.ok).toBe(true);

    const keptSig = await aggregateBundles([file('giu-chu-ky.json', forged)], { trust: { register, history: [] } });
    expect(keptSig.files[0]!.ok).toBe(false);
    expect((keptSig.files[0] as RejectedFile).key?.kind).toBe('bad-signature');
    expect((keptSig.files[0] as RejectedFile).reason).toMatch(/Chữ ký số không khớp nội dung/);

    const resigned = await signBundle(forged, forger);
    const r = await aggregateBundles([file('ky-lai.json', resigned)], { trust: { register, history: [] } });
    expect(r.files[0]!.ok).toBe(false);
    expect((r.files[0] as RejectedFile).key?.kind).toBe('other-key');
    expect((r.files[0] as RejectedFile).reason).toMatch(/khóa khác.*có thể là tệp giả/);
    expect(r.totals.accepted).toBe(0);
  });

  it('flags a bundle signed by an unregistered key and an unsigned one; neither is counted', async () => {
    const signed = await signBundle(unsigned(), village);
    const r = await aggregateBundles([file('moi.json', signed), file('cu.json', unsigned())], { trust: { register: [], history: [] } });
    const [a, b] = r.files as RejectedFile[];
    expect(a!.key).toMatchObject({ kind: 'unregistered', fingerprint: (await registerOf(signed))[0]!.fingerprint });
    expect(a!.reason).toMatch(/^Chưa đăng ký khóa của thôn/);
    expect(b!.key?.kind).toBe('unsigned');
    expect(r.totals.accepted).toBe(0);
    expect(r.totals.flags).toBe(0);
  });

  it('lists registered villages that sent nothing for the expected period', async () => {
    const signed = await signBundle(unsigned(), village);
    const register = [...(await registerOf(signed)), newVillageKeyRow({ thon: 'Đoài', xa: 'An Bình', tinh: 'Bắc Ninh' }, { fingerprint: '1111 2222 3333 4444 5555', publicKey: 'AAAA' }, new Date())];
    const r = await aggregateBundles([file('dong.json', signed)], { expectedPeriod: nov, trust: { register, history: [] } });
    expect(r.missingVillages).toEqual([{ thon: 'Đoài', xa: 'An Bình' }]);
  });

  it('stops when asked and reports progress', async () => {
    const signed = await signBundle(unsigned(), village);
    const seen: number[] = [];
    const files = Array.from({ length: 20 }, (_, i) => file(`f${i}.json`, signed));
    await expect(aggregateBundles(files, { onProgress: (d) => (seen.push(d), d >= 3) })).rejects.toThrow('Đã dừng kiểm tra');
    expect(seen.length).toBeLessThan(20);
    const done: number[] = [];
    await aggregateBundles(files.slice(0, 5), { onProgress: (d) => void done.push(d) });
    expect(done).toEqual([1, 2, 3, 4, 5]);
  });
});

