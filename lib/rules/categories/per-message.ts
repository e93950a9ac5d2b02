/**
 * A computation several categories (or one category twice) ask of the same message: done once per evaluation
 * context. The context lives for one message; the cache keeps the last one only, until the next message replaces it.
 */
import { foldString } from '../normalize';
import type { EvalContext } from '../types';

export function perMessage<T extends NonNullable<unknown>>(compute: (ctx: EvalContext) => T): (ctx: EvalContext) => T {
  // Contexts are evaluated one at a time: the last one asked about is the only one worth remembering (a WeakMap
  // entry per message costs more than the check it saves).
  let last: EvalContext | null = null;
  let value: T | undefined;
  return (ctx) => {
    if (ctx !== last || value === undefined) {
      // Cleared first: if compute throws, the next call recomputes instead of returning the previous message's value.
      value = undefined;
      last = ctx;
      value = compute(ctx);
    }
    return value;
  };
}

/**
 * The message's original text, folded (lowercase, no diacritics; offsets kept): the notice, telco and retelling
 * checks read it, folded once per message. The matcher's text drops signs ("+2,500,000VND") these checks need.
 */
export const originalFoldIn = perMessage((ctx) => foldString(ctx.text.original));
