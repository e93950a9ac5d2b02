import { normalisedBundle, type Bundle, type BundleSignature } from '../reports/bundle';
import { canonicalWithEntries, fastCanonicalJson, type CanonicalEntries } from '../reports/canonical';
import { exportPublicKey, fingerprintOf, fromBase64, signBytes, toBase64, verifyBytes, SIGNATURE_ALG } from './keys';

/** Domain separation: a signature over a bundle can never be replayed as one over anything else. */
const CONTEXT = 'zalo-group-guard/bundle-signature/v1\n';
const encoder = new TextEncoder();

/**
 * The signed bytes: canonical JSON of the schema-normalised bundle without `signature`. Normalising
 * first means the verifier (which only ever sees parsed bundles) hashes exactly what the signer did;
 * a bundle parseBundle produced is already normalised and is not parsed a second time. `canonical`:
 * bundleCanonicalEntries of that same bundle when the hash check already made it.
 */
export function bundleSigningBytes(bundle: Bundle, canonical?: CanonicalEntries): Uint8Array {
  const normal = normalisedBundle(bundle);
  const { signature: _omit, ...rest } = normal;
  const text = canonical && normal === bundle && canonical.copies.length === normal.entries.length ? canonicalWithEntries(rest, 'entries', canonical) : fastCanonicalJson(rest);
  return encoder.encode(CONTEXT + text);
}

export type SigningKey = { privateKey: CryptoKey; publicKey: CryptoKey };

export async function signBundle(bundle: Bundle, key: SigningKey): Promise<Bundle> {
  const unsigned: Bundle = { ...bundle, signature: undefined };
  const sig = await signBytes(key.privateKey, bundleSigningBytes(unsigned));
  const signature: BundleSignature = { alg: SIGNATURE_ALG, publicKey: toBase64(await exportPublicKey(key.publicKey)), value: toBase64(sig) };
  return { ...bundle, signature };
}

export type SignatureStatus =
  | { status: 'missing' }
  | { status: 'invalid' }
  | { status: 'valid'; publicKey: string; fingerprint: string };

/** Whether the bundle was signed by the key it names; who owns that key is the register's question. */
export async function checkBundleSignature(bundle: Bundle, canonical?: CanonicalEntries): Promise<SignatureStatus> {
  const sig = bundle.signature;
  if (!sig) return { status: 'missing' };
  const pub = fromBase64(sig.publicKey);
  const value = fromBase64(sig.value);
  if (!pub || !value) return { status: 'invalid' };
  const ok = await verifyBytes(pub, value, bundleSigningBytes(bundle, canonical));
  return ok ? { status: 'valid', publicKey: sig.publicKey, fingerprint: fingerprintOf(pub) } : { status: 'invalid' };
}
