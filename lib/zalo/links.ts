import { safeMatches, safeQueryAll } from './query';
import { SELECTORS } from './selectors';
import { normalizeLine } from './text';

/**
 * Cheap URL spotting for the reader; the rule engine does the deep analysis (tldts, blocklists).
 * Matches scheme/www URLs and bare domains on common TLDs ("zalo.me/g/abc", "bit.ly/x").
 */
const URL_RE =
  /\b(?:https?:\/\/|www\.)[^\s<>"'`]+|(?<![@\w.-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:vn|com|net|org|info|biz|xyz|top|io|me|ly|cc|co|link|site|online|shop|store|club|app|live|tk|ml|ga|cf|gq|ru|cn|asia|win|bet|vip|fun|pro|click|ink|page|gl|to)(?![a-z0-9-])(?:[/?#][^\s<>"'`]*)?/gi;
const MENTION = SELECTORS.mention.candidates;
const TRAILING = /[.,;:!?)\]}'"»…]+$/;

export function urlsInText(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(URL_RE)) {
    const url = m[0].replace(TRAILING, '');
    if (url.length > 3) out.push(url);
  }
  return out;
}

function hrefOf(a: HTMLElement): string | undefined {
  const href = a.getAttribute('href')?.trim();
  if (!href || href.startsWith('#') || /^(javascript|mailto|tel):/i.test(href)) return undefined;
  return href;
}

/**
 * Links of a bubble part: `.text-is-link` text (or its data-content), `a[href]` targets (mentions
 * excluded) and URLs in `text`, deduplicated in order of appearance.
 */
export function collectLinks(parts: readonly HTMLElement[], text: string): string[] {
  const found: string[] = [];
  for (const part of parts) {
    for (const selector of SELECTORS.textLink.candidates) {
      for (const el of safeQueryAll(part, selector)) {
        const value = el.getAttribute('data-content')?.trim() || normalizeLine(el.textContent ?? '');
        if (value) found.push(value);
      }
    }
    for (const a of safeQueryAll(part, 'a[href]')) {
      if (MENTION.some((m) => safeMatches(a, m))) continue;
      const href = hrefOf(a);
      if (href) found.push(href);
    }
  }
  found.push(...urlsInText(text));
  return [...new Set(found)];
}
