/**
 * Compiles a rule pack into one automaton and checks messages against it.
 */
import { CATEGORY_IDS, type CategoryId, type Severity } from './categories';
import type { Flag } from './flag';
import { detectNumbers, type NumberSignals } from './detectors';
import { linkSignals, type Blocklist, type LinkSignal, type LinkSignalOptions } from './link-signals';
import { SymbolAutomaton } from './matcher';
import { foldCode, foldString, normalize, normalizeTransient, SYM_BREAK, SYM_SPACE, type NormalizedText } from './normalize';
import { applyOverrides, type CategoryConfig, type GroupOverrides, type PackTerm, type RulePack } from './pack-schema';
import { REGISTRY } from './registry';
import { defaultCompiledModel } from './default-model';
import { modelProbabilities, topTokens, type CompiledModel } from './model/compile';
import type { CategoryDefinition, CompiledTerm, EvalContext, GroupSet, SignalHit, Span, TermHit } from './types';

const K_TERM = 0;
const K_ALLOW = 1;
const K_WARNING = 2;
const K_OFFICIAL = 3;
const K_NEG = 4;
const K_NOTNEG = 5;

const F_FOLDSAFE = 1;
const F_WHOLEWORD = 2;
const F_COMPACT = 4;

interface FlatEntries {
  entStart: Int32Array;
  kind: Uint8Array;
  flags: Uint8Array;
  /** Offset of the entry's codes in `acc` / `fold` (length = pattern length). */
  off: Int32Array;
  acc: Uint16Array;
  fold: Uint16Array;
  /** Entry objects in flat order (read only for accepted candidates). */
  list: Entry[];
}

function flatten(entries: readonly Entry[][]): FlatEntries {
  const entStart = new Int32Array(entries.length + 1);
  const list: Entry[] = [];
  let codes = 0;
  for (let p = 0; p < entries.length; p++) {
    entStart[p] = list.length;
    for (const en of entries[p]) {
      list.push(en);
      codes += en.acc.length;
    }
  }
  entStart[entries.length] = list.length;
  const kind = new Uint8Array(list.length);
  const flags = new Uint8Array(list.length);
  const off = new Int32Array(list.length);
  const acc = new Uint16Array(codes);
  const fold = new Uint16Array(codes);
  let o = 0;
  list.forEach((en, k) => {
    kind[k] = en.kind;
    flags[k] = (en.foldSafe ? F_FOLDSAFE : 0) | (en.wholeWord ? F_WHOLEWORD : 0) | (en.compact ? F_COMPACT : 0);
    off[k] = o;
    acc.set(en.acc, o);
    fold.set(en.fold, o);
    o += en.acc.length;
  });
  return { entStart, kind, flags, off, acc, fold, list };
}

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
  /** Position in `CompiledRuleset.categories` (per-message caches are arrays indexed by it). */
  pos: number;
  clause: string;
  explanation: string;
  threshold: number;
  severity: Severity | undefined;
  groupCaps: Record<string, number>;
  combos: ReadonlyArray<{ groups: readonly string[]; bonus: number }>;
  signalWeights: Record<string, number>;
  /** Minimum summed weight for a term group to count towards a combo. */
  comboMin: number;
  /** Group name → index into the per-category arrays below (term groups, capped groups, combo groups). */
  groupIndex: Map<string, number>;
  /** Cap per group index (Infinity when uncapped). */
  capByIdx: Float64Array;
  /** Combos as group indices (-1: a group nothing can produce, so the combo never fires). */
  comboIdx: ReadonlyArray<{ idx: Int32Array; bonus: number }>;
  /** Group indices the category's detectors may produce from text alone (fast-exit bound). */
  textSignalIdx: Int32Array;
  /** Scratch for the flag path and for `baseScore` (cross-category questions), reused across messages. */
  scratch: Scratch;
  baseScratch: Scratch;
}

export interface CompileOptions {
  blocklist?: Blocklist;
  overrides?: GroupOverrides;
  /** The linear model that backs the rules: the bundled one when omitted, none with `null`. */
  model?: CompiledModel | null;
}

