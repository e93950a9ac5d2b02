import { find } from 'linkifyjs';
import { normaliseHost, parseHost, parseUrlAllowingMalformedIdn } from './host';
import type { ExtractedLink } from './types';

const SCHEME_RE = /^[a-z][a-z0-9+.-]*:\/\//i;
const NON_ASCII_RE = /[^\x00-\x7f]/;

/**
 * gTLDs/ccTLDs that are also unaccented Vietnamese syllables: "xong.Moi nguoi", "chao.Ba con" are sentence
 * ends typed without a space, not links. Only applied to bare two-label matches without a path.
 */
const SYLLABLE_TLDS = new Set([
  'moi', 'ong', 'ngo', 'la', 'ma', 'ba', 'bi', 'mo', 'so', 'to', 'do', 'co', 'ca', 'cu', 'gi', 'hu', 'nu',
  'ai', 'ao', 'bo', 'ga', 've', 'ky', 'my', 'na', 'ne', 'ng', 'vi', 'sa', 'be', 'ro', 'tv', 'tt', 'hn',
]);

/** One Vietnamese syllable ending right before a glued domain: optional glide or final consonant. */
const SYLLABLE_TAILS = ['ng', 'nh', 'ch', 'c', 'm', 'n', 'p', 't', 'i', 'y', 'o', 'u', 'a', ''];
/** Words that commonly precede a link ("truy cập", "tại", "vào"…), ASCII-folded, for glued-prefix splits. */
const LEAD_WORDS = ['cap', 'tai', 'vao', 'nhap', 'day', 'o', 've', 'qua', 'link', 'web', 'trang', 'bam', 'nhan', 'xem'];

function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

/**
 * "truy cậpvietcombank-xacminh.com": linkify takes "cậpvietcombank-xacminh.com" as an IDN host. Returns how
 * many leading characters are Vietnamese text glued to an ASCII domain, or 0 when the label looks like a
 * genuine IDN (no ASCII tail long enough to be a domain label).
 */
export function gluedPrefixLength(label: string): number {
  let lastNonAscii = -1;
  for (let i = 0; i < label.length; i++) if (label.charCodeAt(i) > 0x7f) lastNonAscii = i;
  if (lastNonAscii < 0) return 0;
  const after = label.slice(lastNonAscii + 1);
  if (!/^[a-z0-9][a-z0-9-]{2,}$/i.test(after)) return 0;
  // "dịchvụcông-bhyt": the ASCII run starts with the end of the accented word ("ng") and a hyphen follows,
  // so the accented word belongs to the label: a genuine IDN host, not text glued to "ng-bhyt".
  const hyphen = after.indexOf('-');
  if (hyphen > 0 && SYLLABLE_TAILS.includes(after.slice(0, hyphen).toLowerCase())) return 0;
  const candidates: number[] = [];
  for (const tail of SYLLABLE_TAILS) {
    if (after.toLowerCase().startsWith(tail) && after.length - tail.length >= 3 && /^[a-z0-9]/i.test(after.slice(tail.length))) {
      candidates.push(lastNonAscii + 1 + tail.length);
    }
  }
  // Prefer a split whose glued word is a common lead word ("tại", "cập"…), else no syllable tail.
  for (const cut of candidates) {
    const word = fold(label.slice(0, cut)).split(/[^a-z]/).pop() ?? '';
    if (LEAD_WORDS.some((w) => word.endsWith(w) && (word.length === w.length || word.length - w.length <= 2))) return cut;
  }
  return lastNonAscii + 1;
}

interface RawMatch {
  start: number;
  end: number;
  value: string;
  href: string;
}

