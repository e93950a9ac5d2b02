import { caretAtEnd, exec, hasExecCommand, isEditable, selectContents } from './dom-utils';
import { isHTMLElement, queryOne, safeClosest } from './query';
import { candidatesOf } from './selectors';
import { normalizeLines, readLines } from './text';

export type InsertMethod = 'insertText' | 'paragraphs' | 'newlines';
export type ComposerFailure = 'no-composer' | 'unsupported' | 'mismatch' | 'empty';
export type InsertResult =
  | { ok: true; method: InsertMethod }
  | { ok: false; reason: ComposerFailure; readBack: string };
export type ClearResult = { ok: true } | { ok: false; reason: Exclude<ComposerFailure, 'empty'>; readBack: string };

export interface InsertOptions {
  /** 'replace' (default) selects everything first; 'append' puts the caret at the end of the last text. */
  mode?: 'replace' | 'append';
}

/** The editor, queried fresh (Zalo re-creates it after every send); RTF mode via the focused editor. */
export function findComposer(doc: Document): HTMLElement | null {
  const hit = queryOne(doc, 'composer');
  if (hit) return hit.el;
  const active = doc.activeElement;
  if (isHTMLElement(active) && isEditable(active)) {
    if (candidatesOf('composerBlock').some((s) => safeClosest(active, s))) return active;
  }
  return null;
}

function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

function expectedLines(before: string[], lines: string[], mode: 'replace' | 'append'): string[] {
  if (mode === 'replace' || before.length === 0) return normalizeLines(lines);
  const head = before.slice(0, -1);
  const last = before[before.length - 1]!;
  return normalizeLines([...head, last + (lines[0] ?? ''), ...lines.slice(1)]);
}

function prepare(doc: Document, editor: HTMLElement, mode: 'replace' | 'append'): void {
  editor.focus();
  if (mode === 'replace') selectContents(doc, editor);
  else caretAtEnd(doc, editor);
}

function readBack(doc: Document): string[] {
  const editor = findComposer(doc);
  return editor ? readLines(editor) : [];
}

function same(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((line, i) => line === b[i]);
}

/**
 * One extra `input` event after a successful insert: Zalo shows its send button only after an
 * InputEvent its editor did not see from execCommand alone (lib/zalo/README.md, Composer).
 */
function announceInput(doc: Document, text: string): void {
  const editor = findComposer(doc);
  const view = doc.defaultView;
  if (!editor || !view) return;
  const Input = typeof view.InputEvent === 'function' ? view.InputEvent : view.Event;
  editor.dispatchEvent(new Input('input', { bubbles: true, composed: true, inputType: 'insertText', data: text } as InputEventInit));
}

function insertParagraphs(doc: Document, lines: readonly string[]): boolean {
  for (let i = 0; i < lines.length; i++) {
    if (i > 0 && !exec(doc, 'insertParagraph')) return false;
    if (lines[i] !== '' && !exec(doc, 'insertText', lines[i])) return false;
  }
  return true;
}

/**
 * Puts `text` in Zalo's editor the way Zalo's own state notices it (lib/zalo/README.md, Composer): focus, select
 * all, `execCommand('insertText')`. Multi-line text is tried line by line with `insertParagraph`,
 * then as one insertText with `\n`. The editor is read back and compared per line (NFC, spaces
 * collapsed). NEVER sends. On failure in replace mode the editor is cleared so the UI can fall back
 * to the clipboard ("bấm Ctrl+V").
 */
export function insertIntoComposer(doc: Document, text: string, options: InsertOptions = {}): InsertResult {
  const mode = options.mode ?? 'replace';
  const lines = splitLines(text);
  if (normalizeLines(lines).length === 0) return { ok: false, reason: 'empty', readBack: '' };
  const editor = findComposer(doc);
  if (!editor) return { ok: false, reason: 'no-composer', readBack: '' };
  const before = readLines(editor);
  if (!hasExecCommand(doc)) return { ok: false, reason: 'unsupported', readBack: before.join('\n') };
  const want = expectedLines(before, lines, mode);

  const attempts: [InsertMethod, () => boolean][] =
    lines.length === 1
      ? [['insertText', () => exec(doc, 'insertText', text)]]
      : [
          ['paragraphs', () => insertParagraphs(doc, lines)],
          ['newlines', () => exec(doc, 'insertText', lines.join('\n'))],
        ];

  let got: string[] = before;
  let anyAccepted = false;
  for (const [method, run] of attempts) {
    const target = findComposer(doc);
    if (!target) return { ok: false, reason: 'no-composer', readBack: got.join('\n') };
    prepare(doc, target, mode);
    anyAccepted = run() || anyAccepted;
    got = readBack(doc);
    if (same(got, want)) {
      announceInput(doc, text);
      return { ok: true, method };
    }
    // A partial append cannot be undone safely, so no second attempt in append mode.
    if (mode === 'append') break;
  }
  if (mode === 'replace' && anyAccepted) clearComposer(doc);
  return { ok: false, reason: anyAccepted ? 'mismatch' : 'unsupported', readBack: got.join('\n') };
}

/** What the admin has typed but not sent, line by line ('' when the composer is empty or missing). */
export function composerDraft(doc: Document): string {
  const editor = findComposer(doc);
  return editor ? readLines(editor).join('\n') : '';
}

/** Select all + delete, then check the editor is empty. */
export function clearComposer(doc: Document): ClearResult {
  const editor = findComposer(doc);
  if (!editor) return { ok: false, reason: 'no-composer', readBack: '' };
  if (readLines(editor).length === 0) return { ok: true };
  if (!hasExecCommand(doc)) return { ok: false, reason: 'unsupported', readBack: readLines(editor).join('\n') };
  editor.focus();
  selectContents(doc, editor);
  exec(doc, 'delete');
  const left = readBack(doc);
  return left.length === 0 ? { ok: true } : { ok: false, reason: 'mismatch', readBack: left.join('\n') };
}
