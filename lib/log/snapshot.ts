import { sha256Hex } from './chain';
import type { LogEntry } from './schema';
import type { SnapshotRow } from '../db/types';

/**
 * Why text lives outside the chain: the log is append-only and every entry is hashed, yet the
 * village must not keep members' messages forever (retentionDays). The chained body therefore
 * carries only textHash = sha256(salt + "\n" + text); the text and its salt sit in the `snapshots`
 * table. Retention deletes snapshot rows, never log rows, so the chain still verifies; a verifier
 * that has the snapshot (local db or an export) checks it against textHash; one that does not sees
 * "text purged". Without the salt a purged hash cannot be confirmed by guessing short texts.
 */
export function snapshotHash(text: string, salt: string): Promise<string> {
  return sha256Hex(`${salt}\n${text}`);
}

export function newSalt(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export type SnapshotCheck = 'ok' | 'purged' | 'mismatch' | 'unexpected' | 'none';

/**
 * ok: snapshot matches textHash; purged: textHash without snapshot (retention);
 * mismatch: text or salt altered; unexpected: a snapshot for an entry that committed to no text.
 */
export async function checkSnapshot(
  entry: Pick<LogEntry, 'textHash'>,
  snapshot: Pick<SnapshotRow, 'text' | 'salt'> | undefined,
): Promise<SnapshotCheck> {
  if (!entry.textHash) return snapshot ? 'unexpected' : 'none';
  if (!snapshot) return 'purged';
  return (await snapshotHash(snapshot.text, snapshot.salt)) === entry.textHash ? 'ok' : 'mismatch';
}
