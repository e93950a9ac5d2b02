import type { z } from 'zod';
import { jsonErrorVi, vietnameseErrorMap } from '../i18n/zod-vi';
import { formatPath } from '../validation';
import { globalSettingsFormSchema, groupSettingsFormSchema, type GlobalSettings, type GroupSettings } from './schema';

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string; path: string };


/** Runs a schema and reports the first problem as "path: message" so the UI can point at the field. */
export function safeParseWithPath<S extends z.ZodType>(schema: S, input: unknown): ParseResult<z.infer<S>> {
  // Messages reach the admin: zod's Vietnamese wording unless the schema gives its own.
  const result = schema.safeParse(input, { error: vietnameseErrorMap });
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  // Unknown record keys (e.g. a category id that does not exist) are reported on the record itself;
  // name the offending key so the UI can point at it.
  const keys = issue && 'keys' in issue && Array.isArray(issue.keys) ? (issue.keys as PropertyKey[]) : [];
  const path = formatPath([...(issue?.path ?? []), ...keys.slice(0, 1)], '(root)');
  return { ok: false, path, error: `${path}: ${issue?.message ?? 'invalid'}` };
}

/** Accepts a JSON string (from an import file) or an already-parsed value. */
function fromJson(json: unknown): ParseResult<unknown> {
  if (typeof json !== 'string') return { ok: true, value: json };
  try {
    return { ok: true, value: JSON.parse(json) as unknown };
  } catch (e) {
    return { ok: false, path: '(root)', error: `(root): ${jsonErrorVi(json, e)}` };
  }
}

export function parseGlobalSettings(json: unknown): ParseResult<GlobalSettings> {
  const raw = fromJson(json);
  return raw.ok ? safeParseWithPath(globalSettingsFormSchema, raw.value) : raw;
}

export function parseGroupSettings(json: unknown): ParseResult<GroupSettings> {
  const raw = fromJson(json);
  return raw.ok ? safeParseWithPath(groupSettingsFormSchema, raw.value) : raw;
}
