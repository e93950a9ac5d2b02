// Namespace import: `import { z }` drags every zod locale into the bundle.
import * as z from 'zod';
import type { GuardDb } from '../db/db';
import { listKnownGroups } from './groups';
import { placeForGroup } from '../settings/place-from-name';
import { safeParseWithPath, type ParseResult } from '../settings/parse';
import { defaultGroupSettings, type GlobalSettings } from '../settings/schema';
import { loadGlobalSettings, loadGroupSettings, saveGlobalSettings, saveGroupSettings } from '../settings/store';

/** What the first-run setup asks: who signs the reports and where the village is. */
export const setupSchema = z.object({
  adminName: z.string().trim().min(1).max(100),
  thon: z.string().trim().max(100),
  xa: z.string().trim().min(1).max(100),
  tinh: z.string().trim().min(1).max(100),
});
export type SetupInput = z.infer<typeof setupSchema>;

/** Reports need a name to sign and a xã for the header: until both exist the dashboard asks. */
export function needsSetup(global: GlobalSettings): boolean {
  return !global.adminName.trim() || !global.place.xa.trim();
}

/**
 * Saves the setup: the admin's name and place, and the place of every known group that has none yet
 * (groups whose names follow the usual pattern get their own thôn/xã).
 */
export async function completeSetup(db: GuardDb, input: unknown): Promise<ParseResult<GlobalSettings>> {
  const parsed = safeParseWithPath(setupSchema, input);
  if (!parsed.ok) return parsed;
  const { adminName, thon, xa, tinh } = parsed.value;
  const place = { thon, xa, tinh };
  const global = await saveGlobalSettings(db, { ...(await loadGlobalSettings(db)), adminName, place });
  for (const known of await listKnownGroups(db)) {
    const stored = known.configured ? await loadGroupSettings(db, known.threadId) : defaultGroupSettings(known.threadId, known.name);
    if (stored.xa.trim()) continue;
    await saveGroupSettings(db, { ...stored, name: stored.name || known.name, ...placeForGroup(known.name, place) });
  }
  return { ok: true, value: global };
}
