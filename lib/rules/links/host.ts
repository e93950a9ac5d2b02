import { parse } from 'tldts';

/**
 * A label written as punycode ("xn--…") that decodes to no valid name. No registry holds such a host, and the URL
 * parser rejects it, but a phishing text can still print one to look like an accented name.
 */
export function isMalformedIdnLabel(label: string): boolean {
  if (!/^xn--/i.test(label)) return false;
  try {
    new URL(`http://${label}.vn`);
    return false;
  } catch {
    return true;
  }
}

/** Does this ASCII host hold a malformed punycode label? The substring test first: most hosts have no "xn--". */
export function hasMalformedIdn(host: string): boolean {
  return host.includes('xn--') && host.split('.').some(isMalformedIdnLabel);
}

/**
 * An ASCII host whose only fault is malformed punycode labels, with each such label replaced by a stand-in the URL
 * parser accepts: the lower-cased host as written, the parseable stand-in host, and the [stand-in, label] pairs to put
 * back. Null for any other host.
 */
function standInMalformedIdn(host: string): { host: string; standIn: string; pairs: Array<[string, string]> } | null {
  if (!/^[a-z0-9.-]+$/i.test(host)) return null;
  const labels = host.toLowerCase().split('.');
  const pairs: Array<[string, string]> = [];
  const standIn = labels
    .map((l, i) => {
      if (!isMalformedIdnLabel(l)) return l;
      pairs.push([`zgg-idn-${i}`, l]);
      return `zgg-idn-${i}`;
    })
    .join('.');
  return pairs.length > 0 ? { host: labels.join('.'), standIn, pairs } : null;
}

/**
 * Lowercase ASCII (punycode) hostname via the WHATWG URL parser, or null if it is not a usable host. A host whose
 * punycode label is malformed is kept as written (see isMalformedIdnLabel).
 */
export function normaliseHost(raw: string): string | null {
  const trimmed = raw.trim().replace(/\.+$/, '');
  if (!trimmed || /[\s/@:?#]/.test(trimmed)) return null;
  try {
    const host = new URL(`http://${trimmed}`).hostname.replace(/\.+$/, '');
    return host && !host.startsWith('[') ? host : null;
  } catch {
    const idn = standInMalformedIdn(trimmed);
    return idn && normaliseHost(idn.standIn) ? idn.host : null;
  }
}

/**
 * Parses an absolute http(s) URL whose host may hold a malformed punycode label: such labels are parsed as
 * stand-ins, and `restore` puts them back into any string taken from the result (hostname, href).
 */
export function parseUrlAllowingMalformedIdn(href: string): { url: URL; restore: (s: string) => string } | null {
  try {
    return { url: new URL(href), restore: (s) => s };
  } catch {
    const m = /^([a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?)([^:/?#]+)/i.exec(href);
    const idn = m ? standInMalformedIdn(m[2]) : null;
    if (!m || !idn) return null;
    try {
      const url = new URL(m[1] + idn.standIn + href.slice(m[0].length));
      return { url, restore: (s) => idn.pairs.reduce((acc, [a, b]) => acc.replace(a, b), s) };
    } catch {
      return null;
    }
  }
}

export interface ParsedHost {
  host: string;
  /** Registrable domain; private suffixes (github.io, weebly.com…) count, so each user site is its own domain. */
  domain: string | null;
  /** Registrable domain under ICANN rules only (weebly.com for foo.weebly.com). */
  icannDomain: string | null;
  /** The ICANN parse found a known public suffix (tldts `isIcann`). */
  isIcann: boolean;
  publicSuffix: string | null;
  /** Labels left of the public suffix, e.g. ['a', 'b', 'evil'] for a.b.evil.com. */
  labels: readonly string[];
  isIp: boolean;
}

function parseHostUncached(host: string): ParsedHost {
  const p = parse(host, { allowPrivateDomains: true });
  const icann = parse(host);
  const suffix = p.publicSuffix;
  const rest = suffix && host.endsWith(`.${suffix}`) ? host.slice(0, -suffix.length - 1) : p.isIp ? '' : host;
  return Object.freeze({
    host,
    domain: p.isIp ? null : p.domain,
    icannDomain: icann.isIp ? null : icann.domain,
    isIcann: icann.isIcann === true,
    publicSuffix: p.isIp ? null : suffix,
    labels: Object.freeze(rest ? rest.split('.') : []),
    isIp: p.isIp === true,
  });
}

/**
 * Extraction and analysis both need the two tldts parses of a host, and chat groups repeat the same few
 * hosts: a small cache (oldest entry evicted first) saves the ~1 µs of parsing per repeat. Results are frozen.
 */
const PARSE_CACHE_MAX = 512;
const parseCache = new Map<string, ParsedHost>();

export function parseHost(host: string): ParsedHost {
  let p = parseCache.get(host);
  if (p) return p;
  p = parseHostUncached(host);
  if (parseCache.size >= PARSE_CACHE_MAX) parseCache.delete(parseCache.keys().next().value as string);
  parseCache.set(host, p);
  return p;
}

/** True when host equals domain or is a subdomain of it. */
export function isSameOrSubdomain(host: string, domain: string): boolean {
  return host === domain || (host.length > domain.length && host.endsWith(domain) && host[host.length - domain.length - 1] === '.');
}

/** Length of the longest entry of `domains` that host equals or is a subdomain of; 0 when none. */
export function longestDomainMatch(host: string, domains: readonly string[]): number {
  let best = 0;
  for (const d of domains) if (d.length > best && isSameOrSubdomain(host, d)) best = d.length;
  return best;
}

/** True when host or one of its parent domains is in `domains` (same answer as longestDomainMatch > 0). */
export function hostOrParentIn(host: string, domains: ReadonlySet<string>): boolean {
  if (domains.has(host)) return true;
  for (let dot = host.indexOf('.'); dot >= 0; dot = host.indexOf('.', dot + 1)) {
    if (domains.has(host.slice(dot + 1))) return true;
  }
  return false;
}

/** Clean user-typed domain entries ("https://Abc.com/x", "*.abc.com", ".abc.com") into hosts. */
export function cleanDomainList(entries: readonly string[] | undefined): string[] {
  if (!entries) return [];
  const out: string[] = [];
  for (const e of entries) {
    const s = e.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/^\*?\./, '').split(/[/?#]/)[0].replace(/^[^@]*@/, '').replace(/:\d+$/, '');
    const h = normaliseHost(s);
    if (h) out.push(h);
  }
  return out;
}
