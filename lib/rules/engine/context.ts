/**
 * The per-message evaluation context the category modules read: one object with methods instead of a literal with
 * closures, and cached base scores in a small array keyed by category position (no Maps built per message).
 */
import type { CategoryId } from '../categories';
import type { NumberSignals } from '../detectors';
import type { LinkSignal } from '../link-signals';
import type { NormalizedText } from '../normalize';
import type { EvalContext, Span, TermHit } from '../types';
import type { CompiledRuleset } from './compile';
import type { Matches } from './match';
import { scoreCategory } from './score';

const NO_HITS: readonly TermHit[] = [];
const NO_GROUPS: ReadonlySet<string> = new Set();

export class MessageContext implements EvalContext {
  readonly warningThreshold: number;
  readonly prices: readonly Span[];
  readonly phones: readonly Span[];
  readonly accounts: readonly Span[];
  readonly negated: readonly TermHit[];
  readonly official: number;
  /** Spans of the group's allowed terms (normalised coordinates). */
  readonly allowed: readonly Span[];
  private readonly byCat: Map<CategoryId, TermHit[]>;
  private base: Float64Array | null = null;
  /** Per category (by position): bit i set when a hit's group index is i (< 31); -1 until first asked. */
  private groupMasks: Int32Array | null = null;
  constructor(
    private readonly rs: CompiledRuleset,
    readonly text: NormalizedText,
    matches: Matches,
    readonly warning: number,
    nums: NumberSignals,
    readonly links: readonly LinkSignal[],
  ) {
    this.byCat = matches.byCat;
    this.negated = matches.negated;
    this.official = matches.official;
    this.allowed = matches.allowed;
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
    if (c === undefined || gi === undefined) return false;
    // Categories ask about a handful of groups many times: one bitmask of the groups hit per category and message.
    if (gi < 31) {
      const masks = (this.groupMasks ??= new Int32Array(this.rs.categories.length).fill(-1));
      let m = masks[c.pos];
      if (m < 0) {
        m = 0;
        const arr = this.byCat.get(id);
        if (arr) for (let k = 0; k < arr.length; k++) if (arr[k].term.groupIdx >= 0 && arr[k].term.groupIdx < 31) m |= 1 << arr[k].term.groupIdx;
        masks[c.pos] = m;
      }
      return (m & (1 << gi)) !== 0;
    }
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
  shareInside(id: CategoryId, spans: ReadonlyArray<readonly [number, number]>, ignore: ReadonlySet<string> = NO_GROUPS): number {
    if (spans.length === 0) return 0;
    let inside = 0;
    let total = 0;
    const seen = new Set<number>();
    for (const h of this.hits(id)) {
      if (h.term.weight <= 0 || ignore.has(h.term.group ?? '') || seen.has(h.term.id)) continue;
      seen.add(h.term.id);
      const o = this.original(h);
      total += h.term.weight;
      if (spans.some(([a, b]) => o.start >= a && o.end <= b)) inside += h.term.weight;
    }
    return total === 0 ? 0 : inside / total;
  }
}
