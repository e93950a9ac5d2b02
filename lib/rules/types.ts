/**
 * Internal types shared by the engine and the category modules.
 */
import type { CategoryId, Severity, SuggestedAction } from './categories';
import type { NormalizedText } from './normalize';
import type { LinkSignal } from './link-signals';

/** A half-open range [start, end) in NORMALISED text coordinates. */
export interface Span {
  start: number;
  end: number;
}

/** A pack term as compiled for one category. */
export interface CompiledTerm {
  id: number;
  category: CategoryId;
  text: string;
  weight: number;
  group: string | null;
  /** Index of `group` in its category's group table (-1 without a group); set by the compiler. */
  groupIdx: number;
  negatable: boolean;
  /** Most words a negation may stand before the hit and still negate it (see `negationReach` in engine/compile.ts). */
  negationReach: number;
  /** Added by the group's own overrides (`extraTerms`): the admin asked for it, so the model never overrules it. */
  fromGroup: boolean;
}

/** The groups (term groups and signal names) a message hit in one category. */
export interface GroupSet {
  has(group: string): boolean;
}

export interface TermHit extends Span {
  term: CompiledTerm;
}

/** A detector result counted like a term (price, phone number, link…). Offsets are ORIGINAL offsets. */
export interface SignalHit {
  /** Signal name; also its group for combos (e.g. "price", "link"). */
  name: string;
  weight: number;
  /** Original-text spans used as evidence (may be empty). */
  spans: Array<{ start: number; end: number }>;
  /** Severity of the finding behind the signal (a link's reason), when it has its own. */
  severity?: Severity;
}

/** Share of a category's evidence inside reported words (`mentions`) from which the message is a mention of it. */
export const MENTION_SHARE = 0.6;

/** A mention's score: well under the threshold unless heavy evidence outside the reported words remains. */
export function mentionScore(score: number): number {
  return Math.min(score * 0.4, score - 1.2);
}

export interface EvalContext {
  text: NormalizedText;
  /** Accepted (not allowed, not negated) term hits of a category. */
  hits(category: CategoryId): readonly TermHit[];
  /** Hits cancelled by a preceding negation ("không cung cấp OTP"). */
  negated: readonly TermHit[];
  /** Term-only score of a category (before signals and context), for cross-category logic. */
  baseScore(category: CategoryId): number;
  /** True when the category has any accepted hit in `group`. */
  hasGroup(category: CategoryId, group: string): boolean;
  /** Warning-about-scams context score ("cảnh giác", "kẻ gian", negated requests). */
  warning: number;
  warningThreshold: number;
  /** Official-notice context score ("UBND xã thông báo"). */
  official: number;
  prices: readonly Span[];
  phones: readonly Span[];
  accounts: readonly Span[];
  links: readonly LinkSignal[];
  /** Signal weight from the pack (`categories[id].signals[name]`) or the module default. */
  weight(category: CategoryId, name: string, fallback: number): number;
  /** Original-offset span of a normalised span. */
  original(span: Span): { start: number; end: number };
  /**
   * Share (by weight) of a category's positive term evidence inside `spans` (original offsets); each term counts
   * once, groups in `ignore` are left out; 0 when the category has no evidence.
   */
  shareInside(category: CategoryId, spans: ReadonlyArray<readonly [number, number]>, ignore?: ReadonlySet<string>): number;
}

export interface CategoryDefinition {
  id: CategoryId;
  clause: string;
  /** Short Vietnamese label for badges and filters. */
  label: string;
  /** Default one-sentence Vietnamese explanation (a pack may override it). */
  explanation: string;
  defaultSeverity: Severity;
  /** Suggested action per severity; the admin always decides. */
  actions: Record<Severity, SuggestedAction>;
  /**
   * Signal names the detectors may emit from text alone (no link, no digit). The engine's fast exit counts a combo
   * as reachable only if each of its groups is a term group present in the text or one of these.
   */
  textSignals?: readonly string[];
  /**
   * Most this category's detectors add from the text alone, for the engine's fast exit (default 0.4). A category whose
   * text detector weighs more must say so here, or the fast exit would skip messages it flags.
   */
  textSignalSlack?: number;
  /**
   * The category cannot flag without one of its own term hits (its detectors only qualify hits), so the engine
   * skips it entirely for messages without any: 'always', or 'unless-links' when a link alone may count.
   */
  needsHits?: 'always' | 'unless-links';
  /**
   * With `needsHits: 'always'`, the model's probability from which it may still flag a message that has none of the
   * category's terms: a message the model is this sure of. Absent: never.
   */
  modelWithoutHits?: number;
  /**
   * Could this category's detectors find a signal in the message's digits other than the prices, phone numbers and
   * account numbers (ctx.prices/phones/accounts)? Asked only for a message with digits but none of those, given the
   * category's accepted hits: when no category says yes, the engine's fast exit treats the message like one without
   * digits. A category that reads digits in its own way must answer here.
   */
  digitSignals?(text: NormalizedText, hits: readonly TermHit[]): boolean;
  /** Detector signals for this category, computed after all term scores are known. */
  signals?(ctx: EvalContext): SignalHit[];
  /**
   * Warning-context weight read into one of this category's hits cancelled by a negation: a refused request ("không
   * cung cấp OTP", "đừng chuyển tiền") reads as advice about scams.
   */
  negatedWarning?(hit: TermHit): number;
  /**
   * Stretches of the original text where this category's words are only reported, with the writer's stance against
   * them outside (a pitch quoted to debunk it): a rule score resting mostly there is a mention and falls under the
   * threshold, and the model leaves those words out.
   */
  mentions?(ctx: EvalContext): ReadonlyArray<readonly [number, number]>;
  /** Context adjustment of the final score (warnings, official notices…). */
  adjust?(ctx: EvalContext, score: number, groups: GroupSet): number;
  /** May the model flag this category where the rules stayed below their threshold (default yes)? */
  modelAllowed?(ctx: EvalContext): boolean;
  /**
   * Does this category find evidence the model cannot weigh, so that the model may not overrule the rules' flag for
   * `flagged` (a link with a reason for every category: the model never reads links; a money request with its amount
   * for scams)?
   */
  vetoProof?(ctx: EvalContext, flagged: CategoryId): boolean;
  /** Severity from the final score (and the signals that made it); defaults to the category severity. */
  severityFor?(score: number, threshold: number, base: Severity, signals?: readonly SignalHit[]): Severity;
}
