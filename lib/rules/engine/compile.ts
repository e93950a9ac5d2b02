/**
 * Compiles a rule pack into one automaton over every term and context word, with the per-category tables the
 * scoring reads. Done once per pack (and per group's overrides); every message then reuses the result.
 */
import type { CategoryId, Severity } from '../categories';
import { defaultCompiledModel } from '../default-model';
import type { Blocklist, LinkSignalOptions } from '../link-signals';
import { SymbolAutomaton } from '../matcher';
import type { CompiledModel } from '../model/compile';
import { foldCode, foldString, Normalizer, SYM_BREAK, SYM_SPACE, type NormalizedText } from '../normalize';
import { applyOverrides, type CategoryConfig, type RuleOverrides, type PackTerm, type RulePack } from '../pack-schema';
import { REGISTRY } from '../registry';
import type { CategoryDefinition, CompiledTerm } from '../types';
import { MessageScratch, newGroupScratch, type GroupScratch } from './scratch';
import { TEXT_SIGNAL_SLACK } from './score';

/** What an automaton entry stands for. */
export const K_TERM = 0;
export const K_ALLOW = 1;
export const K_WARNING = 2;
export const K_OFFICIAL = 3;
export const K_NEG = 4;
export const K_NOTNEG = 5;

export const F_FOLDSAFE = 1;
export const F_WHOLEWORD = 2;
export const F_COMPACT = 4;

