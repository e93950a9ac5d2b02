// Namespace import: `import { z }` drags every zod locale into the bundle (443 kB vs 83 kB).
import * as z from 'zod';
import { exportPublicKey, fingerprintOf, fromBase64, SIGNATURE_ALG, toBase64 } from './keys';

/**
 * Key backup. The stored signing key is non-extractable, so a backup can only be made when a key is
 * born: the pair is generated extractable in memory, its PKCS#8 bytes are encrypted at once with a
 * key derived from the passphrase (PBKDF2-SHA-256 → AES-256-GCM), then re-imported NON-extractable
 * for storage; the extractable object is dropped. The encrypted file is the only copy of the bytes.
 * See lib/trust/README.md.
 */
export const BACKUP_FORMAT = 'zalo-group-guard/key-backup' as const;
/** OWASP 2023 figure for PBKDF2-HMAC-SHA256; ~0.3 s once per backup or restore. */
export const PBKDF2_ITERATIONS = 600_000;
export const MIN_PASSPHRASE = 10;

export const keyBackupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(1),
  alg: z.literal('Ed25519'),
  publicKey: z.string().min(1),
  fingerprint: z.string(),
  createdAt: z.string(),
  kdf: z.object({ name: z.literal('PBKDF2'), hash: z.literal('SHA-256'), iterations: z.number().int().min(100_000).max(10_000_000), salt: z.string().min(1) }),
  cipher: z.object({ name: z.literal('AES-GCM'), iv: z.string().min(1) }),
  /** AES-GCM(PKCS#8 private key); the public key and fingerprint are bound in as associated data. */
  data: z.string().min(1),
});
export type KeyBackup = z.infer<typeof keyBackupSchema>;

const enc = new TextEncoder();
const aad = (publicKey: string, fingerprint: string) => enc.encode(`${BACKUP_FORMAT}\n${publicKey}\n${fingerprint}`);

async function wrappingKey(passphrase: string, salt: Uint8Array, iterations: number, usage: KeyUsage): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', enc.encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, base, { name: 'AES-GCM', length: 256 }, false, [usage]);
}

export type NewKeyWithBackup = { privateKey: CryptoKey; publicKey: CryptoKey; publicRaw: string; fingerprint: string; backup: KeyBackup };

/** A new key pair whose private half is stored non-extractable, plus its passphrase-encrypted backup. */
export async function generateKeyWithBackup(passphrase: string, now: Date, iterations = PBKDF2_ITERATIONS): Promise<NewKeyWithBackup> {
  if (passphrase.length < MIN_PASSPHRASE) throw new Error(`Mật khẩu sao lưu cần ít nhất ${MIN_PASSPHRASE} ký tự.`);
  const pair = (await crypto.subtle.generateKey({ name: SIGNATURE_ALG }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
  const raw = await exportPublicKey(pair.publicKey);
  const publicRaw = toBase64(raw);
  const fingerprint = fingerprintOf(raw);
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const wk = await wrappingKey(passphrase, salt, iterations, 'encrypt');
  const data = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad(publicRaw, fingerprint) }, wk, pkcs8));
  const privateKey = await crypto.subtle.importKey('pkcs8', pkcs8, { name: SIGNATURE_ALG }, false, ['sign']);
  pkcs8.fill(0);
  return {
    privateKey,
    publicKey: pair.publicKey,
    publicRaw,
    fingerprint,
    backup: {
      format: BACKUP_FORMAT,
      version: 1,
      alg: 'Ed25519',
      publicKey: publicRaw,
      fingerprint,
      createdAt: now.toISOString(),
      kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(salt) },
      cipher: { name: 'AES-GCM', iv: toBase64(iv) },
      data: toBase64(data),
    },
  };
}

export type RestoreResult =
  | { ok: true; privateKey: CryptoKey; publicKey: CryptoKey; publicRaw: string; fingerprint: string; createdAt: string }
  | { ok: false; error: string };

/** Backup file + passphrase → the key again, non-extractable. Errors say what to do, in Vietnamese. */
export async function restoreKeyBackup(json: string, passphrase: string): Promise<RestoreResult> {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { ok: false, error: 'Tệp không phải JSON (không phải tệp sao lưu khóa).' };
  }
  const parsed = keyBackupSchema.safeParse(value);
  if (!parsed.success) return { ok: false, error: `Không phải tệp sao lưu khóa hợp lệ (trường "${parsed.error.issues[0]!.path.join('.')}").` };
  const b = parsed.data;
  const salt = fromBase64(b.kdf.salt);
  const iv = fromBase64(b.cipher.iv);
  const data = fromBase64(b.data);
  const pub = fromBase64(b.publicKey);
  if (!salt || !iv || !data || !pub || fingerprintOf(pub) !== b.fingerprint) return { ok: false, error: 'Tệp sao lưu khóa bị hỏng.' };
  let pkcs8: Uint8Array;
  try {
    const wk = await wrappingKey(passphrase, salt, b.kdf.iterations, 'decrypt');
    pkcs8 = new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: iv as BufferSource, additionalData: aad(b.publicKey, b.fingerprint) }, wk, data as BufferSource));
  } catch {
    return { ok: false, error: 'Sai mật khẩu sao lưu, hoặc tệp đã bị sửa.' };
  }
  const privateKey = await crypto.subtle.importKey('pkcs8', pkcs8 as BufferSource, { name: SIGNATURE_ALG }, false, ['sign']);
  pkcs8.fill(0);
  const publicKey = await crypto.subtle.importKey('raw', pub as BufferSource, { name: SIGNATURE_ALG }, true, ['verify']);
  // The restored private key must be the one the file names: sign and verify once.
  const probe = enc.encode('zalo-group-guard/key-restore-check');
  const sig = await crypto.subtle.sign(SIGNATURE_ALG, privateKey, probe);
  if (!(await crypto.subtle.verify(SIGNATURE_ALG, publicKey, sig, probe))) return { ok: false, error: 'Khóa trong tệp không khớp mã khóa ghi trong tệp.' };
  return { ok: true, privateKey, publicKey, publicRaw: b.publicKey, fingerprint: b.fingerprint, createdAt: b.createdAt };
}
