/**
 * Adapter between the rule engine and link analysis (lib/rules/links): turns its findings into one signal per
 * (link, reason). Only this file knows the shape of the link module.
 */
import type { Severity } from './categories';
import { analyseLinks, extractLinks, type Blocklist, type LinkCategory } from './links/index';
import { typedLetterByLetter } from './links/extract';

export type { Blocklist, LinkCategory };

export interface LinkSignalOptions {
  allowDomains?: readonly string[];
  blockDomains?: readonly string[];
  blocklist?: Blocklist;
  /** Hosts that hide the target (the pack's `shortenerDomains`); the built-in list when omitted. */
  shorteners?: readonly string[];
  /** The group's own invite links (not flagged as invites to another group). */
  ownInvites?: readonly string[];
}

/** One finding about one link, in ORIGINAL text offsets. */
export interface LinkSignal {
  start: number;
  end: number;
  url: string;
  host: string;
  category: LinkCategory;
  reason: string;
  severity: Severity;
  explanation: string;
  /**
   * 'unknown-domain' signals (an unverified link: no reason found) and weak signs that count only next to lure
   * words carry true here; categories decide with the message context. Absent for reasons that stand alone.
   */
  needsContext?: boolean;
}

/** Words that name an ending rather than a site: "đuôi .top, .xyz", "dạng .com", "tên miền .vn" typed without accents. */
const TLD_TALK = new Set(['duoi', 'dang', 'kieu', 'loai', 'mien']);
/** "tro-cap-nct .com": a domain split before its TLD so linkifiers miss it. */
const SPACED_TLD = /(?<![\p{L}\p{N}.-])([a-z0-9][a-z0-9-]{2,}[a-z0-9]) \.(com|net|org|vn|info|online|site|xyz|top|shop|club|vip|live|app|link|click|store|cc|me|co)(?![\p{L}\p{N}])(?:\/[^\s]*)?/giu;

const LETTER_SPACED_EXPLANATION = 'Đường link bị viết tách từng chữ để lọt qua bộ lọc.';

function spacedTldLinks(text: string, found: ReadonlyArray<{ start: number; end: number }>): LinkSignal[] {
  if (!text.includes(' .')) return [];
  const out: LinkSignal[] = [];
  SPACED_TLD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SPACED_TLD.exec(text))) {
    const start = m.index;
    const end = start + m[0].length;
    if (found.some((f) => f.start < end && start < f.end) || TLD_TALK.has(m[1].toLowerCase())) continue;
    const host = `${m[1]}.${m[2]}`.toLowerCase();
    out.push(signal(start, end, m[0], host, 'strange-link', 'obfuscated', 'medium', 'Đường link bị viết tách để lọt qua bộ lọc.'));
  }
  return out;
}

/** "cài file banca-doithuong.apk": an app file named to be installed, sent some other way than a link. */
const APP_EXT = /\.(?:apk|exe)/i;
const APP_FILE_EXPLANATION = 'Tin nhắn mời cài tệp ứng dụng (.apk, .exe) gửi ngoài kho ứng dụng chính thức, có thể là phần mềm độc hại.';
const APP_FILE = /(?<![\p{L}\p{N}_./-])[\p{L}\p{N}_-]+\.(?:apk|exe)(?![\p{L}\p{N}_.])/giu;

function appFiles(text: string, found: ReadonlyArray<{ start: number; end: number }>): LinkSignal[] {
  if (!APP_EXT.test(text)) return [];
  const out: LinkSignal[] = [];
  APP_FILE.lastIndex = 0;
  for (let m = APP_FILE.exec(text); m; m = APP_FILE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (found.some((f) => f.start < end && start < f.end)) continue;
    // Named without a link, it counts only next to lure words (money, a prize, betting), like other weak signs.
    out.push(signal(start, end, m[0], m[0].toLowerCase(), 'strange-link', 'app-file', 'high', APP_FILE_EXPLANATION, true));
  }
  return out;
}

