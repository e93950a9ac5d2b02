// Namespace import: `import { z }` drags every zod locale into the bundle (443 kB vs 83 kB).
import * as z from 'zod';
import { CATEGORY_IDS, SEVERITIES } from '../domain/categories';

import { LOG_KINDS, LOG_ACTIONS } from '../domain/log-actions';

/**
 * The moderation log: one append-only hash chain per Zalo group (chainId = thread id), so a
 * village can export its own group for a period and the xã can verify that segment alone.
 * Kinds and actions are shared vocabulary (lib/domain/log-actions).
 */
export { LOG_KINDS, LOG_ACTIONS, CORRECTION_OUTCOMES } from '../domain/log-actions';
export type { LogKind, LogAction, CorrectionOutcome } from '../domain/log-actions';

export const GENESIS_HASH = '0'.repeat(64);
const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'phải gồm 64 chữ số hệ 16 viết thường');

export const placeSchema = z.object({
  thon: z.string().default(''),
  xa: z.string().default(''),
  tinh: z.string().default(''),
});
export type Place = z.infer<typeof placeSchema>;

export const logBodySchema = z.object({
  chainId: z.string().min(1),
  /** ISO 8601 time the entry was written (for a flag: when the extension read the message). */
  time: z.string().datetime({ offset: true }),
  /**
   * ISO 8601 time the message itself was sent, when known (read from the bubble). Never later than
   * `time`. Reports, periods and filters go by this: a message read two weeks late belongs to its own week.
   */
  messageTime: z.string().datetime({ offset: true }).optional(),
  kind: z.enum(LOG_KINDS),
  group: z.object({ threadId: z.string().min(1), name: z.string() }),
  place: placeSchema,
  member: z.object({ name: z.string(), uid: z.string().optional() }).optional(),
  /** cliMsgId of the bubble (bb_msg_id_<cliMsgId>). */
  messageId: z.string().optional(),
  category: z.enum(CATEGORY_IDS).optional(),
  clause: z.string().optional(),
  severity: z.enum(SEVERITIES).optional(),
  evidence: z.array(z.string()).optional(),
  /**
   * Sanitised text snapshot (redaction per settings). Legacy/inline only: appendLog moves the text to
   * the `snapshots` side table and keeps just `textHash` here, so retention can drop old text
   * without breaking the chain (see lib/log/snapshot.ts).
   */
  text: z.string().optional(),
  /** sha256(salt + "\n" + snapshot text): a hiding commitment to the snapshot kept outside the chain. */
  textHash: hex64.optional(),
  /** Idempotency key from the sender's retry queue; the background appends a key at most once. */
  key: z.string().min(1).max(200).optional(),
  action: z.enum(LOG_ACTIONS).optional(),
  outcome: z.string().optional(),
  note: z.string().optional(),
  admin: z.string(),
  /** seq of the entry this one acts on or corrects (same chain). */
  ref: z.number().int().positive().optional(),
  templateId: z.string().optional(),
});
export type LogBody = z.infer<typeof logBodySchema>;
export type LogBodyInput = z.input<typeof logBodySchema>;

export const logEntrySchema = logBodySchema.extend({
  seq: z.number().int().positive(),
  prevHash: hex64,
  hash: hex64,
});
export type LogEntry = z.infer<typeof logEntrySchema>;

/** When the logged event happened: the message's own time when known, else when the entry was written. */
export function eventTime(entry: { time: string; messageTime?: string }): string {
  return entry.messageTime ?? entry.time;
}
