// Namespace import: `import { z }` drags every zod locale into the bundle (443 kB vs 83 kB).
import * as z from 'zod';
import { jsonErrorVi } from '../i18n/zod-vi';
import type { GuardDb } from '../db/db';
import { exportSamples, loadSamples, samplesExportSchema, saveImportedSamples } from '../moderation/samples';
import { parsePack } from '../rules/pack-schema';
import { safeParseWithPath } from '../settings/parse';
import { groupOverridesSchema, ladderSettingsSchema, type GroupSettings } from '../settings/schema';
import { loadGroupSettings, saveGroupSettings } from '../settings/store';

/**
 * A group's rules as one JSON file: the admin's overrides, the group ladder, rule packs attached to
 * the group and the learned samples (signatures, no clean-message excerpts). Lets a village copy a
 * well-tuned group to a new one, or the xã share a tuned setup with its villages.
 */
export const GROUP_PACK_FORMAT = 'zalo-group-guard/group-pack';

export const groupPackSchema = z.object({
  format: z.literal(GROUP_PACK_FORMAT),
  version: z.literal(1),
  exportedAt: z.string().datetime({ offset: true }),
  /** Where it came from (informational: importing never renames the target group). */
  source: z.object({ name: z.string(), thon: z.string(), xa: z.string(), tinh: z.string() }).partial().default({}),
  overrides: groupOverridesSchema,
  ladder: ladderSettingsSchema.optional(),
  rulePacks: z.array(z.object({ name: z.string().trim().min(1).max(200), json: z.string().max(2_000_000) })).max(20).default([]),
  samples: samplesExportSchema,
});
export type GroupPack = z.infer<typeof groupPackSchema>;

export async function exportGroupPack(db: GuardDb, threadId: string, now = new Date()): Promise<GroupPack> {
  const [group, packs, samples] = await Promise.all([
    loadGroupSettings(db, threadId),
    db.rulePacks.where('groupId').equals(threadId).toArray(),
    loadSamples(db, threadId),
  ]);
  return {
    format: GROUP_PACK_FORMAT,
    version: 1,
    exportedAt: now.toISOString(),
    source: { name: group.name, thon: group.thon, xa: group.xa, tinh: group.tinh },
    overrides: group.overrides,
    ...(group.ladder ? { ladder: group.ladder } : {}),
    rulePacks: packs.map((p) => ({ name: p.name, json: p.json })),
    samples: exportSamples(samples),
  };
}

export type PackParse = { ok: true; pack: GroupPack } | { ok: false; path: string; error: string };

/** Validates the whole file before anything is written; errors name the field ("overrides.blockDomains[2]"). */
export function parseGroupPack(text: string): PackParse {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, path: '(root)', error: `(root): ${jsonErrorVi(text, e)}` };
  }
  const parsed = safeParseWithPath(groupPackSchema, value);
  if (!parsed.ok) return parsed;
  for (const [i, p] of parsed.value.rulePacks.entries()) {
    const r = parsePack(p.json);
    if (!r.ok) return { ok: false, path: `rulePacks[${i}].json`, error: `rulePacks[${i}].json: ${r.error}` };
  }
  return { ok: true, pack: parsed.value };
}

export type PackImportResult = { group: GroupSettings; rulePacks: number; samplesAdded: number; samplesSkipped: number };

/** Applies a parsed pack to `threadId`: overrides and ladder replace the group's, packs and samples are added. */
export async function applyGroupPack(db: GuardDb, threadId: string, pack: GroupPack, now = new Date()): Promise<PackImportResult> {
  const current = await loadGroupSettings(db, threadId);
  const group = await saveGroupSettings(db, { ...current, overrides: pack.overrides, ladder: pack.ladder ?? current.ladder });
  for (const p of pack.rulePacks) {
    await db.rulePacks.put({ id: `${threadId}:${p.name}`, groupId: threadId, name: p.name, json: p.json, updatedAt: now.toISOString() });
  }
  const samples = await saveImportedSamples(db, threadId, pack.samples);
  const counts = samples.ok ? samples.value : { added: 0, skipped: pack.samples.samples.length };
  return { group, rulePacks: pack.rulePacks.length, samplesAdded: counts.added, samplesSkipped: counts.skipped };
}
