/**
 * Template-set files: export, parse (with Vietnamese errors naming the field path) and merge.
 * Everything here is pure: a failed import returns an error and the caller's list is untouched.
 */
// Namespace import: `import { z }` drags every zod locale into the bundle (443 kB vs 83 kB).
import * as z from 'zod';
import {
  formatPath,
  LIMITS,
  TEMPLATE_SCHEMA_VERSION,
  TEMPLATE_SET_FORMAT,
  templateSetSchema,
  vietnameseIssue,
  type Template,
  type TemplateSet,
} from './schema';

export const MAX_IMPORT_BYTES = 1024 * 1024;
const MAX_LISTED_ISSUES = 20;

export interface ExportMeta {
  name: string;
  author?: string;
  /** Defaults to the current time. */
  exportedAt?: string | Date;
}

export type TemplateSetParseResult = { ok: true; set: TemplateSet } | { ok: false; error: string; issues: string[] };

export type MergePolicy = 'skip' | 'replace' | 'keep-both';

export interface MergeResult {
  merged: Template[];
  /** Ids (after renaming) of templates appended to the list. */
  added: string[];
  /** Ids of existing templates overwritten by incoming ones. */
  replaced: string[];
  /** Ids of incoming templates not taken (same id under "skip", or same content as one already there). */
  skipped: string[];
  /** Incoming templates kept under a new id/title ("keep-both"). */
  renamed: { from: string; to: string; title: string }[];
}

function issuesOf(error: z.ZodError): string[] {
  return error.issues.map((i) => `${formatPath(i.path) || 'tệp'}: ${i.message}`);
}

export function exportTemplateSet(templates: readonly Template[], meta: ExportMeta): string {
  const exportedAt =
    meta.exportedAt instanceof Date ? meta.exportedAt.toISOString() : (meta.exportedAt ?? new Date().toISOString());
  const candidate = {
    format: TEMPLATE_SET_FORMAT,
    schemaVersion: TEMPLATE_SCHEMA_VERSION,
    name: meta.name,
    ...(meta.author ? { author: meta.author } : {}),
    exportedAt,
    templates,
  };
  const r = templateSetSchema.safeParse(candidate, { error: vietnameseIssue });
  // Exporting invalid data would produce a file nobody can import again: refuse loudly.
  if (!r.success) throw new Error(`Không xuất được bộ mẫu: ${issuesOf(r.error)[0]}`);
  return `${JSON.stringify(r.data, null, 2)}\n`;
}

function byteLength(text: string): number {
  // Cheap bounds first: UTF-8 needs between 1 and 3 bytes per UTF-16 unit.
  if (text.length > MAX_IMPORT_BYTES) return text.length;
  if (text.length * 3 <= MAX_IMPORT_BYTES) return text.length;
  return new TextEncoder().encode(text).length;
}

function formatMb(bytes: number): string {
  return (bytes / MAX_IMPORT_BYTES).toFixed(1).replace('.', ',');
}

/** NFC strings and LF line ends everywhere, so comparisons and rendering see one spelling. */
function normalizeStrings(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC').replace(/\r\n?/g, '\n');
  if (Array.isArray(value)) return value.map(normalizeStrings);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalizeStrings(v)]));
  }
  return value;
}

export function parseTemplateSet(text: string): TemplateSetParseResult {
  const fail = (error: string, issues: string[] = [error]): TemplateSetParseResult => ({ ok: false, error, issues });
  if (typeof text !== 'string') return fail('Không đọc được tệp (nội dung không phải văn bản).');
  const bytes = byteLength(text);
  if (bytes > MAX_IMPORT_BYTES) {
    return fail(`Tệp quá lớn (khoảng ${formatMb(bytes)} MB). Chỉ nhập được tệp mẫu tối đa 1 MB.`);
  }
  const body = text.replace(/^\uFEFF/, '');
  if (!body.trim()) return fail('Tệp trống, không có mẫu nào để nhập.');

  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    return fail('Tệp không đúng định dạng JSON (có thể tệp bị hỏng hoặc không phải tệp mẫu xuất từ tiện ích).');
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    return fail(`Tệp không phải bộ mẫu của Zalo Group Guard (cần trường format: "${TEMPLATE_SET_FORMAT}").`);
  }
  const obj = data as Record<string, unknown>;
  if (obj.format !== TEMPLATE_SET_FORMAT) {
    const got = obj.format === undefined ? 'thiếu trường format' : `format là ${JSON.stringify(obj.format)}`;
    return fail(`Tệp không phải bộ mẫu của Zalo Group Guard (${got}, cần "${TEMPLATE_SET_FORMAT}").`);
  }
  const v = obj.schemaVersion;
  if (typeof v === 'number' && Number.isFinite(v) && v > TEMPLATE_SCHEMA_VERSION) {
    return fail(
      `Tệp được tạo bằng phiên bản mới hơn của tiện ích (schemaVersion ${v}; phiên bản này chỉ đọc được ${TEMPLATE_SCHEMA_VERSION}). ` +
        'Hãy cập nhật tiện ích rồi nhập lại.',
    );
  }
  const r = templateSetSchema.safeParse(normalizeStrings(data), { error: vietnameseIssue });
  if (!r.success) {
    const issues = issuesOf(r.error);
    const more = issues.length > 1 ? ` (và ${issues.length - 1} lỗi khác)` : '';
    return fail(`${issues[0]}${more}`, issues.slice(0, MAX_LISTED_ISSUES));
  }
  return { ok: true, set: r.data };
}

