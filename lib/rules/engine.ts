/**
 * Compiles a rule pack into one automaton and checks messages against it.
 */
import { CATEGORY_IDS, type CategoryId, type Severity } from './categories';
import type { Flag } from './flag';
import { detectNumbers, type NumberSignals } from './detectors';
import { linkSignals, type Blocklist, type LinkSignal, type LinkSignalOptions } from './link-signals';
import { SymbolAutomaton } from './matcher';
import { foldCode, foldString, normalize, SYM_BREAK, SYM_SPACE, type NormalizedText } from './normalize';
import { applyOverrides, type CategoryConfig, type GroupOverrides, type PackTerm, type RulePack } from './pack-schema';
import { REGISTRY } from './registry';
import type { CategoryDefinition, CompiledTerm, EvalContext, SignalHit, Span, TermHit } from './types';

const K_TERM = 0;
const K_ALLOW = 1;
const K_WARNING = 2;
const K_OFFICIAL = 3;
const K_NEG = 4;
const K_NOTNEG = 5;

interface Entry {
  kind: number;
  term: CompiledTerm | null;
  weight: number;
  /** Accented normalised form (char codes) the text must be compatible with. */
  acc: Uint16Array;
  /** Same, folded: an accentless text char must equal this when the term is fold-safe. */
  fold: Uint16Array;
  foldSafe: boolean;
  wholeWord: boolean;
  /** Pattern without spaces, matched only inside joined letter runs ("l ô đ ề"). */
  compact: boolean;
  /** Accented text of the pattern; context words count once per text. */
  key: string;
}

export interface CompiledCategory {
  def: CategoryDefinition;
  id: CategoryId;
  index: number;
  clause: string;
  explanation: string;
  threshold: number;
  severity: Severity | undefined;
  groupCaps: Record<string, number>;
  combos: ReadonlyArray<{ groups: readonly string[]; bonus: number }>;
  signalWeights: Record<string, number>;
  /** Minimum summed weight for a term group to count towards a combo. */
  comboMin: number;
  /** Sum of positive combo bonuses: bounds what combos can add (early exit). */
  comboMax: number;
}

export interface CompileOptions {
  blocklist?: Blocklist;
  overrides?: GroupOverrides;
}

export interface CompiledRuleset {
  readonly pack: RulePack;
  /** Enabled categories in registry (display) order. */
  readonly categories: readonly CompiledCategory[];
  readonly automaton: SymbolAutomaton;
  readonly entries: ReadonlyArray<readonly Entry[]>;
  readonly warningThreshold: number;
  readonly linkOptions: LinkSignalOptions;
  /** Number of category terms compiled (for diagnostics and the benchmark). */
  readonly termCount: number;
}

const FOLDSAFE_NEGATIONS = new Set(['khong', 'dung', 'chang']);

function trimSpaces(n: NormalizedText): { sym: Uint8Array; acc: string } | null {
  let a = 0;
  let b = n.sym.length;
  while (a < b && (n.sym[a] === SYM_SPACE || n.sym[a] === SYM_BREAK)) a++;
  while (b > a && (n.sym[b - 1] === SYM_SPACE || n.sym[b - 1] === SYM_BREAK)) b--;
  if (a === b) return null;
  return { sym: n.sym.slice(a, b), acc: n.acc.slice(a, b) };
}

