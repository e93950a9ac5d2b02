import { Dexie, type Table } from 'dexie';
import type { Bundle, PreviousExport } from '../reports/bundle';
import type { GroupHealth } from '../health/store';
import type { Place } from '../log/schema';
import { receivedRecordSchema, type ReceivedRecord } from './continuity';
import { exportPublicKey, fingerprintOf, generateSigningKey, toBase64 } from './keys';
import { villageKeyRowSchema, type VillageKeyRow } from './register';
import { generateKeyWithBackup, restoreKeyBackup, type KeyBackup } from './backup';
import { applyKeyChange, makeKeyChange, type KeyChange } from './key-change';

/**
 * Keys, the xã's register and the group-health data live in their own database, apart from the log: clearing or
 * re-importing a log never touches the signing key, and the key never travels with a log backup.
 * Extension pages only (Dexie never runs in the content script).
 */
export const TRUST_DB_NAME = 'zalo-group-guard-trust';

/** CryptoKey objects are stored as they are (IndexedDB clones them); the private one stays non-extractable. */
export type InstallKeyRow = {
  id: 'installation';
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  publicRaw: string;
  fingerprint: string;
  createdAt: string;
  /** Key it replaced, with the signed statement (lib/trust/key-change.ts), kept to hand to the xã. */
  replaced?: { fingerprint: string; statement: string };
};

/** The last export of a group from this installation: the next bundle names it as `previous`. */
export type ExportRow = PreviousExport & { threadId: string; exportedAt: string };

export class TrustDb extends Dexie {
  installKey!: Table<InstallKeyRow, string>;
  villageKeys!: Table<VillageKeyRow, string>;
  received!: Table<ReceivedRecord, string>;
  exports!: Table<ExportRow, string>;
  health!: Table<GroupHealth, string>;

  constructor(name: string = TRUST_DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      installKey: 'id',
      villageKeys: 'id, villageId',
      received: 'id, threadId',
      exports: 'threadId',
      // Per-group health: roster, member names, checklist ticks, invite link. Local only.
      health: 'threadId',
    });
  }
}

let shared: TrustDb | undefined;
export function getTrustDb(): TrustDb {
  shared ??= new TrustDb();
  return shared;
}

export type InstallKey = { privateKey: CryptoKey; publicKey: CryptoKey; publicRaw: string; fingerprint: string; createdAt: string };

export async function loadInstallKey(db: TrustDb): Promise<InstallKey | undefined> {
  return db.installKey.get('installation');
}

/** The installation's key, made on first use. Two pages racing here keep the first key written. */
export async function ensureInstallKey(db: TrustDb, now: Date = new Date()): Promise<InstallKey> {
  const existing = await loadInstallKey(db);
  if (existing) return existing;
  const pair = await generateSigningKey();
  const raw = await exportPublicKey(pair.publicKey);
  const row: InstallKeyRow = {
    id: 'installation',
    privateKey: pair.privateKey,
    publicKey: pair.publicKey,
    publicRaw: toBase64(raw),
    fingerprint: fingerprintOf(raw),
    createdAt: now.toISOString(),
  };
  return db.transaction('rw', db.installKey, async () => {
    const again = await db.installKey.get('installation');
    if (again) return again;
    await db.installKey.put(row);
    return row;
  });
}

export async function replaceInstallKey(db: TrustDb, row: InstallKeyRow): Promise<void> {
  await db.installKey.put(row);
}

export async function previousExport(db: TrustDb, threadId: string): Promise<PreviousExport | null> {
  const row = await db.exports.get(threadId);
  return row ? { lastSeq: row.lastSeq, headHash: row.headHash, periodLabel: row.periodLabel } : null;
}

/** Remembers where this export ended; an export of an earlier period never moves it back. */
export async function recordExport(db: TrustDb, bundle: Bundle): Promise<void> {
  const { chain } = bundle;
  if (!chain.headHash || chain.lastSeq === 0) return;
  await db.transaction('rw', db.exports, async () => {
    const row = await db.exports.get(chain.chainId);
    if (row && row.lastSeq > chain.lastSeq) return;
    await db.exports.put({ threadId: chain.chainId, lastSeq: chain.lastSeq, headHash: chain.headHash!, periodLabel: bundle.period.label, exportedAt: bundle.exportedAt });
  });
}

export async function listRegister(db: TrustDb): Promise<VillageKeyRow[]> {
  return (await db.villageKeys.toArray()).flatMap((r) => {
    const p = villageKeyRowSchema.safeParse(r);
    return p.success ? [p.data] : [];
  });
}

export async function addToRegister(db: TrustDb, row: VillageKeyRow): Promise<void> {
  await db.villageKeys.put(villageKeyRowSchema.parse(row));
}

export async function removeFromRegister(db: TrustDb, id: string): Promise<void> {
  await db.villageKeys.delete(id);
}

export async function listReceived(db: TrustDb): Promise<ReceivedRecord[]> {
  return (await db.received.toArray()).flatMap((r) => {
    const p = receivedRecordSchema.safeParse(r);
    return p.success ? [p.data] : [];
  });
}

export async function rememberReceived(db: TrustDb, records: readonly ReceivedRecord[]): Promise<void> {
  if (records.length) await db.received.bulkPut(records.map((r) => receivedRecordSchema.parse(r)));
}

/**
 * A new installation key with its encrypted backup; when an old key exists it signs a key-change
 * statement for the xã. Returns the files to save.
 */
export async function rotateKeyWithBackup(
  db: TrustDb,
  passphrase: string,
  place: Place,
  now: Date,
  iterations?: number,
): Promise<{ backup: KeyBackup; statement?: KeyChange; fingerprint: string }> {
  const old = await loadInstallKey(db);
  const fresh = await generateKeyWithBackup(passphrase, now, iterations);
  const statement = old ? await makeKeyChange(old, fresh, place, now) : undefined;
  await db.installKey.put({
    id: 'installation',
    privateKey: fresh.privateKey,
    publicKey: fresh.publicKey,
    publicRaw: fresh.publicRaw,
    fingerprint: fresh.fingerprint,
    createdAt: now.toISOString(),
    ...(old && statement ? { replaced: { fingerprint: old.fingerprint, statement: JSON.stringify(statement) } } : {}),
  });
  return { backup: fresh.backup, statement, fingerprint: fresh.fingerprint };
}

/** Restores the installation key from a backup file (e.g. on a new computer). */
export async function restoreInstallKey(db: TrustDb, json: string, passphrase: string): Promise<{ ok: true; fingerprint: string } | { ok: false; error: string }> {
  const r = await restoreKeyBackup(json, passphrase);
  if (!r.ok) return r;
  await db.installKey.put({ id: 'installation', privateKey: r.privateKey, publicKey: r.publicKey, publicRaw: r.publicRaw, fingerprint: r.fingerprint, createdAt: r.createdAt });
  return { ok: true, fingerprint: r.fingerprint };
}

/** Applies a key-change statement the xã received: the new key in, the old one retired. */
export async function applyKeyChangeToRegister(db: TrustDb, json: unknown): Promise<{ ok: true; thon: string; fingerprint: string } | { ok: false; error: string }> {
  const r = await applyKeyChange(json, await listRegister(db));
  if (!r.ok) return r;
  await db.villageKeys.bulkPut([r.retire, r.add]);
  return { ok: true, thon: r.add.thon, fingerprint: r.add.fingerprint };
}