/**
 * Cheap pre-check so link extraction only runs on messages that may contain a link: "abc.xyz", "://", "www",
 * a raw IPv4 host ("103.211.4.77/hd"), defanged dots ("[.]", "(.)", "(chấm)", " chấm ") and a dot spaced before a
 * TLD ("abc . online", ". c o m").
 * A sentence full stop ("thôn. Mai") does not qualify, so ordinary multi-sentence messages skip link analysis.
 */
const MAYBE_LINK =
  /[a-z0-9]\.[a-z]|:\/\/|www|\d\.\d{1,3}\.\d{1,3}\.\d|\[\.\]|\(\.\)|\[dot\]|\(dot\)|\(ch[aấ]m\)|\s(?:chấm|cham|dot)\s|\s\.\s?(?:c\s?o\s?m|n\s?e\s?t|v\s?n|o\s?r\s?g|i\s?n\s?f\s?o|o\s?n\s?l\s?i\s?n\s?e|s\s?i\s?t\s?e|x\s?y\s?z|t\s?o\s?p|s\s?h\s?o\s?p|c\s?l\s?u\s?b|v\s?i\s?p|a\s?p\s?p|l\s?i\s?n\s?k|c\s?l\s?i\s?c\s?k|b\s?e\s?t|l\s?i\s?v\s?e|s\s?t\s?o\s?r\s?e|m\s?e|c\s?c)(?![a-z])/i;
const UNKNOWN_DOMAIN = 'Đường link tới trang chưa xác minh (không có trong danh sách trang quen thuộc của nhóm).';

function signal(
  start: number, end: number, url: string, host: string, category: LinkCategory, reason: string, severity: Severity, explanation: string,
  needsContext = false,
): LinkSignal {
  return needsContext ? { start, end, url, host, category, reason, severity, explanation, needsContext } : { start, end, url, host, category, reason, severity, explanation };
}

/**
 * Entry point used by the engine: one LinkSignal per (link, reason). Known links (official, the bundled
 * known-good list, the group's allow list) give none, except an invite to another group. A link with no reason is
 * 'unknown-domain' (unverified, needsContext), so categories can weigh it with the message context.
 */
export function linkSignals(text: string, opts: LinkSignalOptions): LinkSignal[] {
  if (!MAYBE_LINK.test(text)) return [];
  try {
    const found = analyseLinks(text, {
      allowDomains: opts.allowDomains ? [...opts.allowDomains] : undefined,
      blockDomains: opts.blockDomains ? [...opts.blockDomains] : undefined,
      blocklist: opts.blocklist,
      shorteners: opts.shorteners,
      ownInvites: opts.ownInvites,
    });
    const out: LinkSignal[] = [];
    for (const f of found) {
      // "h o t r o . c o m": typed one character at a time to slip past filters, like a split TLD below.
      if (typedLetterByLetter(text.slice(f.start, f.end))) {
        out.push(signal(f.start, f.end, f.url, f.host, 'strange-link', 'obfuscated', 'medium', LETTER_SPACED_EXPLANATION));
      }
      if (f.findings.length === 0) {
        if (!f.known) out.push(signal(f.start, f.end, f.url, f.host, 'strange-link', 'unknown-domain', 'low', UNKNOWN_DOMAIN, true));
        continue;
      }
      for (const r of f.findings) out.push(signal(f.start, f.end, f.url, f.host, r.category, r.reason, r.severity, r.explanation, r.needsContext === true));
    }
    for (const sp of spacedTldLinks(text, found)) out.push(sp);
    for (const f of appFiles(text, found)) out.push(f);
    return out;
  } catch {
    return linksToCheckByHand(text);
  }
}

/** A bug in link analysis must not hide the links: each link found is reported as one to check by hand. */
function linksToCheckByHand(text: string): LinkSignal[] {
  try {
    return extractLinks(text).map((l) => signal(l.start, l.end, text.slice(l.start, l.end), l.host, 'strange-link', 'unknown-domain', 'low', UNKNOWN_DOMAIN, true));
  } catch {
    return [];
  }
}
