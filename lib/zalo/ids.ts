/** Parsing of Zalo's message identifiers (lib/zalo/README.md, Message identifiers). */

export const BUBBLE_ID_PREFIX = 'bb_msg_id_';

/** `bb_msg_id_<cliMsgId>` → cliMsgId; any `_` tail is cut defensively (VClinks does the same). */
export function cliMsgIdFromDomId(domId: string): string | undefined {
  if (!domId.startsWith(BUBBLE_ID_PREFIX)) return undefined;
  const rest = domId.slice(BUBBLE_ID_PREFIX.length);
  const cut = rest.indexOf('_');
  const id = cut === -1 ? rest : rest.slice(0, cut);
  return id === '' ? undefined : id;
}

/** `message-frame_<cli>` / `message_frame_<cli>` → cli. */
export function cliMsgIdFromFrameId(frameId: string): string | undefined {
  const m = /^message[-_]frame_([^_]+)/.exec(frameId);
  return m?.[1];
}

export interface Qid {
  msgId: string;
  cliMsgId: string;
  fromUid: string;
  threadId: string;
}

/** `data-qid="<msgId>@<cliMsgId>_<fromUid>_<threadId>"`; returns undefined for any other shape. */
export function parseQid(qid: string | null | undefined): Qid | undefined {
  if (!qid) return undefined;
  const m = /^([^@\s]+)@([^_\s]+)_([^_\s]+)_(\S+)$/.exec(qid.trim());
  if (!m) return undefined;
  return { msgId: m[1]!, cliMsgId: m[2]!, fromUid: m[3]!, threadId: m[4]! };
}

/** cliMsgId is the client clock in ms at send; accept it as a time only when it looks like one. */
export function sentAtFromCliMsgId(cliMsgId: string): number | undefined {
  if (!/^\d{13}$/.test(cliMsgId)) return undefined;
  const ms = Number(cliMsgId);
  // 2015-01-01 .. 2100-01-01
  return ms > 1_420_070_400_000 && ms < 4_102_444_800_000 ? ms : undefined;
}
