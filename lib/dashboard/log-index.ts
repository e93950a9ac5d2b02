import { Dexie, type Collection } from 'dexie';
import type { GuardDb } from '../db/db';
import type { LogFilter, LogRecord } from '../log/query';
import type { LogEntry } from '../log/schema';
import { contentMatch, isoBound, snapshotContains, toRecord } from '../log/filter';

/**
 * Paged access to the log for a virtualised table. queryLog/countLog walk a cursor with a predicate,
 * so a deep offset or a count over 100,000 entries costs a full scan each time. Instead we resolve
 * the filter ONCE to the ordered list of primary keys (index getAllKeys: no row is read for period,
 * group, category, kind, action and uid filters) and then read any window with bulkGet.
 * Semantics match lib/log/query.ts: same filter fields, newest first, and the member/text matching
 * and record building of lib/log/filter.ts.
 */
export type LogKey = [string, number];

const keyString = (k: LogKey) => `${k[0]}\u0000${k[1]}`;

const iso = (value: string | Date) => isoBound(value);

/**
 * Keys of the period by message time (the write time for entries without one), oldest first, from
 * indexes only: written in the period, minus those whose message is older, plus messages of the
 * period written later. messageTime <= time always holds (appendLog clamps it).
 */
async function periodKeys(db: GuardDb, f: LogFilter, from: string | undefined, to: string | undefined): Promise<LogKey[]> {
  const chain = f.chainId;
  const range = (index: 'time' | 'messageTime', lo: string | undefined, hi: string | undefined) =>
    chain !== undefined
      ? db.log.where(`[chainId+${index}]`).between([chain, lo ?? Dexie.minKey], [chain, hi ?? Dexie.maxKey], true, false)
      : db.log.where(index).between(lo ?? Dexie.minKey, hi ?? Dexie.maxKey, true, false);
  const at = (k: unknown) => (Array.isArray(k) ? String(k[1]) : String(k));
  const withTimes = async (c: ReturnType<typeof range>) => {
    const [keys, pks] = await Promise.all([c.keys(), c.primaryKeys()]);
    return (pks as LogKey[]).map((pk, i) => ({ pk, at: at(keys[i]) }));
  };
  const [written, sent, older] = await Promise.all([
    withTimes(range('time', from, to)),
    withTimes(range('messageTime', from, to)),
    from !== undefined ? range('messageTime', undefined, from).primaryKeys() : Promise.resolve([]),
  ]);
  const drop = new Set((older as LogKey[]).map(keyString));
  const byKey = new Map<string, { pk: LogKey; at: string }>();
  for (const r of written) if (!drop.has(keyString(r.pk))) byKey.set(keyString(r.pk), r);
  for (const r of sent) byKey.set(keyString(r.pk), r);
  return [...byKey.values()]
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.pk[0].localeCompare(b.pk[0]) || a.pk[1] - b.pk[1]))
    .map((r) => r.pk);
}

/** Keys of the period (and group), oldest first, straight from an index. */
async function baseKeys(db: GuardDb, f: LogFilter): Promise<LogKey[]> {
  const from = f.from ? iso(f.from) : undefined;
  const to = f.to ? iso(f.to) : undefined;
  if (from || to) return periodKeys(db, f, from, to);
  if (f.chainId !== undefined) {
    return (await db.log
      .where('[chainId+time]')
      .between([f.chainId, from ?? Dexie.minKey], [f.chainId, to ?? Dexie.maxKey], true, false)
      .primaryKeys()) as LogKey[];
  }
  if (from || to) {
    return (await db.log.where('time').between(from ?? Dexie.minKey, to ?? Dexie.maxKey, true, false).primaryKeys()) as LogKey[];
  }
  return (await db.log.orderBy('time').primaryKeys()) as LogKey[];
}

/** Keys whose indexed field is one of `values` (union of equality lookups, each a plain key range). */
async function indexedSet(db: GuardDb, index: 'category' | 'kind' | 'action' | 'member.uid', values: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const v of values) {
    const keys = (await db.log.where(index).equals(v).primaryKeys()) as LogKey[];
    for (const k of keys) out.add(keyString(k));
  }
  return out;
}

const CHUNK = 5000;

/**
 * Ordered keys (newest first) of every entry matching the filter. Filters that need row content
 * (member name, text) read rows in chunks, yielding between chunks; `signal` aborts a stale search.
 */
