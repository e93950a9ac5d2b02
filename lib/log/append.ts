import { Dexie } from 'dexie';
import type { GuardDb } from '../db/db';
import type { HeadRow, SnapshotRow } from '../db/types';
import type { RedactionSettings } from '../settings/schema';
import { loadGlobalSettings } from '../settings/store';
import { safeParseWithPath } from '../settings/parse';
import { linkEntry } from './chain';
import { LogConflictError, LogValidationError } from './errors';
import { redactWithContext } from './redact';
import { foldText } from '../domain/text';
import { logBodySchema, type CorrectionOutcome, type LogBody, type LogBodyInput, type LogEntry } from './schema';
import { newSalt, snapshotHash } from './snapshot';

export { verifyLog } from './verify';
export { queryLog, countLog } from './query';
export { applyRetention } from './retention';

/** What callers send: chainId defaults to the group's thread id, time to now; textHash is ours. */
export type AppendInput = Omit<LogBodyInput, 'chainId' | 'time' | 'textHash'> & { chainId?: string; time?: string };

export type AppendOptions = {
  /** Redaction for the snapshot and evidence; default: the stored global settings. */
  redaction?: RedactionSettings;
  now?: () => Date;
};

export type AppendResult = {
  entry: LogEntry;
  /** The redacted snapshot stored beside the entry (absent when the input had no text). */
  text?: string;
  /** True when `key` was already in the log: nothing new was written. */
  deduped: boolean;
};

const MAX_ATTEMPTS = 8;

/** Per database and chain: the tail of the appends queued in this JS context. */
const tails = new WeakMap<GuardDb, Map<string, Promise<unknown>>>();

/** Runs `task` after every earlier task for the same chain in this JS context has settled. */
function serialise<T>(db: GuardDb, chainId: string, task: () => Promise<T>): Promise<T> {
  let perDb = tails.get(db);
  if (!perDb) tails.set(db, (perDb = new Map()));
  const previous = perDb.get(chainId) ?? Promise.resolve();
  const run = previous.then(task, task);
  const tail = run.catch(() => undefined);
  perDb.set(chainId, tail);
  // Drop the map entry once idle so long-running workers do not keep one promise per group forever.
  void tail.then(() => {
    if (perDb.get(chainId) === tail) perDb.delete(chainId);
  });
  return run;
}

function chainRange(chainId: string): [[string, unknown], [string, unknown]] {
  return [
    [chainId, Dexie.minKey],
    [chainId, Dexie.maxKey],
  ];
}

/** Head row, or the last entry when the row is missing (e.g. a restored database). */
async function readHead(db: GuardDb, chainId: string): Promise<HeadRow | undefined> {
  const head = await db.heads.get(chainId);
  if (head) return head;
  const [lo, hi] = chainRange(chainId);
  const last = await db.log.where('[chainId+seq]').between(lo, hi).last();
  return last ? { chainId, seq: last.seq, hash: last.hash } : undefined;
}

function validate(input: AppendInput, now: Date): LogBody {
  if ('textHash' in input && (input as { textHash?: unknown }).textHash !== undefined) {
    throw new LogValidationError('textHash', 'is computed by appendLog from text; send text instead');
  }
  const candidate = { ...input, chainId: input.chainId ?? input.group?.threadId, time: input.time ?? now.toISOString() };
  const parsed = safeParseWithPath(logBodySchema, candidate);
  if (!parsed.ok) throw new LogValidationError(parsed.path, parsed.error.slice(parsed.path.length + 2));
  // One clock for sorting and period filters: mixed "+07:00"/"Z" strings do not sort by time.
  const time = new Date(parsed.value.time).toISOString();
  const body = { ...parsed.value, time };
  if (parsed.value.messageTime !== undefined) {
    // A sender's clock running ahead must not put a message after the moment it was read; period
    // queries rely on messageTime <= time.
    const sent = new Date(parsed.value.messageTime).toISOString();
    body.messageTime = sent < time ? sent : time;
  }
  return body;
}

