/**
 * Adapter between the rule engine and link analysis (lib/rules/links, written separately).
 * Only this file knows the shape of the link module. A small built-in analysis (shorteners, raw IPs,
 * suspicious TLDs, brand lookalikes, .apk downloads) remains as a safety net if that module throws.
 */
import type { Severity } from './categories';
import { analyseLinks, type Blocklist, type LinkCategory } from './links/index';
import { findUrlSpans } from './normalize';

export type { Blocklist, LinkCategory };

export interface LinkSignalOptions {
  allowDomains?: readonly string[];
  blockDomains?: readonly string[];
  blocklist?: Blocklist;
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
}

const SHORTENERS = new Set([
  'bit.ly', 'is.gd', 'cutt.ly', 'tinyurl.com', 't.co', 'goo.gl', 'shorturl.at', 'rb.gy', 'ow.ly', 't.ly', 's.id', 'v.gd',
  'tiny.cc', 'bitly.com', 'rebrand.ly', 'shorte.st', 'adf.ly', 'bom.so', 'bom.to', 'tinyurl.vn', 'link1s.com', 'urlz.fr',
]);
const MESSENGER_INVITES = new Set(['t.me', 'telegram.me', 'telegram.org', 'wa.me', 'chat.whatsapp.com']);
const SUSPICIOUS_TLDS = new Set([
  'online', 'site', 'xyz', 'top', 'club', 'icu', 'vip', 'live', 'shop', 'store', 'click', 'link', 'tk', 'ml', 'ga', 'cf', 'gq',
  'cyou', 'sbs', 'buzz', 'lat', 'monster', 'win', 'bet', 'fun', 'space', 'website', 'rest', 'bid', 'work', 'support', 'help', 'cc', 'pw', 'su',
]);
/** Brands and agencies impersonated by Vietnamese phishing sites, with their real registrable domains. */
const BRANDS: Record<string, readonly string[]> = {
  vneid: ['vneid.gov.vn'], dichvucong: ['dichvucong.gov.vn'], bocongan: ['bocongan.gov.vn'], congan: ['bocongan.gov.vn'],
  thue: ['gdt.gov.vn'], tongcucthue: ['gdt.gov.vn'], etax: ['gdt.gov.vn'], evn: ['evn.com.vn', 'evnnpc.vn', 'evnhanoi.vn', 'evnspc.vn', 'evncpc.vn', 'evnhcmc.vn'],
  csgt: ['csgt.vn'], agribank: ['agribank.com.vn'], vietcombank: ['vietcombank.com.vn'], vcb: ['vietcombank.com.vn'], bidv: ['bidv.com.vn'],
  vietinbank: ['vietinbank.vn'], techcombank: ['techcombank.com', 'techcombank.com.vn'], mbbank: ['mbbank.com.vn'], vpbank: ['vpbank.com.vn'],
  sacombank: ['sacombank.com.vn'], acb: ['acb.com.vn'], tpbank: ['tpb.vn'], momo: ['momo.vn'], zalopay: ['zalopay.vn'], bhxh: ['baohiemxahoi.gov.vn'],
  baohiemxahoi: ['baohiemxahoi.gov.vn'], vnpost: ['vnpost.vn'], viettel: ['viettel.vn', 'viettel.com.vn'], shopee: ['shopee.vn'], lazada: ['lazada.vn'],
  zalo: ['zalo.me', 'zaloapp.com', 'zadn.vn'], facebook: ['facebook.com', 'fb.com'], gov: [],
};
const DEFAULT_ALLOW = [
  'gov.vn', 'zalo.me', 'chat.zalo.me', 'zaloapp.com', 'youtube.com', 'youtu.be', 'facebook.com', 'fb.com', 'google.com',
  'baobacninh.vn', 'bacninh.gov.vn', 'vnexpress.net', 'tuoitre.vn', 'thanhnien.vn', 'dantri.com.vn', 'vtv.vn', 'nhandan.vn',
  'chinhphu.vn', 'baochinhphu.vn', 'vietnamnet.vn', 'evn.com.vn', 'evnnpc.vn', 'vnpost.vn', 'wikipedia.org', 'qdnd.vn', 'cand.com.vn',
];
/** Trustworthy sites the link module may not list: the brands' real domains and well-known public services. */
const TRUSTED: readonly string[] = [
  ...DEFAULT_ALLOW,
  ...Object.values(BRANDS).flat(),
  'postmart.vn', 'voso.vn', 'vietlott.vn', 'vnpt.vn', 'vinaphone.com.vn', 'mobifone.vn', 'thuedientu.gdt.gov.vn',
];
/** "tro-cap-nct .com": a domain split before its TLD so linkifiers miss it. */
const SPACED_TLD = /(?<![\p{L}\p{N}.-])([a-z0-9][a-z0-9-]{2,}[a-z0-9]) \.(com|net|org|vn|info|online|site|xyz|top|shop|club|vip|live|app|link|click|store|cc|me|co)(?![\p{L}\p{N}])(?:\/[^\s]*)?/giu;

