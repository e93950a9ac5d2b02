import { foldText } from '../domain/text';
import { LogValidationError } from './errors';
import type { LogEntry } from './schema';
import type { SnapshotRow } from '../db/types';
import type { LogFilter, LogRecord } from './query';

/**
 * The parts of a log filter both readers share: queryLog (cursor + predicate, small pages) and the
 * dashboard's key index (lib/dashboard/log-index.ts, 100,000 entries). Keeping them here makes the
 * two return the same entries for the same filter.
 */

/** Primary key of an entry as one string (for sets). */
export const entryKey = (e: Pick<LogEntry, 'chainId' | 'seq'>): string => `${e.chainId}\u0000${e.seq}`;

/** A period bound as an ISO string; a value that is no date is refused naming the field. */
export function isoBound(value: string | Date, field = 'from/to'): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) throw new LogValidationError(field, `not a date: ${String(value)}`);
  return date.toISOString();
}

/** Accent-insensitive search text of an entry besides its snapshot: note, member, group, clause, outcome, evidence. */
function entryText(e: LogEntry): string {
  return [e.note, e.member?.name, e.group.name, e.clause, e.outcome, e.text, ...(e.evidence ?? [])].filter(Boolean).join('\n');
}

export interface ContentMatch {
  /** Folded search text, when the filter has one (a snapshot is matched against it). */
  needle?: string;
  /** Member name and text conditions; `inSnapshot` = the entry's snapshot already contains the needle. */
  matches(e: LogEntry, inSnapshot: boolean): boolean;
}

/** The member-name and text conditions of a filter, or null when it has none. */
export function contentMatch(f: LogFilter): ContentMatch | null {
  const name = f.member?.name?.trim() ? foldText(f.member.name.trim()) : undefined;
  const needle = f.text?.trim() ? foldText(f.text.trim()) : undefined;
  if (name === undefined && needle === undefined) return null;
  return {
    needle,
    matches(e, inSnapshot) {
      if (name !== undefined && !foldText(e.member?.name ?? '').includes(name)) return false;
      if (needle !== undefined && !inSnapshot && !foldText(entryText(e)).includes(needle)) return false;
      return true;
    },
  };
}

/** Whether a snapshot row contains the folded needle (uses the precomputed fold when stored). */
export function snapshotContains(s: Pick<SnapshotRow, 'text' | 'folded'>, needle: string): boolean {
  return (s.folded ?? foldText(s.text)).includes(needle);
}

/** An entry with its text snapshot when still kept: kept / purged by retention / never had text. */
export function toRecord(entry: LogEntry, snap: Pick<SnapshotRow, 'text'> | undefined): LogRecord {
  if (snap) return { entry, text: snap.text, textState: 'kept' };
  if (entry.text !== undefined) return { entry, text: entry.text, textState: 'kept' };
  return { entry, textState: entry.textHash ? 'purged' : 'none' };
}
