import { Dexie, type Collection } from 'dexie';
import type { GuardDb } from '../db/db';
import type { CategoryId } from '../domain/categories';
import { eventTime, type LogAction, type LogEntry, type LogKind } from './schema';
import { contentMatch, entryKey, isoBound, snapshotContains, toRecord } from './filter';

export type LogFilter = {
  /** Inclusive start of the period (ISO string or Date). */
  from?: string | Date;
  /** Exclusive end of the period. */
  to?: string | Date;
  chainId?: string;
  categories?: readonly CategoryId[];
  actions?: readonly LogAction[];
  kinds?: readonly LogKind[];
  /** uid matches exactly; name matches accent- and case-insensitively as a substring. */
  member?: { uid?: string; name?: string };
  /** Accent-insensitive search in the message snapshot, note, member/group name, evidence, clause. */
  text?: string;
  /** Default 100. */
  limit?: number;
  offset?: number;
};

/** kept: snapshot present; purged: dropped by retention; none: the entry never had text. */
export type TextState = 'kept' | 'purged' | 'none';
export type LogRecord = { entry: LogEntry; text?: string; textState: TextState };

const iso = isoBound;

/** Newest first, using the narrowest index the filter allows. */
function baseCollection(db: GuardDb, f: LogFilter): Collection<LogEntry, [string, number]> {
  const from = f.from ? iso(f.from, 'from') : undefined;
  const to = f.to ? iso(f.to, 'to') : undefined;
  if (f.chainId !== undefined) {
    return db.log
      .where('[chainId+time]')
      .between([f.chainId, from ?? Dexie.minKey], [f.chainId, Dexie.maxKey], true, true)
      .reverse();
  }
  // Periods go by message time, which is never later than `time`: every entry of the period was
  // written at or after `from`; the predicate drops the rest.
  if (from || to) return db.log.where('time').between(from ?? Dexie.minKey, Dexie.maxKey, true, true).reverse();
  return db.log.orderBy('time').reverse();
}

/** Keys of entries whose snapshot text contains the folded needle. */
async function snapshotHits(db: GuardDb, needle: string, f: LogFilter): Promise<Set<string>> {
  const hits = new Set<string>();
  let rows = db.snapshots.toCollection();
  if (f.from || f.to) {
    // Snapshot time is the entry's write time; the entry predicate applies the period by message time.
    rows = db.snapshots.where('time').between(f.from ? iso(f.from) : Dexie.minKey, Dexie.maxKey, true, true);
  }
  // Pages via getAll: far faster than a cursor, and bounded memory.
  const PAGE = 5000;
  for (let offset = 0; ; offset += PAGE) {
    const page = await rows.clone().offset(offset).limit(PAGE).toArray();
    for (const s of page) {
      if ((f.chainId === undefined || s.chainId === f.chainId) && snapshotContains(s, needle)) hits.add(entryKey(s));
    }
    if (page.length < PAGE) break;
  }
  return hits;
}

async function buildPredicate(db: GuardDb, f: LogFilter): Promise<(e: LogEntry) => boolean> {
  const categories = f.categories?.length ? new Set<string>(f.categories) : undefined;
  const actions = f.actions?.length ? new Set<string>(f.actions) : undefined;
  const kinds = f.kinds?.length ? new Set<string>(f.kinds) : undefined;
  const uid = f.member?.uid;
  const content = contentMatch(f);
  const inSnapshots = content?.needle ? await snapshotHits(db, content.needle, f) : undefined;
  const from = f.from ? iso(f.from, 'from') : undefined;
  const to = f.to ? iso(f.to, 'to') : undefined;
  return (e) => {
    if (from !== undefined || to !== undefined) {
      const at = eventTime(e);
      if ((from !== undefined && at < from) || (to !== undefined && at >= to)) return false;
    }
    if (categories && (!e.category || !categories.has(e.category))) return false;
    if (actions && (!e.action || !actions.has(e.action))) return false;
    if (kinds && !kinds.has(e.kind)) return false;
    if (uid !== undefined && e.member?.uid !== uid) return false;
    return !content || content.matches(e, inSnapshots?.has(entryKey(e)) ?? false);
  };
}

/** Log entries matching the filter, newest first, with their text snapshot when still kept. */
export async function queryLog(db: GuardDb, filter: LogFilter = {}): Promise<LogRecord[]> {
  const predicate = await buildPredicate(db, filter);
  const entries = await baseCollection(db, filter)
    .filter(predicate)
    .offset(filter.offset ?? 0)
    .limit(filter.limit ?? 100)
    .toArray();
  const snaps = await db.snapshots.bulkGet(entries.map((e): [string, number] => [e.chainId, e.seq]));
  return entries.map((entry, i) => toRecord(entry, snaps[i]));
}

/** How many entries match (for pagination); ignores limit/offset. */
export async function countLog(db: GuardDb, filter: LogFilter = {}): Promise<number> {
  const predicate = await buildPredicate(db, filter);
  return baseCollection(db, filter).filter(predicate).count();
}

/** One chain's entries in seq order (for exports and ladder history), with snapshots still kept. */
export async function readChain(
  db: GuardDb,
  chainId: string,
  range: { fromSeq?: number; toSeq?: number } = {},
): Promise<{ entries: LogEntry[]; snapshots: { seq: number; text: string; salt: string }[] }> {
  const entries = await db.log
    .where('[chainId+seq]')
    .between([chainId, range.fromSeq ?? Dexie.minKey], [chainId, range.toSeq ?? Dexie.maxKey], true, true)
    .toArray();
  const snaps = await db.snapshots.bulkGet(entries.map((e): [string, number] => [chainId, e.seq]));
  return {
    entries,
    snapshots: snaps.flatMap((s) => (s ? [{ seq: s.seq, text: s.text, salt: s.salt }] : [])),
  };
}
