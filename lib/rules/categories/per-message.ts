/**
 * A computation several categories (or one category twice) ask of the same message: done once per evaluation
 * context. The context lives for one message, so the cache holds nothing after it.
 */
import type { EvalContext } from '../types';

export function perMessage<T extends NonNullable<unknown>>(compute: (ctx: EvalContext) => T): (ctx: EvalContext) => T {
  const cache = new WeakMap<EvalContext, T>();
  return (ctx) => {
    let v = cache.get(ctx);
    if (v === undefined) {
      v = compute(ctx);
      cache.set(ctx, v);
    }
    return v;
  };
}