/**
 * Validates, redacts and appends one entry to its group's hash chain.
 *
 * Ordering: WebCrypto digests are async and a Dexie transaction commits as soon as it awaits a
 * non-Dexie promise, so the hash cannot be computed inside the transaction. Instead (1) appends to
 * one chain are queued one after another in this JS context, (2) the entry is linked to the head
 * read just before, outside any transaction, and (3) the write transaction re-reads the head and
 * writes only if it is unchanged; if another context (service worker vs. dashboard) moved it, we
 * relink and retry. The chain therefore never forks and seq stays contiguous.
 */
export async function appendLog(db: GuardDb, input: AppendInput, options: AppendOptions = {}): Promise<AppendResult> {
  const now = options.now?.() ?? new Date();
  const parsed = validate(input, now);
  const redaction = options.redaction ?? (await loadGlobalSettings(db)).redaction;

  const { text: rawText, ...rest } = parsed;
  const body: LogBody = { ...rest };
  // Every field that may quote the message is redacted in the message's context, before hashing:
  // whatever reaches the chain is locked in for good.
  const redactor = redactWithContext(rawText ?? '', redaction);
  if (body.evidence) body.evidence = body.evidence.map(redactor.derived);
  if (body.note !== undefined) body.note = redactor.derived(body.note);
  if (body.outcome !== undefined) body.outcome = redactor.derived(body.outcome);
  let snapshot: Omit<SnapshotRow, 'seq'> | undefined;
  if (rawText !== undefined) {
    const text = redactor.text;
    const salt = newSalt();
    body.textHash = await snapshotHash(text, salt);
    snapshot = { chainId: body.chainId, time: body.time, text, salt, folded: foldText(text) };
  }

  return serialise(db, body.chainId, async () => {
    if (body.key) {
      const existing = await db.log.where('key').equals(body.key).first();
      if (existing) return { entry: existing, deduped: true };
    }
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const head = await readHead(db, body.chainId);
      if (body.ref !== undefined && body.ref > (head?.seq ?? 0)) {
        throw new LogValidationError('ref', `no entry ${body.ref} in chain ${body.chainId}`);
      }
      const entry = await linkEntry(body, head);
      const outcome = await db.transaction('rw', [db.log, db.heads, db.snapshots], async () => {
        const current = await readHead(db, body.chainId);
        if (current?.seq !== head?.seq || current?.hash !== head?.hash) return 'conflict' as const;
        if (body.key) {
          const dup = await db.log.where('key').equals(body.key).first();
          if (dup) return dup;
        }
        await db.log.add(entry);
        await db.heads.put({ chainId: entry.chainId, seq: entry.seq, hash: entry.hash });
        if (snapshot) await db.snapshots.put({ ...snapshot, seq: entry.seq });
        return 'written' as const;
      });
      if (outcome === 'written') return { entry, text: snapshot?.text, deduped: false };
      if (outcome !== 'conflict') return { entry: outcome, deduped: true };
      // Another context won the race: back off a little so both do not collide again.
      await new Promise((r) => setTimeout(r, 2 ** attempt));
    }
    throw new LogConflictError(body.chainId);
  });
}

export type CorrectOptions = {
  /** "void" (default) cancels the referenced entry, e.g. a strike given by mistake; "amend" just notes. */
  outcome?: CorrectionOutcome;
  admin?: string;
  key?: string;
} & AppendOptions;

/** Corrects an entry by appending a "correction" that refers to it; nothing is ever edited. */
export async function correctEntry(
  db: GuardDb,
  seq: number,
  chainId: string,
  note: string,
  options: CorrectOptions = {},
): Promise<AppendResult> {
  const target = await db.log.get([chainId, seq]);
  if (!target) throw new LogValidationError('ref', `no entry ${seq} in chain ${chainId}`);
  if (!note.trim()) throw new LogValidationError('note', 'a correction needs a reason');
  const admin = options.admin ?? (await loadGlobalSettings(db)).adminName;
  return appendLog(
    db,
    {
      chainId,
      kind: 'correction',
      group: target.group,
      place: target.place,
      member: target.member,
      messageId: target.messageId,
      category: target.category,
      ref: seq,
      note,
      outcome: options.outcome ?? 'void',
      admin,
      key: options.key,
    },
    options,
  );
}