export interface CompiledRuleset {
  readonly pack: RulePack;
  /** Enabled categories in registry (display) order. */
  readonly categories: readonly CompiledCategory[];
  /** Enabled categories by id (built once here, not per message). */
  readonly catById: ReadonlyMap<CategoryId, CompiledCategory>;
  readonly automaton: SymbolAutomaton;
  readonly entries: ReadonlyArray<readonly Entry[]>;
  /**
   * The same entries flattened into typed arrays (pattern p owns entries entStart[p]..entStart[p+1]) so rejecting a
   * candidate reads a few compact arrays instead of scattered objects: most candidates are rejected, and the
   * object reads were cache misses.
   */
  readonly flat: FlatEntries;
  readonly warningThreshold: number;
  readonly linkOptions: LinkSignalOptions;
  /** Number of category terms compiled (for diagnostics and the benchmark). */
  readonly termCount: number;
  /** Per term id: the scoring pass that last counted it (a term counts once per category score). */
  readonly seen: Uint32Array;
  readonly model: CompiledModel | null;
  /** Per enabled category (by `pos`): its index in the model, -1 when the model does not cover it. */
  readonly modelIndex: Int32Array;
}

const SPACE_CODE = 32;
const SCORE_EPS = 1e-9;
/** Longest term (letters, spaces removed) that also gets a compact variant for spaced-out evasions. */
const COMPACT_MAX = 12;
/**
 * Most a category's detectors can add from the text alone (no link, no digit): the named-group, insider and
 * question/quote detectors emit at most 0.4. Keeps the fast exit an upper bound.
 */
