/**
 * Rule packs are data (JSON), validated with zod. Logic stays in the category modules; packs only carry
 * terms, weights, thresholds and texts, so a pack imported by an admin can never run code.
 */
// Namespace import: `import { z }` drags every zod locale into the bundle (443 kB vs 83 kB).
import * as z from 'zod';
import { CATEGORY_IDS, SEVERITIES, type CategoryId } from './categories';

export const termSchema = z.object({
  /** The term as people write it, with accents ("lô đề"). Normalised at compile time. */
  text: z.string().trim().min(1),
  /** Contribution to the category score (threshold is usually 1). Negative weights dampen. */
  weight: z.number().min(-5).max(5),
  /** Accept accentless/partly accented spellings ("lo de") – only for terms that stay unambiguous without accents. */
  foldSafe: z.boolean().optional(),
  /** Match only whole words (default true). */
  wholeWord: z.boolean().optional(),
  /** Signal group used by combos/caps, e.g. "request", "lure", "impersonation". */
  group: z.string().min(1).optional(),
  /** When false, a preceding "không/đừng" does not cancel the term (default true). */
  negatable: z.boolean().optional(),
  /** Free note for rule authors. */
  note: z.string().optional(),
});
export type PackTerm = z.infer<typeof termSchema>;

export const comboSchema = z.object({
  /** All of these groups must be present (terms or signals). */
  groups: z.array(z.string().min(1)).min(1),
  bonus: z.number().min(-5).max(5),
});

export const categoryConfigSchema = z.object({
  enabled: z.boolean(),
  severity: z.enum(SEVERITIES).optional(),
  clause: z.string().min(1),
  /** One Vietnamese sentence shown to the admin. */
  explanation: z.string().min(1),
  /** Score needed to flag (default 1). */
  threshold: z.number().positive().optional(),
  terms: z.array(termSchema),
  /** Maximum contribution of one group (stops five weak words adding up to a flag). */
  groupCaps: z.record(z.string(), z.number().nonnegative()).optional(),
  combos: z.array(comboSchema).optional(),
  /** Minimum summed weight for a term group to count towards a combo (default 0: any hit). */
  comboMin: z.number().min(0).max(1).optional(),
  /** Weights of the built-in detectors the category module emits (price, phone, link…). */
  signals: z.record(z.string(), z.number().min(-5).max(5)).optional(),
});
export type CategoryConfig = z.infer<typeof categoryConfigSchema>;

export const contextSchema = z.object({
  /** Words that turn a message into a warning ABOUT scams ("cảnh giác", "kẻ gian"). */
  warning: z.array(termSchema),
  /** Markers of official notices ("UBND xã", "thông báo"). */
  official: z.array(termSchema),
  /** Negation words placed before a term ("không", "đừng"). */
  negation: z.array(z.string().min(1)),
  /** Phrases in which a negation word is a condition, not a negation ("nếu không"). */
  notNegation: z.array(z.string().min(1)),
  /** Score at which the warning context clears scam/strange-link/unverified-news (default 1). */
  warningThreshold: z.number().positive().optional(),
});
export type PackContext = z.infer<typeof contextSchema>;

export const packSchema = z.object({
  schema: z.literal(1),
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'lowercase id (a-z, 0-9, . _ -)'),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'version like 1.0.0'),
  name: z.string().min(1),
  locale: z.string().min(2),
  categories: z.partialRecord(z.enum(CATEGORY_IDS), categoryConfigSchema),
  /** Common words that contain a term but are harmless ("đề nghị", "lô đất", "du lịch"). */
  allowTerms: z.array(z.string().trim().min(1)),
  context: contextSchema.optional(),
  allowDomains: z.array(z.string().min(1)).optional(),
  blockDomains: z.array(z.string().min(1)).optional(),
  /** Hosts whose links hide the target (bit.ly…); the built-in list when omitted. Platforms' own short links
   *  (maps.app.goo.gl, forms.gle, youtu.be) show where they lead and belong on the known-good list instead. */
  shortenerDomains: z.array(z.string().min(1)).optional(),
  /** The group's own invite links ("zalo.me/g/abc123"), which are never an invite to another group. */
  ownInvites: z.array(z.string().min(1)).optional(),
});
export type RulePack = z.infer<typeof packSchema>;

