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
  members: z.object({ names: z.array(z.string().trim().min(1)), at: z.string() }).optional(),
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

export async function saveGroupHealth(db: TrustDb, value: GroupHealth): Promise<GroupHealth> {
  const parsed = groupHealthSchema.parse(value);
  await db.health.put(parsed);
  return parsed;
}
