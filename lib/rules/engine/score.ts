/**
 * Category scores: each term once, group sums within caps, detector signals, combos. Allocation-free: the
 * category's group scratch and the ruleset's pass stamps instead of Maps/Sets.
 */
import type { GroupSet, SignalHit, TermHit } from '../types';
import type { CompiledCategory, CompiledRuleset } from './compile';
import type { GroupScratch } from './scratch';

/** Sums of decimal weights (0.3 + 0.4 + 0.3) land a hair below 1: scores are compared with this tolerance. */
export const SCORE_EPS = 1e-9;
/**
 * Most a category's detectors can add from the text alone (no link, no digit), unless it says otherwise
 * (`textSignalSlack`): the named-group, insider and question/quote detectors emit at most 0.4. Keeps the fast exit an
 * upper bound.
 */
export const TEXT_SIGNAL_SLACK = 0.4;
/** Most a text-only category's link signal adds (unverified-news: 0.2 by default; kept generous). */
const LINK_SIGNAL_SLACK = 0.5;

export function reaches(score: number, threshold: number): boolean {
  return score >= threshold - SCORE_EPS;
}

/**
 * Most a category can score on this message without its detectors' number signals: positive term weights within
 * group caps, combos whose groups are hit (or may come from a text-only detector, or a link signal when the message
 * has links), plus the text-only detectors' slack. Uses the category's scratch: nothing is allocated.
 */
export function upperBound(cat: CompiledCategory, arr: readonly TermHit[], withLinks: boolean): number {
  const { sums, flags } = cat.scratch;
  // Plain loops: these arrays hold a handful of groups, where fill() costs more than it saves.
  for (let i = 0; i < sums.length; i++) {
    sums[i] = 0;
    flags[i] = 0;
  }
  const textIdx = cat.textSignalIdx;
  for (let i = 0; i < textIdx.length; i++) flags[textIdx[i]] = 1;
  let pos = cat.textSlack;
  if (withLinks) {
    const li = cat.groupIndex.get('link');
    if (li !== undefined) flags[li] = 1;
    pos += LINK_SIGNAL_SLACK;
  }
  for (let k = 0; k < arr.length; k++) {
    const term = arr[k].term;
    const w = term.weight;
    const gi = term.groupIdx;
    if (gi >= 0) flags[gi] = 1;
    if (w <= 0) continue;
    if (gi >= 0) sums[gi] += w;
    else pos += w;
  }
  const caps = cat.capByIdx;
  for (let i = 0; i < sums.length; i++) if (sums[i] > 0) pos += sums[i] < caps[i] ? sums[i] : caps[i];
  const combos = cat.comboIdx;
  for (let k = 0; k < combos.length; k++) {
    const c = combos[k];
    if (c.bonus <= 0) continue;
    let ok = true;
    for (let j = 0; j < c.idx.length; j++) if (flags[c.idx[j]] === 0) ok = false;
    if (ok) pos += c.bonus;
  }
  return pos;
}

export interface Scored {
  score: number;
  groups: GroupSet;
}

/**
 * Category score: each term once, group sums within caps, signals, then combos whose groups are all present (a
 * term group counts for combos only with `comboMin` weight: one filler word, "zalo", 0.1, is not a shape).
 */
export function scoreCategory(rs: CompiledRuleset, cat: CompiledCategory, hits: readonly TermHit[], signals: readonly SignalHit[], scratch: GroupScratch): Scored {
  const { sums, flags, extras } = scratch;
  for (let i = 0; i < sums.length; i++) {
    sums[i] = 0;
    flags[i] = 0;
  }
  if (extras.length > 0) extras.length = 0;
  const stamp = rs.scratch.nextPass();
  const seen = rs.scratch.seen;
  let score = 0;
  for (let k = 0; k < hits.length; k++) {
    const t = hits[k].term;
    const gi = t.groupIdx;
    if (gi >= 0) flags[gi] |= 1;
    if (seen[t.id] === stamp) continue;
    seen[t.id] = stamp;
    if (gi >= 0) sums[gi] += t.weight;
    else score += t.weight;
  }
  const n = flags.length;
  const min = cat.comboMin;
  for (let i = 0; i < n; i++) if (flags[i] !== 0 && (min === 0 || sums[i] >= min)) flags[i] |= 2;
  for (let k = 0; k < signals.length; k++) {
    const s = signals[k];
    if (s.weight === 0 && s.spans.length === 0) continue;
    const gi = cat.groupIndex.get(s.name);
    if (gi === undefined) {
      extras.push(s.name);
      score += s.weight;
    } else {
      flags[gi] |= 3;
      sums[gi] += s.weight;
    }
  }
  const caps = cat.capByIdx;
  for (let i = 0; i < n; i++) {
    const v = sums[i];
    if (v !== 0) score += v < caps[i] ? v : caps[i];
  }
  const combos = cat.comboIdx;
  for (let k = 0; k < combos.length; k++) {
    const c = combos[k];
    let ok = true;
    for (let j = 0; j < c.idx.length; j++) {
      if ((flags[c.idx[j]] & 2) === 0) {
        ok = false;
        break;
      }
    }
    if (ok) score += c.bonus;
  }
  return { score, groups: scratch.view };
}
