/**
 * Category ids are a stable contract: they appear in `data-zgg-flags`, the log and every export.
 * Order here is the display order everywhere (badges, filters, report columns).
 */
export const CATEGORY_IDS = [
  'strange-link',
  'scam',
  'advertising',
  'gambling-fortune',
  'sensitive-topic',
  'abusive-language',
  'unverified-news',
  'classified-info',
] as const;

export type CategoryId = (typeof CATEGORY_IDS)[number];

export const SEVERITIES = ['low', 'medium', 'high'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** What the checks suggest; the admin always decides. */
export const SUGGESTED_ACTIONS = ['remind', 'delete', 'propose-removal'] as const;
export type SuggestedAction = (typeof SUGGESTED_ACTIONS)[number];

export function isCategoryId(value: unknown): value is CategoryId {
  return typeof value === 'string' && (CATEGORY_IDS as readonly string[]).includes(value);
}
