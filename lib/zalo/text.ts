/**
 * Text extraction without `innerText` (which forces layout): walks the tree, treats block
 * elements and <br> as line breaks, skips excluded subtrees, then normalises per line.
 */

// Lower-case local names: cheaper than tagName, which upper-cases on every read.
const BLOCK_TAGS = new Set([
  'div', 'p', 'li', 'ul', 'ol', 'tr', 'table', 'blockquote', 'pre', 'section', 'article', 'header', 'footer',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
]);
const SKIP_TAGS = new Set(['script', 'style', 'template', 'noscript', 'svg']);

/** Zero-width characters Zalo and editors leave around text; ZWJ (U+200D) is kept for emoji. */
const INVISIBLE = /[\u200b\u200c\u2060\ufeff]/g;
const HAS_INVISIBLE = /[\u200b\u200c\u2060\ufeff]/;
// JS `\s` already covers NBSP (U+00A0) and the other Unicode spaces.
const SPACES = /\s+/g;
/** Two spaces in a row, or any whitespace that is not a plain space: only then run the replace. */
const ODD_SPACE = /\s\s|[^\S ]/;

function isBlock(tag: string): boolean {
  // Zalo's numbered custom tags (div-15) render as blocks; never selected by name, only classified.
  return BLOCK_TAGS.has(tag) || tag.startsWith('div-');
}

const NON_ASCII = /[^\x00-\x7f]/;
const LINE_BREAKS = /\r\n|\r|\n|\u2028|\u2029/;

/** NFC, invisible characters removed, whitespace runs (incl. NBSP) collapsed, trimmed. One line only. */
export function normalizeLine(line: string): string {
  return normalizeText(line).replace(/\n/g, ' ');
}

/**
 * Normalises every line and drops empty ones; lines are joined with `\n`. NFC and the invisible
 * characters are handled once for the whole text (the per-line work is the hot path of readBubble).
 */
export function normalizeText(text: string): string {
  let s = text;
  if (NON_ASCII.test(s)) {
    s = s.normalize('NFC');
    if (HAS_INVISIBLE.test(s)) s = s.replace(INVISIBLE, '');
  }
  const lines = s.split(LINE_BREAKS);
  let out = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    let n = line.trim();
    if (n === '') continue;
    if (ODD_SPACE.test(n)) n = n.replace(SPACES, ' ');
    out = out === '' ? n : `${out}\n${n}`;
  }
  return out;
}

export function normalizeLines(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const n = normalizeLine(line);
    if (n !== '') out.push(n);
  }
  return out;
}

/**
 * Raw text of `root` with `\n` at block boundaries and <br>, skipping elements for which
 * `skip(el)` is true. Recursive: message DOM is shallow (about 10 levels).
 */
export function rawText(root: Node, skip?: (el: Element) => boolean): string {
  return walk(root, skip);
}

function walk(node: Node, skip: ((el: Element) => boolean) | undefined): string {
  let out = '';
  for (let child = node.firstChild; child; child = child.nextSibling) {
    const type = child.nodeType;
    if (type === 3) {
      out += (child as Text).data;
      continue;
    }
    if (type !== 1) continue;
    const el = child as Element;
    const tag = el.localName;
    if (SKIP_TAGS.has(tag)) continue;
    if (skip !== undefined && skip(el)) continue;
    if (tag === 'br') {
      out += '\n';
      continue;
    }
    if (tag === 'img') {
      // Emoji images carry their character in alt; photos have no short alt worth reading.
      const alt = el.getAttribute('alt');
      if (alt && alt.length <= 8) out += alt;
      continue;
    }
    out += isBlock(tag) ? `\n${walk(el, skip)}\n` : walk(el, skip);
  }
  return out;
}

/** Normalised text of `root` (see `normalizeText`). */
export function readText(root: Node, skip?: (el: Element) => boolean): string {
  return normalizeText(rawText(root, skip));
}

/** Normalised lines of `root`, for comparing a draft with what an editor holds. */
export function readLines(root: Node, skip?: (el: Element) => boolean): string[] {
  return normalizeLines(rawText(root, skip).split('\n'));
}

/** Compare two texts as Zalo renders them: NFC, NBSP and whitespace collapsed, per line (README: Composer). */
export function sameText(a: string, b: string): boolean {
  return normalizeText(a) === normalizeText(b);
}
