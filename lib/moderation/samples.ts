// Namespace import: `import { z }` drags every zod locale into the bundle (443 kB vs 83 kB).
import * as z from 'zod';
import { jsonErrorVi } from '../i18n/zod-vi';
import type { GuardDb } from '../db/db';
import { SAMPLE_KINDS, type SampleKind, type SampleRow } from '../db/types';
import { redactText } from '../log/redact';
import type { LogEntry } from '../log/schema';
import { CATEGORY_IDS, type CategoryId } from '../domain/categories';
import { safeParseWithPath, type ParseResult } from '../settings/parse';
import type { RedactionSettings } from '../settings/schema';
import { DEFAULT_CLEAN_THRESHOLD, MIN_SHINGLES, SIGNATURE_SIZE, signature, similarity } from './similarity';
import { STRIKE_ACTIONS } from '../domain/log-actions';

/** Per group and kind; the oldest go first. Keeps a check against all samples well under 50 µs. */
export const MAX_SAMPLES_PER_KIND = 200;
const EXCERPT_MAX = 200;
/** Above this a new sample is the same message again: not stored twice. */
const DUPLICATE = 0.95;

const u30 = z.number().int().min(0).max(0x3fffffff);
const signatureSchema = z
  .array(u30)
  .min(MIN_SHINGLES)
  .max(SIGNATURE_SIZE)
  .refine((s) => s.every((v, i) => i === 0 || v > s[i - 1]), 'phải tăng dần, không lặp lại');

export const sampleExportItemSchema = z.object({
  kind: z.enum(SAMPLE_KINDS),
  category: z.enum(CATEGORY_IDS).optional(),
  signature: signatureSchema,
  excerpt: z.string().max(EXCERPT_MAX).default(''),
  createdAt: z.string().datetime({ offset: true }),
});
export const samplesExportSchema = z.object({
  format: z.literal('zgg-samples'),
  version: z.literal(1),
  samples: z.array(sampleExportItemSchema).max(2 * MAX_SAMPLES_PER_KIND * 10),
});
export type SamplesExport = z.infer<typeof samplesExportSchema>;

/**
 * For a group's rule pack. Only signatures are needed to match; excerpts of clean samples are
 * ordinary members' messages, so they are left out unless asked for.
 */
export function exportSamples(samples: readonly SampleRow[], options: { includeCleanExcerpts?: boolean } = {}): SamplesExport {
  return {
    format: 'zgg-samples',
    version: 1,
    samples: samples.map((s) => ({
      kind: s.kind,
      category: s.category,
      signature: [...s.signature],
      excerpt: s.kind === 'clean' && !options.includeCleanExcerpts ? '' : s.excerpt,
      createdAt: s.createdAt,
    })),
  };
}

function sampleId(groupId: string, kind: SampleKind, sig: ArrayLike<number>): string {
  return `${groupId}:${kind}:${Array.from(sig).slice(0, 4).map((n) => n.toString(36)).join('.')}`;
}

/** Validates an export (JSON text or value) and turns it into rows for `groupId`. */
export function importSamples(json: unknown, groupId: string): ParseResult<SampleRow[]> {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json) as unknown;
    } catch (e) {
      return { ok: false, path: '(root)', error: `(root): ${jsonErrorVi(json, e)}` };
    }
  }
  const parsed = safeParseWithPath(samplesExportSchema, value);
  if (!parsed.ok) return parsed;
  return {
    ok: true,
    value: parsed.value.samples.map((s) => ({
      id: sampleId(groupId, s.kind, s.signature),
      groupId,
      kind: s.kind,
      category: s.category,
      signature: s.signature,
      excerpt: s.excerpt,
      createdAt: new Date(s.createdAt).toISOString(),
    })),
  };
}

export async function loadSamples(db: GuardDb, groupId: string): Promise<SampleRow[]> {
  return db.samples.where('groupId').equals(groupId).toArray();
}

export async function deleteSample(db: GuardDb, id: string): Promise<void> {
  await db.samples.delete(id);
}

/**
 * Stores one sample; latest decision wins: a near-identical sample of the other kind is removed,
 * a near-identical one of the same kind makes this a no-op. Returns null when nothing was stored.
 */
export async function putSample(db: GuardDb, row: Omit<SampleRow, 'id'> & { id?: string }): Promise<SampleRow | null> {
  if (row.signature.length < MIN_SHINGLES) return null;
  return db.transaction('rw', db.samples, async () => {
    const existing = await db.samples.where('groupId').equals(row.groupId).toArray();
    const stale: string[] = [];
    for (const s of existing) {
      const score = similarity(row.signature, s.signature);
      if (s.kind === row.kind && score >= DUPLICATE) return null;
      if (s.kind !== row.kind && score >= DEFAULT_CLEAN_THRESHOLD) stale.push(s.id);
    }
    const sameKind = existing.filter((s) => s.kind === row.kind && !stale.includes(s.id));
    if (sameKind.length >= MAX_SAMPLES_PER_KIND) {
      sameKind.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
      stale.push(...sameKind.slice(0, sameKind.length - MAX_SAMPLES_PER_KIND + 1).map((s) => s.id));
    }
    const stored: SampleRow = { ...row, id: row.id ?? sampleId(row.groupId, row.kind, row.signature) };
    await db.samples.bulkDelete(stale);
    await db.samples.put(stored);
    return stored;
  });
}

export async function addSample(
  db: GuardDb,
  input: { groupId: string; kind: SampleKind; category?: CategoryId; text: string; source?: SampleRow['source']; now?: Date },
  redaction: RedactionSettings,
): Promise<SampleRow | null> {
  return putSample(db, {
    groupId: input.groupId,
    kind: input.kind,
    category: input.category,
    signature: Array.from(signature(input.text)),
    excerpt: redactText(input.text, redaction).slice(0, EXCERPT_MAX),
    createdAt: (input.now ?? new Date()).toISOString(),
    source: input.source,
  });
}

/** Imports an export into a group; returns how many were new. */
export async function saveImportedSamples(db: GuardDb, groupId: string, json: unknown): Promise<ParseResult<{ added: number; skipped: number }>> {
  const rows = importSamples(json, groupId);
  if (!rows.ok) return rows;
  let added = 0;
  for (const row of rows.value) if (await putSample(db, row)) added++;
  return { ok: true, value: { added, skipped: rows.value.length - added } };
}

/**
 * Admin decisions teach the checks: a confirmed violation becomes a violation sample, a dismissed
 * flag a clean one. `text` is the message as checked (the snapshot); the group is the flag's chain.
 */
export async function learnFromDecision(
  db: GuardDb,
  decision: { flag: LogEntry; action: LogEntry; text: string; now?: Date },
  redaction: RedactionSettings,
): Promise<SampleRow | null> {
  const { flag, action, text } = decision;
  if (action.kind !== 'action' || !action.action) return null;
  let kind: SampleKind;
  if (action.action === 'dismissed') kind = 'clean';
  else if (STRIKE_ACTIONS.includes(action.action)) kind = 'violation';
  else return null;
  return addSample(
    db,
    { groupId: flag.chainId, kind, category: flag.category, text, source: { chainId: flag.chainId, seq: flag.seq }, now: decision.now },
    redaction,
  );
}
