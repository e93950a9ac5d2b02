/**
 * Signed-bundle helpers shared by the unit tests (tests/unit/trust) and the xã e2e specs: the
 * forgery the issue names, a register holding a bundle's signer, and bundles as dropped files.
 */
import { entryHash } from '../../../lib/log/chain';
import type { AggregateFile } from '../../../lib/reports/aggregate';
import { bundleToJson, type Bundle } from '../../../lib/reports/bundle';
import { checkBundleSignature } from '../../../lib/trust/bundle-signature';
import { newVillageKeyRow, type VillageKeyRow } from '../../../lib/trust/register';

export const fileOf = (name: string, b: Bundle): AggregateFile => ({ name, text: bundleToJson(b) });

/**
 * The attack: edit an entry (a flag's member by default), recompute every hash from the anchor on
 * so the chain is valid again. The original signature stays in the copy; re-sign it to impersonate.
 */
export async function forgeRehashed(b: Bundle, edit: (copy: Bundle) => void = (c) => (c.entries.find((e) => e.kind === 'flag')!.member = { name: 'Người vô can' })): Promise<Bundle> {
  const copy = JSON.parse(bundleToJson(b)) as Bundle;
  edit(copy);
  let prev = copy.chain.anchorPrevHash!;
  for (const e of copy.entries) {
    const { seq, prevHash: _p, hash: _h, redacted: _r, redactedFields: _f, ...body } = e;
    e.prevHash = prev;
    e.hash = await entryHash(body, seq, prev);
    prev = e.hash;
  }
  copy.chain.headHash = prev;
  return copy;
}

/** A register holding the key that signed `b`, as the xã has after its phone call. */
export async function registerOf(b: Bundle, at = new Date('2026-11-27T03:00:00Z')): Promise<VillageKeyRow[]> {
  const sig = await checkBundleSignature(b);
  if (sig.status !== 'valid') throw new Error('not signed');
  return [newVillageKeyRow(b.place, sig, at)];
}
