import { clickLikeUser, exec, isEditable, selectContents, setNativeValue } from './dom-utils';
import { closeMenus, findMenuItem } from './menu';
import { isHTMLElement, queryAll, queryOne, safeClosest, safeQueryAll } from './query';
import { candidatesOf } from './selectors';
import { normalizeText, readText } from './text';
import { waitFor } from './wait';

export interface PollWaitOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
}

/** `manual`: the UI should tell the admin to open "Thêm" (…) under the composer and choose the poll entry. */
export type PollDialogResult = { ok: true } | { ok: false; reason: 'no-more-button' | 'no-poll-item' | 'no-dialog'; manual?: boolean };

/** Labels of the More menu's poll entry in Vietnamese and English, long and short forms. */
export const POLL_LABELS = ['Tạo bình chọn', 'Create poll', 'Bình chọn', 'Poll'] as const;

export interface PollDraft {
  question: string;
  options: readonly string[];
}

export interface FillPollResult {
  ok: boolean;
  /** Options whose input now holds the wanted text. */
  filled: number;
  questionFilled: boolean;
  reason?: 'no-dialog' | 'no-option-inputs' | 'cannot-add-option' | 'mismatch';
}

/** The open modal that holds poll option inputs (other Zalo modals are ignored). */
export function findPollDialog(doc: Document): HTMLElement | null {
  for (const input of queryAll(doc, 'pollOptionInput').els) {
    for (const s of candidatesOf('pollDialog')) {
      const modal = safeClosest(input, s);
      if (modal) return modal;
    }
  }
  return null;
}

function pollMenuItem(doc: Document): HTMLElement | null {
  return queryOne(doc, 'pollMenuItem')?.el ?? findMenuItem(doc, { labels: POLL_LABELS, icon: 'pollMenuIcon' });
}

/** More menu → "Tạo bình chọn", then waits for the dialog. Never clicks Create. */
export async function openPollDialog(doc: Document, options: PollWaitOptions = {}): Promise<PollDialogResult> {
  if (findPollDialog(doc)) return { ok: true };
  const wait = { signal: options.signal, timeoutMs: options.timeoutMs ?? 2000 };
  let item = pollMenuItem(doc);
  if (!item) {
    const more = queryOne(doc, 'moreMenuButton')?.el;
    if (!more) return { ok: false, reason: 'no-more-button', manual: true };
    clickLikeUser(more);
    item = await waitFor(doc, () => pollMenuItem(doc), wait);
    if (!item) {
      closeMenus(doc);
      return { ok: false, reason: 'no-poll-item', manual: true };
    }
  }
  clickLikeUser(item);
  const dialog = await waitFor(doc, () => findPollDialog(doc), wait);
  return dialog ? { ok: true } : { ok: false, reason: 'no-dialog' };
}

function fillQuestion(doc: Document, dialog: HTMLElement, question: string): boolean {
  const field = queryOne(dialog, 'pollQuestion')?.el;
  if (!field) return false;
  const want = normalizeText(question);
  if (field.tagName === 'INPUT' || field.tagName === 'TEXTAREA') {
    setNativeValue(field as HTMLInputElement, question);
    return normalizeText((field as HTMLInputElement).value) === want;
  }
  if (!isEditable(field)) return false;
  field.focus();
  selectContents(doc, field);
  exec(doc, 'insertText', question);
  return readText(field) === want;
}

function optionInputs(dialog: HTMLElement): HTMLInputElement[] {
  return queryAll(dialog, 'pollOptionInput').els.filter(
    (el): el is HTMLInputElement => isHTMLElement(el) && el.tagName === 'INPUT',
  );
}

function addOptionButton(dialog: HTMLElement): HTMLElement | null {
  const hit = queryOne(dialog, 'pollAddOption')?.el;
  if (hit) return hit;
  // Label fallback ("Thêm lựa chọn"), searched only inside the dialog.
  const labelled = safeQueryAll(dialog, 'div, button, span').filter((el) =>
    /^(\+\s*)?(thêm lựa chọn|add option)$/i.test(readText(el)),
  );
  return labelled[labelled.length - 1] ?? null;
}

/**
 * Fills the open poll dialog: question via execCommand insertText (contenteditable) or the native
 * setter (input), options via the native value setter + input/change, adding option rows as
 * needed. NEVER clicks Create: the admin reviews and presses it.
 */
