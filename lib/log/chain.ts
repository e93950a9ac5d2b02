import { sha256HexSync } from './sha256';
import { GENESIS_HASH, type LogBody, type LogEntry } from './schema';

/** JSON with sorted keys and no undefined, so the same entry always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  // Built with plain loops (no filter/map/template per key): hashing runs once per entry on export, import and
  // every verification of 100,000-entry logs.
  if (Array.isArray(value)) {
    let s = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) s += ',';
      // JSON.stringify(undefined) is undefined, which join() wrote as nothing: keep that.
      const c = canonicalJson(value[i]) as string | undefined;
      if (c !== undefined) s += c;
    }
    return `${s}]`;
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).sort();
  let s = '{';
  let first = true;
  for (const k of keys) {
    const v = obj[k];
    if (v === undefined) continue;
    if (!first) s += ',';
    first = false;
    s += `${JSON.stringify(k)}:${canonicalJson(v)}`;
  }
  return `${s}}`;
}

/** Kept async for callers; computed synchronously (see sha256.ts for why not WebCrypto). */
export async function sha256Hex(text: string): Promise<string> {
  return sha256HexSync(text);
}

/** hash = SHA-256(prevHash + "\n" + canonical JSON of body and seq). */
export function entryHash(body: LogBody, seq: number, prevHash: string): Promise<string> {
  return sha256Hex(`${prevHash}\n${canonicalJson({ ...body, seq })}`);
}

/** Builds the next link of a chain. `prev` is the chain's current head, or undefined. */
export async function linkEntry(body: LogBody, prev: Pick<LogEntry, 'seq' | 'hash'> | undefined): Promise<LogEntry> {
  const seq = prev ? prev.seq + 1 : 1;
  const prevHash = prev ? prev.hash : GENESIS_HASH;
  return { ...body, seq, prevHash, hash: await entryHash(body, seq, prevHash) };
}

export type ChainProblem = { seq: number; index: number; reason: 'hash' | 'link' | 'seq' | 'chain' };
export type ChainVerdict = { ok: true; head: string | null } | { ok: false; problems: ChainProblem[] };

/**
 * Verifies a contiguous segment of one chain (entries sorted by seq). A segment may start after
 * seq 1 (an export for a period); its first prevHash is then taken as the anchor.
 */
export async function verifyChain(entries: readonly LogEntry[]): Promise<ChainVerdict> {
  const problems: ChainProblem[] = [];
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    const { seq, prevHash, hash, ...body } = e;
    if (i > 0) {
      const before = entries[i - 1];
      if (e.chainId !== before.chainId) problems.push({ seq, index: i, reason: 'chain' });
      if (seq !== before.seq + 1) problems.push({ seq, index: i, reason: 'seq' });
      if (prevHash !== before.hash) problems.push({ seq, index: i, reason: 'link' });
    } else if (seq === 1 && prevHash !== GENESIS_HASH) {
      problems.push({ seq, index: i, reason: 'link' });
    }
    if ((await entryHash(body, seq, prevHash)) !== hash) problems.push({ seq, index: i, reason: 'hash' });
  }
  return problems.length ? { ok: false, problems } : { ok: true, head: entries.at(-1)?.hash ?? null };
}