function spacedTldLinks(text: string, found: ReadonlyArray<{ start: number; end: number }>): LinkSignal[] {
  if (!text.includes(' .')) return [];
  const out: LinkSignal[] = [];
  SPACED_TLD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SPACED_TLD.exec(text))) {
    const start = m.index;
    const end = start + m[0].length;
    if (found.some((f) => f.start < end && start < f.end)) continue;
    const host = `${m[1]}.${m[2]}`.toLowerCase();
    out.push(signal(start, end, m[0], host, 'strange-link', 'obfuscated', 'medium', 'Đường link bị viết tách để lọt qua bộ lọc.'));
  }
  return out;
}

/**
 * Cheap pre-check so link extraction only runs on messages that may contain a link: "abc.xyz", "://", "www",
 * defanged dots ("[.]", "(.)", "(chấm)", " chấm ") and a dot spaced before a TLD ("abc . online", ". c o m").
 * A sentence full stop ("thôn. Mai") does not qualify, so ordinary multi-sentence messages skip link analysis.
 */
const MAYBE_LINK =
  /[a-z0-9]\.[a-z]|:\/\/|www|\[\.\]|\(\.\)|\[dot\]|\(dot\)|\(ch[aấ]m\)|\s(?:chấm|cham|dot)\s|\s\.\s?(?:c\s?o\s?m|n\s?e\s?t|v\s?n|o\s?r\s?g|i\s?n\s?f\s?o|o\s?n\s?l\s?i\s?n\s?e|s\s?i\s?t\s?e|x\s?y\s?z|t\s?o\s?p|s\s?h\s?o\s?p|c\s?l\s?u\s?b|v\s?i\s?p|a\s?p\s?p|l\s?i\s?n\s?k|c\s?l\s?i\s?c\s?k|b\s?e\s?t|l\s?i\s?v\s?e|s\s?t\s?o\s?r\s?e|m\s?e|c\s?c)(?![a-z])/i;
