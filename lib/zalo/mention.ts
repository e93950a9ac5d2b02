import { findComposer } from './composer';
import { caretAtEnd, clickLikeUser, exec } from './dom-utils';
import type { ActionResult } from './menu';
import { queryAll, queryOne } from './query';
import { normalizeLine } from './text';
import { waitFor, type WaitOptions } from './wait';

const same = (a: string, b: string) => normalizeLine(a).toLocaleLowerCase('vi') === normalizeLine(b).toLocaleLowerCase('vi');

/**
 * Adds a real @mention at the end of the editor the way a user does (lib/zalo/README.md, Composer): type "@" and the
 * name, then pick the member from Zalo's list, so the member is notified. Typing "@Name" in one go
 * is only text. On failure the typed "@Name" is left for the caller to keep or clear.
 */
export async function insertMention(doc: Document, name: string, options: WaitOptions = {}): Promise<ActionResult> {
  const editor = findComposer(doc);
  if (!editor) return { ok: false, reason: 'no-composer' };
  editor.focus();
  caretAtEnd(doc, editor);
  if (!exec(doc, 'insertText', '@')) return { ok: false, reason: 'unsupported' };
  if (!exec(doc, 'insertText', normalizeLine(name))) return { ok: false, reason: 'unsupported' };
  const item = await waitFor(
    doc,
    () => queryAll(doc, 'mentionItem').els.find((el) => same(el.getAttribute('title') ?? el.textContent ?? '', name)),
    { timeoutMs: 800, ...options },
  );
  if (!item) return { ok: false, reason: 'member-not-listed' };
  clickLikeUser(item);
  const chip = await waitFor(
    doc,
    () => queryAll(doc, 'mentionChip').els.find((el) => same((el.getAttribute('data-mention') ?? '').replace(/^@/, ''), name)),
    { timeoutMs: 1000, ...options },
  );
  if (!chip) return { ok: false, reason: 'not-inserted' };
  // The popover must be gone, or the next Enter would pick another member.
  if (queryOne(doc, 'mentionPopover')) return { ok: false, reason: 'popover-open' };
  return { ok: true };
}
