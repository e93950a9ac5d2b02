/** What can be written to the moderation log, and what an admin can decide about a flag. */
export const LOG_KINDS = ['flag', 'action', 'notice', 'pin', 'poll', 'correction'] as const;
export type LogKind = (typeof LOG_KINDS)[number];

/** What the admin did about a flag (kind "action"). */
export const LOG_ACTIONS = [
  'remind', // "Nhắc nhở": reminder inserted into the composer
  'warn', // second step of the ladder
  'propose-removal', // ladder says: propose removal
  'deleted', // "Đã xóa tin": admin deleted the message in Zalo
  'removed', // "Đã mời ra khỏi nhóm"
  'dismissed', // "Không vi phạm"
  'note',
] as const;
export type LogAction = (typeof LOG_ACTIONS)[number];

/** Admin decisions that confirm a violation. "dismissed" and "note" do not. */
export const STRIKE_ACTIONS: readonly LogAction[] = ['remind', 'warn', 'propose-removal', 'deleted', 'removed'];

/**
 * `outcome` of a "correction" entry: "void" cancels the entry named by `ref` (e.g. a strike given by
 * mistake), "amend" only adds a note. Entries are never edited.
 */
export const CORRECTION_OUTCOMES = ['void', 'amend'] as const;
export type CorrectionOutcome = (typeof CORRECTION_OUTCOMES)[number];