const DOWNLOAD_EXT = /\.(apk|exe|msi|bat|scr|jar|xapk|ipa)(?:$|[?#])/i;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

function hostOf(url: string): string {
  const noScheme = url.replace(/^[a-z]+:\/\//i, '');
  const host = noScheme.split(/[/?#:]/)[0] ?? '';
  return host.toLowerCase().replace(/^www\./, '').replace(/\.$/, '');
}

function cleanDomain(domain: string): string {
  return domain.toLowerCase().replace(/^\*\./, '').replace(/^www\./, '');
}

function domainMatches(host: string, domain: string): boolean {
  const d = cleanDomain(domain);
  return host === d || host.endsWith('.' + d);
}

/** TRUSTED, cleaned once (and with the leading dot for suffix tests): checked for every non-official link. */
const TRUSTED_CLEAN: readonly string[] = TRUSTED.map(cleanDomain);
const TRUSTED_DOTTED: readonly string[] = TRUSTED_CLEAN.map((d) => '.' + d);

function isTrusted(host: string): boolean {
  for (let i = 0; i < TRUSTED_CLEAN.length; i++) if (host === TRUSTED_CLEAN[i] || host.endsWith(TRUSTED_DOTTED[i])) return true;
  return false;
}

function signal(
  start: number, end: number, url: string, host: string, category: LinkCategory, reason: string, severity: Severity, explanation: string,
): LinkSignal {
  return { start, end, url, host, category, reason, severity, explanation };
}

/** Built-in link checks, used until lib/rules/links is available. */
export function analyseLinksFallback(text: string, opts: LinkSignalOptions = {}): LinkSignal[] {
  const spans = findUrlSpans(text);
  if (spans.length === 0) return [];
  const out: LinkSignal[] = [];
  const allow = [...DEFAULT_ALLOW, ...(opts.allowDomains ?? [])];
  for (const [start, end] of spans) {
    const url = text.slice(start, end);
    const host = hostOf(url);
    if (!host) continue;
    if ((opts.blockDomains ?? []).some((d) => domainMatches(host, d))) {
      out.push(signal(start, end, url, host, 'strange-link', 'blocked-domain', 'high', 'Tên miền nằm trong danh sách chặn của nhóm.'));
      continue;
    }
    const listed = opts.blocklist?.lookup(host) ?? null;
    if (listed) {
      out.push(signal(start, end, url, host, 'strange-link', `blocklist:${listed.list}`, 'high', 'Tên miền có trong danh sách lừa đảo/cờ bạc đã biết.'));
      continue;
    }
    if (allow.some((d) => domainMatches(host, d))) continue;
    const labels = host.split('.');
    const tld = labels[labels.length - 1] ?? '';
    if (IPV4.test(host)) {
      out.push(signal(start, end, url, host, 'strange-link', 'ip-address', 'high', 'Đường link dùng địa chỉ IP thay cho tên miền.'));
      continue;
    }
    if (SHORTENERS.has(host)) {
      out.push(signal(start, end, url, host, 'strange-link', 'shortener', 'medium', 'Đường link rút gọn che giấu trang đích.'));
      continue;
    }
    if (MESSENGER_INVITES.has(host)) {
      out.push(signal(start, end, url, host, 'strange-link', 'messenger-invite', 'medium', 'Link mời vào nhóm nhắn tin bên ngoài.'));
      continue;
    }
    const words = host.split(/[.-]/);
    const brand = words.find((w) => w in BRANDS || (w.length > 4 && Object.keys(BRANDS).some((b) => b.length > 4 && w.includes(b))));
    if (brand && !Object.values(BRANDS).some((ds) => ds.some((d) => domainMatches(host, d)))) {
      out.push(signal(start, end, url, host, 'strange-link', 'lookalike', 'high', 'Tên miền giả mạo cơ quan, ngân hàng hoặc thương hiệu.'));
      out.push(signal(start, end, url, host, 'scam', 'lookalike', 'high', 'Tên miền giả mạo cơ quan, ngân hàng hoặc thương hiệu.'));
      continue;
    }
    if (DOWNLOAD_EXT.test(url)) {
      out.push(signal(start, end, url, host, 'strange-link', 'download', 'high', 'Link tải tệp cài đặt có thể chứa mã độc.'));
      continue;
    }
    if (SUSPICIOUS_TLDS.has(tld)) {
      out.push(signal(start, end, url, host, 'strange-link', 'suspicious-tld', 'medium', 'Tên miền có đuôi thường dùng cho trang lừa đảo.'));
      continue;
    }
  }
  return out;
}

/**
 * Entry point used by the engine: one LinkSignal per (link, reason). A non-official link with no specific
 * reason is reported as 'unknown-domain' (low) so categories can weigh it with the message context.
 */
export function linkSignals(text: string, opts: LinkSignalOptions): LinkSignal[] {
  if (!MAYBE_LINK.test(text)) return [];
  try {
    const found = analyseLinks(text, {
      allowDomains: opts.allowDomains ? [...opts.allowDomains] : undefined,
      blockDomains: opts.blockDomains ? [...opts.blockDomains] : undefined,
      blocklist: opts.blocklist,
    });
    const out: LinkSignal[] = [];
    const allow = opts.allowDomains ?? [];
    for (const f of found) {
      // An official host is fine, except an invitation to an outside group on it (zalo.me/g/…).
      if (f.official) {
        for (const r of f.findings) if (r.reason === 'group-invite') out.push(signal(f.start, f.end, f.url, f.host, r.category, r.reason, r.severity, r.explanation));
        continue;
      }
      if (allow.some((d) => domainMatches(f.host, d))) {
        if (f.findings.length === 0) continue;
      }
      // Well-known sites (the real csgt.vn, postmart.vn…) are neither unknown nor lookalikes of themselves.
      if (isTrusted(f.host) && !f.findings.some((r) => r.reason.startsWith('block'))) continue;
      if (f.findings.length === 0) {
        out.push(signal(f.start, f.end, f.url, f.host, 'strange-link', 'unknown-domain', 'low', 'Đường link tới trang không phải nguồn chính thống.'));
        continue;
      }
      for (const r of f.findings) out.push(signal(f.start, f.end, f.url, f.host, r.category, r.reason, r.severity, r.explanation));
    }
    for (const sp of spacedTldLinks(text, found)) out.push(sp);
    return out;
  } catch {
    return analyseLinksFallback(text, opts);
  }
}
