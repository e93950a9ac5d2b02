import type * as z from 'zod';
import { formatPath } from '../validation';
import { unwrap } from './router';
import {
  BACKGROUND_PROTOCOL,
  TAB_PROTOCOL,
  type ReplyOf,
  type RequestInput,
  type TabReplyOf,
  type TabRequest,
} from './protocol';

/** Sends one request and resolves with its validated reply; throws with the receiver's error text. */
export type Send = <R extends RequestInput>(req: R) => Promise<ReplyOf<R['type']>>;
export type SendToTab = <R extends TabRequest>(req: R) => Promise<TabReplyOf<R['type']>>;

/** Raw delivery (runtime.sendMessage, tabs.sendMessage, or a router in tests): resolves with an Envelope. */
export type Transport<Req> = (req: Req) => Promise<unknown>;

function checkReply(schema: z.ZodType, type: string, data: unknown): unknown {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(`invalid reply to ${type}: ${formatPath(issue?.path ?? [], '(root)')}: ${issue?.message ?? ''}`);
}

/**
 * The typed sender to the background: the reply type follows from the request's `type`, and the
 * reply is checked against the protocol, so a worker of another version cannot hand back a shape the
 * caller does not expect.
 */
export function createSender(transport: Transport<RequestInput>): Send {
  return async function send<R extends RequestInput>(req: R): Promise<ReplyOf<R['type']>> {
    const data = await unwrap(transport(req));
    // The protocol map pairs each type with its reply schema; TypeScript cannot narrow the lookup.
    return checkReply(BACKGROUND_PROTOCOL[req.type].reply, req.type, data) as ReplyOf<R['type']>;
  };
}

/** The same for requests to a Zalo tab's content script. */
export function createTabSender(transport: Transport<TabRequest>): SendToTab {
  return async function send<R extends TabRequest>(req: R): Promise<TabReplyOf<R['type']>> {
    const data = await unwrap(transport(req));
    return checkReply(TAB_PROTOCOL[req.type].reply, req.type, data) as TabReplyOf<R['type']>;
  };
}
