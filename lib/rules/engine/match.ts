/**
 * Matching: the automaton's candidates filtered by word boundaries and accent compatibility, sorted into term
 * hits per category and context spans, with allow-listed and negated hits set apart.
 */
import type { CategoryId } from '../categories';
import { foldCode, SYM_BREAK, SYM_SPACE, type NormalizedText } from '../normalize';
import type { CompiledTerm, Span, TermHit } from '../types';
import { F_COMPACT, F_FOLDSAFE, F_WHOLEWORD, K_ALLOW, K_NEG, K_NOTNEG, K_OFFICIAL, K_TERM, K_WARNING, type CompiledRuleset, type FlatEntries } from './compile';
import type { MessageScratch } from './scratch';

const SPACE_CODE = 32;
/** 'đ' is typed as a letter of its own even when tones are skipped ("đe" for "đề"). */
const D_BAR = 0x111;
/**
 * From this share of marked words on (in a message of at least MIXED_MIN_WORDS words), the writer types marks: a
 * half-marked phrase is another phrase. Short lines say too little about how their writer types.
 */
const MIXED_MAX_SHARE = 0.5;
const MIXED_MIN_WORDS = 5;

function isLetterCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c > 127 && foldCode(c) !== c) || c === D_BAR;
}

/** A letter with a tone or vowel mark ("ả", "ơ"); 'đ' alone is not one (it is typed even when tones are skipped). */
export function isMarked(c: number): boolean {
  return c !== D_BAR && c !== foldCode(c);
}

/**
 * Share of the message's words (2+ letters) that carry a Vietnamese mark, 0 for a short message; computed once per
 * message, on demand, and kept in the ruleset's scratch.
 */
function markedShare(n: NormalizedText, sc: MessageScratch): number {
  if (sc.shareOf === n) return sc.shareVal;
  const c = n.codes;
  let words = 0;
  let marked = 0;
  for (let i = 0; i < c.length; ) {
    if (!isLetterCode(c[i])) {
      i++;
      continue;
    }
    let j = i;
    let m = false;
    for (; j < c.length && isLetterCode(c[j]); j++) if (isMarked(c[j])) m = true;
    if (j - i >= 2) {
      words++;
      if (m) marked++;
    }
    i = j;
  }
  sc.shareOf = n;
  sc.shareVal = words >= MIXED_MIN_WORDS ? marked / words : 0;
  return sc.shareVal;
}

/**
 * Per word of a loose (accent-dropping) match: a text word whose vowels carry marks ("bản", "mới") was typed with
 * accents, so it must match exactly; only an unmarked word ("ban", "đe" — đ alone is not a tone) may stand for an
 * accented one. Runs only after a loose match, which is rare.
 */
function looseWordsUnmarked(n: NormalizedText, s: number, t: Uint16Array, f: Uint16Array, sc: MessageScratch): boolean {
  const acc = n.codes;
  let marked = false;
  let loose = false;
  let anyMarked = false;
  for (let i = 0; i <= t.length; i++) {
    if (i === t.length || f[i] === SPACE_CODE) {
      if (marked && loose) return false;
      if (marked) anyMarked = true;
      marked = false;
      loose = false;
      continue;
    }
    const a = acc[s + i];
    if (isMarked(a)) marked = true;
    if (a !== t[i]) loose = true;
  }
  // Half the phrase typed with its marks and half without ("do Mặt" for "đồ mặt", "Bản đồ quy" for "đồ quỷ") is
  // another phrase when the writer types marks everywhere else; evasions drop the marks of every word ("lo de").
  return !(anyMarked && markedShare(n, sc) >= MIXED_MAX_SHARE);
}

/** Do the entry's boundary rules hold at [s, e)? Compact entries only inside joined letter runs. */
function boundariesHold(fl: number, n: NormalizedText, s: number, e: number): boolean {
  if ((fl & F_COMPACT) !== 0) {
    const j = n.joined;
    if (!j) return false;
    for (let i = s; i < e; i++) if (j[i] === 0) return false;
    return true;
  }
  if ((fl & F_WHOLEWORD) === 0) return true;
  const sym = n.sym;
  return !((s > 0 && sym[s - 1] > SYM_SPACE) || (e < sym.length && sym[e] > SYM_SPACE));
}

/**
 * Is the text at [s, e) an acceptable occurrence of flat entry k? (boundaries + accent compatibility; the
 * entry's codes have the pattern's length, e - s)
 */
function accept(fe: FlatEntries, k: number, n: NormalizedText, s: number, e: number, sc: MessageScratch): boolean {
  const fl = fe.flags[k];
  if (!boundariesHold(fl, n, s, e)) return false;
  const acc = n.codes;
  const t = fe.acc;
  const f = fe.fold;
  const o = fe.off[k] - s;
  const foldSafe = (fl & F_FOLDSAFE) !== 0;
  let loose = false;
  for (let i = s; i < e; i++) {
    const a = acc[i];
    if (a === t[o + i]) continue;
    // Accentless or partly accented text: only for fold-safe terms, and only by dropping marks.
    if (!foldSafe || a !== f[o + i]) return false;
    loose = true;
  }
  // Letters typed one by one ("x.ó.c đ.i.a") carry whatever marks the writer bothered with: no per-word check.
  if (!loose || (fl & F_COMPACT) !== 0) return true;
  const en = fe.list[k];
  return looseWordsUnmarked(n, s, en.acc, en.fold, sc);
}

