import { makeBundle, type Bundle, type MakeBundleInput } from '../reports/bundle';
import { signBundle } from './bundle-signature';
import { ensureInstallKey, previousExport, recordExport, type TrustDb } from './store';

/**
 * The village's export: the bundle names where the group's previous export ended, is signed with
 * the installation key, and becomes the "previous" of the next one.
 */
export async function makeSignedBundle(db: TrustDb, input: Omit<MakeBundleInput, 'previous'>, now: Date = new Date()): Promise<Bundle> {
  const key = await ensureInstallKey(db, now);
  const previous = await previousExport(db, input.group.threadId);
  const signed = await signBundle(makeBundle({ ...input, previous }), key);
  await recordExport(db, signed);
  return signed;
}