function toLink(m: RawMatch, text: string): ExtractedLink | null {
  let { start, value } = m;
  let href = m.href;
  const schemeless = !SCHEME_RE.test(value);
  // "tạihttp://abc.com": linkify drops the glued scheme; take it back.
  if (schemeless) {
    const before = text.slice(Math.max(0, start - 8), start);
    const sm = /(https?:\/\/)$/i.exec(before);
    if (sm) {
      start -= sm[1].length;
      value = text.slice(start, m.end);
      href = value;
    }
  }
  const parsed = parseUrlAllowingMalformedIdn(href);
  if (!parsed) return null;
  let { url } = parsed;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  let rawHost = parsed.restore(url.hostname);
  const bare = !SCHEME_RE.test(value);
  // Glued Vietnamese text before a bare domain.
  if (bare) {
    const firstLabel = value.split(/[./:?#]/)[0];
    if (NON_ASCII_RE.test(firstLabel)) {
      const cut = gluedPrefixLength(firstLabel);
      if (cut > 0) {
        start += cut;
        value = value.slice(cut);
        try {
          url = new URL(`http://${value}`);
        } catch {
          return null;
        }
        rawHost = url.hostname;
      }
    }
  }
  const host = normaliseHost(rawHost);
  if (!host) return null;
  const p = parseHost(host);
  if (!p.isIp && (!p.isIcann || !p.icannDomain)) return null;
  let weak = false;
  if (bare && !p.isIp) {
    const hasPath = /[/?#:]/.test(value);
    const labels = value.split(/[/?#:]/)[0].split('.');
    // "0222.3876.xxx", "069.xxx": a phone number with its last digits masked, not the .xxx TLD.
    if (labels[labels.length - 1].toLowerCase() === 'xxx' && labels.slice(0, -1).every((l) => /^\d+$/.test(l))) return null;
    if (!hasPath && !/^www\./i.test(value) && labels.length === 2) {
      const tld = labels[1];
      // "xong.Moi nguoi": sentence end without a space (kept as weak: "kubet.co" is on the gambling list).
      if (SYLLABLE_TLDS.has(tld.toLowerCase()) && /^[a-z]+$/i.test(labels[0])) weak = true;
      if (/^[A-Z][a-z]+$/.test(tld) && tld.toLowerCase() !== 'com') return null;
      // "cái này.vn": one Vietnamese syllable (a single vowel group) before a TLD is a typo, not a site.
      if (NON_ASCII_RE.test(labels[0]) && !/[-\d]/.test(labels[0]) && fold(labels[0]).match(/[aeiouy]+/g)?.length === 1) return null;
    }
  }
  const full = parsed.restore(url.href);
  return weak ? { start, end: m.end, url: full, host, weak } : { start, end: m.end, url: full, host };
}

// --- Obfuscation: "vietcombank[.]com", "hxxp://", "abc . xyz", "abc.comnhé" ---------------------------

const OBFUSCATION_TEST = /[[({]\s*(?:\.|dot|chấm|cham)\s*[\])}]|hxxps?:|\s\.\s|\.[a-z]{2,6}[a-zà-ỹđ]*[à-ỹđ]|\. ?[a-z] [a-z]\b/i;
const SPACED_TLDS = 'com|net|org|vn|xyz|top|info|site|online|shop|vip|club|icu|cyou|buzz|sbs|cc|live|link|fun|me|io|ly';
const TLD_SET = new Set(SPACED_TLDS.split('|'));
type Span = { start: number; end: number; to: string };
/** Three single letters or digits in a row, each set apart by a space: text typed one character at a time. */
const THREE_SPACED_RE = /(?<![a-z0-9])[a-z0-9] [a-z0-9] [a-z0-9](?![a-z0-9])/i;

/** Is this (a link's text as written) typed letter by letter ("h o t r o . c o m", "N H A C A I 7 7 . v i p")? */
export function typedLetterByLetter(written: string): boolean {
  return THREE_SPACED_RE.test(written);
}

/** Single letters or digits joined by single spaces, hyphens or dots: at least five characters. */
const LETTER_SPACED_RE = /(?<![\p{L}\p{N}.-])[a-z0-9](?:(?: ?[-.] ?| )[a-z0-9]){4,}(?![\p{L}\p{N}])/giu;

function obfuscationSpans(text: string): Span[] {
  const spans: Span[] = [];
  const add = (start: number, end: number, to: string) => {
    if (!spans.some((x) => start < x.end && end > x.start)) spans.push({ start, end, to });
  };
  for (const m of text.matchAll(/\s*[[({]\s*(?:\.|dot|chấm|cham)\s*[\])}]\s*/gi)) add(m.index, m.index + m[0].length, '.');
  for (const m of text.matchAll(/hxxp(?=s?:\/\/)/gi)) add(m.index, m.index + 4, 'http');
  // "h o t r o - v n . c o m": a host typed one character at a time. Plain words are never runs of single
  // characters, so the run is a host when what follows its last dot is a known TLD.
  for (const m of text.matchAll(LETTER_SPACED_RE)) {
    const run = m[0];
    const joined = run.replace(/ /g, '').toLowerCase();
    const tld = joined.slice(joined.lastIndexOf('.') + 1);
    if (!TLD_SET.has(tld) || !/[a-z]/.test(joined.slice(0, joined.lastIndexOf('.')))) continue;
    for (let i = run.indexOf(' '); i >= 0; i = run.indexOf(' ', i + 1)) add(m.index + i, m.index + i + 1, '');
  }
  // "abc . xyz" only when the right side is a known TLD followed by a boundary: cheap and precise.
  const spaced = new RegExp(`(?<=[a-z0-9])\\s+\\.\\s+(?=(?:${SPACED_TLDS})(?![a-z0-9]))`, 'gi');
  for (const m of text.matchAll(spaced)) add(m.index, m.index + m[0].length, '.');
  // "abc.comnhé": a TLD glued to a following Vietnamese word; split after the longest known TLD.
  for (const m of text.matchAll(/(?<=[a-z0-9-]\.)([a-z]{2,6})([a-zà-ỹđ]*[à-ỹđ][a-zà-ỹđ]*)/gi)) {
    const run = (m[1] + m[2]).toLowerCase();
    for (let n = Math.min(6, m[1].length); n >= 2; n--) {
      if (TLD_SET.has(run.slice(0, n))) {
        add(m.index + n, m.index + n, ' ');
        break;
      }
    }
  }
  return spans;
}

interface Rewritten {
  text: string;
  /** For each rewritten char (and one past the end): original start and end offsets. */
  from: number[];
  to: number[];
  /** Rewritten-text ranges produced by a replacement. */
  edits: [number, number][];
}

function rewrite(text: string): Rewritten {
  const spans = obfuscationSpans(text);
  spans.sort((a, b) => a.start - b.start);
  let out = '';
  const from: number[] = [];
  const to: number[] = [];
  const edits: [number, number][] = [];
  let pos = 0;
  for (const sp of [...spans, { start: text.length, end: text.length, to: '' }]) {
    for (let i = pos; i < sp.start; i++) {
      out += text[i];
      from.push(i);
      to.push(i + 1);
    }
    const editStart = out.length;
    for (const ch of sp.to) {
      out += ch;
      from.push(sp.start);
      to.push(sp.end);
    }
    if (sp.end > sp.start || sp.to) edits.push([editStart, out.length]);
    pos = sp.end;
  }
  from.push(text.length);
  to.push(text.length);
  return { text: out, from, to, edits };
}

// --- Bare IPv4 hosts (linkify only finds them with a scheme) -----------------------------------------

const IPV4_RE = /(?<![\w.:/@-])((?:\d{1,3}\.){3}\d{1,3})(:\d{2,5})?(\/[^\s"'<>()]*)?(?![\w.]*\w)/g;

function validIpv4(ip: string, withExtras: boolean): boolean {
  const parts = ip.split('.');
  if (parts.some((p) => p.length > 1 && p.startsWith('0'))) return false;
  const nums = parts.map(Number);
  if (nums.some((n) => n > 255) || nums[0] === 0) return false;
  // "phiên bản 1.2.3.4": small dotted numbers are versions unless a port or path makes them a URL.
  return withExtras || nums.some((n) => n >= 10);
}

function findBareIps(text: string): RawMatch[] {
  const out: RawMatch[] = [];
  IPV4_RE.lastIndex = 0;
  for (let m = IPV4_RE.exec(text); m; m = IPV4_RE.exec(text)) {
    if (!validIpv4(m[1], Boolean(m[2] || m[3]))) continue;
    const value = m[0].replace(/[.,;!?]+$/, '');
    out.push({ start: m.index, end: m.index + value.length, value, href: `http://${value}` });
  }
  return out;
}

// --- Where linkify needs to run ------------------------------------------------------------------------
// linkify (4.x) never puts whitespace inside a match and its scanner always splits tokens at whitespace, so
// the links of a whitespace-delimited chunk do not depend on the rest of the text. A chunk can only hold an
// http(s) link linkify finds if it has "://" or a dot followed by a letter (the first letter of a TLD): only
// those chunks are given to linkify, which is the costly step on long messages.

const LINKY_CHUNK_RE = /\.\p{L}|:\/\//gu;
/** Four dotted numbers: the only way findBareIps can match. */
const IP_HINT_RE = /\d\.\d{1,3}\.\d{1,3}\.\d/;

function isSpace(code: number): boolean {
  // Same set as linkify's whitespace: /\s/ plus the object replacement character it also treats as space.
  return code === 0x20 || (code >= 0x09 && code <= 0x0d) || (code > 0x7f && (code === 0xfffc || /\s/.test(String.fromCharCode(code))));
}

/** Whitespace-delimited chunk [start, end) around position i (i itself is not whitespace). */
function chunkAround(text: string, i: number): [number, number] {
  let s = i;
  while (s > 0 && !isSpace(text.charCodeAt(s - 1))) s--;
  let e = i;
  while (e < text.length && !isSpace(text.charCodeAt(e))) e++;
  return [s, e];
}

/** linkify's url matches inside the given sorted, disjoint chunks, with offsets into `text`. */
function linkifyChunks(text: string, chunks: readonly [number, number][]): RawMatch[] {
  const out: RawMatch[] = [];
  for (const [s, e] of chunks) {
    for (const m of find(text.slice(s, e))) {
      if (m.type === 'url') out.push({ start: m.start + s, end: m.end + s, value: m.value, href: m.href });
    }
  }
  return out;
}

/** Chunks of `text` that may hold a link linkify would find, sorted. */
export function linkyChunks(text: string): [number, number][] {
  const chunks: [number, number][] = [];
  LINKY_CHUNK_RE.lastIndex = 0;
  for (let m = LINKY_CHUNK_RE.exec(text); m; m = LINKY_CHUNK_RE.exec(text)) {
    const c = chunkAround(text, m.index);
    const last = chunks[chunks.length - 1];
    if (!last || last[0] !== c[0]) chunks.push(c);
    LINKY_CHUNK_RE.lastIndex = Math.max(LINKY_CHUNK_RE.lastIndex, c[1]);
  }
  return chunks;
}

/** Chunks of the rewritten text that contain or touch an edit: only matches there are kept. */
function editChunks(rw: Rewritten): [number, number][] {
  const chunks: [number, number][] = [];
  const t = rw.text;
  for (const [es, ee] of rw.edits) {
    for (let i = Math.max(0, es - 1); i <= Math.min(ee, t.length - 1); i++) {
      if (isSpace(t.charCodeAt(i))) continue;
      const c = chunkAround(t, i);
      if (!chunks.some(([s]) => s === c[0])) chunks.push(c);
      i = c[1];
    }
  }
  return chunks.sort((a, b) => a[0] - b[0]);
}

/**
 * The last message's links: the content script asks the background about a message's hosts and then checks the
 * same text, so the second extraction (linkify is the costly step) is a lookup.
 */
let memoText: string | null = null;
let memoLinks: readonly ExtractedLink[] = [];

/**
 * Characters without which findLinks cannot find anything: every link linkify finds, every bare IP and every
 * obfuscated form holds a dot, "://" or a bracket ("abc(dot)com"). Most chat lines and almost all pack terms (each
 * is normalised when a pack compiles) have none of them, and one scan for five plain characters costs far less than
 * the three pattern scans that would also conclude "no link".
 */
const LINK_CHARS_RE = /[.:[({]/;

/** False only for a text in which findLinks cannot find a link (it has none of LINK_CHARS_RE's characters). */
export function mayHoldLink(text: string): boolean {
  return LINK_CHARS_RE.test(text);
}

/** Every link in a message, in order, with UTF-16 offsets into the original text. */
export function extractLinks(text: string): ExtractedLink[] {
  if (!text || !mayHoldLink(text)) return [];
  if (text === memoText) return memoLinks.map((l) => ({ ...l }));
  const links = findLinks(text);
  memoText = text;
  memoLinks = links.map((l) => ({ ...l }));
  return links;
}

/** The extraction itself, without the gate and the memo (extractLinks is the entry point; tests compare the two). */
export function findLinks(text: string): ExtractedLink[] {
  const chunks = linkyChunks(text);
  const obfuscated = OBFUSCATION_TEST.test(text);
  // Most chat messages have no link-like token at all: skip every costly step.
  if (chunks.length === 0 && !obfuscated && !IP_HINT_RE.test(text)) return [];
  const links: ExtractedLink[] = [];
  const overlaps = (s: number, e: number) => links.some((l) => s < l.end && e > l.start);
  for (const m of linkifyChunks(text, chunks)) {
    const link = toLink(m, text);
    if (link) links.push(link);
  }
  if (obfuscated) {
    const rw = rewrite(text);
    for (const m of linkifyChunks(rw.text, editChunks(rw))) {
      if (!rw.edits.some(([s, e]) => m.start <= e && m.end >= s)) continue;
      const start = rw.from[m.start];
      const end = rw.to[m.end - 1];
      if (overlaps(start, end)) {
        // A deobfuscated match supersedes a shorter plain match inside it ("vietcombank" of "vietcombank[.]com").
        for (let i = links.length - 1; i >= 0; i--) if (links[i].start >= start && links[i].end <= end) links.splice(i, 1);
        if (overlaps(start, end)) continue;
      }
      const link = toLink(m, rw.text);
      if (link) links.push({ ...link, start: rw.from[link.start], end });
    }
  }
  for (const m of findBareIps(text)) {
    // "103.77.241.19/dancu.zip": the IP link supersedes a file name in its path that linkify read as a domain.
    for (let i = links.length - 1; i >= 0; i--) if (links[i].start > m.start && links[i].end <= m.end) links.splice(i, 1);
    if (overlaps(m.start, m.end)) continue;
    const link = toLink(m, text);
    if (link) links.push(link);
  }
  return links.sort((a, b) => a.start - b.start);
}
