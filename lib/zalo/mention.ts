import { findComposer } from './composer';
import { caretAtEnd, clickLikeUser, exec } from './dom-utils';
import { queryAll, queryOne, querySelfOrDescendant } from './query';
import { normalizeLine } from './text';
import { waitFor, type WaitOptions } from './wait';

export type MentionResult =
  | { ok: true }
  /** `typed`: the plain "@Tên" left in the editor (it notifies nobody), so the UI can say so. */
  | { ok: false; reason: 'no-composer' | 'unsupported' | 'member-not-listed' | 'not-inserted' | 'popover-open'; typed?: string };

const fold = (s: string): string => normalizeLine(s).toLocaleLowerCase('vi');

/** The member name of a mention-list entry: its title, else the name element (`.tg-name`), else its text. */
export function mentionItemName(item: HTMLElement): string {
  const title = item.getAttribute('title');
  if (title) return normalizeLine(title);
  const nameEl = querySelfOrDescendant(item, 'mentionItemName')?.el;
  return normalizeLine((nameEl ?? item).textContent ?? '');
}

/** Entries of the open mention list with their names (both shapes: with and without `title`). */
export function listMentionItems(doc: Document): { el: HTMLElement; name: string }[] {
  return queryAll(doc, 'mentionItem')
    .els.map((el) => ({ el, name: mentionItemName(el) }))
    .filter((item) => item.name !== '');
}

/**
 * Adds a real @mention at the end of the editor the way a user does (lib/zalo/README.md, Composer): type "@" and the
 * name, then pick the member from Zalo's list, so the member is notified. Typing "@Name" in one go
 * is only text. On failure the typed "@Name" stays and is returned as `typed`.
 */
export async function insertMention(doc: Document, name: string, options: WaitOptions = {}): Promise<MentionResult> {
  const editor = findComposer(doc);
  if (!editor) return { ok: false, reason: 'no-composer' };
  const want = normalizeLine(name);
  editor.focus();
  caretAtEnd(doc, editor);
  if (!exec(doc, 'insertText', '@')) return { ok: false, reason: 'unsupported' };
  if (!exec(doc, 'insertText', want)) return { ok: false, reason: 'unsupported', typed: '@' };
  const typed = `@${want}`;
  const item = await waitFor(doc, () => listMentionItems(doc).find((it) => fold(it.name) === fold(want))?.el, {
    timeoutMs: 800,
    ...options,
  });
  if (!item) return { ok: false, reason: 'member-not-listed', typed };
  clickLikeUser(item);
  const chip = await waitFor(
    doc,
    () => queryAll(doc, 'mentionChip').els.find((el) => fold((el.getAttribute('data-mention') ?? el.textContent ?? '').replace(/^@/, '')) === fold(want)),
    { timeoutMs: 1000, ...options },
  );
  if (!chip) return { ok: false, reason: 'not-inserted', typed };
  // The popover must be gone, or the next Enter would pick another member.
  if (queryOne(doc, 'mentionPopover')) return { ok: false, reason: 'popover-open' };
  return { ok: true };
}