const normText = (s: string): string =>
  s
    .normalize('NFC')
    .split('\n')
    .map((l) => l.trim().replace(/\s+/g, ' '))
    .join('\n')
    .trim();

/**
 * What a template sends, independent of id, title, version and dates: two templates with equal
 * keys produce the same message or poll.
 */
export function contentKey(t: Template): string {
  if (t.poll) {
    const { question, options, settings } = t.poll;
    return JSON.stringify([
      t.kind,
      'poll',
      normText(question),
      options.map(normText),
      settings.multipleChoice,
      settings.allowAddOptions,
      settings.deadline?.trim() ?? null,
      settings.anonymous,
      settings.hideResults,
    ]);
  }
  return JSON.stringify([t.kind, 'body', normText(t.body ?? '')]);
}

function sameTemplate(a: Template, b: Template): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

function freeId(base: string, taken: Set<string>): string {
  for (let n = 2; ; n += 1) {
    const suffix = `-${n}`;
    const id = `${base.slice(0, LIMITS.id - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken.has(id)) return id;
  }
}

function freeTitle(title: string, taken: Set<string>): string {
  for (let n = 1; ; n += 1) {
    const suffix = n === 1 ? ' (bản nhập)' : ` (bản nhập ${n})`;
    const t = `${title.slice(0, LIMITS.title - suffix.length).trimEnd()}${suffix}`;
    if (!taken.has(t)) return t;
  }
}

/**
 * Merges incoming templates into a copy of `existing`. Duplicates are found by id and by
 * content (contentKey). Same content is never imported twice, whatever the policy; with the
 * same id and different content the policy decides: keep ours ('skip'), take theirs in place
 * ('replace') or keep both, theirs renamed "hop-thon-2" / "… (bản nhập)" ('keep-both').
 */
export function mergeTemplates(
  existing: readonly Template[],
  incoming: readonly Template[],
  policy: MergePolicy,
): MergeResult {
  const merged: Template[] = [...existing];
  const result: MergeResult = { merged, added: [], replaced: [], skipped: [], renamed: [] };

  for (const t of incoming) {
    const idIdx = merged.findIndex((m) => m.id === t.id);
    const key = contentKey(t);
    const contentIdx = merged.findIndex((m) => contentKey(m) === key);

    if (contentIdx >= 0) {
      // Same message already present. Only a same-id 'replace' with other metadata changes anything.
      if (policy === 'replace' && idIdx === contentIdx && !sameTemplate(merged[idIdx], t)) {
        merged[idIdx] = t;
        result.replaced.push(t.id);
      } else {
        result.skipped.push(t.id);
      }
      continue;
    }
    if (idIdx < 0) {
      merged.push(t);
      result.added.push(t.id);
      continue;
    }
    if (policy === 'skip') {
      result.skipped.push(t.id);
    } else if (policy === 'replace') {
      merged[idIdx] = t;
      result.replaced.push(t.id);
    } else {
      const id = freeId(t.id, new Set(merged.map((m) => m.id)));
      const title = freeTitle(t.title, new Set(merged.map((m) => m.title)));
      merged.push({ ...t, id, title });
      result.added.push(id);
      result.renamed.push({ from: t.id, to: id, title });
    }
  }
  return result;
}

/** Parse then merge; on any error `merged` is the untouched `existing` list. */
export function importTemplateSet(
  existing: readonly Template[],
  text: string,
  policy: MergePolicy,
):
  | { ok: true; set: TemplateSet; result: MergeResult }
  | { ok: false; error: string; issues: string[]; merged: readonly Template[] } {
  const parsed = parseTemplateSet(text);
  if (!parsed.ok) return { ok: false, error: parsed.error, issues: parsed.issues, merged: existing };
  return { ok: true, set: parsed.set, result: mergeTemplates(existing, parsed.set.templates, policy) };
}
