import { clickLikeUser } from './dom-utils';
import { queryAll, queryOne, querySelfOrDescendant, safeQueryAll } from './query';
import { uidAttribute, type SenderDirectory } from './senders';
import { normalizeLine, readText } from './text';
import { currentThread } from './thread';
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
const SELF_MARK = /\s*\((bạn|you)\)$/iu;

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

function listMembersIn(row: HTMLElement): Member | null {
  const nameEl = querySelfOrDescendant(row, 'memberRowName')?.el;
  // Zalo marks the admin's own row "(Bạn)"/"(You)" in the visible name; the title has the bare name.
  const name = normalizeLine(row.getAttribute('title') || (nameEl ? nameEl.textContent ?? '' : readText(row).split('\n')[0] ?? '')).replace(SELF_MARK, '');
  if (!name) return null;
  // Role text may sit next to the row (same list item), so read the parent when it holds only this row.
  const parent = row.parentElement;
  const scope = parent && queryAll(parent, 'memberRow').els.length === 1 ? parent : row;
  const rest = readText(scope).replace(name, '');
  return { name, role: roleOf(scope, rest) };
}

/** Members currently rendered in the member list (the list may be virtualised: see readAllMembers). */
export function listMembers(doc: Document): Member[] {
  const members: Member[] = [];
  for (const row of queryAll(doc, 'memberRow').els) {
    const one = listMembersIn(row);
    if (one) members.push(one);
  }
  return members;
}

export interface ReadAllMembersOptions {
  signal?: AbortSignal;
  /** Called with the number of distinct members collected so far, after each step. */
  onProgress?: (collected: number) => void;
  /** Upper bound on scroll steps (default 400, enough for ~8,000 rows). */
  maxSteps?: number;
  /** Upper bound on total time in ms (default 30 s). */
  maxMs?: number;
  /** Scroll steps in a row that bring no new row before the list counts as stuck (default 4). */
  stuckSteps?: number;
  /** Learns uid → name from rows that carry a uid. */
  senders?: SenderDirectory;
}

export interface AllMembers {
  members: Member[];
  /**
   * The list was scrolled to its end and holds at least the header's count; false when cancelled,
   * bounded out, stuck (scrolling brings no new rows) or when fewer rows than the header says exist.
   */
  complete: boolean;
  /** Total from the list heading or the chat header ("287 thành viên"), when shown. */
  headerCount?: number;
}

const HEADER_COUNT = /\((\d[\d.,\s]*)\)/;

function headerCount(doc: Document): number | undefined {
  const heading = queryOne(doc, 'memberListHeader')?.el;
  const m = heading ? HEADER_COUNT.exec(heading.textContent ?? '') : null;
  if (m) {
    const n = Number(m[1]!.replace(/[.,\s]/g, ''));
    if (Number.isFinite(n)) return n;
  }
  return currentThread(doc)?.memberCount;
}

/** The nearest ancestor of the rows that scrolls (the virtual list's viewport). */
function scrollerOf(row: HTMLElement): HTMLElement | null {
  const view = row.ownerDocument.defaultView;
  for (let el = row.parentElement; el; el = el.parentElement) {
    if (el.scrollHeight <= el.clientHeight + 1) continue;
    const overflow = view?.getComputedStyle(el).overflowY ?? '';
    if (overflow === 'auto' || overflow === 'scroll') return el;
  }
  return null;
}

function keyOf(row: HTMLElement, name: string): string {
  return uidAttribute(row) ?? `name:${name}`;
}

/**
 * Reads the whole member list. Zalo renders only the rows in view, so the list is scrolled step by
 * step (bounded by `maxSteps`/`maxMs`, stopped by `signal`) and rows are collected as they appear.
 * Scroll position is restored at the end. Never throws; a partial result says `complete: false`.
 */
export async function readAllMembers(doc: Document, options: ReadAllMembersOptions = {}): Promise<AllMembers> {
  const { signal } = options;
  const found = new Map<string, Member>();
  const collect = (): number => {
    const before = found.size;
    for (const row of queryAll(doc, 'memberRow').els) {
      const one = listMembersIn(row);
      if (!one) continue;
      found.set(keyOf(row, one.name), one);
      options.senders?.note(uidAttribute(row), one.name);
    }
    return found.size - before;
  };
  const result = (reachedEnd: boolean): AllMembers => {
    const total = headerCount(doc);
    // A list that shows fewer people than its own heading is partial however it ended.
    const complete = reachedEnd && !signal?.aborted && (total === undefined || found.size >= total);
    return { members: [...found.values()], complete, ...(total !== undefined ? { headerCount: total } : {}) };
  };
  try {
    if (!hasRows(doc)) {
      const opened = await openMemberPanel(doc, { signal });
      if (!opened.ok) return result(false);
    }
    collect();
    options.onProgress?.(found.size);
    const first = queryAll(doc, 'memberRow').els[0];
    const scroller = first ? scrollerOf(first) : null;
    if (!scroller) return result(true); // everything is rendered (unless the heading says more)
    const start = scroller.scrollTop;
    const deadline = Date.now() + (options.maxMs ?? 30_000);
    const maxSteps = options.maxSteps ?? 400;
    const stuckSteps = options.stuckSteps ?? 4;
    scroller.scrollTop = 0;
    let complete = false;
    let idle = 0;
    for (let step = 0; step < maxSteps && Date.now() < deadline && !signal?.aborted; step++) {
      const atEnd = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2;
      if (atEnd) {
        // Give the last rows a moment to render, then stop.
        await waitFor(doc, () => collect() > 0, { timeoutMs: 150, signal, root: scroller });
        collect();
        options.onProgress?.(found.size);
        complete = true;
        break;
      }
      const signature = queryAll(doc, 'memberRow').els.map((r) => r.getAttribute('title') ?? '').join('|');
      scroller.scrollTop += Math.max(40, Math.floor(scroller.clientHeight * 0.8));
      await waitFor(doc, () => queryAll(doc, 'memberRow').els.map((r) => r.getAttribute('title') ?? '').join('|') !== signature, {
        timeoutMs: 400,
        signal,
        root: scroller,
      });
      // A list that no longer re-renders on scroll would otherwise be waited on to the deadline.
      idle = collect() > 0 ? 0 : idle + 1;
      options.onProgress?.(found.size);
      if (idle >= stuckSteps) break;
    }
    scroller.scrollTop = start;
    return result(complete);
  } catch {
    return result(false);
  }
}
