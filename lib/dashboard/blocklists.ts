import type { GuardDb } from '../db/db';
import type { BlocklistRow } from '../db/types';
import { parseBlocklist } from '../rules/links/blocklist';

/** Imported domain blocklists, newest first. */
export function listBlocklists(db: GuardDb): Promise<BlocklistRow[]> {
  return db.blocklist.orderBy('importedAt').reverse().toArray();
}

export type BlocklistImport = { ok: true; row: BlocklistRow } | { ok: false; error: string };

/** Validates a blocklist file and stores it; nothing is written when the file is not a blocklist. */
export async function importBlocklist(db: GuardDb, name: string, text: string, now: Date): Promise<BlocklistImport> {
  const r = parseBlocklist(text, name);
  if (!r.ok) return { ok: false, error: r.error };
  const importedAt = now.toISOString();
  const row: BlocklistRow = { id: `${name}@${importedAt}`, name, text, lineCount: r.count, importedAt, source: name };
  await db.blocklist.put(row);
  return { ok: true, row };
}

export function removeBlocklist(db: GuardDb, id: string): Promise<void> {
  return db.blocklist.delete(id);
}
