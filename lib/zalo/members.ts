import { clickLikeUser } from './dom-utils';
import { queryAll, queryOne, querySelfOrDescendant, safeQueryAll } from './query';
import { normalizeLine, readText } from './text';
import { waitFor } from './wait';

export type MemberRole = 'owner' | 'deputy' | 'member';

export interface Member {
  name: string;
  role: MemberRole;
}

export interface MemberPanelOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
}

export type MemberPanelResult = { ok: true } | { ok: false; reason: 'no-toggle' | 'no-member-entry' | 'no-member-list' };

const OWNER_TEXT = /trưởng nhóm|group owner|\bowner\b/i;
const DEPUTY_TEXT = /phó nhóm|deputy|\badmin\b/i;

function hasRows(doc: Document): boolean {
  return queryAll(doc, 'memberRow').els.length > 0;
}

function memberEntry(doc: Document): HTMLElement | null {
  const hit = queryOne(doc, 'memberListEntry')?.el;
  if (hit) return hit;
  const panel = queryOne(doc, 'infoPanel')?.el;
  if (!panel) return null;
  // Label fallback: the innermost element whose text starts with "Thành viên nhóm".
  const candidates = safeQueryAll(panel, 'div, span, li, button').filter((el) =>
    /^(thành viên nhóm|group members)\b/i.test(normalizeLine(el.textContent ?? '')),
  );
  return candidates[candidates.length - 1] ?? null;
}

/**
 * Opens the member list: info-panel toggle → "Thành viên nhóm"; fallback: the header
 * "N thành viên" button. Never throws.
 */
export async function openMemberPanel(doc: Document, options: MemberPanelOptions = {}): Promise<MemberPanelResult> {
  if (hasRows(doc)) return { ok: true };
  const wait = { signal: options.signal, timeoutMs: options.timeoutMs ?? 2000 };
  let entry = memberEntry(doc);
  if (!entry) {
    const toggle = queryOne(doc, 'memberPanelToggle')?.el;
    if (toggle) {
      clickLikeUser(toggle);
      entry = await waitFor(doc, () => memberEntry(doc), wait);
    }
  }
  if (entry) {
    clickLikeUser(entry);
    if (await waitFor(doc, () => hasRows(doc), wait)) return { ok: true };
  }
  const count = queryOne(doc, 'memberCount')?.el;
  if (count) {
    clickLikeUser(count);
    if (await waitFor(doc, () => hasRows(doc), wait)) return { ok: true };
    return { ok: false, reason: 'no-member-list' };
  }
  return { ok: false, reason: entry ? 'no-member-list' : queryOne(doc, 'memberPanelToggle') ? 'no-member-entry' : 'no-toggle' };
}

function roleOf(row: HTMLElement, text: string): MemberRole {
  if (querySelfOrDescendant(row, 'ownerBadge') || OWNER_TEXT.test(text)) return 'owner';
  if (querySelfOrDescendant(row, 'deputyBadge') || DEPUTY_TEXT.test(text)) return 'deputy';
  return 'member';
}

/** Members currently rendered in the member list (the list may be virtualised). */
export function listMembers(doc: Document): Member[] {
  const members: Member[] = [];
  for (const row of queryAll(doc, 'memberRow').els) {
    const nameEl = querySelfOrDescendant(row, 'memberRowName')?.el;
    const name = normalizeLine(row.getAttribute('title') || (nameEl ? nameEl.textContent ?? '' : readText(row).split('\n')[0] ?? ''));
    if (!name) continue;
    // Role text may sit next to the row (same list item), so read the parent when it holds only this row.
    const parent = row.parentElement;
    const scope = parent && queryAll(parent, 'memberRow').els.length === 1 ? parent : row;
    const rest = readText(scope).replace(name, '');
    members.push({ name, role: roleOf(scope, rest) });
  }
  return members;
}
