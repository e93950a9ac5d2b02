import type { Evidence } from '../rules/flag';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/**
 * Builds HTML for a message with its evidence spans wrapped in <mark>. Message text is escaped
 * here; the caller still passes the result through DOMPurify (allowing only mark/br) before
 * rendering, so a bug in this function can never turn message text into markup.
 */
export function highlightHtml(text: string, spans: readonly Evidence[]): string {
  const sorted = spans
    .filter((s) => s.end > s.start && s.start >= 0 && s.end <= text.length)
    .slice()
    .sort((a, b) => a.start - b.start || b.end - a.end);
  let html = '';
  let pos = 0;
  for (const s of sorted) {
    if (s.start < pos) continue; // overlapping spans: keep the first
    html += escapeHtml(text.slice(pos, s.start)) + '<mark>' + escapeHtml(text.slice(s.start, s.end)) + '</mark>';
    pos = s.end;
  }
  html += escapeHtml(text.slice(pos));
  return html.replace(/\n/g, '<br>');
}

export interface Sanitizer {
  sanitize(dirty: string, config: { ALLOWED_TAGS: string[]; ALLOWED_ATTR: string[] }): string;
}

export function safeHighlight(purify: Sanitizer, text: string, spans: readonly Evidence[]): string {
  return purify.sanitize(highlightHtml(text, spans), { ALLOWED_TAGS: ['mark', 'br'], ALLOWED_ATTR: [] });
}
