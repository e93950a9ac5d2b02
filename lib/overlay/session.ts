import type { GlobalSettings, GroupSettings } from '../settings/schema';
import type { Flag } from '../rules/flag';

/** What the background hands a content script when a group is opened. */
export interface SessionData {
  global: GlobalSettings;
  group: GroupSettings;
  /** Learned samples as MinHash signatures (lib/moderation/similarity). */
  samples: { kind: 'clean' | 'violation'; category?: Flag['category']; signature: number[] }[];
}

/** Stable key of a message across re-renders (virtualisation re-creates elements with the same id). */
export function messageKey(threadId: string, cliMsgId: string): string {
  return `${threadId}:${cliMsgId}`;
}

/** Idempotency keys: the background writes each at most once, so retries and reloads never duplicate. */
export const logKeys = {
  flag: (threadId: string, cliMsgId: string, category: string) => `flag:${threadId}:${cliMsgId}:${category}`,
  action: (threadId: string, cliMsgId: string, action: string, at: number) => `act:${threadId}:${cliMsgId}:${action}:${at}`,
  notice: (threadId: string, templateId: string, at: number) => `notice:${threadId}:${templateId}:${at}`,
};
