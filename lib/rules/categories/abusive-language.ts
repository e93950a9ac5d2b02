/** III.2(5) – uncivil language: profanity (incl. teencode), insults to members or officials. */
import { CATEGORY_CLAUSE } from '../../regulation/clauses';
import type { CategoryDefinition, EvalContext, SignalHit } from '../types';
import { perMessage } from './per-message';
import { retoldSpans } from './quoted';

/**
 * An insult word called at someone with "đồ" ("đồ vô học", "đồ thần kinh", "do re rach"): the form is an insult
 * whatever the word's own weight. Accentless "do" counts only where the writer typed the word without marks too.
 */
const addressedInsult = perMessage((ctx: EvalContext): boolean => {
  const { acc, fold } = ctx.text;
  const retold = retoldSpans(ctx);
  for (const h of ctx.hits('abusive-language')) {
    if (h.term.group !== 'insult' || h.term.weight <= 0 || h.start < 3) continue;
    // Quoted to be taken a stance against ("dùng chữ \"đồ ăn cháo đá bát\"", then a rebuke): a mention, not a call.
    const at = ctx.original(h);
    if (retold.some(([a, b]) => a <= at.start && at.end <= b)) continue;
    if (fold.slice(h.start - 3, h.start) !== 'do ' || (h.start > 3 && /[a-z]/.test(fold[h.start - 4]!))) continue;
    const before = acc.slice(h.start - 3, h.start);
    if (before === 'đồ ' || (before === 'do ' && acc.slice(h.start, h.end) === fold.slice(h.start, h.end))) return true;
  }
  return false;
});

/** Swear abbreviations that are no other word when typed without accents ("dm" is also "đề mục", so it is not here). */
const ASCII_SWEARS: ReadonlySet<string> = new Set(['vcl', 'vkl', 'vl', 'dcm', 'dkm', 'clm', 'cmnr', 'vcd']);

/**
 * A profanity the pack marks conclusive, typed so that it reads as nothing else: with its accents or "đ" ("đéo",
 * "địt", "đcm"), or as one of ASCII_SWEARS, outside any link. Its folded forms ("de mo", "ma me") are everyday words
 * too, and stay open to the model's doubt.
 */
function swearAsWritten(ctx: EvalContext): boolean {
  const text = ctx.text.original;
  return ctx.hits('abusive-language').some((h) => {
    if (h.term.group !== 'profanity' || h.term.weight < 1) return false;
    const o = ctx.original(h);
    // A link's letters ("zalo.me/g/daytro-vl") are nobody's words.
    if (ctx.links.some((l) => l.start <= o.start && o.end <= l.end)) return false;
    const written = text.slice(o.start, o.end).toLowerCase();
    return NON_ASCII_RE.test(written) || ASCII_SWEARS.has(written);
  });
}

const NON_ASCII_RE = /[^\x00-\x7f]/;

export const abusiveLanguage: CategoryDefinition = {
  id: 'abusive-language',
  clause: CATEGORY_CLAUSE['abusive-language'],
  label: 'Ngôn từ thiếu văn hóa',
  explanation: 'Tin nhắn dùng ngôn từ thiếu văn hóa, chửi bới hoặc xúc phạm thành viên, cán bộ.',
  defaultSeverity: 'medium',
  actions: { low: 'remind', medium: 'remind', high: 'delete' },
  mentions: retoldSpans,
  needsHits: 'always',
  signals(ctx) {
    const out: SignalHit[] = [];
    // Within the default text-only slack (0.4), which keeps the engine's fast exit an upper bound.
    if (addressedInsult(ctx)) out.push({ name: 'addressed', weight: ctx.weight('abusive-language', 'addressed', 0.4), spans: [] });
    return out;
  },
  // The model weighs the everyday words around it; "đồ" with an insult leaves it nothing to doubt.
  vetoProof: (ctx, flagged) => flagged === 'abusive-language' && (addressedInsult(ctx) || swearAsWritten(ctx)),
  // Wording quoted and taken a stance against ("chữ \"dm\" là viết tắt, không phải chửi"): the model, which does not
  // read the quoted words, would judge the talk about them ("chửi", "tục", "xóa"); only the rules decide.
  modelAllowed: (ctx) => retoldSpans(ctx).length === 0,
  severityFor(score, threshold) {
    if (score >= threshold * 2.5) return 'high';
    return score >= threshold * 1.5 ? 'medium' : 'low';
  },
};