export function contains(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** A negation word at most `reach` words before the hit, with no punctuation in between. */
function negatedBy(n: NormalizedText, negs: readonly Span[], hit: Span, reach: number): boolean {
  for (const g of negs) {
    if (g.end > hit.start) continue;
    let words = 0;
    let ok = true;
    for (let i = g.end; i < hit.start; i++) {
      const c = n.sym[i];
      if (c === SYM_BREAK) {
        ok = false;
        break;
      }
      if (c === SYM_SPACE && i + 1 < hit.start && n.sym[i + 1] > SYM_SPACE) words++;
    }
    if (ok && words <= reach) return true;
  }
  return false;
}

/** What matching found in one message. */
export interface Matches {
  /** Accepted term hits per category (allowed and negated hits removed). */
  byCat: Map<CategoryId, TermHit[]>;
  /** Hits cancelled by a preceding negation. */
  negated: TermHit[];
  /** Spans of the group's allowed terms. */
  allowed: Span[];
  /** Summed weights of the warning and official context words (each word once). */
  warning: number;
  official: number;
}

/** Runs the automaton over the message and sorts every accepted candidate by what its entry stands for. */
export function matchMessage(rs: CompiledRuleset, n: NormalizedText): Matches {
  const sc = rs.scratch;
  const fe = rs.flat;
  const byCat = new Map<CategoryId, TermHit[]>();
  let allow: Span[] | null = null;
  let negs: Span[] | null = null;
  let notNegs: Span[] | null = null;
  // Context words count once per text (last weight wins); most messages have none, so the maps are lazy.
  let warningSeen: Map<string, number> | null = null;
  let officialSeen: Map<string, number> | null = null;

  const scanned = rs.automaton.scanInto(n.sym, sc.matchBuf);
  const buf = (sc.matchBuf = scanned.buf);
  const plen = rs.automaton.patternLength;
  for (let m = 0; m < scanned.count; m++) {
    const p = buf[2 * m];
    const e = buf[2 * m + 1];
    const s = e - plen[p];
    const end = fe.entStart[p + 1];
    for (let k = fe.entStart[p]; k < end; k++) {
      if (!accept(fe, k, n, s, e, sc)) continue;
      const en = fe.list[k];
      switch (en.kind) {
        case K_TERM: {
          const t = en.term as CompiledTerm;
          let arr = byCat.get(t.category);
          if (!arr) byCat.set(t.category, (arr = []));
          arr.push({ start: s, end: e, term: t });
          break;
        }
        case K_ALLOW:
          (allow ??= []).push({ start: s, end: e });
          break;
        case K_WARNING:
          (warningSeen ??= new Map()).set(en.key, en.weight);
          break;
        case K_OFFICIAL:
          (officialSeen ??= new Map()).set(en.key, en.weight);
          break;
        case K_NEG:
          (negs ??= []).push({ start: s, end: e });
          break;
        case K_NOTNEG:
          (notNegs ??= []).push({ start: s, end: e });
          break;
      }
    }
  }
  const allowed = allow ?? [];
  const negSpans = negs ? negs.filter((g) => !(notNegs ?? []).some((c) => contains(c, g))) : [];
  const negated = setApart(n, byCat, allowed, negSpans);
  return { byCat, negated, allowed, warning: sumValues(warningSeen), official: sumValues(officialSeen) };
}

/** Removes allowed hits and sets negated ones apart (returned). */
function setApart(n: NormalizedText, byCat: Map<CategoryId, TermHit[]>, allowed: readonly Span[], negSpans: readonly Span[]): TermHit[] {
  const negated: TermHit[] = [];
  if (allowed.length === 0 && negSpans.length === 0) return negated;
  for (const [cat, arr] of byCat) {
    const kept: TermHit[] = [];
    for (const h of arr) {
      if (allowed.some((a) => contains(a, h))) continue;
      if (h.term.negatable && negSpans.length > 0 && negatedBy(n, negSpans, h, h.term.negationReach)) {
        negated.push(h);
        continue;
      }
      kept.push(h);
    }
    byCat.set(cat, kept);
  }
  return negated;
}

function sumValues(m: Map<string, number> | null): number {
  let s = 0;
  if (m) for (const w of m.values()) s += w;
  return s;
}

/**
 * Matching stage only (normalise + automaton + accent/boundary checks): number of accepted term hits.
 * Used by the benchmark to compare like with like against a naive indexOf search.
 */
export function countTermHits(text: string, rs: CompiledRuleset): number {
  const sc = rs.scratch;
  const n = sc.normalizer.transient(text);
  let hits = 0;
  const fe = rs.flat;
  rs.automaton.scan(n.sym, (p, s, e) => {
    for (let k = fe.entStart[p]; k < fe.entStart[p + 1]; k++) if (fe.kind[k] === K_TERM && accept(fe, k, n, s, e, sc)) hits++;
  });
  return hits;
}