/** Compile a pack (plus optional per-group overrides) once; reuse the result for every message. */
export function compileRuleset(packIn: RulePack, options: CompileOptions = {}): CompiledRuleset {
  const pack = applyOverrides(packIn, options.overrides);
  const patternIds = new Map<string, number>();
  const patterns: Uint8Array[] = [];
  const entries: Entry[][] = [];

  const add = (text: string, entry: Omit<Entry, 'acc' | 'fold' | 'compact' | 'key'>) => {
    const t = trimSpaces(normalize(text));
    if (!t) return;
    const push = (sym: Uint8Array, accText: string, compact: boolean) => {
      const acc = Uint16Array.from(accText, (c) => c.charCodeAt(0));
      const fold = acc.map((c) => foldCode(c));
      const key = String.fromCharCode.apply(null, Array.from(sym));
      let id = patternIds.get(key);
      if (id === undefined) {
        id = patterns.length;
        patternIds.set(key, id);
        patterns.push(sym);
        entries.push([]);
      }
      entries[id].push({ ...entry, acc, fold, compact, key: accText });
    };
    push(t.sym, t.acc, false);
    // Compact variant for evasions that space out every letter ("l ô đ ề" → "lôđề").
    if (t.sym.includes(SYM_SPACE)) {
      const keep: number[] = [];
      for (let i = 0; i < t.sym.length; i++) if (t.sym[i] !== SYM_SPACE) keep.push(i);
      if (keep.length >= 3) push(Uint8Array.from(keep.map((i) => t.sym[i])), keep.map((i) => t.acc[i]).join(''), true);
    }
  };

  const categories: CompiledCategory[] = [];
  let termId = 0;
  REGISTRY.forEach((def, index) => {
    const cfg: CategoryConfig | undefined = pack.categories[def.id];
    if (!cfg || !cfg.enabled) return;
    categories.push({
      def,
      id: def.id,
      index,
      clause: cfg.clause,
      explanation: cfg.explanation || def.explanation,
      threshold: cfg.threshold ?? 1,
      severity: cfg.severity,
      groupCaps: cfg.groupCaps ?? {},
      combos: cfg.combos ?? [],
      signalWeights: cfg.signals ?? {},
      comboMin: cfg.comboMin ?? 0,
      comboMax: (cfg.combos ?? []).reduce((a, c) => a + Math.max(0, c.bonus), 0),
    });
    cfg.terms.forEach((t: PackTerm) => {
      const term: CompiledTerm = {
        id: termId++,
        category: def.id,
        text: t.text,
        weight: t.weight,
        group: t.group ?? null,
        negatable: t.negatable ?? true,
      };
      add(t.text, { kind: K_TERM, term, weight: t.weight, foldSafe: t.foldSafe ?? false, wholeWord: t.wholeWord ?? true });
    });
  });
  for (const a of pack.allowTerms) add(a, { kind: K_ALLOW, term: null, weight: 0, foldSafe: true, wholeWord: true });
  const ctx = pack.context;
  if (ctx) {
    for (const w of ctx.warning) add(w.text, { kind: K_WARNING, term: null, weight: w.weight, foldSafe: w.foldSafe ?? true, wholeWord: w.wholeWord ?? true });
    for (const w of ctx.official) add(w.text, { kind: K_OFFICIAL, term: null, weight: w.weight, foldSafe: w.foldSafe ?? true, wholeWord: w.wholeWord ?? true });
    // Accentless negations only where unambiguous ("khong", "dung" for đừng); "cho" must not read as "chớ".
    for (const w of ctx.negation) {
      const f = foldString(w);
      add(w, { kind: K_NEG, term: null, weight: 0, foldSafe: f.includes(' ') || FOLDSAFE_NEGATIONS.has(f), wholeWord: true });
    }
    for (const w of ctx.notNegation) add(w, { kind: K_NOTNEG, term: null, weight: 0, foldSafe: true, wholeWord: true });
  }
  return {
    pack,
    categories,
    automaton: new SymbolAutomaton(patterns),
    entries,
    warningThreshold: ctx?.warningThreshold ?? 1,
    linkOptions: { allowDomains: pack.allowDomains, blockDomains: pack.blockDomains, blocklist: options.blocklist },
    termCount: termId,
  };
}

/** Is the text at [s, e) an acceptable occurrence of the entry? (boundaries + accent compatibility) */
function accept(en: Entry, n: NormalizedText, s: number, e: number): boolean {
  const sym = n.sym;
  if (en.compact) {
    const j = n.joined;
    if (!j) return false;
    for (let i = s; i < e; i++) if (j[i] === 0) return false;
  } else if (en.wholeWord) {
    if (s > 0 && sym[s - 1] > SYM_SPACE) return false;
    if (e < sym.length && sym[e] > SYM_SPACE) return false;
  }
  const acc = n.codes;
  const t = en.acc;
  const f = en.fold;
  for (let i = 0; i < t.length; i++) {
    const a = acc[s + i];
    if (a === t[i]) continue;
    // Accentless or partly accented text: only for fold-safe terms, and only by dropping marks.
    if (!en.foldSafe || a !== f[i]) return false;
  }
  return true;
}

