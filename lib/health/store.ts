// Namespace import: `import { z }` drags every zod locale into the bundle (443 kB vs 83 kB).
import * as z from 'zod';
import { CHECK_ITEMS } from './checklist';
import { householdSchema } from './roster';
import type { TrustDb } from '../trust/store';

/**
 * What the health page keeps per group. Stored beside the keys (not in the log database): the roster
 * names households, so it never travels with a log backup or a bundle; "Xóa danh sách" removes it.
 */
const checkStateSchema = z.object({ done: z.boolean(), at: z.string().datetime({ offset: true }), by: z.enum(['page', 'admin']) });

export const groupHealthSchema = z.object({
  threadId: z.string().min(1),
  roster: z.object({ households: z.array(householdSchema), fileName: z.string(), importedAt: z.string() }).optional(),
  /** Member names as the admin pasted them from Zalo's member list (or the panel read them). */
  members: z
    .object({
      names: z.array(z.string().trim().min(1)),
      at: z.string(),
      /** 'page': read by the Zalo panel; absent: pasted by the admin. */
      source: z.enum(['page', 'paste']).optional(),
      /** False when the panel could not read the list to its end: coverage is then a lower bound. */
      complete: z.boolean().optional(),
      /** The member count Zalo's heading showed. */
      headerCount: z.number().int().nonnegative().optional(),
    })
    .optional(),
  checklist: z.partialRecord(z.enum(CHECK_ITEMS), checkStateSchema).default({}),
  inviteLink: z.string().default(''),
  customPattern: z.string().default(''),
});
export type GroupHealth = z.infer<typeof groupHealthSchema>;

export async function loadGroupHealth(db: TrustDb, threadId: string): Promise<GroupHealth> {
  const row = await db.health.get(threadId);
  const parsed = groupHealthSchema.safeParse(row ?? { threadId });
  return parsed.success ? parsed.data : groupHealthSchema.parse({ threadId });
}

/** The health store as the background uses it (one group at a time, read-modify-write). */
export interface HealthStore {
  update(threadId: string, change: (current: GroupHealth) => GroupHealth): Promise<GroupHealth>;
}

/** Read-modify-write in one transaction, so a write from the panel never drops one from the dashboard. */
export function createHealthStore(db: TrustDb): HealthStore {
  return {
    update: (threadId, change) =>
      db.transaction('rw', db.health, async () => saveGroupHealth(db, change(await loadGroupHealth(db, threadId)))),
  };
}

export async function saveGroupHealth(db: TrustDb, value: GroupHealth): Promise<GroupHealth> {
  const parsed = groupHealthSchema.parse(value);
  await db.health.put(parsed);
  return parsed;
}