export async function fillPoll(doc: Document, draft: PollDraft, options: PollWaitOptions = {}): Promise<FillPollResult> {
  try {
    const dialog = findPollDialog(doc);
    if (!dialog) return { ok: false, filled: 0, questionFilled: false, reason: 'no-dialog' };
    const questionFilled = fillQuestion(doc, dialog, draft.question);
    let inputs = optionInputs(dialog);
    if (inputs.length === 0) return { ok: false, filled: 0, questionFilled, reason: 'no-option-inputs' };
    let reason: FillPollResult['reason'];
    while (inputs.length < draft.options.length) {
      const add = addOptionButton(dialog);
      if (!add) {
        reason = 'cannot-add-option';
        break;
      }
      const had = inputs.length;
      clickLikeUser(add);
      const grown = await waitFor(doc, () => optionInputs(dialog).length > had, {
        root: dialog,
        signal: options.signal,
        timeoutMs: options.timeoutMs ?? 1000,
      });
      if (!grown) {
        reason = 'cannot-add-option';
        break;
      }
      inputs = optionInputs(dialog);
    }
    let filled = 0;
    draft.options.forEach((text, i) => {
      const input = inputs[i];
      if (!input) return;
      setNativeValue(input, text);
      if (input.value === text) filled++;
    });
    const ok = questionFilled && filled === draft.options.length;
    return { ok, filled, questionFilled, ...(ok ? {} : { reason: reason ?? 'mismatch' }) };
  } catch {
    return { ok: false, filled: 0, questionFilled: false, reason: 'mismatch' };
  }
}

export type FillDeadlineResult = { ok: true } | { ok: false; reason: 'no-dialog' | 'no-toggle' | 'no-input' | 'mismatch' };

/** Labels of the deadline setting, Vietnamese and English. */
const DEADLINE_LABEL = /^(đặt thời hạn( bình chọn)?|thời hạn bình chọn|set (a )?deadline|deadline)$/i;

function deadlineToggle(dialog: HTMLElement): HTMLElement | null {
  const hit = queryOne(dialog, 'pollDeadlineToggle')?.el;
  if (hit) return hit;
  const label = safeQueryAll(dialog, 'span, label, div').find((el) => DEADLINE_LABEL.test(readText(el)));
  // The clickable row is the label's nearest switch-like ancestor, else the label itself.
  return label ? (safeClosest(label, '[role="switch"], [role="checkbox"], .clickable, label') ?? label) : null;
}

function isOn(toggle: HTMLElement): boolean {
  const aria = toggle.getAttribute('aria-checked');
  if (aria !== null) return aria === 'true';
  const box = toggle.querySelector<HTMLInputElement>('input[type="checkbox"]');
  if (box) return box.checked;
  return /(^|\s)(--)?active(\s|$)/.test(toggle.className) || Boolean(toggle.querySelector('.--active, .active'));
}

/** Not hidden by itself or an ancestor up to `root` (the deadline field is hidden until the setting is on). */
function shownWithin(el: HTMLElement, root: HTMLElement): boolean {
  for (let n: HTMLElement | null = el; n && n !== root; n = n.parentElement) {
    if (n.hidden || n.style.display === 'none') return false;
  }
  return true;
}

/** The field's value for a moment in Vietnam time (UTC+7): "2026-12-09T17:00", or the date alone. */
export function deadlineFieldValue(expiresAt: number, type: string): string {
  const local = new Date(expiresAt + 7 * 3_600_000).toISOString();
  return type === 'date' ? local.slice(0, 10) : local.slice(0, 16);
}

/**
 * Turns the open poll dialog's deadline setting on and enters the deadline. No public source shows
 * this part of Zalo's dialog, so every step may fail; the caller then tells the admin to set it.
 */
export async function fillPollDeadline(doc: Document, expiresAt: number, options: PollWaitOptions = {}): Promise<FillDeadlineResult> {
  try {
    const dialog = findPollDialog(doc);
    if (!dialog) return { ok: false, reason: 'no-dialog' };
    const visibleInput = () =>
      queryAll(dialog, 'pollDeadlineInput').els.find(
        (el): el is HTMLInputElement => isHTMLElement(el) && el.tagName === 'INPUT' && shownWithin(el, dialog),
      ) ?? null;
    let input = visibleInput();
    if (!input) {
      const toggle = deadlineToggle(dialog);
      if (!toggle) return { ok: false, reason: 'no-toggle' };
      if (!isOn(toggle)) clickLikeUser(toggle);
      input = await waitFor(doc, visibleInput, { root: dialog, signal: options.signal, timeoutMs: options.timeoutMs ?? 1000 });
      if (!input) return { ok: false, reason: 'no-input' };
    }
    const value = deadlineFieldValue(expiresAt, input.type);
    setNativeValue(input, value);
    return input.value === value ? { ok: true } : { ok: false, reason: 'mismatch' };
  } catch {
    return { ok: false, reason: 'mismatch' };
  }
}
