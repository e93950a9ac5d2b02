import type { GuardDb } from '../db/db';
import { DEFAULT_TEMPLATES, validateTemplate, type Template, type ValidationIssue } from '../templates';

export type TemplateOrigin = 'default' | 'modified' | 'user';
export type LibraryItem = { template: Template; origin: TemplateOrigin };
export type BrokenRow = { id: string; issues: ValidationIssue[] };

/**
 * The template library as the overlay sees it: defaults, each overridden by a stored template with
 * the same id, then the user's own. Stored rows that no longer validate are reported, not dropped
 * silently and not deleted (the admin decides).
 */
export function buildLibrary(
  defaults: readonly Template[],
  rows: readonly { id: string; json: string }[],
): { items: LibraryItem[]; broken: BrokenRow[] } {
  const user = new Map<string, Template>();
  const broken: BrokenRow[] = [];
  for (const row of rows) {
    let value: unknown;
    try {
      value = JSON.parse(row.json);
    } catch {
      broken.push({ id: row.id, issues: [{ path: '', message: 'không đọc được (JSON hỏng)' }] });
      continue;
    }
    const v = validateTemplate(value);
    if (v.ok) user.set(v.template.id, v.template);
    else broken.push({ id: row.id, issues: v.issues });
  }
  const items: LibraryItem[] = defaults.map((d) => {
    const own = user.get(d.id);
    return own ? { template: own, origin: 'modified' } : { template: d, origin: 'default' };
  });
  const defaultIds = new Set(defaults.map((d) => d.id));
  for (const t of user.values()) if (!defaultIds.has(t.id)) items.push({ template: t, origin: 'user' });
  return { items, broken };
}

export async function loadLibrary(db: GuardDb) {
  return buildLibrary(DEFAULT_TEMPLATES, await db.templates.toArray());
}

export async function saveTemplate(db: GuardDb, t: Template, now = new Date()): Promise<void> {
  const updatedAt = now.toISOString();
  await db.templates.put({ id: t.id, json: JSON.stringify({ ...t, updatedAt }), updatedAt });
}

/** Deletes the user's version: a user template disappears, a modified default returns to the default. */
export async function deleteTemplate(db: GuardDb, id: string): Promise<void> {
  await db.templates.delete(id);
}

/** Stores the templates an import added or replaced (everything else stays as it was). */
export async function storeImported(db: GuardDb, merged: readonly Template[], ids: readonly string[], now = new Date()): Promise<number> {
  const wanted = new Set(ids);
  const updatedAt = now.toISOString();
  const rows = merged.filter((t) => wanted.has(t.id)).map((t) => ({ id: t.id, json: JSON.stringify(t), updatedAt }));
  await db.templates.bulkPut(rows);
  return rows.length;
}
