/**
 * A stand-in for the browser's execCommand on Zalo's line-based editor (`div#input_line_N`), so the
 * composer logic can be tested under happy-dom, which has no execCommand. Behaviour switches model
 * the editors described in lib/zalo/README.md (Composer).
 */
export interface FakeEditorOptions {
  /** insertParagraph works (Chromium contenteditable does). */
  paragraphs?: boolean;
  /** insertText keeps '\n' as new lines; otherwise newlines are dropped. */
  keepsNewlines?: boolean;
  /** Mangles text (drops the Vietnamese tone marks), as a broken editor might. */
  mangle?: boolean;
  /** execCommand returns false for everything. */
  refuses?: boolean;
}

export interface FakeEditor {
  calls: string[];
  restore(): void;
}

function editorOf(node: Node | null): HTMLElement | null {
  const el = node && (node.nodeType === 1 ? (node as Element) : node.parentElement);
  return (el?.closest('[contenteditable="true"]') as HTMLElement | null) ?? null;
}

function renumber(editor: HTMLElement): void {
  Array.from(editor.children).forEach((line, i) => {
    if (editor.id === 'richInput' || editor.id === 'chatRichInput') line.id = `input_line_${i}`;
  });
}

function newLine(doc: Document): HTMLElement {
  const line = doc.createElement('div');
  line.append(doc.createElement('br'));
  return line;
}

export function installFakeEditor(doc: Document, options: FakeEditorOptions = {}): FakeEditor {
  const calls: string[] = [];
  let caretLine: HTMLElement | null = null;

  const placeCaret = (line: HTMLElement): void => {
    caretLine = line;
    const range = doc.createRange();
    range.selectNodeContents(line);
    range.collapse(false);
    const sel = doc.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
  };

  const currentLine = (editor: HTMLElement, collapsed: boolean): HTMLElement => {
    if (!collapsed) {
      // Select-all: the whole content is replaced by one empty line.
      const line = newLine(doc);
      editor.replaceChildren(line);
      renumber(editor);
      return line;
    }
    const sel = doc.getSelection()!;
    const anchor = sel.anchorNode;
    let line: Node | null = anchor;
    while (line && line.parentNode !== editor) line = line.parentNode;
    if (line && line.nodeType === 1) return line as HTMLElement;
    if (caretLine && caretLine.parentNode === editor) return caretLine;
    const last = editor.lastElementChild as HTMLElement | null;
    if (last) return last;
    const fresh = newLine(doc);
    editor.append(fresh);
    return fresh;
  };

  const appendText = (line: HTMLElement, text: string): void => {
    line.querySelector(':scope > br')?.remove();
    line.append(doc.createTextNode(text));
  };

  const exec = (command: string, _ui?: boolean, value?: string): boolean => {
    calls.push(value === undefined ? command : `${command}:${value}`);
    if (options.refuses) return false;
    const sel = doc.getSelection();
    const editor = editorOf(sel?.anchorNode ?? null) ?? editorOf(doc.activeElement);
    if (!sel || !editor) return false;
    const collapsed = sel.rangeCount === 0 || sel.getRangeAt(0).collapsed;
    if (command === 'delete') {
      if (!collapsed) {
        const line = newLine(doc);
        editor.replaceChildren(line);
        renumber(editor);
        placeCaret(line);
      }
      editor.dispatchEvent(new Event('input', { bubbles: true }));
      return true;
    }
    if (command === 'insertParagraph') {
      if (!options.paragraphs) return false;
      const line = currentLine(editor, collapsed);
      const next = newLine(doc);
      line.after(next);
      renumber(editor);
      placeCaret(next);
      editor.dispatchEvent(new Event('input', { bubbles: true }));
      return true;
    }
    if (command === 'insertText') {
      let text = value ?? '';
      if (options.mangle) text = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      let line = currentLine(editor, collapsed);
      const parts = options.keepsNewlines ? text.split('\n') : [text.replace(/\n/g, '')];
      parts.forEach((part, i) => {
        if (i > 0) {
          const next = newLine(doc);
          line.after(next);
          line = next;
        }
        if (part) appendText(line, part);
      });
      renumber(editor);
      placeCaret(line);
      editor.classList.toggle('empty', editor.textContent === '');
      editor.dispatchEvent(new Event('input', { bubbles: true }));
      return true;
    }
    return false;
  };

  Object.defineProperty(doc, 'execCommand', { value: exec, configurable: true, writable: true });
  return {
    calls,
    restore: () => {
      delete (doc as { execCommand?: unknown }).execCommand;
    },
  };
}
