import { parse } from 'tldts';

/** Lowercase ASCII (punycode) hostname via the WHATWG URL parser, or null if it is not a usable host. */
export function normaliseHost(raw: string): string | null {
  const trimmed = raw.trim().replace(/\.+$/, '');
  if (!trimmed || /[\s/@:?#]/.test(trimmed)) return null;
  try {
    const host = new URL(`http://${trimmed}`).hostname.replace(/\.+$/, '');
    return host && !host.startsWith('[') ? host : null;
  } catch {
    return null;
  }
}

export interface ParsedHost {
  host: string;
  /** Registrable domain; private suffixes (github.io, weebly.com…) count, so each user site is its own domain. */
  domain: string | null;
  /** Registrable domain under ICANN rules only (weebly.com for foo.weebly.com). */
  icannDomain: string | null;
  publicSuffix: string | null;
  /** Labels left of the public suffix, e.g. ['a', 'b', 'evil'] for a.b.evil.com. */
  labels: string[];
  isIp: boolean;
}

export function parseHost(host: string): ParsedHost {
  const p = parse(host, { allowPrivateDomains: true });
  const icann = parse(host);
  const suffix = p.publicSuffix;
  const rest = suffix && host.endsWith(`.${suffix}`) ? host.slice(0, -suffix.length - 1) : p.isIp ? '' : host;
  return {
    host,
    domain: p.isIp ? null : p.domain,
    icannDomain: icann.isIp ? null : icann.domain,
    publicSuffix: p.isIp ? null : suffix,
    labels: rest ? rest.split('.') : [],
    isIp: p.isIp === true,
  };
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
