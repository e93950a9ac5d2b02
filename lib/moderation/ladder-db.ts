import { Dexie } from 'dexie';
import type { GuardDb } from '../db/db';
import type { CategoryId } from '../domain/categories';
import type { LadderSettings } from '../settings/schema';
import { nextStep, strikeHistory, type LadderDecision, type MemberRef, type Strike } from './ladder';

/** Strikes of a member in one group, read from the log (flags, actions and corrections only). */
export async function memberStrikes(db: GuardDb, chainId: string, member: MemberRef): Promise<Strike[]> {
  const entries = await db.log
    .where('[chainId+seq]')
    .between([chainId, Dexie.minKey], [chainId, Dexie.maxKey])
    .filter((e) => e.kind === 'flag' || e.kind === 'action' || e.kind === 'correction')
    .toArray();
  return strikeHistory(entries, member);
}

/** The ladder step to propose now for this member's new violation in this group. */
export async function proposeStep(
  db: GuardDb,
  chainId: string,
  member: MemberRef,
  category: CategoryId | undefined,
  settings: LadderSettings,
  now: Date = new Date(),
): Promise<LadderDecision & { strikes: Strike[] }> {
  const strikes = await memberStrikes(db, chainId, member);
  return { ...nextStep(strikes, category, settings, now), strikes };
}
