import type { GuardDb } from '../db/db';
import { readChain } from '../log/query';
import type { LogEntry, Place } from '../log/schema';
import { inPeriod, type Period } from '../reports/period';
import { exportOrder } from '../reports/rows';
import { redactEntries, type ExportEntry, type RedactionOptions, isRedacting } from '../reports/redact';

/**
 * One group's chain prepared for exports. `stored` are the entries exactly as in the database
 * (hashed fields only: what the verifiable JSON bundle must carry). `display` has the snapshot text
 * merged back in for CSV/XLSX/A4; those files are read by people, not verified.
 */
export type GroupChain = {
  threadId: string;
  stored: LogEntry[];
  display: LogEntry[];
  /** Message texts kept beside the chain (verifiable against each entry's textHash). */
  snapshots: { seq: number; text: string; salt: string }[];
};

export async function loadGroupChain(db: GuardDb, threadId: string): Promise<GroupChain> {
  const { entries, snapshots } = await readChain(db, threadId);
  const text = new Map(snapshots.map((s) => [s.seq, s.text]));
  const display = entries.map((e) => {
    const t = text.get(e.seq);
    return t === undefined ? e : { ...e, text: t };
  });
  return { threadId, stored: entries, display, snapshots };
}

export type ReportEntries = {
  /** All display entries of every chain (redacted like the rows), for summarize(): actions after the
   *  period end still close its flags, and member names in the summary follow the redaction. */
  all: ExportEntry[];
  /** In-period entries, redacted, in export order: the rows of CSV/XLSX/A4. */
  rows: ExportEntry[];
};

export function reportEntries(chains: readonly GroupChain[], period: Pick<Period, 'from' | 'to'>, redaction: RedactionOptions): ReportEntries {
  const display = chains.flatMap((c) => c.display);
  const all = isRedacting(redaction) ? redactEntries(display, redaction) : display;
  const rows = all.filter((e) => inPeriod(e, period)).sort(exportOrder);
  return { all, rows };
}

/** Common place of several groups: fields that differ are joined ("Đông, Đoài"). */
export function commonPlace(places: readonly Place[]): Place {
  const join = (k: keyof Place) => [...new Set(places.map((p) => p[k].trim()).filter(Boolean))].join(', ');
  return { thon: join('thon'), xa: join('xa'), tinh: join('tinh') };
}
