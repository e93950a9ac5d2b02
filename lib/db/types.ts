import type { CategoryId } from '../domain/categories';
import type { GlobalSettings } from '../settings/schema';

/** Current head of one chain; written in the same transaction as the entry it points to. */
export type HeadRow = { chainId: string; seq: number; hash: string };

/**
 * Message text kept OUTSIDE the hash chain. The chained entry holds textHash = sha256(salt+"\n"+text);
 * retention deletes the row, which the chain survives. The random salt keeps a short purged text
 * (e.g. "ok") from being confirmed by guessing its hash.
 */
export type SnapshotRow = {
  chainId: string;
  seq: number;
  time: string;
  text: string;
  salt: string;
  /** foldText(text), precomputed so accent-insensitive search does not refold every row. */
  folded?: string;
};

export type SettingsRow = GlobalSettings & { id: 'global' };

export const SAMPLE_KINDS = ['violation', 'clean'] as const;
export type SampleKind = (typeof SAMPLE_KINDS)[number];

/** A message the admin decided on, kept as a similarity signature for its group. */
export type SampleRow = {
  id: string;
  groupId: string;
  kind: SampleKind;
  category?: CategoryId;
  /** Bottom-k MinHash signature (sorted 30-bit ints), see lib/moderation/similarity.ts. */
  signature: number[];
  /** Short redacted excerpt so the admin can see and delete what was learned. */
  excerpt: string;
  createdAt: string;
  source?: { chainId: string; seq: number };
};

/** A user-imported domain/term blocklist, kept as the original text plus metadata. */
export type BlocklistRow = {
  id: string;
  name: string;
  text: string;
  lineCount: number;
  importedAt: string;
  source?: string;
  license?: string;
};

/** Opaque JSON for lib/templates (schema owned there). */
export type TemplateRow = { id: string; json: string; updatedAt: string };

/** Rule pack JSON; groupId '' = imported into the library but not attached to a group. */
export type RulePackRow = { id: string; groupId: string; name: string; json: string; updatedAt: string };