function contains(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** A negation word at most 4 words before the hit, with no punctuation in between. */
function negatedBy(n: NormalizedText, negs: readonly Span[], hit: Span): boolean {
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
    if (ok && words <= 4) return true;
  }
  return false;
}

interface Scored {
  score: number;
  groups: Set<string>;
}

function scoreCategory(cat: CompiledCategory, hits: readonly TermHit[], signals: readonly SignalHit[]): Scored {
  const groups = new Set<string>();
  const groupSum = new Map<string, number>();
  const seen = new Set<number>();
  let free = 0;
  for (const h of hits) {
    const g = h.term.group;
    if (g) groups.add(g);
    if (seen.has(h.term.id)) continue;
    seen.add(h.term.id);
    if (g) groupSum.set(g, (groupSum.get(g) ?? 0) + h.term.weight);
    else free += h.term.weight;
  }
  // A group supports a combo only with some substance: one filler word ("zalo", "hỗ trợ", 0.1) is not a shape.
  const present = new Set<string>();
  for (const g of groups) if ((groupSum.get(g) ?? 0) >= cat.comboMin) present.add(g);
  for (const s of signals) {
    if (s.weight === 0 && s.spans.length === 0) continue;
    groups.add(s.name);
    present.add(s.name);
    groupSum.set(s.name, (groupSum.get(s.name) ?? 0) + s.weight);
  }
  let score = free;
  for (const [g, v] of groupSum) {
    const cap = cat.groupCaps[g];
    score += cap !== undefined ? Math.min(v, cap) : v;
  }
  for (const c of cat.combos) if (c.groups.every((g) => present.has(g))) score += c.bonus;
  return { score, groups };
}

const NO_HITS: readonly TermHit[] = [];
const NO_NUMBERS: NumberSignals = { prices: [], phones: [], accounts: [] };
/** Reused match buffer (patternId, end pairs); grows on demand. */
let matchBuf: Int32Array = new Int32Array(256);

/**
 * Matching stage only (normalise + automaton + accent/boundary checks): number of accepted term hits.
 * Used by the benchmark to compare like with like against a naive indexOf search.
 */
export function countTermHits(text: string, rs: CompiledRuleset): number {
  const n = normalize(text);
  let hits = 0;
  rs.automaton.scan(n.sym, (p, s, e) => {
    const list = rs.entries[p];
    for (let k = 0; k < list.length; k++) if (list[k].kind === K_TERM && accept(list[k], n, s, e)) hits++;
  });
  return hits;
}

/**
 * Check one message. Returns at most one flag per category, in category order, with every evidence span
 * in ORIGINAL text offsets.
 */
