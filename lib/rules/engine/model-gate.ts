/**
 * Where the linear model meets the rules: it may veto a modest rule flag, add a flag the rules missed, and keep
 * the fast exit from skipping a message it finds.
 */
import type { CategoryId } from '../categories';
import type { Flag } from '../flag';
import { distinctWords, topTokens, weightInside } from '../model/compile';
import type { Span, TermHit } from '../types';
import type { CompiledCategory, CompiledRuleset } from './compile';
import type { MessageContext } from './context';
import { makeFlag } from './flags';
import { SCORE_EPS } from './score';

const MODEL_EXPLANATION = 'Tin nhắn giống các tin vi phạm loại này mà hệ thống đã học từ những tin được gán nhãn; quản trị viên nên đọc kỹ trước khi xử lý.';

/**
 * May the model flag `cat` on this message: covered, over its threshold, and — for categories that never flag
 * without a word of their own (sensitive, abusive, rumours, leaks) — with such a word, as the rules require: a short
 * everyday line ("Lại mất điện à, chán thật") has too few words to judge by weights alone. Without one, only from the
 * category's `modelWithoutHits`, far over the threshold. A category the model learnt from many real messages has its
 * own threshold (`alone`) and needs no rule word over it.
 */
function modelMayFlag(rs: CompiledRuleset, cat: CompiledCategory, probs: Float64Array | null, hitCount: number, p = probs?.[rs.modelIndex[cat.pos]!] ?? 0): boolean {
  const mi = rs.modelIndex[cat.pos]!;
  if (!rs.model || !probs || mi < 0) return false;
  const alone = rs.model.alone[mi]!;
  if (!Number.isNaN(alone)) return p >= alone;
  if (cat.def.needsHits === 'always' && hitCount === 0) return p >= (cat.def.modelWithoutHits ?? Infinity);
  return p >= rs.model.threshold;
}

/**
 * Does the model overrule the rules' flag for `cat`: the score is modest and the model finds nothing of the category
 * in the message (clean look-alikes the word rules cannot tell apart: market news with a price, a police report on a
 * gambling den). Never when a category finds what the model cannot weigh (`vetoProof`: a link with a reason, since
 * the model does not read links and link analysis does; a money request with its amount inside a scam story), never
 * against a term the group added itself, and never against a term spelt out letter by letter ("n.ạ.p đ.ầ.u"): a
 * deliberate evasion, and the joined word is one the model never saw.
 */
export function modelVetoes(rs: CompiledRuleset, cat: CompiledCategory, ctx: MessageContext, probs: Float64Array | null, score: number): boolean {
  const model = rs.model;
  const veto = model?.veto;
  const mi = rs.modelIndex[cat.pos]!;
  if (!model || !veto || !probs || mi < 0) return false;
  const p = probs[mi]!;
  // Warning words short of a warning: the bad wording may be retold to warn about it, so the model's doubt counts more.
  const bounds = veto.warned && ctx.warning > 0 ? veto.warned : veto;
  if (score >= cat.threshold * veto.scoreRatio - SCORE_EPS || p >= bounds.below) return false;
  if (rs.categories.some((c) => c.def.vetoProof?.(ctx, cat.id))) return false;
  // Words that lift the category well above its prior are support, however low p stays (a short line).
  if (Math.log(p / (1 - p)) - model.bias[mi]! >= bounds.maxLift) return false;
  const joined = ctx.text.joined;
  return !ctx.hits(cat.id).some((h) => h.term.fromGroup || (joined !== null && joined[h.start] === 1));
}

/** Does the model alone put some enabled category over its threshold (the fast exit must not skip it)? */
export function modelAbove(rs: CompiledRuleset, probs: Float64Array | null, byCat: ReadonlyMap<CategoryId, TermHit[]>): boolean {
  return rs.categories.some((cat) => modelMayFlag(rs, cat, probs, byCat.get(cat.id)?.length ?? 0));
}

/** Original-offset stretches as spans of the normalised text. */
function normalisedSpans(ctx: MessageContext, stretches: Iterable<{ readonly start: number; readonly end: number }>): Span[] {
  const { start, end } = ctx.text;
  const out: Span[] = [];
  for (const l of stretches) {
    let a = 0;
    while (a < start.length && start[a]! < l.start) a++;
    let b = a;
    while (b < end.length && end[b]! <= l.end) b++;
    if (b > a) out.push({ start: a, end: b });
  }
  return out;
}

/**
 * Words the model must not weigh for `cat`: the group's allowed terms; for insults, the text of a link (a host or
 * path is nobody's words to anyone; the spelling n-grams read "clip-hot" in a URL as they would in a comment); and
 * words the category reads as a mention (a pitch quoted to debunk it). Other categories' models learnt from link
 * words (scam paths) and keep them.
 */
function ignoredFor(cat: CompiledCategory, ctx: MessageContext): readonly Span[] {
  const links = cat.id === 'abusive-language' && ctx.links.length > 0 ? ctx.links : [];
  const mentions = cat.def.mentions?.(ctx) ?? [];
  if (links.length === 0 && mentions.length === 0) return ctx.allowed;
  return [...ctx.allowed, ...normalisedSpans(ctx, [...links, ...mentions.map(([start, end]) => ({ start, end }))])];
}

/**
 * A flag from the model where the rules stayed below their threshold. Never inside a warning about scams or an
 * official notice (the hard negatives the rules already reason about); evidence is the words that weighed most.
 */
export function modelFlag(rs: CompiledRuleset, cat: CompiledCategory, ctx: MessageContext, text: string, probs: Float64Array | null): Flag | null {
  const model = rs.model;
  if (!model || !probs || !modelMayFlag(rs, cat, probs, ctx.hits(cat.id).length)) return null;
  if (ctx.warning >= ctx.warningThreshold || ctx.official >= 1) return null;
  if (cat.def.modelAllowed && !cat.def.modelAllowed(ctx)) return null;
  const mi = rs.modelIndex[cat.pos]!;
  let p = probs[mi]!;
  // Judged on the rest of the message, without the words it must not weigh, is it still over the threshold?
  const ignored = ignoredFor(cat, ctx);
  const lift = weightInside(ctx.text, model, mi, ignored);
  if (lift > 0) {
    p = 1 / (1 + Math.exp(lift - Math.log(p / (1 - p))));
    if (!modelMayFlag(rs, cat, probs, ctx.hits(cat.id).length, p)) return null;
  }
  // A long message must reach its category's `aloneLong` threshold (many mildly weighted words add up); counted only
  // here, on the few messages over `alone`, so the fast exit's bound stays the plain `alone`.
  if (p < model.aloneLongP[mi]! && distinctWords(ctx.text) >= model.aloneLongWords[mi]!) return null;
  // Words the group allowed ("Không vi phạm" + allow) are never a model's evidence; with none left, no flag.
  const words = topTokens(ctx.text, model, mi).filter((t) => !ignored.some((a) => a.start < t.end && t.start < a.end));
  if (words.length === 0) return null;
  // Severity as for a score just at the threshold: the model never raises a flag above the lowest step.
  return makeFlag(cat, text, words.map((t) => ctx.original(t)), MODEL_EXPLANATION, `${cat.id}:model`, p, cat.threshold);
}
