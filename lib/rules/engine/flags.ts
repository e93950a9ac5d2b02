/**
 * Flags: the rules' flag for a category (score over the threshold, evidence from hits and signals) and the one
 * shape every flag takes, the model's included.
 */
import type { Severity } from '../categories';
import type { Flag } from '../flag';
import { MENTION_SHARE, mentionScore, type SignalHit, type TermHit } from '../types';
import type { CompiledCategory, CompiledRuleset } from './compile';
import type { MessageContext } from './context';
import { reaches, scoreCategory, SCORE_EPS, upperBound } from './score';

type OffsetSpan = { start: number; end: number };

function bySpan(a: OffsetSpan, b: OffsetSpan): number {
  return a.start - b.start || b.end - a.end;
}

/** Overlapping spans merged, in text order (the spans are the caller's own array, sorted in place). */
function mergeSpans(spans: OffsetSpan[]): OffsetSpan[] {
  if (spans.length <= 1) return spans;
  // Hits come in text order: most arrays are sorted already, and checking costs less than sorting.
  for (let i = 1; i < spans.length; i++) {
    if (bySpan(spans[i - 1], spans[i]) > 0) {
      spans.sort(bySpan);
      break;
    }
  }
  const out: OffsetSpan[] = [];
  let last: OffsetSpan | null = null;
  for (let i = 0; i < spans.length; i++) {
    const sp = spans[i];
    if (last && sp.start < last.end) {
      if (sp.end > last.end) last.end = sp.end;
    } else out.push((last = { start: sp.start, end: sp.end }));
  }
  return out;
}

/** A category's flag: severity from the category (or its pack override), evidence in original offsets. */
export function makeFlag(
  cat: CompiledCategory,
  text: string,
  spans: OffsetSpan[],
  explanation: string,
  ruleId: string,
  score: number,
  severityScore: number,
  signals?: readonly SignalHit[],
): Flag {
  const severity: Severity =
    cat.severity ?? (cat.def.severityFor ? cat.def.severityFor(severityScore, cat.threshold, cat.def.defaultSeverity, signals) : cat.def.defaultSeverity);
  return {
    category: cat.id,
    clause: cat.clause,
    severity,
    action: cat.def.actions[severity],
    evidence: mergeSpans(spans).map((sp) => ({ start: sp.start, end: sp.end, text: text.slice(sp.start, sp.end) })),
    explanation,
    ruleId,
    score: Math.round(score * 100) / 100,
  };
}

/** The flag the rules give `cat` on this message, or null when its score stays below the threshold. */
export function ruleFlag(rs: CompiledRuleset, cat: CompiledCategory, ctx: MessageContext, text: string, withLinks: boolean): Flag | null {
  const hits = ctx.hits(cat.id);
  const needs = cat.def.needsHits;
  if (hits.length === 0 && (needs === 'always' || (needs === 'unless-links' && !withLinks))) return null;
  // Categories whose detectors only qualify their own hits: skip them when even the best case stays below.
  if (needs === 'always' && !reaches(upperBound(cat, hits, withLinks), cat.threshold)) return null;
  const signals = cat.def.signals ? cat.def.signals(ctx) : [];
  if (hits.length === 0 && signals.length === 0) return null;
  const sc = scoreCategory(rs, cat, hits, signals, cat.scratch);
  let score = cat.def.adjust ? cat.def.adjust(ctx, sc.score, sc.groups) : sc.score;
  if (!reaches(score, cat.threshold)) return null;
  // Words only reported, with the writer's stance against them, are a mention; heavy evidence outside them stays.
  const mentions = cat.def.mentions?.(ctx);
  const share = mentions && mentions.length > 0 ? ctx.shareInside(cat.id, mentions) : 0;
  if (share >= MENTION_SHARE) {
    // Every word of the category reported, none of the writer's own and no other sign (a link, a phone): nothing
    // left to flag.
    if (share >= 1 - SCORE_EPS && !signals.some((s) => s.weight > 0)) return null;
    score = mentionScore(score);
    if (!reaches(score, cat.threshold)) return null;
  }
  const spans: OffsetSpan[] = [];
  let best: TermHit | null = null;
  for (const h of hits) {
    // Zero-weight helper words ("liên hệ" for fortune services) support a combo but are not evidence.
    if (h.term.weight <= 0) continue;
    spans.push(ctx.original(h));
    if (!best || h.term.weight > best.term.weight) best = h;
  }
  let bestSignal: SignalHit | null = null;
  for (const s of signals) {
    if (s.weight <= 0) continue;
    for (const sp of s.spans) spans.push(sp);
    if (!bestSignal || s.weight > bestSignal.weight) bestSignal = s;
  }
  const ruleId =
    best && (!bestSignal || best.term.weight >= bestSignal.weight) ? `${cat.id}:${best.term.text}` : `${cat.id}:${bestSignal?.name ?? 'score'}`;
  return makeFlag(cat, text, spans, cat.explanation, ruleId, score, score, signals);
}
