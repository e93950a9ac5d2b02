/**
 * Text extraction without `innerText` (which forces layout): walks the tree, treats block
 * elements and <br> as line breaks, skips excluded subtrees, then normalises per line.
 */

const BLOCK_TAGS = new Set([
  'DIV', 'P', 'LI', 'UL', 'OL', 'TR', 'TABLE', 'BLOCKQUOTE', 'PRE', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
]);
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'svg', 'SVG']);

/** Zero-width characters Zalo and editors leave around text; ZWJ (U+200D) is kept for emoji. */
const INVISIBLE = /[\u200b\u200c\u2060\ufeff]/g;
const SPACES = /[\s\u00a0]+/g;

function isBlock(tag: string): boolean {
  // Zalo's numbered custom tags (div-15) render as blocks; never selected by name, only classified.
  return BLOCK_TAGS.has(tag) || tag.startsWith('DIV-');
}

/** NFC, invisible characters removed, whitespace runs (incl. NBSP) collapsed, trimmed. One line only. */
export function normalizeLine(line: string): string {
  return line.normalize('NFC').replace(INVISIBLE, '').replace(SPACES, ' ').trim();
}

/** Normalises every line and drops empty ones; lines are joined with `\n`. */
export function normalizeText(text: string): string {
  return normalizeLines(text.split(/\r\n|\r|\n|\u2028|\u2029/)).join('\n');
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
 * `skip(el)` is true. Iterative so deep trees cannot overflow the stack.
 */
export function rawText(root: Node, skip?: (el: Element) => boolean): string {
  const parts: string[] = [];
  const stack: (Node | string)[] = [root];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item === 'string') {
      parts.push(item);
      continue;
    }
    if (item.nodeType === 3) {
      parts.push((item as Text).data);
      continue;
    }
    if (item.nodeType !== 1 && item.nodeType !== 11 && item.nodeType !== 9) continue;
    if (item.nodeType === 1) {
      const el = item as Element;
      const tag = el.tagName;
      if (SKIP_TAGS.has(tag)) continue;
      if (item !== root && skip?.(el)) continue;
      if (tag === 'BR') {
        parts.push('\n');
        continue;
      }
      if (tag === 'IMG') {
        // Emoji images carry their character in alt; photos have no short alt worth reading.
        const alt = el.getAttribute('alt');
        if (alt && alt.length <= 8) parts.push(alt);
        continue;
      }
      if (isBlock(tag)) {
        parts.push('\n');
        stack.push('\n');
      }
    }
    const children = item.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return parts.join('');
}

/** Normalised text of `root` (see `normalizeText`). */
export function readText(root: Node, skip?: (el: Element) => boolean): string {
  return normalizeText(rawText(root, skip));
}

/** Normalised lines of `root`, for comparing a draft with what an editor holds. */
export function readLines(root: Node, skip?: (el: Element) => boolean): string[] {
  return normalizeLines(rawText(root, skip).split('\n'));
}

/** Compare two texts the way DOM.md §5.2 asks: NFC, NBSP and whitespace collapsed, per line. */
export function sameText(a: string, b: string): boolean {
  return normalizeText(a) === normalizeText(b);
}