export interface Entry {
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

/**
 * The entries flattened into typed arrays (pattern p owns entries entStart[p]..entStart[p+1]) so rejecting a
 * candidate reads a few compact arrays instead of scattered objects: most candidates are rejected, and the
 * object reads were cache misses.
 */
export interface FlatEntries {
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
  /** Most its detectors add from text alone (fast-exit bound; `textSignalSlack`, default TEXT_SIGNAL_SLACK). */
  textSlack: number;
  /** Scratch for the flag path and for `baseScore` (cross-category questions), reused across messages. */
  scratch: GroupScratch;
  baseScratch: GroupScratch;
}

export interface CompileOptions {
  blocklist?: Blocklist;
  overrides?: RuleOverrides;
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
  readonly flat: FlatEntries;
  readonly warningThreshold: number;
  readonly linkOptions: LinkSignalOptions;
  /** Number of category terms compiled (for diagnostics and the benchmark). */
  readonly termCount: number;
  /** This ruleset's per-message scratch memory. */
  readonly scratch: MessageScratch;
  readonly model: CompiledModel | null;
  /** Per enabled category (by `pos`): its index in the model, -1 when the model does not cover it. */
  readonly modelIndex: Int32Array;
}

/** Longest term (letters, spaces removed) that also gets a compact variant for spaced-out evasions. */
const COMPACT_MAX = 12;
/** Accentless negations only where unambiguous ("khong", "dung" for đừng); "cho" must not read as "chớ". */
const FOLDSAFE_NEGATIONS: ReadonlySet<string> = new Set(['khong', 'dung', 'chang']);

function trimSpaces(n: NormalizedText): { sym: Uint8Array; acc: string } | null {
  let a = 0;
  let b = n.sym.length;
  while (a < b && (n.sym[a] === SYM_SPACE || n.sym[a] === SYM_BREAK)) a++;
  while (b > a && (n.sym[b - 1] === SYM_SPACE || n.sym[b - 1] === SYM_BREAK)) b--;
  if (a === b) return null;
  return { sym: n.sym.slice(a, b), acc: n.acc.slice(a, b) };
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

type EntrySpec = Omit<Entry, 'acc' | 'fold' | 'compact' | 'key'>;

/** Patterns (deduplicated symbol sequences) and the entries each one stands for. */
class PatternTable {
  readonly patterns: Uint8Array[] = [];
  readonly entries: Entry[][] = [];
  private readonly ids = new Map<string, number>();
  private readonly normalizer = new Normalizer();

  /** Adds `text` as written, and a compact variant for evasions that space out every letter ("l ô đ ề" → "lôđề"). */
  add(text: string, spec: EntrySpec): void {
    const t = trimSpaces(this.normalizer.normalize(text));
    if (!t) return;
    this.push(t.sym, t.acc, spec, false);
    if (!t.sym.includes(SYM_SPACE)) return;
    const keep: number[] = [];
    for (let i = 0; i < t.sym.length; i++) if (t.sym[i] !== SYM_SPACE) keep.push(i);
    // Spammers space out short key words; long phrases spelt letter by letter do not occur, and every compact
    // variant adds automaton states (memory and cache misses on every scan).
    if (keep.length >= 3 && keep.length <= COMPACT_MAX) this.push(Uint8Array.from(keep.map((i) => t.sym[i])), keep.map((i) => t.acc[i]).join(''), spec, true);
  }

  // Plain loops: this runs for ~10,000 terms on every start of the CLI and of the service worker, cold.
  private push(sym: Uint8Array, accText: string, spec: EntrySpec, compact: boolean): void {
    const acc = new Uint16Array(accText.length);
    const fold = new Uint16Array(accText.length);
    for (let i = 0; i < accText.length; i++) {
      const c = accText.charCodeAt(i);
      acc[i] = c;
      fold[i] = foldCode(c);
    }
    let key = '';
    for (let i = 0; i < sym.length; i++) key += String.fromCharCode(sym[i]);
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.patterns.length;
      this.ids.set(key, id);
      this.patterns.push(sym);
      this.entries.push([]);
    }
    this.entries[id].push({ kind: spec.kind, term: spec.term, weight: spec.weight, foldSafe: spec.foldSafe, wholeWord: spec.wholeWord, acc, fold, compact, key: accText });
  }
}

function compileCategory(def: CategoryDefinition, cfg: CategoryConfig, index: number, pos: number): CompiledCategory {
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
  return {
    textSignalIdx,
    textSlack: def.textSignalSlack ?? TEXT_SIGNAL_SLACK,
    groupIndex,
    capByIdx,
    comboIdx: (cfg.combos ?? []).map((c) => ({ idx: Int32Array.from(c.groups, (g) => groupIndex.get(g) as number), bonus: c.bonus })),
    scratch: newGroupScratch(groupIndex),
    baseScratch: newGroupScratch(groupIndex),
    def,
    id: def.id,
    index,
    pos,
    clause: cfg.clause,
    explanation: cfg.explanation || def.explanation,
    threshold: cfg.threshold ?? 1,
    severity: cfg.severity,
    groupCaps: cfg.groupCaps ?? {},
    combos: cfg.combos ?? [],
    signalWeights: cfg.signals ?? {},
    comboMin: cfg.comboMin ?? 0,
  };
}

/** Context words (warnings, official notices, negations) as automaton entries. */
function addContext(table: PatternTable, ctx: RulePack['context']): void {
  if (!ctx) return;
  for (const w of ctx.warning) table.add(w.text, { kind: K_WARNING, term: null, weight: w.weight, foldSafe: w.foldSafe ?? true, wholeWord: w.wholeWord ?? true });
  for (const w of ctx.official) table.add(w.text, { kind: K_OFFICIAL, term: null, weight: w.weight, foldSafe: w.foldSafe ?? true, wholeWord: w.wholeWord ?? true });
  for (const w of ctx.negation) {
    const f = foldString(w);
    table.add(w, { kind: K_NEG, term: null, weight: 0, foldSafe: f.includes(' ') || FOLDSAFE_NEGATIONS.has(f), wholeWord: true });
  }
  for (const w of ctx.notNegation) table.add(w, { kind: K_NOTNEG, term: null, weight: 0, foldSafe: true, wholeWord: true });
}


/** Most words between a negation and the hit it negates ("không bao giờ chuyển khoản", "chưa nghe tin đồn nào"). */
export const NEGATION_REACH = 4;
/** A penalty or a harm done to someone: "bị thu hồi", "phạt 5 triệu", "sẽ bị khóa". */
const CONSEQUENCE = /^(?:sẽ )?(?:bị|phạt)(?: |$)/u;

/**
 * How far back a negation reaches a term. A penalty is negated only right before it ("không bị phạt", "chưa bị thu
 * hồi"); further back, the negation is the condition it punishes ("không đội mũ phạt 5 triệu", "ai không cập nhật sẽ
 * bị khóa").
 */
export function negationReach(text: string): number {
  return CONSEQUENCE.test(text) ? 1 : NEGATION_REACH;
}

/** Compile a pack (plus optional per-group overrides) once; reuse the result for every message. */
export function compileRuleset(packIn: RulePack, options: CompileOptions = {}): CompiledRuleset {
  const pack = applyOverrides(packIn, options.overrides);
  const model = options.model === undefined ? defaultCompiledModel() : options.model;
  const table = new PatternTable();
  const categories: CompiledCategory[] = [];
  let termId = 0;
  REGISTRY.forEach((def, index) => {
    const cfg: CategoryConfig | undefined = pack.categories[def.id];
    if (!cfg || !cfg.enabled) return;
    const cat = compileCategory(def, cfg, index, categories.length);
    categories.push(cat);
    // applyOverrides appends the group's extra terms after the pack's own.
    const ownTerms = cfg.terms.length - (options.overrides?.extraTerms?.[def.id]?.length ?? 0);
    cfg.terms.forEach((t: PackTerm, i) => {
      const term: CompiledTerm = {
        id: termId++,
        category: def.id,
        text: t.text,
        weight: t.weight,
        group: t.group ?? null,
        groupIdx: t.group ? (cat.groupIndex.get(t.group) as number) : -1,
        negatable: t.negatable ?? true,
        negationReach: negationReach(t.text),
        fromGroup: i >= ownTerms,
      };
      table.add(t.text, { kind: K_TERM, term, weight: t.weight, foldSafe: t.foldSafe ?? false, wholeWord: t.wholeWord ?? true });
    });
  });
  for (const a of pack.allowTerms) table.add(a, { kind: K_ALLOW, term: null, weight: 0, foldSafe: true, wholeWord: true });
  addContext(table, pack.context);
  return {
    pack,
    categories,
    catById: new Map(categories.map((c) => [c.id, c])),
    automaton: new SymbolAutomaton(table.patterns),
    entries: table.entries,
    flat: flatten(table.entries),
    warningThreshold: pack.context?.warningThreshold ?? 1,
    linkOptions: {
      allowDomains: pack.allowDomains,
      blockDomains: pack.blockDomains,
      blocklist: options.blocklist,
      shorteners: pack.shortenerDomains,
      ownInvites: pack.ownInvites,
    },
    termCount: termId,
    scratch: new MessageScratch(termId),
    model,
    modelIndex: Int32Array.from(categories, (c) => (model ? model.indexOf(c.id) : -1)),
  };
}