const TEXT_SIGNAL_SLACK = 0.4;
/** Most a text-only category's link signal adds (unverified-news: 0.2 by default; kept generous). */
const LINK_SIGNAL_SLACK = 0.5;
/** 'đ' is typed as a letter of its own even when tones are skipped ("đe" for "đề"). */
const D_BAR = 0x111;

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
  const model = options.model === undefined ? defaultCompiledModel() : options.model;
  const patternIds = new Map<string, number>();
  const patterns: Uint8Array[] = [];
  const entries: Entry[][] = [];

  const add = (text: string, entry: Omit<Entry, 'acc' | 'fold' | 'compact' | 'key'>) => {
    const t = trimSpaces(normalize(text));
    if (!t) return;
    // Plain loops: this runs for ~10,000 terms on every start of the CLI and of the service worker, cold.
    const push = (sym: Uint8Array, accText: string, compact: boolean) => {
      const acc = new Uint16Array(accText.length);
      const fold = new Uint16Array(accText.length);
      for (let i = 0; i < accText.length; i++) {
        const c = accText.charCodeAt(i);
        acc[i] = c;
        fold[i] = foldCode(c);
      }
      let key = '';
      for (let i = 0; i < sym.length; i++) key += String.fromCharCode(sym[i]);
      let id = patternIds.get(key);
      if (id === undefined) {
        id = patterns.length;
        patternIds.set(key, id);
        patterns.push(sym);
        entries.push([]);
      }
      entries[id].push({ kind: entry.kind, term: entry.term, weight: entry.weight, foldSafe: entry.foldSafe, wholeWord: entry.wholeWord, acc, fold, compact, key: accText });
    };
    push(t.sym, t.acc, false);
    // Compact variant for evasions that space out every letter ("l ô đ ề" → "lôđề").
    if (t.sym.includes(SYM_SPACE)) {
      const keep: number[] = [];
      for (let i = 0; i < t.sym.length; i++) if (t.sym[i] !== SYM_SPACE) keep.push(i);
      // Spammers space out short key words; long phrases spelt letter by letter do not occur, and every compact
      // variant adds automaton states (memory and cache misses on every scan).
      if (keep.length >= 3 && keep.length <= COMPACT_MAX) push(Uint8Array.from(keep.map((i) => t.sym[i])), keep.map((i) => t.acc[i]).join(''), true);
    }
  };

  const categories: CompiledCategory[] = [];
  let termId = 0;
  REGISTRY.forEach((def, index) => {
    const cfg: CategoryConfig | undefined = pack.categories[def.id];
    if (!cfg || !cfg.enabled) return;
    const groupIndex = new Map<string, number>();
    const idxOf = (g: string): number => {
      let i = groupIndex.get(g);
      if (i === undefined) groupIndex.set(g, (i = groupIndex.size));
      return i;
    };
    for (const t of cfg.terms) if (t.group) idxOf(t.group);
    for (const g of Object.keys(cfg.groupCaps ?? {})) idxOf(g);
    for (const c of cfg.combos ?? []) for (const g of c.groups) idxOf(g);
    const textSignalIdx = Int32Array.from((def.textSignals ?? []).filter((g) => groupIndex.has(g)), (g) => groupIndex.get(g) as number);
    const capByIdx = new Float64Array(groupIndex.size).fill(Infinity);
    for (const [g, cap] of Object.entries(cfg.groupCaps ?? {})) capByIdx[groupIndex.get(g) as number] = cap;
    categories.push({
      textSignalIdx,
      groupIndex,
      capByIdx,
      comboIdx: (cfg.combos ?? []).map((c) => ({ idx: Int32Array.from(c.groups, (g) => groupIndex.get(g) as number), bonus: c.bonus })),
      scratch: newScratch(groupIndex),
      baseScratch: newScratch(groupIndex),
      def,
      id: def.id,
      index,
      pos: categories.length,
      clause: cfg.clause,
      explanation: cfg.explanation || def.explanation,
      threshold: cfg.threshold ?? 1,
      severity: cfg.severity,
      groupCaps: cfg.groupCaps ?? {},
      combos: cfg.combos ?? [],
      signalWeights: cfg.signals ?? {},
      comboMin: cfg.comboMin ?? 0,
    });
    // applyOverrides appends the group's extra terms after the pack's own.
    const ownTerms = cfg.terms.length - (options.overrides?.extraTerms?.[def.id]?.length ?? 0);
    cfg.terms.forEach((t: PackTerm, i) => {
      const term: CompiledTerm = {
        id: termId++,
        category: def.id,
        text: t.text,
        weight: t.weight,
        group: t.group ?? null,
        groupIdx: t.group ? (categories[categories.length - 1].groupIndex.get(t.group) as number) : -1,
        negatable: t.negatable ?? true,
        fromGroup: i >= ownTerms,
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
    catById: new Map(categories.map((c) => [c.id, c])),
    automaton: new SymbolAutomaton(patterns),
    entries,
    flat: flatten(entries),
    warningThreshold: ctx?.warningThreshold ?? 1,
    linkOptions: { allowDomains: pack.allowDomains, blockDomains: pack.blockDomains, blocklist: options.blocklist },
    termCount: termId,
    seen: new Uint32Array(termId),
    model,
    modelIndex: Int32Array.from(categories, (c) => (model ? model.indexOf(c.id) : -1)),
  };
}

/**
 * Is the text at [s, e) an acceptable occurrence of flat entry k? (boundaries + accent compatibility; the
 * entry's codes have the pattern's length, e - s)
 */
function accept(fe: FlatEntries, k: number, n: NormalizedText, s: number, e: number): boolean {
  const sym = n.sym;
  const fl = fe.flags[k];
  if ((fl & F_COMPACT) !== 0) {
    const j = n.joined;
    if (!j) return false;
    for (let i = s; i < e; i++) if (j[i] === 0) return false;
  } else if ((fl & F_WHOLEWORD) !== 0) {
    if (s > 0 && sym[s - 1] > SYM_SPACE) return false;
    if (e < sym.length && sym[e] > SYM_SPACE) return false;
  }
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
  if (!loose) return true;
  const en = fe.list[k];
  return looseWordsUnmarked(n, s, en.acc, en.fold);
}

/**
 * Per word of a loose (accent-dropping) match: a text word whose vowels carry marks ("bản", "mới") was typed with
 * accents, so it must match exactly; only an unmarked word ("ban", "đe" — đ alone is not a tone) may stand for an
 * accented one. Runs only after a loose match, which is rare.
 */
function looseWordsUnmarked(n: NormalizedText, s: number, t: Uint16Array, f: Uint16Array): boolean {
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
  return !(anyMarked && markedShare(n) >= MIXED_MAX_SHARE);
}

/**
 * From this share of marked words on (in a message of at least MIXED_MIN_WORDS words), the writer types marks: a
 * half-marked phrase is another phrase. Short lines say too little about how their writer types.
 */
const MIXED_MAX_SHARE = 0.5;
const MIXED_MIN_WORDS = 5;
let shareOf: NormalizedText | null = null;
let shareVal = 0;

/**
 * Share of the message's words (2+ letters) that carry a Vietnamese mark, 0 for a short message; computed once per
 * message, on demand.
 */
function markedShare(n: NormalizedText): number {
  if (shareOf === n) return shareVal;
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
  shareOf = n;
  shareVal = words >= MIXED_MIN_WORDS ? marked / words : 0;
  return shareVal;
}

function isLetterCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c > 127 && foldCode(c) !== c) || c === D_BAR;
}

/** A letter with a tone or vowel mark ("ả", "ơ"); 'đ' alone is not one (it is typed even when tones are skipped). */
function isMarked(c: number): boolean {
  return c !== D_BAR && c !== foldCode(c);
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

interface Scratch {
  sums: Float64Array;
  /** Bit 1: the group was hit (or a signal of that name fired); bit 2: it counts towards combos. */
  flags: Uint8Array;
  /** Signals whose name is in no group table (uncapped, in no combo): kept for `groups.has`. */
  extras: string[];
  view: GroupSet;
}

/** `groups.has` over a scratch: reads the flags of the latest scoring pass (one object per scratch, no closures). */
class ScratchGroups implements GroupSet {
  constructor(
    private readonly index: Map<string, number>,
    private readonly flags: Uint8Array,
    private readonly extras: string[],
  ) {}
  has(g: string): boolean {
    const i = this.index.get(g);
    return i !== undefined ? (this.flags[i] & 1) !== 0 : this.extras.includes(g);
  }
}

function newScratch(index: Map<string, number>): Scratch {
  const flags = new Uint8Array(index.size);
  const extras: string[] = [];
  return { sums: new Float64Array(index.size), flags, extras, view: new ScratchGroups(index, flags, extras) };
}

/**
 * Most a category can score on this message without its detectors' number signals: positive term weights within
 * group caps, combos whose groups are hit (or may come from a text-only detector, or a link signal when the message
 * has links), plus the text-only detectors' slack. Uses the category's scratch: nothing is allocated.
 */
function upperBound(cat: CompiledCategory, arr: readonly TermHit[], withLinks: boolean): number {
  const { sums, flags } = cat.scratch;
  sums.fill(0);
  flags.fill(0);
  for (const i of cat.textSignalIdx) flags[i] = 1;
  let pos = TEXT_SIGNAL_SLACK;
  if (withLinks) {
    const li = cat.groupIndex.get('link');
    if (li !== undefined) flags[li] = 1;
    pos += LINK_SIGNAL_SLACK;
  }
  for (const h of arr) {
    const w = h.term.weight;
    const gi = h.term.groupIdx;
    if (gi >= 0) flags[gi] = 1;
    if (w <= 0) continue;
    if (gi >= 0) sums[gi] += w;
    else pos += w;
  }
  const caps = cat.capByIdx;
  for (let i = 0; i < sums.length; i++) if (sums[i] > 0) pos += sums[i] < caps[i] ? sums[i] : caps[i];
  for (const c of cat.comboIdx) {
    if (c.bonus <= 0) continue;
    let ok = true;
    for (let j = 0; j < c.idx.length; j++) if (flags[c.idx[j]] === 0) ok = false;
    if (ok) pos += c.bonus;
  }
  return pos;
}

/** Scoring pass counter for `CompiledRuleset.seen` (avoids a Set per category per message). */
let stamp = 0;

interface Scored {
  score: number;
  groups: GroupSet;
}

/**
 * Category score: each term once, group sums within caps, signals, then combos whose groups are all present (a
 * term group counts for combos only with `comboMin` weight: one filler word, "zalo", 0.1, is not a shape).
 * Allocation-free: per-category typed scratch and a stamp array instead of Maps/Sets.
 */
function scoreCategory(rs: CompiledRuleset, cat: CompiledCategory, hits: readonly TermHit[], signals: readonly SignalHit[], scratch: Scratch): Scored {
  const { sums, flags, extras } = scratch;
  sums.fill(0);
  flags.fill(0);
  extras.length = 0;
  if (++stamp === 0xffffffff) {
    rs.seen.fill(0);
    stamp = 1;
  }
  const seen = rs.seen;
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
  for (const c of cat.comboIdx) {
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

const NO_HITS: readonly TermHit[] = [];
const NO_NUMBERS: NumberSignals = { prices: [], phones: [], accounts: [] };
/** Reused match buffer (patternId, end pairs); grows on demand. */
let matchBuf: Int32Array = new Int32Array(256);

/**
 * Matching stage only (normalise + automaton + accent/boundary checks): number of accepted term hits.
 * Used by the benchmark to compare like with like against a naive indexOf search.
 */
export function countTermHits(text: string, rs: CompiledRuleset): number {
  const n = normalizeTransient(text);
  let hits = 0;
  const fe = rs.flat;
  rs.automaton.scan(n.sym, (p, s, e) => {
    for (let k = fe.entStart[p]; k < fe.entStart[p + 1]; k++) if (fe.kind[k] === K_TERM && accept(fe, k, n, s, e)) hits++;
  });
  return hits;
}

/**
 * Per-message evaluation context: one object with methods instead of a literal with closures, and cached base
 * scores in a small array keyed by category position (no Maps built per message).
 */
class MessageContext implements EvalContext {
  readonly warningThreshold: number;
  readonly prices: readonly Span[];
  readonly phones: readonly Span[];
  readonly accounts: readonly Span[];
  private base: Float64Array | null = null;
  constructor(
    private readonly rs: CompiledRuleset,
    readonly text: NormalizedText,
    private readonly byCat: Map<CategoryId, TermHit[]>,
    readonly negated: readonly TermHit[],
    readonly warning: number,
    readonly official: number,
    nums: NumberSignals,
    readonly links: readonly LinkSignal[],
    /** Spans of the group's allowed terms (normalised coordinates). */
    readonly allowed: readonly Span[] = [],
  ) {
    this.warningThreshold = rs.warningThreshold;
    this.prices = nums.prices;
    this.phones = nums.phones;
    this.accounts = nums.accounts;
  }
  hits(id: CategoryId): readonly TermHit[] {
    return this.byCat.get(id) ?? NO_HITS;
  }
  baseScore(id: CategoryId): number {
    const c = this.rs.catById.get(id);
    if (!c) return 0;
    const base = (this.base ??= new Float64Array(this.rs.categories.length).fill(NaN));
    const k = c.pos;
    let v = base[k];
    if (v !== v) base[k] = v = scoreCategory(this.rs, c, this.byCat.get(id) ?? NO_HITS, [], c.baseScratch).score;
    return v;
  }
  hasGroup(id: CategoryId, g: string): boolean {
    const c = this.rs.catById.get(id);
    const gi = c?.groupIndex.get(g);
    if (gi === undefined) return false;
    const arr = this.byCat.get(id);
    if (arr) for (let k = 0; k < arr.length; k++) if (arr[k].term.groupIdx === gi) return true;
    return false;
  }
  weight(id: CategoryId, name: string, fallback: number): number {
    return this.rs.catById.get(id)?.signalWeights[name] ?? fallback;
  }
  original(sp: Span): { start: number; end: number } {
    return { start: this.text.start[sp.start], end: this.text.end[sp.end - 1] };
  }
}

/**
 * Check one message. Returns at most one flag per category, in category order, with every evidence span
 * in ORIGINAL text offsets.
 */
export function checkMessage(text: string, rs: CompiledRuleset): Flag[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const n = normalizeTransient(text);
  const byCat = new Map<CategoryId, TermHit[]>();
  let allow: Span[] | null = null;
  let negs: Span[] | null = null;
  let notNegs: Span[] | null = null;
  // Context words count once per text (last weight wins); most messages have none, so the maps are lazy.
  let warningSeen: Map<string, number> | null = null;
  let officialSeen: Map<string, number> | null = null;
  const fe = rs.flat;

  const scanned = rs.automaton.scanInto(n.sym, matchBuf);
  matchBuf = scanned.buf;
  const plen = rs.automaton.patternLength;
  for (let m = 0; m < scanned.count; m++) {
    const p = matchBuf[2 * m];
    const e = matchBuf[2 * m + 1];
    const s = e - plen[p];
    const end = fe.entStart[p + 1];
    for (let k = fe.entStart[p]; k < end; k++) {
      if (!accept(fe, k, n, s, e)) continue;
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
  if (warningSeen) for (const w of warningSeen.values()) warning += w;
  // Negated requests ("không cung cấp OTP", "đừng chuyển tiền") read as advice.
  // Only refused requests count: "chưa nhận tiền hỗ trợ" is not advice.
  for (const h of negated) if (h.term.category === 'scam' && (h.term.group === 'request' || h.term.group === 'fee')) warning += 0.5;
  let official = 0;
  if (officialSeen) for (const w of officialSeen.values()) official += w;

  const links: LinkSignal[] = linkSignals(text, rs.linkOptions);
  const model = rs.model;
  const probs = model ? modelProbabilities(n, model) : null;
  // Fast exit (most clean messages): without links or digits no detector signal can fire, so a category
  // flags only if its positive term weights plus every combo bonus could reach its threshold, or the model
  // is confident about it.
  if (links.length === 0 && !n.hasDigit && !modelAbove(rs, probs, byCat)) {
    let possible = false;
    for (const cat of rs.categories) {
      const arr = byCat.get(cat.id);
      if (!arr || arr.length === 0) continue;
      const pos = upperBound(cat, arr, false);
      if (pos >= cat.threshold - SCORE_EPS) {
        possible = true;
        break;
      }
    }
    if (!possible) return [];
  }
  const nums = n.hasDigit ? detectNumbers(n.acc) : NO_NUMBERS;

  const ctx = new MessageContext(rs, n, byCat, negated, warning, official, nums, links, allowSpans);
  const flags: Flag[] = [];
  for (const cat of rs.categories) {
    const rf = ruleFlag(rs, cat, ctx, text, links.length > 0);
    if (rf && modelVetoes(rs, cat, ctx, probs, rf.score ?? 0)) continue;
    const flag = rf ?? modelFlag(rs, cat, ctx, text, probs);
    if (flag) flags.push(flag);
  }
  return flags;
}

/** The flag the rules give `cat` on this message, or null when its score stays below the threshold. */
function ruleFlag(rs: CompiledRuleset, cat: CompiledCategory, ctx: MessageContext, text: string, withLinks: boolean): Flag | null {
  const hits = ctx.hits(cat.id);
  const needs = cat.def.needsHits;
  if (hits.length === 0 && (needs === 'always' || (needs === 'unless-links' && !withLinks))) return null;
  // Categories whose detectors only qualify their own hits: skip them when even the best case stays below.
  if (needs === 'always' && upperBound(cat, hits, withLinks) < cat.threshold - SCORE_EPS) return null;
  const signals = cat.def.signals ? cat.def.signals(ctx) : [];
  if (hits.length === 0 && signals.length === 0) return null;
  const sc = scoreCategory(rs, cat, hits, signals, cat.scratch);
  const score = cat.def.adjust ? cat.def.adjust(ctx, sc.score, sc.groups) : sc.score;
  // Sums of decimal weights (0.3 + 0.4 + 0.3) land a hair below 1: compare with a tolerance.
  if (score < cat.threshold - SCORE_EPS) return null;
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
  return makeFlag(cat, text, spans, cat.explanation, ruleId, score, score, signals);
}

/** A category's flag: severity from the category (or its pack override), evidence in original offsets. */
function makeFlag(
  cat: CompiledCategory,
  text: string,
  spans: Array<{ start: number; end: number }>,
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

const MODEL_EXPLANATION = 'Tin nhắn giống các tin vi phạm loại này mà hệ thống đã học từ những tin được gán nhãn; quản trị viên nên đọc kỹ trước khi xử lý.';

/**
 * May the model flag `cat` on this message: covered, over its threshold, and — for categories that never flag
 * without a word of their own (sensitive, abusive, rumours, leaks) — with such a word, as the rules require: a short
 * everyday line ("Lại mất điện à, chán thật") has too few words to judge by weights alone.
 */
function modelMayFlag(rs: CompiledRuleset, cat: CompiledCategory, probs: Float64Array | null, hitCount: number): boolean {
  const mi = rs.modelIndex[cat.pos]!;
  if (!rs.model || !probs || mi < 0 || probs[mi]! < rs.model.threshold) return false;
  return !(cat.def.needsHits === 'always' && hitCount === 0);
}

/**
 * Does the model overrule the rules' flag for `cat`: the score is modest and the model finds nothing of the category
 * in the message (clean look-alikes the word rules cannot tell apart: market news with a price, a police report on a
 * gambling den). Never when the message has a link (the model does not read links; link analysis does) and never
 * against a term the group added itself.
 */
function modelVetoes(rs: CompiledRuleset, cat: CompiledCategory, ctx: MessageContext, probs: Float64Array | null, score: number): boolean {
  const model = rs.model;
  const veto = model?.veto;
  const mi = rs.modelIndex[cat.pos]!;
  if (!model || !veto || !probs || mi < 0 || ctx.links.length > 0) return false;
  const p = probs[mi]!;
  if (score >= cat.threshold * veto.scoreRatio - SCORE_EPS || p >= veto.below) return false;
  // Words that lift the category well above its prior are support, however low p stays (a short line).
  if (Math.log(p / (1 - p)) - model.bias[mi]! >= veto.maxLift) return false;
  return !ctx.hits(cat.id).some((h) => h.term.fromGroup);
}

/** Does the model alone put some enabled category over its threshold (the fast exit must not skip it)? */
function modelAbove(rs: CompiledRuleset, probs: Float64Array | null, byCat: ReadonlyMap<CategoryId, TermHit[]>): boolean {
  return rs.categories.some((cat) => modelMayFlag(rs, cat, probs, byCat.get(cat.id)?.length ?? 0));
}

/**
 * A flag from the model where the rules stayed below their threshold. Never inside a warning about scams or an
 * official notice (the hard negatives the rules already reason about); evidence is the words that weighed most.
 */
function modelFlag(
  rs: CompiledRuleset,
  cat: CompiledCategory,
  ctx: MessageContext,
  text: string,
  probs: Float64Array | null,
): Flag | null {
  const model = rs.model;
  if (!model || !probs || !modelMayFlag(rs, cat, probs, ctx.hits(cat.id).length)) return null;
  if (ctx.warning >= ctx.warningThreshold || ctx.official >= 1) return null;
  if (cat.def.modelAllowed && !cat.def.modelAllowed(ctx)) return null;
  const mi = rs.modelIndex[cat.pos]!;
  const p = probs[mi]!;
  // Words the group allowed ("Không vi phạm" + allow) are never a model's evidence; with none left, no flag.
  const words = topTokens(ctx.text, model, mi).filter((t) => !ctx.allowed.some((a) => a.start < t.end && t.start < a.end));
  if (words.length === 0) return null;
  // Severity as for a score just at the threshold: the model never raises a flag above the lowest step.
  return makeFlag(cat, text, words.map((t) => ctx.original(t)), MODEL_EXPLANATION, `${cat.id}:model`, p, cat.threshold);
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
