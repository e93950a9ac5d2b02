import type { CategoryId } from '../domain/categories';
import type { LogAction, LogEntry } from '../log/schema';
import type { LadderSettings, LadderStep } from '../settings/schema';
import { normaliseName } from './normalize';

export type MemberRef = { name: string; uid?: string };

/** Zalo uid when known, else the normalised display name (names are only unique within a group). */
export function memberKey(member: MemberRef): string {
  return member.uid ? `uid:${member.uid}` : `name:${normaliseName(member.name)}`;
}

function sameMember(a: MemberRef, b: string | MemberRef): boolean {
  if (typeof b === 'string') return memberKey(a) === b || `name:${normaliseName(a.name)}` === b;
  if (a.uid && b.uid) return a.uid === b.uid;
  return normaliseName(a.name) === normaliseName(b.name);
}

import { STRIKE_ACTIONS } from '../domain/log-actions';

export type Strike = {
  chainId: string;
  /** The flag the decision was about; undefined for an action taken without a flag. */
  flagSeq?: number;
  /** First confirming action on that flag. */
  actionSeq: number;
  action: LogAction;
  category?: CategoryId;
  time: string;
};

const at = (chainId: string, seq: number) => `${chainId}\u0000${seq}`;

/**
 * Seqs cancelled by "void" corrections. Walk newest first: a correction can only be voided by a
 * later entry, so by the time we reach it we already know whether it still counts.
 */
function voidedSet(entries: readonly LogEntry[]): Set<string> {
  const voided = new Set<string>();
  const corrections = entries
    .filter((e) => e.kind === 'correction' && e.ref !== undefined && e.outcome !== 'amend')
    .sort((a, b) => b.seq - a.seq);
  for (const c of corrections) {
    if (!voided.has(at(c.chainId, c.seq))) voided.add(at(c.chainId, c.ref as number));
  }
  return voided;
}

/**
 * A member's confirmed violations from one group's log entries. One strike per flag however many
 * actions followed it (deleted + remind = one); a flag whose latest decision is "dismissed" is no
 * strike; a "void" correction cancels an action or a whole flag.
 */
export function strikeHistory(entries: readonly LogEntry[], member: string | MemberRef): Strike[] {
  const voided = voidedSet(entries);
  const flags = new Map<string, LogEntry>();
  for (const e of entries) if (e.kind === 'flag') flags.set(at(e.chainId, e.seq), e);

  // Latest surviving decision per flag (or per action when it has no flag).
  const decisions = new Map<string, { first?: LogEntry; last: LogEntry; flag?: LogEntry }>();
  const actions = entries.filter((e) => e.kind === 'action' && e.action && e.action !== 'note').sort((a, b) => a.seq - b.seq);
  for (const a of actions) {
    if (voided.has(at(a.chainId, a.seq))) continue;
    const flag = a.ref !== undefined ? flags.get(at(a.chainId, a.ref)) : undefined;
    if (a.ref !== undefined && !flag) continue; // refers to something that is not a flag
    if (flag && voided.has(at(flag.chainId, flag.seq))) continue;
    const who = a.member ?? flag?.member;
    if (!who || !sameMember(who, member)) continue;
    const id = flag ? at(flag.chainId, flag.seq) : `action\u0000${at(a.chainId, a.seq)}`;
    const d = decisions.get(id) ?? { last: a, flag };
    d.last = a;
    if (!d.first && STRIKE_ACTIONS.includes(a.action as LogAction)) d.first = a;
    decisions.set(id, d);
  }

  const strikes: Strike[] = [];
  for (const { first, last, flag } of decisions.values()) {
    if (!first || last.action === 'dismissed') continue;
    strikes.push({
      chainId: first.chainId,
      flagSeq: flag?.seq,
      actionSeq: first.seq,
      action: first.action as LogAction,
      category: first.category ?? flag?.category,
      time: first.time,
    });
  }
  return strikes.sort((a, b) => a.actionSeq - b.actionSeq);
}

export type LadderDecision = {
  step: LadderStep;
  /** Which violation this is for the member (1 = first), counting the current one. */
  strikeNumber: number;
  /** True when the category skips the ladder (settings.immediateCategories). */
  immediate: boolean;
};

/**
 * What to propose for a member's new confirmed violation. `strikes` = earlier strikes (a count, or
 * the list from strikeHistory so expired ones can be left out with strikeWindowDays).
 */
export function nextStep(
  strikes: number | readonly Pick<Strike, 'time'>[],
  category: CategoryId | undefined,
  settings: LadderSettings,
  now: Date = new Date(),
): LadderDecision {
  let count: number;
  if (typeof strikes === 'number') count = Math.max(0, Math.floor(strikes));
  else if (settings.strikeWindowDays > 0) {
    const since = now.getTime() - settings.strikeWindowDays * 86_400_000;
    count = strikes.filter((s) => Date.parse(s.time) >= since).length;
  } else count = strikes.length;

  const strikeNumber = count + 1;
  if (category && settings.immediateCategories.includes(category)) {
    return { step: 'propose-removal', strikeNumber, immediate: true };
  }
  const steps = settings.steps.length ? settings.steps : (['remind'] as LadderStep[]);
  return { step: steps[Math.min(count, steps.length - 1)], strikeNumber, immediate: false };
}
