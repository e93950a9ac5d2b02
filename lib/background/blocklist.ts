import type { GuardDb } from '../db/db';
import { BUNDLED_BLOCKLIST_PATH, loadBlocklist, mergeBlocklists, parseBlocklist, type Blocklist } from '../rules/links';
import type { HostHit } from '../messages/protocol';

type Lookup = { lookup(host: string): HostHit };

/**
 * The bundled list (public/blocklists) plus any list the user imported in the dashboard, merged once
 * and rebuilt only when the imported lists change. Lives in the worker so Zalo's tab never holds it.
 */
export function loadBundledBlocklist(db: GuardDb, fetchText: (path: string) => Promise<string>): () => Promise<Lookup> {
  let bundled: Promise<Blocklist> | null = null;
  let cached: { version: string; list: Promise<Lookup> } | null = null;

  const getBundled = () =>
    (bundled ??= fetchText(BUNDLED_BLOCKLIST_PATH)
      .then((text) => loadBlocklist(text, 'bundled') as Blocklist)
      .catch((e) => {
        bundled = null; // retry on the next lookup
        throw e;
      }));

  return async () => {
    const rows = await db.blocklist.toArray();
    const version = rows.map((r) => `${r.id}@${r.importedAt}`).join('|');
    if (cached?.version === version) return cached.list;
    const list = (async (): Promise<Lookup> => {
      let merged = await getBundled();
      for (const row of rows) {
        const parsed = parseBlocklist(row.text, row.name);
        if (parsed.ok) merged = mergeBlocklists(merged, parsed.blocklist);
      }
      const final = merged;
      return {
        lookup(host: string): HostHit {
          const hit = final.lookup(host) as (ReturnType<Blocklist['lookup']> & { kind?: string }) | null;
          return hit ? { list: hit.list, matched: hit.matched, kind: hit.kind } : null;
        },
      };
    })();
    cached = { version, list };
    return list;
  };
}
