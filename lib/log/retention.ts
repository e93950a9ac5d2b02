import type { GuardDb } from '../db/db';

const DAY_MS = 86_400_000;

/**
 * Drops message text snapshots older than `retentionDays` (0 = keep forever). Log entries are never
 * touched: they hold only textHash, so every chain still verifies and reports show "text purged".
 */
export async function applyRetention(
  db: GuardDb,
  options: { retentionDays: number; now?: Date },
): Promise<{ purged: number; cutoff: string | null }> {
  if (!(options.retentionDays > 0)) return { purged: 0, cutoff: null };
  const cutoff = new Date((options.now ?? new Date()).getTime() - options.retentionDays * DAY_MS).toISOString();
  const purged = await db.snapshots.where('time').below(cutoff).delete();
  return { purged, cutoff };
}