export function checkMessage(text: string, rs: CompiledRuleset): Flag[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const n = normalize(text);
  const byCat = new Map<CategoryId, TermHit[]>();
  let allow: Span[] | null = null;
  let negs: Span[] | null = null;
  let notNegs: Span[] | null = null;
  const warningSeen = new Map<string, number>();
  const officialSeen = new Map<string, number>();
  const entries = rs.entries;

  const scanned = rs.automaton.scanInto(n.sym, matchBuf);
  matchBuf = scanned.buf;
  const plen = rs.automaton.patternLength;
  for (let m = 0; m < scanned.count; m++) {
    const p = matchBuf[2 * m];
    const e = matchBuf[2 * m + 1];
    const s = e - plen[p];
    const list = entries[p];
    for (let k = 0; k < list.length; k++) {
      const en = list[k];
      if (!accept(en, n, s, e)) continue;
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
          warningSeen.set(en.key, en.weight);
          break;
        case K_OFFICIAL:
          officialSeen.set(en.key, en.weight);
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

  // Allow-list and negation filtering.
  const negated: TermHit[] = [];
  const negSpans: Span[] = negs ? (negs as Span[]).filter((g) => !(notNegs ?? []).some((c) => contains(c, g))) : [];
  const allowSpans: Span[] = allow ?? [];
  if (allowSpans.length > 0 || negSpans.length > 0) {
    for (const [cat, arr] of byCat) {
      const kept: TermHit[] = [];
      for (const h of arr) {
        if (allowSpans.some((a) => contains(a, h))) continue;
        if (h.term.negatable && negSpans.length > 0 && negatedBy(n, negSpans, h)) {
          negated.push(h);
          continue;
        }
        kept.push(h);
      }
      byCat.set(cat, kept);
    }
  }

  let warning = 0;
  for (const w of warningSeen.values()) warning += w;
  // Negated requests ("không cung cấp OTP", "đừng chuyển tiền") read as advice.
  // Only refused requests count: "chưa nhận tiền hỗ trợ" is not advice.
  for (const h of negated) if (h.term.category === 'scam' && (h.term.group === 'request' || h.term.group === 'fee')) warning += 0.5;
  let official = 0;
  for (const w of officialSeen.values()) official += w;

  const links: LinkSignal[] = linkSignals(text, rs.linkOptions);
  // Fast exit (most clean messages): without links or digits no detector signal can fire, so a category
  // flags only if its positive term weights plus every combo bonus could reach its threshold.
  if (links.length === 0 && !n.hasDigit) {
    let possible = false;
    for (const cat of rs.categories) {
      const arr = byCat.get(cat.id);
      if (!arr || arr.length === 0) continue;
      let pos = cat.comboMax;
      for (const h of arr) if (h.term.weight > 0) pos += h.term.weight;
      if (pos >= cat.threshold) {
        possible = true;
        break;
      }
    }
    if (!possible) return [];
  }
  const nums = n.hasDigit ? detectNumbers(n.acc) : NO_NUMBERS;

  const baseCache = new Map<CategoryId, number>();
  const catById = new Map<CategoryId, CompiledCategory>();
  for (const c of rs.categories) catById.set(c.id, c);
  const ctx: EvalContext = {
    text: n,
    hits: (id) => byCat.get(id) ?? NO_HITS,
    negated,
    baseScore: (id) => {
      let v = baseCache.get(id);
      if (v === undefined) {
        const c = catById.get(id);
        v = c ? scoreCategory(c, byCat.get(id) ?? NO_HITS, []).score : 0;
        baseCache.set(id, v);
      }
      return v;
    },
    hasGroup: (id, g) => (byCat.get(id) ?? NO_HITS).some((h) => h.term.group === g),
    warning,
    warningThreshold: rs.warningThreshold,
    official,
    prices: nums.prices,
    phones: nums.phones,
    accounts: nums.accounts,
    links,
    weight: (id, name, fallback) => catById.get(id)?.signalWeights[name] ?? fallback,
    original: (sp) => ({ start: n.start[sp.start], end: n.end[sp.end - 1] }),
  };

  const flags: Flag[] = [];
  for (const cat of rs.categories) {
    const hits = byCat.get(cat.id) ?? NO_HITS;
    const signals = cat.def.signals ? cat.def.signals(ctx) : [];
    if (hits.length === 0 && signals.length === 0) continue;
    const sc = scoreCategory(cat, hits, signals);
    const score = cat.def.adjust ? cat.def.adjust(ctx, sc.score, sc.groups) : sc.score;
    if (score < cat.threshold) continue;
    const severity: Severity =
      cat.severity ?? (cat.def.severityFor ? cat.def.severityFor(score, cat.threshold, cat.def.defaultSeverity) : cat.def.defaultSeverity);
    const spans: Array<{ start: number; end: number }> = [];
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
    flags.push({
      category: cat.id,
      clause: cat.clause,
      severity,
      action: cat.def.actions[severity],
      evidence: mergeSpans(spans).map((sp) => ({ start: sp.start, end: sp.end, text: text.slice(sp.start, sp.end) })),
      explanation: cat.explanation,
      ruleId,
      score: Math.round(score * 100) / 100,
    });
  }
  return flags;
}

function mergeSpans(spans: Array<{ start: number; end: number }>): Array<{ start: number; end: number }> {
  if (spans.length <= 1) return spans;
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Array<{ start: number; end: number }> = [];
  for (const sp of sorted) {
    const last = out[out.length - 1];
    if (last && sp.start < last.end) {
      if (sp.end > last.end) last.end = sp.end;
    } else out.push({ ...sp });
  }
  return out;
}

/** All category ids, used by tooling. */
export const ALL_CATEGORIES: readonly CategoryId[] = CATEGORY_IDS;
