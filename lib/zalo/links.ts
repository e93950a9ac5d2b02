import { safeMatches } from './query';
import { SELECTORS } from './selectors';
import { normalizeLine } from './text';

/**
 * Cheap URL spotting for the reader; the rule engine does the deep analysis (tldts, blocklists).
 * Matches scheme/www URLs and bare domains on common TLDs ("zalo.me/g/abc", "bit.ly/x").
 */
const URL_RE =
  /\b(?:https?:\/\/|www\.)[^\s<>"'`]+|(?<![@\w.-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:vn|com|net|org|info|biz|xyz|top|io|me|ly|cc|co|link|site|online|shop|store|club|app|live|tk|ml|ga|cf|gq|ru|cn|asia|win|bet|vip|fun|pro|click|ink|page|gl|to)(?![a-z0-9-])(?:[/?#][^\s<>"'`]*)?/gi;
const TRAILING = /[.,;:!?)\]}'"»…]+$/;
/** Cheap pre-check so plain chat text skips the big regex. */
const MAYBE_URL = /\.[a-z]/i;

export function urlsInText(text: string): string[] {
  if (!MAYBE_URL.test(text)) return [];
  const out: string[] = [];
  for (const m of text.matchAll(URL_RE)) {
    const url = m[0].replace(TRAILING, '');
    if (url.length > 3) out.push(url);
  }
  return out;
}

function hrefOf(a: Element): string | undefined {
  const href = a.getAttribute('href')?.trim();
  if (!href || href.startsWith('#') || /^(javascript|mailto|tel):/i.test(href)) return undefined;
  return href;
}

const LINKISH = [...SELECTORS.textLink.candidates, 'a[href]'].join(', ');
const TEXT_LINK = SELECTORS.textLink.candidates.join(', ');
const MENTION = SELECTORS.mention.candidates.join(', ');

/**
 * Links of a bubble part: `.text-is-link` text (or its data-content), `a[href]` targets (mentions
 * excluded) and URLs in `text`, deduplicated in order of appearance. One query per part.
 */
export function collectLinks(parts: readonly Element[], text: string): string[] {
  const found: string[] = [];
  for (const part of parts) {
    let nodes: NodeListOf<Element>;
    try {
      nodes = part.querySelectorAll(LINKISH);
    } catch {
      continue;
    }
    for (let i = 0; i < nodes.length; i++) {
      const el = nodes[i]!;
      if (safeMatches(el, TEXT_LINK)) {
        const value = el.getAttribute('data-content')?.trim() || normalizeLine(el.textContent ?? '');
        if (value) found.push(value);
      } else if (!safeMatches(el, MENTION)) {
        const href = hrefOf(el);
        if (href) found.push(href);
      }
    }
  }
  const fromText = urlsInText(text);
  if (found.length === 0) return fromText;
  return [...new Set([...found, ...fromText])];
}