export async function resolveKeys(db: GuardDb, f: LogFilter, signal?: AbortSignal): Promise<LogKey[]> {
  let keys = await baseKeys(db, f);
  const sets: Set<string>[] = [];
  if (f.categories?.length) sets.push(await indexedSet(db, 'category', f.categories));
  if (f.kinds?.length) sets.push(await indexedSet(db, 'kind', f.kinds));
  if (f.actions?.length) sets.push(await indexedSet(db, 'action', f.actions));
  if (f.member?.uid !== undefined) sets.push(await indexedSet(db, 'member.uid', [f.member.uid]));
  if (sets.length) keys = keys.filter((k) => sets.every((s) => s.has(keyString(k))));

  const content = contentMatch(f);
  if (content) {
    const needle = content.needle;
    const kept: LogKey[] = [];
    for (let i = 0; i < keys.length; i += CHUNK) {
      if (signal?.aborted) throw new DOMException('aborted', 'AbortError');
      const chunk = keys.slice(i, i + CHUNK);
      const [entries, snaps] = await Promise.all([
        db.log.bulkGet(chunk),
        needle !== undefined ? db.snapshots.bulkGet(chunk) : Promise.resolve([]),
      ]);
      chunk.forEach((k, j) => {
        const e = entries[j];
        if (!e) return;
        const s = needle !== undefined ? snaps[j] : undefined;
        if (content.matches(e, s !== undefined && needle !== undefined && snapshotContains(s, needle))) kept.push(k);
      });
      await new Promise((r) => setTimeout(r, 0));
    }
    keys = kept;
  }
  return keys.reverse();
}

/** Rows for the given keys, with the text snapshot when still kept (same states as queryLog). */
export async function fetchRecords(db: GuardDb, keys: readonly LogKey[]): Promise<LogRecord[]> {
  const [entries, snaps] = await Promise.all([db.log.bulkGet([...keys]), db.snapshots.bulkGet([...keys])]);
  const out: LogRecord[] = [];
  entries.forEach((entry, i) => {
    if (entry) out.push(toRecord(entry, snaps[i]));
  });
  return out;
}

/** Reads entries of `keys` in chunks (for charts), calling `each` per chunk; yields between chunks. */
export async function forEachEntryChunk(
  db: GuardDb,
  keys: readonly LogKey[],
  each: (entries: LogEntry[]) => void,
  signal?: AbortSignal,
  chunk = CHUNK,
): Promise<void> {
  for (let i = 0; i < keys.length; i += chunk) {
    if (signal?.aborted) throw new DOMException('aborted', 'AbortError');
    const entries = await db.log.bulkGet(keys.slice(i, i + chunk));
    each(entries.filter((e): e is LogEntry => e !== undefined));
    await new Promise((r) => setTimeout(r, 0));
  }
}

/** True when a filter selects by period and group only: every entry of the index range matches. */
export function isIndexOnly(f: LogFilter): boolean {
  return !f.categories?.length && !f.kinds?.length && !f.actions?.length && !f.member && !f.text?.trim();
}

/**
 * Reads every entry of an index-only filter in time order, chunk by chunk, with range getAll
 * (keyset paging on the time index): several times faster than bulkGet of 100,000 keys.
 */
export async function forEachRangeChunk(
  db: GuardDb,
  f: LogFilter,
  each: (entries: LogEntry[]) => void,
  signal?: AbortSignal,
  chunk = CHUNK,
): Promise<void> {
  // A period goes by message time, which the write-time range alone cannot answer: resolve its keys
  // from the indexes, then read them.
  if (f.from || f.to) return forEachEntryChunk(db, await resolveKeys(db, f, signal), each, signal, chunk);
  const to = f.to ? iso(f.to) : undefined;
  let lower: string | undefined = f.from ? iso(f.from) : undefined;
  let includeLower = true;
  const range = (lo: string | undefined, inclusive: boolean): Collection<LogEntry, LogKey> =>
    f.chainId !== undefined
      ? db.log.where('[chainId+time]').between([f.chainId, lo ?? Dexie.minKey], [f.chainId, to ?? Dexie.maxKey], inclusive, false)
      : db.log.where('time').between(lo ?? Dexie.minKey, to ?? Dexie.maxKey, inclusive, false);
  for (;;) {
    if (signal?.aborted) throw new DOMException('aborted', 'AbortError');
    const page: LogEntry[] = await range(lower, includeLower).limit(chunk).toArray();
    if (page.length < chunk) {
      each(page);
      return;
    }
    // Keyset paging on time alone can split entries of one instant: emit the page up to its last
    // instant, then that whole instant at once, and continue strictly after it.
    const last = page[page.length - 1].time;
    each(page.filter((e) => e.time !== last));
    const sameInstant: LogEntry[] =
      f.chainId !== undefined ? await db.log.where('[chainId+time]').equals([f.chainId, last]).toArray() : await db.log.where('time').equals(last).toArray();
    each(sameInstant);
    lower = last;
    includeLower = false;
    await new Promise((r) => setTimeout(r, 0));
  }
}
