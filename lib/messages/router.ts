import type { z } from 'zod';
import { formatPath } from '../validation';
import type { Envelope } from './protocol';

type Handlers<Req extends { type: string }, Ctx> = {
  [K in Req['type']]: (req: Extract<Req, { type: K }>, ctx: Ctx) => unknown;
};

/**
 * Validates an incoming message with `schema`, dispatches it and always answers with an Envelope,
 * so a bad or failing request never leaves the sender waiting or throws inside the extension.
 * Returns a NATIVE promise: Chromium ignores other thenables (e.g. Dexie's) from onMessage.
 */
export function createRouter<S extends z.ZodType<{ type: string }>, Ctx>(
  schema: S,
  handlers: Handlers<z.infer<S>, Ctx>,
): (message: unknown, ctx: Ctx) => Promise<Envelope<unknown>> {
  return async (message, ctx) => {
    const parsed = schema.safeParse(message);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, error: `invalid message: ${formatPath(issue?.path ?? [], '(root)')}: ${issue?.message ?? ''}` };
    }
    const req = parsed.data;
    const handler = (handlers as Record<string, (r: unknown, c: Ctx) => unknown>)[req.type];
    try {
      return { ok: true, data: (await handler(req, ctx)) ?? null };
    } catch (e) {
      return { ok: false, error: errorMessage(e) };
    }
  };
}

export function errorMessage(e: unknown): string {
  if (e instanceof Error) {
    // Dexie wraps quota errors; keep the name so the UI can say "storage full".
    return e.name && e.name !== 'Error' ? `${e.name}: ${e.message}` : e.message;
  }
  return String(e);
}

/** Client side: unwraps an Envelope or throws with the background's error text. */
export async function unwrap<T>(answer: Promise<unknown>): Promise<T> {
  const res = (await answer) as Envelope<T> | undefined;
  if (!res || typeof res !== 'object' || !('ok' in res)) throw new Error('no answer from the extension background');
  if (!res.ok) throw new Error(res.error);
  return res.data;
}
