import { describe, expect, it } from 'vitest';
import { generateKeyWithBackup, restoreKeyBackup } from '../../../lib/trust/backup';
import { applyKeyChange, makeKeyChange } from '../../../lib/trust/key-change';
import { judgeKey, newVillageKeyRow } from '../../../lib/trust/register';
import { checkBundleSignature, signBundle } from '../../../lib/trust/bundle-signature';
import { TrustDb, applyKeyChangeToRegister, addToRegister, ensureInstallKey, listRegister, loadInstallKey, restoreInstallKey, rotateKeyWithBackup } from '../../../lib/trust/store';
import { makeBundle } from '../../../lib/reports/bundle';
import { monthPeriod } from '../../../lib/reports/period';

// Fewer PBKDF2 rounds keep the unit tests quick; the shipped count is checked by the e2e run.
const FAST = 100_000;
const place = { thon: 'Đông', xa: 'An Bình', tinh: 'Bắc Ninh' };
const now = new Date('2026-12-01T02:00:00Z');
const empty = () => makeBundle({ entries: [], period: monthPeriod(2026, 11), place, group: { threadId: 'g', name: 'g' }, exporter: { adminName: '', extensionVersion: '1' }, exportedAt: now });

describe('key backup', () => {
  it('stored key is non-extractable; the backup restores the same key with the passphrase only', async () => {
    const k = await generateKeyWithBackup('mật khẩu thôn Đông 2026', now, FAST);
    expect(k.privateKey.extractable).toBe(false);
    const json = JSON.stringify(k.backup);
    expect(json).not.toContain('PRIVATE');
    const r = await restoreKeyBackup(json, 'mật khẩu thôn Đông 2026');
    if (!r.ok) throw new Error(r.error);
    expect(r.fingerprint).toBe(k.fingerprint);
    expect(r.privateKey.extractable).toBe(false);
    // A bundle signed with the restored key verifies as the original key.
    const signed = await signBundle(empty(), r);
    expect(await checkBundleSignature(signed)).toMatchObject({ status: 'valid', fingerprint: k.fingerprint });

    expect(await restoreKeyBackup(json, 'sai mật khẩu rồi')).toEqual({ ok: false, error: 'Sai mật khẩu sao lưu, hoặc tệp đã bị sửa.' });
    const swapped = { ...k.backup, publicKey: (await generateKeyWithBackup('xxxxxxxxxxxx', now, FAST)).backup.publicKey };
    expect((await restoreKeyBackup(JSON.stringify(swapped), 'mật khẩu thôn Đông 2026')).ok).toBe(false);
    expect(await restoreKeyBackup('{"format":"x"}', 'a')).toMatchObject({ ok: false, error: expect.stringContaining('format') });
    expect(await restoreKeyBackup('không phải json', 'a')).toMatchObject({ ok: false });
    await expect(generateKeyWithBackup('ngắn', now, FAST)).rejects.toThrow('ít nhất 10 ký tự');
  });
});

describe('key change', () => {
  it('the old registered key signs the change; the xã registers the new key and retires the old', async () => {
    const db = new TrustDb(`trust-${Math.random()}`);
    const old = await ensureInstallKey(db, now);
    await addToRegister(db, newVillageKeyRow(place, { fingerprint: old.fingerprint, publicKey: old.publicRaw }, now));
    const later = new Date('2026-12-05T02:00:00Z');
    const { statement, backup, fingerprint } = await rotateKeyWithBackup(db, 'một mật khẩu đủ dài', place, later, FAST);
    expect(statement).toBeDefined();
    expect(backup.fingerprint).toBe(fingerprint);
    expect((await loadInstallKey(db))!.fingerprint).toBe(fingerprint);

    // The xã side: a forged statement (someone else's key as "old") is refused.
    const stranger = await generateKeyWithBackup('xxxxxxxxxxxx', now, FAST);
    const forged = await makeKeyChange(stranger, { publicRaw: stranger.publicRaw, fingerprint: stranger.fingerprint }, place, later);
    expect((await applyKeyChange(forged, await listRegister(db))).ok).toBe(false);
    const tampered = { ...statement!, newKey: { publicKey: stranger.publicRaw, fingerprint: stranger.fingerprint } };
    expect(await applyKeyChange(tampered, await listRegister(db))).toEqual({ ok: false, error: 'Chữ ký của thông báo đổi khóa không đúng: không nhận.' });

    expect(await applyKeyChangeToRegister(db, JSON.parse(JSON.stringify(statement)))).toEqual({ ok: true, thon: 'Đông', fingerprint });
    const reg = await listRegister(db);
    const next = await signBundle({ ...empty(), exportedAt: '2026-12-06T09:00:00+07:00' }, (await loadInstallKey(db))!);
    expect(judgeKey(reg, place, await checkBundleSignature(next), next.exportedAt).kind).toBe('registered');
    // Bundles signed by the old key after the change are refused; earlier ones still count.
    const oldAfter = await signBundle({ ...empty(), exportedAt: '2026-12-06T09:00:00+07:00' }, old);
    expect(judgeKey(reg, place, await checkBundleSignature(oldAfter), oldAfter.exportedAt).kind).toBe('retired');
    const oldBefore = await signBundle({ ...empty(), exportedAt: '2026-12-02T09:00:00+07:00' }, old);
    expect(judgeKey(reg, place, await checkBundleSignature(oldBefore), oldBefore.exportedAt).kind).toBe('registered');
    // Replaying the statement does nothing more: the old key is already retired.
    expect((await applyKeyChangeToRegister(db, statement)).ok).toBe(false);
  });

  it('restoring a backup on a new installation gives back the same fingerprint', async () => {
    const a = new TrustDb(`trust-${Math.random()}`);
    const { backup, fingerprint } = await rotateKeyWithBackup(a, 'một mật khẩu đủ dài', place, now, FAST);
    const b = new TrustDb(`trust-${Math.random()}`);
    expect(await restoreInstallKey(b, JSON.stringify(backup), 'một mật khẩu đủ dài')).toEqual({ ok: true, fingerprint });
    expect((await loadInstallKey(b))!.privateKey.extractable).toBe(false);
  });
});
