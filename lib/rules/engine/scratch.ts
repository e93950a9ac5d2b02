/**
 * Scratch memory a compiled ruleset reuses across messages, so checking a message allocates little: the
 * normaliser's buffers, the automaton's match buffer, the model's hash buffer, per-category group sums, and the
 * pass counter that marks a term as counted once. Owned by one ruleset; nothing here is shared between rulesets.
 */
import { newHashBuffer, type HashBuffer } from '../model/features';
import { Normalizer, type NormalizedText } from '../normalize';
import type { GroupSet } from '../types';

export class MessageScratch {
  readonly normalizer = new Normalizer();
  readonly hashes: HashBuffer = newHashBuffer();
  /** Automaton matches as (pattern id, end) pairs; grows on demand. */
  matchBuf: Int32Array = new Int32Array(256);
  /** Per term id: the scoring pass that last counted it (a term counts once per category score). */
  readonly seen: Uint32Array;
  /** Current scoring pass (compared against `seen`). */
  stamp = 0;
  /** The message whose share of marked words is cached, and that share. */
  shareOf: NormalizedText | null = null;
  shareVal = 0;

  constructor(termCount: number) {
    this.seen = new Uint32Array(termCount);
  }

  /** Starts a scoring pass: returns its stamp (wraps around by clearing `seen`). */
  nextPass(): number {
    if (++this.stamp === 0xffffffff) {
      this.seen.fill(0);
      this.stamp = 1;
    }
    return this.stamp;
  }
}

/** Per-category group sums and flags of one scoring pass. */
export interface GroupScratch {
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

export function newGroupScratch(index: Map<string, number>): GroupScratch {
  const flags = new Uint8Array(index.size);
  const extras: string[] = [];
  return { sums: new Float64Array(index.size), flags, extras, view: new ScratchGroups(index, flags, extras) };
}
