/**
 * Stored-log fixtures for the dashboard's e2e test and benchmark: realistic Vietnamese entries
 * (tests/unit/reports/make-log.ts) turned into exactly what appendLog stores — message text moved
 * to a snapshot row with a salted textHash in the chained entry — and written into the extension's
 * IndexedDB from an extension page. Nothing test-only ships in the extension itself.
 */
import type { Page } from '@playwright/test';
import { linkEntry } from '../../../lib/log/chain';
import type { LogBody, LogEntry } from '../../../lib/log/schema';
import { newSalt, snapshotHash } from '../../../lib/log/snapshot';
import { foldText } from '../../../lib/domain/text';
import type { HeadRow, SnapshotRow } from '../../../lib/db/types';
import { makeBodies, type MakeLogOptions } from '../reports/make-log';

export type StoredLog = { entries: LogEntry[]; snapshots: SnapshotRow[]; heads: HeadRow[] };

/** Drops undefined keys, as IndexedDB's structured clone would not (hashes ignore them anyway). */
function clean<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

export async function buildStoredLog(opts: MakeLogOptions): Promise<StoredLog> {
  const bodies = makeBodies(opts);
  // Snapshot hashes are independent of each other: compute them concurrently in batches.
  const prepared: { body: LogBody; snap?: Omit<SnapshotRow, 'seq'> }[] = new Array(bodies.length);
  const BATCH = 2000;
  for (let i = 0; i < bodies.length; i += BATCH) {
    await Promise.all(
      bodies.slice(i, i + BATCH).map(async (b, j) => {
        const { text, ...rest } = b;
        if (text === undefined) {
          prepared[i + j] = { body: clean(rest) };
          return;
        }
        const salt = newSalt();
        const body = clean({ ...rest, time: new Date(rest.time).toISOString(), textHash: await snapshotHash(text, salt) });
        prepared[i + j] = { body, snap: { chainId: b.chainId, time: body.time, text, salt, folded: foldText(text) } };
      }),
    );
  }
  const entries: LogEntry[] = [];
  const snapshots: SnapshotRow[] = [];
  let head: LogEntry | undefined = undefined;
  for (const p of prepared) {
    const e: LogEntry = await linkEntry(p.body, head);
    entries.push(e);
    if (p.snap) snapshots.push({ ...p.snap, seq: e.seq });
    head = e;
  }
  return { entries, snapshots, heads: head ? [{ chainId: head.chainId, seq: head.seq, hash: head.hash }] : [] };
}

export function mergeLogs(...logs: StoredLog[]): StoredLog {
  return {
    entries: logs.flatMap((l) => l.entries),
    snapshots: logs.flatMap((l) => l.snapshots),
    heads: logs.flatMap((l) => l.heads),
  };
}

/**
 * Writes rows into the extension database from an extension page (its origin owns the DB). The
 * page must have opened the database already (Dexie creates the stores), so we open it without a
 * version and never change the schema.
 */
export async function seedPage(page: Page, log: StoredLog, chunk = 10_000): Promise<void> {
  const total = Math.max(log.entries.length, log.snapshots.length);
  for (let i = 0; i < total || i === 0; i += chunk) {
    await page.evaluate(
      async (rows) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const req = indexedDB.open('zalo-group-guard');
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction(['log', 'snapshots', 'heads'], 'readwrite');
          for (const e of rows.entries) tx.objectStore('log').put(e);
          for (const s of rows.snapshots) tx.objectStore('snapshots').put(s);
          for (const h of rows.heads) tx.objectStore('heads').put(h);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
        db.close();
      },
      {
        entries: log.entries.slice(i, i + chunk),
        snapshots: log.snapshots.slice(i, i + chunk),
        heads: i === 0 ? log.heads : [],
      },
    );
    if (total === 0) break;
  }
}
