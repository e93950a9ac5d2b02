/**
 * Quoted wording: a scam or sales pitch retold inside quotation marks ("con đổi số mới, chuyển tạm 8 triệu")
 * is usually a story or a warning about it, not the pitch itself.
 */
import type { CategoryId } from '../categories';
import type { EvalContext } from '../types';

const NONE: ReadonlySet<string> = new Set();
const QUOTED = /"[^"\n]{6,}"|“[^”\n]{6,}”|«[^»\n]{6,}»/g;

/**
 * Share (by weight) of a category's positive term evidence that lies inside quotation marks; 0 without quotes.
 * Each term counts once; groups in `ignore` (e.g. the authority a warning names) are left out.
 */
export function quotedShare(ctx: EvalContext, category: CategoryId, ignore: ReadonlySet<string> = NONE): number {
  const text = ctx.text.original;
  if (text.indexOf('"') < 0 && text.indexOf('“') < 0 && text.indexOf('«') < 0) return 0;
  const spans: Array<[number, number]> = [];
  QUOTED.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = QUOTED.exec(text))) spans.push([m.index, m.index + m[0].length]);
  if (spans.length === 0) return 0;
  let inside = 0;
  let total = 0;
  const seen = new Set<number>();
  for (const h of ctx.hits(category)) {
    if (h.term.weight <= 0 || ignore.has(h.term.group ?? '') || seen.has(h.term.id)) continue;
    seen.add(h.term.id);
    const o = ctx.original(h);
    total += h.term.weight;
    if (spans.some(([a, b]) => o.start >= a && o.end <= b)) inside += h.term.weight;
  }
  return total === 0 ? 0 : inside / total;
}
