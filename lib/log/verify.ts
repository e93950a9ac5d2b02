import { Dexie } from 'dexie';
import type { GuardDb } from '../db/db';
import type { SnapshotRow } from '../db/types';
import { verifyChain, type ChainProblem } from './chain';
import { logEntrySchema, type LogEntry } from './schema';
import { checkSnapshot } from './snapshot';

/**
 * hash/link/seq/chain: from verifyChain. start: the chain does not begin at seq 1 (entries deleted
 * at the start). truncated: the head row points past the last entry (entries deleted at the end).
 * schema: a stored row is not a valid entry. text: a snapshot does not match the entry's textHash.
 */
export type LogProblemReason = ChainProblem['reason'] | 'start' | 'truncated' | 'schema' | 'text';
export type LogProblem = { seq: number; reason: LogProblemReason };

export type ChainReport = {
  chainId: string;
  ok: boolean;
  entries: number;
  /** Hash of the last entry (what an export's recipient compares against). */
  head: string | null;
  /** Entries whose text was dropped by retention: expected, not a problem. */
  purgedTexts: number;
  problems: LogProblem[];
};

const PAGE = 1000;

/** Checks one contiguous page; `before` is the previous page's last entry (already checked). */
async function verifyPage(
  page: readonly LogEntry[],
  before: LogEntry | undefined,
  snapshots: readonly (SnapshotRow | undefined)[],
  report: ChainReport,
): Promise<void> {
  for (const row of page) {
    if (!logEntrySchema.safeParse(row).success) report.problems.push({ seq: row.seq, reason: 'schema' });
  }
  const segment = before ? [before, ...page] : page;
  const verdict = await verifyChain(segment);
  if (!verdict.ok) {
    for (const p of verdict.problems) {
      // index 0 of an overlapping segment was reported with the previous page.
      if (before && p.index === 0) continue;
      report.problems.push({ seq: p.seq, reason: p.reason });
    }
  }
  for (let i = 0; i < page.length; i++) {
    const check = await checkSnapshot(page[i], snapshots[i]);
    if (check === 'purged') report.purgedTexts++;
    else if (check === 'mismatch' || check === 'unexpected') report.problems.push({ seq: page[i].seq, reason: 'text' });
  }
}

async function verifyOneChain(db: GuardDb, chainId: string): Promise<ChainReport> {
  const report: ChainReport = { chainId, ok: true, entries: 0, head: null, purgedTexts: 0, problems: [] };
  let before: LogEntry | undefined;
  for (;;) {
    const lower = before ? [chainId, before.seq] : [chainId, Dexie.minKey];
    const page = await db.log
      .where('[chainId+seq]')
      .between(lower, [chainId, Dexie.maxKey], !before, true)
      .limit(PAGE)
      .toArray();
    if (page.length === 0) break;
    if (!before && page[0].seq !== 1) report.problems.push({ seq: page[0].seq, reason: 'start' });
    const snapshots = await db.snapshots.bulkGet(page.map((e): [string, number] => [chainId, e.seq]));
    await verifyPage(page, before, snapshots, report);
    report.entries += page.length;
    before = page[page.length - 1];
    if (page.length < PAGE) break;
  }
  report.head = before?.hash ?? null;
  const headRow = await db.heads.get(chainId);
  if (headRow && (headRow.seq !== before?.seq || headRow.hash !== before?.hash)) {
    report.problems.push({ seq: (before?.seq ?? 0) + 1, reason: 'truncated' });
  }
  report.ok = report.problems.length === 0;
  return report;
}

/** All chain ids that have entries or a head (a head without entries = everything deleted). */
async function listChainIds(db: GuardDb): Promise<string[]> {
  const ids = new Set<string>((await db.heads.toCollection().primaryKeys()) as string[]);
  // uniqueKeys on the compound primary key would need a dedicated index; walk chains via jumps instead.
  let next: LogEntry | undefined = await db.log.orderBy('[chainId+seq]').first();
  while (next) {
    ids.add(next.chainId);
    next = await db.log.where('[chainId+seq]').above([next.chainId, Dexie.maxKey]).first();
  }
  return [...ids].sort();
}

/** Verifies one chain, or every chain in the database; one report per chain. */
export async function verifyLog(db: GuardDb, chainId?: string): Promise<ChainReport[]> {
  const ids = chainId === undefined ? await listChainIds(db) : [chainId];
  const reports: ChainReport[] = [];
  for (const id of ids) reports.push(await verifyOneChain(db, id));
  return reports;
}

/**
 * Verifies an exported segment (entries of one chain sorted by seq, plus whatever snapshots the
 * export carried). Used by whoever receives a file; no database needed.
 */
export async function verifySegment(
  entries: readonly LogEntry[],
  snapshots: readonly Pick<SnapshotRow, 'seq' | 'text' | 'salt'>[] = [],
): Promise<Omit<ChainReport, 'chainId'> & { chainId: string | null }> {
  const bySeq = new Map(snapshots.map((s) => [s.seq, s]));
  const report: ChainReport = { chainId: entries[0]?.chainId ?? '', ok: true, entries: 0, head: null, purgedTexts: 0, problems: [] };
  await verifyPage(
    entries,
    undefined,
    entries.map((e) => bySeq.get(e.seq) as SnapshotRow | undefined),
    report,
  );
  report.entries = entries.length;
  report.head = entries.at(-1)?.hash ?? null;
  report.ok = report.problems.length === 0;
  return { ...report, chainId: entries[0]?.chainId ?? null };
}
