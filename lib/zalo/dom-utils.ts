/** Small DOM helpers shared by the actors (composer, menus, poll). */

export function isEditable(el: Element): boolean {
  const attr = el.getAttribute('contenteditable');
  return attr === '' || attr === 'true' || attr === 'plaintext-only';
}

/** `document.execCommand`, which is deprecated and missing in some DOMs; false when unavailable or throwing. */
export function exec(doc: Document, command: string, value?: string): boolean {
  const fn: unknown = (doc as { execCommand?: unknown }).execCommand;
  if (typeof fn !== 'function') return false;
  try {
    return Boolean((fn as Document['execCommand']).call(doc, command, false, value));
  } catch {
    return false;
  }
}

export function hasExecCommand(doc: Document): boolean {
  return typeof (doc as { execCommand?: unknown }).execCommand === 'function';
}

export function selectContents(doc: Document, el: Element): void {
  const selection = doc.getSelection();
  if (!selection) return;
  const range = doc.createRange();
  range.selectNodeContents(el);
  selection.removeAllRanges();
  selection.addRange(range);
}

function lastTextNode(el: Node): Text | null {
  for (let i = el.childNodes.length - 1; i >= 0; i--) {
    const child = el.childNodes[i]!;
    if (child.nodeType === 3 && (child as Text).data.length > 0) return child as Text;
    const deeper = lastTextNode(child);
    if (deeper) return deeper;
  }
  return null;
}

/** Caret at the end of the last text node: Zalo ignores a caret placed after the line <div>s. */
export function caretAtEnd(doc: Document, el: Element): void {
  const selection = doc.getSelection();
  if (!selection) return;
  const range = doc.createRange();
  const text = lastTextNode(el);
  if (text) range.setStart(text, text.data.length);
  else {
    let target: Element = el;
    while (target.lastElementChild && target.lastElementChild.tagName !== 'BR') target = target.lastElementChild;
    range.selectNodeContents(target);
  }
  range.collapse(false);
  selection.removeAllRanges();
  selection.addRange(range);
}

/**
 * Full pointer sequence at the element's centre: some Zalo dialogs treat a bare `click` as an
 * outside click (lib/zalo/README.md, Menus).
 */
export function clickLikeUser(el: HTMLElement): void {
  const doc = el.ownerDocument;
  const view = doc.defaultView;
  if (!view) return;
  const rect = el.getBoundingClientRect();
  const init = {
    bubbles: true,
    cancelable: true,
    composed: true,
    view,
    clientX: rect.left + rect.width / 2,
    clientY: rect.top + rect.height / 2,
    button: 0,
  };
  const Pointer = typeof view.PointerEvent === 'function' ? view.PointerEvent : view.MouseEvent;
  el.dispatchEvent(new Pointer('pointerdown', { ...init, buttons: 1, pointerId: 1, pointerType: 'mouse', isPrimary: true }));
  el.dispatchEvent(new view.MouseEvent('mousedown', { ...init, buttons: 1 }));
  el.dispatchEvent(new Pointer('pointerup', { ...init, buttons: 0, pointerId: 1, pointerType: 'mouse', isPrimary: true }));
  el.dispatchEvent(new view.MouseEvent('mouseup', { ...init, buttons: 0 }));
  el.dispatchEvent(new view.MouseEvent('click', { ...init, buttons: 0 }));
}

/** mouseover/mouseenter at the element's centre (how Zalo shows the message toolbar). */
export function hover(el: HTMLElement): void {
  const view = el.ownerDocument.defaultView;
  if (!view) return;
  const rect = el.getBoundingClientRect();
  const init = { bubbles: true, cancelable: true, view, clientX: rect.left + rect.width / 2, clientY: rect.top + rect.height / 2 };
  el.dispatchEvent(new view.MouseEvent('mouseover', init));
  el.dispatchEvent(new view.MouseEvent('mouseenter', { ...init, bubbles: false }));
  el.dispatchEvent(new view.MouseEvent('mousemove', init));
}

/** Sets a React-controlled input through the native setter, then fires input and change. */
export function setNativeValue(input: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  const view = input.ownerDocument.defaultView;
  const proto = input.tagName === 'TEXTAREA' ? view?.HTMLTextAreaElement.prototype : view?.HTMLInputElement.prototype;
  const setter = proto ? Object.getOwnPropertyDescriptor(proto, 'value')?.set : undefined;
  if (setter) setter.call(input, value);
  else input.value = value;
  const Event = view?.Event ?? globalThis.Event;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}
