// Namespace import: `import { z }` drags every zod locale into the bundle (443 kB vs 83 kB).
import * as z from 'zod';
import type { Place } from '../log/schema';
import type { SignatureStatus } from './bundle-signature';

/**
 * The xã's register of village keys. A village is named by its xã and thôn (not the province: the
 * 2025 mergers renamed provinces but not villages). A key enters the register only by the xã's own
 * click after reading the fingerprint back to the village by phone, or by a key-change statement
 * signed with a key already registered (lib/trust/key-change.ts).
 */
export const villageKeyRowSchema = z.object({
  /** villageId + "|" + fingerprint */
  id: z.string().min(1),
  villageId: z.string().min(1),
  thon: z.string(),
  xa: z.string(),
  tinh: z.string(),
  fingerprint: z.string().regex(/^\d{4}( \d{4}){4}$/),
  publicKey: z.string().min(1),
  registeredAt: z.string().datetime({ offset: true }),
  via: z.enum(['phone', 'key-change']),
  /** Set when a later key replaced this one; bundles signed after this time are refused. */
  retiredAt: z.string().datetime({ offset: true }).optional(),
});
export type VillageKeyRow = z.infer<typeof villageKeyRowSchema>;

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\b(xa|phuong|thi tran|thon|ap|khom|to dan pho|tdp|ban|khu pho)\b/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** "An Bình|Đông" and "xã An Binh|Thôn  Đông" name the same village. */
export function villageIdOf(place: Pick<Place, 'xa' | 'thon'>): string {
  return `${fold(place.xa)}|${fold(place.thon)}`;
}

export type KeyVerdict =
  | { kind: 'registered'; fingerprint: string }
  | { kind: 'unregistered'; fingerprint: string; publicKey: string; villageId: string }
  | { kind: 'other-key'; fingerprint: string; publicKey: string; villageId: string; registered: string[] }
  | { kind: 'retired'; fingerprint: string; retiredAt: string }
  | { kind: 'unsigned' }
  | { kind: 'bad-signature' };

/** What the register says about a bundle from `place`, signed as `sig`, exported at `exportedAt`. */
export function judgeKey(register: readonly VillageKeyRow[], place: Pick<Place, 'xa' | 'thon'>, sig: SignatureStatus, exportedAt: string): KeyVerdict {
  if (sig.status === 'missing') return { kind: 'unsigned' };
  if (sig.status === 'invalid') return { kind: 'bad-signature' };
  const villageId = villageIdOf(place);
  const rows = register.filter((r) => r.villageId === villageId);
  const mine = rows.find((r) => r.publicKey === sig.publicKey);
  if (mine) {
    if (mine.retiredAt && Date.parse(exportedAt) >= Date.parse(mine.retiredAt)) return { kind: 'retired', fingerprint: sig.fingerprint, retiredAt: mine.retiredAt };
    return { kind: 'registered', fingerprint: sig.fingerprint };
  }
  const active = rows.filter((r) => !r.retiredAt).map((r) => r.fingerprint);
  if (rows.length) return { kind: 'other-key', fingerprint: sig.fingerprint, publicKey: sig.publicKey, villageId, registered: active };
  return { kind: 'unregistered', fingerprint: sig.fingerprint, publicKey: sig.publicKey, villageId };
}

export function newVillageKeyRow(place: Place, key: { fingerprint: string; publicKey: string }, at: Date, via: VillageKeyRow['via'] = 'phone'): VillageKeyRow {
  const villageId = villageIdOf(place);
  return villageKeyRowSchema.parse({
    id: `${villageId}|${key.fingerprint}`,
    villageId,
    thon: place.thon,
    xa: place.xa,
    tinh: place.tinh,
    fingerprint: key.fingerprint,
    publicKey: key.publicKey,
    registeredAt: at.toISOString(),
    via,
  });
}