/** Per-group adjustments chosen by the admin in the options page. */
export const groupOverridesSchema = z.object({
  extraTerms: z.partialRecord(z.enum(CATEGORY_IDS), z.array(termSchema)).optional(),
  allowedTerms: z.array(z.string().trim().min(1)).optional(),
  disabledCategories: z.array(z.enum(CATEGORY_IDS)).optional(),
  severity: z.partialRecord(z.enum(CATEGORY_IDS), z.enum(SEVERITIES)).optional(),
  allowDomains: z.array(z.string().min(1)).optional(),
  blockDomains: z.array(z.string().min(1)).optional(),
  ownInvites: z.array(z.string().min(1)).optional(),
});
export type GroupOverrides = z.infer<typeof groupOverridesSchema>;

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** "categories.scam.terms[3].weight" from a zod issue path. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out || '(root)';
}

function formatIssue(issue: z.core.$ZodIssue): string {
  const where = formatPath(issue.path);
  let what = issue.message;
  if (issue.code === 'invalid_type') what = `expected ${issue.expected}`;
  else if (issue.code === 'unrecognized_keys') what = `unknown key(s) ${issue.keys.join(', ')}`;
  else if (issue.code === 'invalid_value') what = `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  return `${where}: ${what}`;
}

/** Validate a pack (object or JSON text). Errors name the failing field, e.g. "categories.scam.terms[3].weight: expected number". */
export function parsePack(input: unknown): { ok: true; pack: RulePack } | { ok: false; error: string } {
  let data = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input);
    } catch (e) {
      return { ok: false, error: `(root): invalid JSON (${(e as Error).message})` };
    }
  }
  const r = packSchema.safeParse(data);
  if (!r.success) return { ok: false, error: r.error.issues.slice(0, 3).map(formatIssue).join('; ') };
  return { ok: true, pack: r.data };
}

export function parseOverrides(input: unknown): ParseResult<GroupOverrides> {
  const r = groupOverridesSchema.safeParse(input);
  if (!r.success) return { ok: false, error: r.error.issues.slice(0, 3).map(formatIssue).join('; ') };
  return { ok: true, value: r.data };
}

/**
 * Merge per-group overrides into a pack (pure; the input pack is not modified).
 * Extra terms are appended, allowed terms join the allow-list, disabled categories are switched off,
 * severities replaced, domain lists concatenated.
 */
export function applyOverrides(pack: RulePack, overrides: GroupOverrides | undefined): RulePack {
  if (!overrides) return pack;
  const categories: RulePack['categories'] = {};
  for (const id of CATEGORY_IDS) {
    const cfg = pack.categories[id];
    const extra = overrides.extraTerms?.[id] ?? [];
    if (!cfg) {
      if (extra.length === 0) continue;
      continue; // no config to attach terms to; the category is not part of this pack
    }
    categories[id] = {
      ...cfg,
      enabled: cfg.enabled && !(overrides.disabledCategories ?? []).includes(id),
      severity: overrides.severity?.[id] ?? cfg.severity,
      terms: extra.length ? [...cfg.terms, ...extra] : cfg.terms,
    };
  }
  return {
    ...pack,
    categories,
    allowTerms: [...pack.allowTerms, ...(overrides.allowedTerms ?? [])],
    allowDomains: [...(pack.allowDomains ?? []), ...(overrides.allowDomains ?? [])],
    blockDomains: [...(pack.blockDomains ?? []), ...(overrides.blockDomains ?? [])],
    ownInvites: [...(pack.ownInvites ?? []), ...(overrides.ownInvites ?? [])],
  };
}

export function categoryEnabled(pack: RulePack, id: CategoryId): boolean {
  return pack.categories[id]?.enabled === true;
}
