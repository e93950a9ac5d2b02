const BADGE_TAG = 'zgg-badge';

const BADGE_CSS = `
:host { all: initial; display: block; position: relative; height: 0; overflow: visible; }
button { position: absolute; top: -22px; right: -6px; z-index: 2; font: 600 12px/1.3 'Segoe UI', Roboto, Arial, sans-serif; cursor: pointer; border: 0; border-radius: 10px;
  padding: 2px 8px; background: #b3261e; color: #fff; white-space: nowrap; box-shadow: 0 1px 3px rgba(0,0,0,.25); }
button:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
`;

export interface BadgeInfo {
  count: number;
  /** Short visible text, e.g. "⚠ Lừa đảo" */
  text: string;
  /** Accessible name */
  label: string;
  onOpen: () => void;
}

/** One constructed sheet per document, shared by every badge (a sheet per badge cost a CSS parse per flag). */
const sheets = new WeakMap<Document, CSSStyleSheet>();

function styleShadow(shadow: ShadowRoot, doc: Document): void {
  const Sheet = doc.defaultView?.CSSStyleSheet;
  try {
    // Constructed sheets are not subject to the page's style-src CSP.
    if (Sheet && 'adoptedStyleSheets' in shadow) {
      let sheet = sheets.get(doc);
      if (!sheet) {
        sheet = new Sheet();
        sheet.replaceSync(BADGE_CSS);
        sheets.set(doc, sheet);
      }
      shadow.adoptedStyleSheets = [sheet];
      return;
    }
  } catch {
    /* fall through to a style element */
  }
  const style = doc.createElement('style');
  style.textContent = BADGE_CSS;
  shadow.append(style);
}

/**
 * Marks a flagged bubble: an outline (no layout shift) and a badge in its own shadow root so
 * neither Zalo's CSS nor ours leaks. Re-created bubbles simply get a new badge.
 */
/**
 * Badges taken off recycled bubbles, kept for the next flag: a new host with its shadow root and
 * sheet cost more than checking the message itself. Bounded, per document.
 */
const spare = new WeakMap<Document, HTMLElement[]>();
const SPARE_MAX = 32;

function newHost(doc: Document): HTMLElement {
  const reused = spare.get(doc)?.pop();
  if (reused) return reused;
  const host = doc.createElement(BADGE_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  styleShadow(shadow, doc);
  const button = doc.createElement('button');
  button.type = 'button';
  shadow.append(button);
  return host;
}

export function setBadge(doc: Document, bubble: HTMLElement, info: BadgeInfo): void {
  let host = bubble.querySelector<HTMLElement>(`:scope > ${BADGE_TAG}`);
  if (!host) {
    host = newHost(doc);
    // A zero-height block: the badge hangs off it, so the bubble keeps its size and position and we
    // never read layout (getComputedStyle here cost ~10 ms per bubble on a 2,000-message page).
    bubble.append(host);
    bubble.style.outline = '2px solid #b3261e';
    bubble.style.outlineOffset = '2px';
    bubble.style.borderRadius ||= '8px';
  }
  const button = host.shadowRoot?.querySelector('button');
  if (!button) return;
  button.textContent = info.text;
  button.setAttribute('aria-label', info.label);
  button.title = info.label;
  button.onclick = (e) => {
    e.stopPropagation();
    info.onOpen();
  };
}

export function clearBadge(bubble: HTMLElement): void {
  const host = bubble.querySelector<HTMLElement>(`:scope > ${BADGE_TAG}`);
  // Zalo may have dropped the badge already (children rebuilt) while our outline stayed.
  if (!host && !bubble.style.outline) return;
  if (host) {
    host.remove();
    const button = host.shadowRoot?.querySelector('button');
    if (button) button.onclick = null; // the old message's card must not open from a reused badge
    const pool = spare.get(bubble.ownerDocument) ?? [];
    if (pool.length < SPARE_MAX && button) pool.push(host);
    spare.set(bubble.ownerDocument, pool);
  }
  bubble.style.outline = '';
  bubble.style.outlineOffset = '';
}
