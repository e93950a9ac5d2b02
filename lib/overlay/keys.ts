/** Stable key of a message across re-renders (virtualisation re-creates elements with the same id). */
export function messageKey(threadId: string, cliMsgId: string): string {
  return `${threadId}:${cliMsgId}`;
}

/** Idempotency keys: the background writes each at most once, so retries and reloads never duplicate. */
export const logKeys = {
  flag: (threadId: string, cliMsgId: string, category: string) => `flag:${threadId}:${cliMsgId}:${category}`,
  action: (threadId: string, cliMsgId: string, action: string, at: number) => `act:${threadId}:${cliMsgId}:${action}:${at}`,
  notice: (threadId: string, templateId: string, at: number) => `notice:${threadId}:${templateId}:${at}`,
  /** The pinned message's id when the page shows it, else the time of pinning. */
  pin: (threadId: string, cliMsgIdOrTime: string | number) => `pin:${threadId}:${cliMsgIdOrTime}`,
};
