/**
 * Installation keys: one Ed25519 key pair per installation signs every bundle it exports, so the xã
 * can tell a village's file from one rebuilt by someone else (a hash chain alone proves only that a
 * file agrees with itself). Plain WebCrypto, no library: Node 20, Chromium ≥ 137 and Firefox ≥ 129
 * implement Ed25519.
 */
import { sha256Bytes } from '../log/sha256';

export const SIGNATURE_ALG = 'Ed25519' as const;

export class Ed25519UnsupportedError extends Error {
  constructor(cause?: unknown) {
    super('Trình duyệt này không hỗ trợ chữ ký Ed25519; hãy cập nhật Chrome/Firefox lên bản mới.');
    this.name = 'Ed25519UnsupportedError';
    this.cause = cause;
  }
}

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new Ed25519UnsupportedError();
  return s;
}

/** A fresh pair whose private half can sign but never leave WebCrypto. */
export async function generateSigningKey(): Promise<CryptoKeyPair> {
  try {
    return (await subtle().generateKey({ name: SIGNATURE_ALG }, false, ['sign', 'verify'])) as CryptoKeyPair;
  } catch (e) {
    throw new Ed25519UnsupportedError(e);
  }
}

/** Whether this runtime can make and use Ed25519 keys (shown before the first export). */
export async function ed25519Supported(): Promise<boolean> {
  try {
    const k = await generateSigningKey();
    const sig = await subtle().sign(SIGNATURE_ALG, k.privateKey, new Uint8Array([1]));
    return await subtle().verify(SIGNATURE_ALG, k.publicKey, sig, new Uint8Array([1]));
  } catch {
    return false;
  }
}

export async function exportPublicKey(key: CryptoKey): Promise<Uint8Array> {
  return new Uint8Array(await subtle().exportKey('raw', key));
}

export async function importPublicKey(raw: Uint8Array): Promise<CryptoKey> {
  return subtle().importKey('raw', raw as BufferSource, { name: SIGNATURE_ALG }, false, ['verify']);
}

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]!);
  return btoa(s);
}

/** Strict base64 decode; undefined for anything that isn't. */
export function fromBase64(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return undefined;
  const bin = atob(text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * Short fingerprint read aloud over the phone: 20 decimal digits in groups of four, taken from the
 * first 80 bits of SHA-256 of the raw public key (about 66 bits after reduction: a matching key
 * would take ~2^66 tries to make). Digits, not letters, because they are read in Vietnamese.
 */
export function fingerprintOf(rawPublicKey: Uint8Array): string {
  const h = sha256Bytes(rawPublicKey);
  let n = 0n;
  for (let i = 0; i < 10; i++) n = (n << 8n) | BigInt(h[i]!);
  const digits = (n % 10n ** 20n).toString().padStart(20, '0');
  return digits.match(/\d{4}/g)!.join(' ');
}

/** Accepts what the admin typed or read out (spaces, dashes, dots) and returns the canonical form. */
export function normaliseFingerprint(text: string): string | undefined {
  const digits = text.replace(/[\s.\-–]/g, '');
  return /^\d{20}$/.test(digits) ? digits.match(/\d{4}/g)!.join(' ') : undefined;
}

export async function signBytes(privateKey: CryptoKey, data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await subtle().sign(SIGNATURE_ALG, privateKey, data as BufferSource));
}

export async function verifyBytes(publicRaw: Uint8Array, signature: Uint8Array, data: Uint8Array): Promise<boolean> {
  if (publicRaw.length !== 32 || signature.length !== 64) return false;
  try {
    const key = await importPublicKey(publicRaw);
    return await subtle().verify(SIGNATURE_ALG, key, signature as BufferSource, data as BufferSource);
  } catch {
    return false;
  }
}
