// Namespace import: `import { z }` drags every zod locale into the bundle (443 kB vs 83 kB).
import * as z from 'zod';
import { canonicalJson } from '../log/chain';
import { placeSchema, type Place } from '../log/schema';
import { fingerprintOf, fromBase64, signBytes, toBase64, verifyBytes } from './keys';
import { newVillageKeyRow, type VillageKeyRow } from './register';

/**
 * "Key change" statement: the old key signs "from now on, this village signs with key N". The xã
 * accepts it only when the old key is the one registered for the village; the new key then enters
 * the register and the old one is retired from the statement's time. Without the old key (a lost
 * computer) there is no statement: the xã registers the new key by phone, as the first time.
 */
export const KEY_CHANGE_FORMAT = 'zalo-group-guard/key-change' as const;
const CONTEXT = 'zalo-group-guard/key-change/v1\n';

export const keyChangeSchema = z.object({
  format: z.literal(KEY_CHANGE_FORMAT),
  version: z.literal(1),
  place: placeSchema,
  at: z.string().datetime({ offset: true }),
  oldKey: z.object({ publicKey: z.string().min(1), fingerprint: z.string() }),
  newKey: z.object({ publicKey: z.string().min(1), fingerprint: z.string() }),
  signature: z.string().min(1),
});
export type KeyChange = z.infer<typeof keyChangeSchema>;

const bytesOf = (s: Omit<KeyChange, 'signature'>) => new TextEncoder().encode(CONTEXT + canonicalJson(s));

export async function makeKeyChange(
  oldKey: { privateKey: CryptoKey; publicRaw: string; fingerprint: string },
  newKey: { publicRaw: string; fingerprint: string },
  place: Place,
  at: Date,
): Promise<KeyChange> {
  const body = {
    format: KEY_CHANGE_FORMAT,
    version: 1 as const,
    place,
    at: at.toISOString(),
    oldKey: { publicKey: oldKey.publicRaw, fingerprint: oldKey.fingerprint },
    newKey: { publicKey: newKey.publicRaw, fingerprint: newKey.fingerprint },
  };
  return { ...body, signature: toBase64(await signBytes(oldKey.privateKey, bytesOf(body))) };
}

export type KeyChangeResult = { ok: true; add: VillageKeyRow; retire: VillageKeyRow } | { ok: false; error: string };

/** Checks a statement against the register; on success, the rows to write. */
export async function applyKeyChange(json: unknown, register: readonly VillageKeyRow[]): Promise<KeyChangeResult> {
  const parsed = keyChangeSchema.safeParse(json);
  if (!parsed.success) return { ok: false, error: `Thông báo đổi khóa không hợp lệ (trường "${parsed.error.issues[0]!.path.join('.')}").` };
  const { signature, ...body } = parsed.data;
  const oldPub = fromBase64(body.oldKey.publicKey);
  const newPub = fromBase64(body.newKey.publicKey);
  const sig = fromBase64(signature);
  if (!oldPub || !newPub || !sig || fingerprintOf(oldPub) !== body.oldKey.fingerprint || fingerprintOf(newPub) !== body.newKey.fingerprint) {
    return { ok: false, error: 'Thông báo đổi khóa bị hỏng (mã khóa không khớp khóa).' };
  }
  if (!(await verifyBytes(oldPub, sig, bytesOf(body)))) return { ok: false, error: 'Chữ ký của thông báo đổi khóa không đúng: không nhận.' };
  const old = register.find((r) => r.publicKey === body.oldKey.publicKey && !r.retiredAt);
  if (!old) {
    return { ok: false, error: `Khóa cũ (${body.oldKey.fingerprint}) chưa được đăng ký cho thôn ${body.place.thon} hoặc đã bị thay: đăng ký khóa mới bằng cách gọi điện xác nhận.` };
  }
  const add = newVillageKeyRow({ thon: old.thon, xa: old.xa, tinh: old.tinh }, { fingerprint: body.newKey.fingerprint, publicKey: body.newKey.publicKey }, new Date(body.at), 'key-change');
  return { ok: true, add, retire: { ...old, retiredAt: body.at } };
}
