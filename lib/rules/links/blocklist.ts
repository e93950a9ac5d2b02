import { normaliseHost } from './host';
import type { Blocklist, BlocklistHit } from './types';

/**
 * Domain blocklists: parse (compact bundle, host-per-line, hosts-file, URLs, adblock "||host^"), parent-domain
 * lookup, merge, serialise. Pure: loading the bundled file is done at the edges (blocklist-node.ts, or a
 * fetch of `/blocklists/blocklist.txt` in the extension).
 */

export type BlocklistKind = 'phishing' | 'threat' | 'gambling';
export const BLOCKLIST_KINDS: readonly BlocklistKind[] = ['phishing', 'threat', 'gambling'];

export interface ListMeta {
  name: string;
  kind: BlocklistKind;
}

export interface KindedHit extends BlocklistHit {
  kind: BlocklistKind;
}

/** Header line of our compact format. */
export const COMPACT_MAGIC = '#zgg-blocklist 1';
/** Bitmask per host: at most 31 lists in one blocklist. */
const MAX_LISTS = 31;
const MAX_IMPORT_CHARS = 40_000_000;

export function inferKind(name: string): BlocklistKind {
  const n = name.toLowerCase();
  if (/gambl|casino|betting|co-?bac|cờ bạc|lo-?de|lô đề|cado|ca-do/.test(n)) return 'gambling';
  if (/phish|lua-?dao|lừa đảo|chongluadao/.test(n)) return 'phishing';
  return 'threat';
}

export class HostBlocklist implements Blocklist {
  readonly size: number;

  constructor(
    readonly lists: readonly ListMeta[],
    /** host → bitmask of list indexes. */
    readonly hosts: ReadonlyMap<string, number>,
    /** host → [path prefix, bitmask] for URL entries such as "sites.google.com/site/x". */
    readonly paths: ReadonlyMap<string, readonly (readonly [string, number])[]>,
    readonly source: string,
  ) {
    let n = hosts.size;
    for (const v of paths.values()) n += v.length;
    this.size = n;
  }

  private hit(mask: number, matched: string): KindedHit {
    const i = 31 - Math.clz32(mask & -mask); // lowest set bit
    const meta = this.lists[i] ?? { name: this.source, kind: 'threat' as const };
    return { list: meta.name, kind: meta.kind, matched };
  }

  /** Most specific listed host among `host` and its parent domains (a.b.evil.com → evil.com). */
  lookup(host: string): KindedHit | null {
    const all = this.lookupAll(host);
    return all[0] ?? null;
  }

  /** Every list that lists host or a parent, most specific match first. */
  lookupAll(host: string): KindedHit[] {
    const out: KindedHit[] = [];
    let h = host.toLowerCase().replace(/\.+$/, '');
    let seen = 0;
    for (;;) {
      const mask = this.hosts.get(h);
      if (mask !== undefined && (mask & ~seen) !== 0) {
        for (let m = mask & ~seen; m; m &= m - 1) out.push(this.hit(m & -m, h));
        seen |= mask;
      }
      const dot = h.indexOf('.');
      if (dot < 0 || dot === h.length - 1) break;
      h = h.slice(dot + 1);
      if (h.indexOf('.') < 0) break; // never match a bare TLD
    }
    return out;
  }

  /** Host match, or a listed URL (host + path prefix) such as "sites.google.com/site/hacksogarena". */
  lookupUrl(url: string): KindedHit | null {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return null;
    }
    const host = u.hostname.replace(/\.+$/, '');
    const byHost = this.lookup(host);
    if (byHost) return byHost;
    if (this.paths.size === 0) return null;
    const path = `${u.pathname}${u.search}`.toLowerCase();
    for (const h of [host, host.startsWith('www.') ? host.slice(4) : `www.${host}`]) {
      for (const [prefix, mask] of this.paths.get(h) ?? []) {
        if (path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`) || path.startsWith(`${prefix}?`)) {
          return this.hit(mask, `${h}${prefix}`);
        }
      }
    }
    return null;
  }
}

// --- Parsing ---------------------------------------------------------------------------------------------

const ASCII_HOST_RE = /^[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)+$/;
const IPV4_RE = /^(?:\d{1,3}\.){3}\d{1,3}$/;
const SKIP_HOSTS = new Set(['localhost', 'localhost.localdomain', 'broadcasthost', 'local', '0.0.0.0', '127.0.0.1', '255.255.255.255', 'ip6-localhost', 'ip6-loopback']);

function validHost(h: string): boolean {
  if (h.length > 253 || SKIP_HOSTS.has(h)) return false;
  if (!ASCII_HOST_RE.test(h)) return false;
  if (IPV4_RE.test(h)) return h.split('.').every((p) => Number(p) <= 255);
  return /[a-z]/.test(h.slice(h.lastIndexOf('.') + 1)); // TLD is not numeric
}

/** One entry ("host", "host/path", URL, "||host^") → [host, pathPrefix] or null. */
export function parseEntry(raw: string): [string, string] | null {
  let s = raw.trim();
  if (!s) return null;
  if (s.startsWith('||')) s = s.slice(2).replace(/\^.*$/, '');
  s = s.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/^\*\./, '');
  const cut = s.search(/[/?#]/);
  let hostPart = cut < 0 ? s : s.slice(0, cut);
  let path = cut < 0 ? '' : s.slice(cut);
  hostPart = hostPart.replace(/^[^@]*@/, '').replace(/:\d+$/, '').replace(/\.+$/, '');
  // The URL parser turns "12345" or "1.2" into IPv4 addresses; a list entry must look like a host itself.
  if (!hostPart.includes('.') || (/^[\d.]+$/.test(hostPart) && !IPV4_RE.test(hostPart))) return null;
  let host = hostPart.toLowerCase();
  if (!ASCII_HOST_RE.test(host)) {
    const n = normaliseHost(hostPart);
    if (!n) return null;
    host = n;
  }
  if (!validHost(host)) return null;
  if (path.startsWith('#')) path = '';
  path = path.replace(/\/+$/, '').toLowerCase();
  return [host, path === '/' ? '' : path];
}

class Builder {
  readonly lists: ListMeta[] = [];
  readonly hosts = new Map<string, number>();
  readonly paths = new Map<string, [string, number][]>();
  count = 0;

  addList(meta: ListMeta): number {
    const existing = this.lists.findIndex((l) => l.name === meta.name);
    if (existing >= 0) return 1 << existing;
    if (this.lists.length >= MAX_LISTS) throw new Error('too many lists');
    this.lists.push(meta);
    return 1 << (this.lists.length - 1);
  }

  addHost(rawHost: string, bit: number): void {
    // "www.evil.com" listed means evil.com is evil: store the bare domain so both match (and it is shorter).
    const host = rawHost.startsWith('www.') && rawHost.indexOf('.', 4) > 0 ? rawHost.slice(4) : rawHost;
    const prev = this.hosts.get(host);
    if (prev === undefined) this.count++;
    this.hosts.set(host, prev === undefined ? bit : prev | bit);
  }

  addPath(host: string, path: string, bit: number): void {
    let arr = this.paths.get(host);
    if (!arr) this.paths.set(host, (arr = []));
    const e = arr.find((x) => x[0] === path);
    if (e) e[1] |= bit;
    else {
      arr.push([path, bit]);
      this.count++;
    }
  }

  add(host: string, path: string, bit: number): void {
    if (path) this.addPath(host, path, bit);
    else this.addHost(host, bit);
  }

  build(source: string): HostBlocklist {
    return new HostBlocklist(this.lists, this.hosts, this.paths, source);
  }
}

function parseCompact(lines: string[], source: string): Builder {
  const b = new Builder();
  let bit = 0;
  let suffix = '';
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (!line || line.charCodeAt(0) === 35 /* # */) continue;
    const c = line.charCodeAt(0);
    if (c === 126 /* ~ */) {
      suffix = line.length > 1 ? `.${line.slice(1)}` : '';
    } else if (c === 64 /* @ */) {
      const [, name, kind] = line.split(' ');
      bit = b.addList({ name: name || source, kind: (BLOCKLIST_KINDS as readonly string[]).includes(kind) ? (kind as BlocklistKind) : inferKind(name ?? source) });
      suffix = '';
    } else if (bit) {
      const slash = line.indexOf('/');
      if (slash < 0) b.addHost(line + suffix, bit);
      else b.addPath(line.slice(0, slash) + suffix, line.slice(slash), bit);
    }
  }
  return b;
}

function parsePlain(lines: string[], source: string): Builder {
  const b = new Builder();
  const bit = b.addList({ name: source, kind: inferKind(source) });
  for (const raw of lines) {
    let line = raw.trim();
    if (!line || line[0] === '#' || line[0] === '!' || line[0] === '[') continue;
    const hash = line.indexOf(' #');
    if (hash >= 0) line = line.slice(0, hash).trim();
    // Fast path: the bundled upstream files are plain lowercase hosts.
    if (ASCII_HOST_RE.test(line)) {
      if (validHost(line)) b.addHost(line, bit);
      continue;
    }
    const parts = line.split(/\s+/);
    // hosts-file format: "0.0.0.0 evil.com other.com"
    const entries = parts.length > 1 && IPV4_RE.test(parts[0]) ? parts.slice(1) : [parts[0]];
    for (const e of entries) {
      const parsed = parseEntry(e);
      if (parsed) b.add(parsed[0], parsed[1], bit);
    }
  }
  return b;
}

export type ParseResult = { ok: true; blocklist: HostBlocklist; count: number } | { ok: false; error: string };

/**
 * Parse a user-supplied or bundled list. Accepts our compact format, one host per line, hosts-file lines
 * ("0.0.0.0 host"), URLs (the host, or host + path), "||host^" and comments (#, !). `source` names the
 * list (its kind — gambling/phishing/threat — is inferred from it for plain files).
 */
export function parseBlocklist(text: string, source: string): ParseResult {
  if (typeof text !== 'string' || text.length === 0) {
    return { ok: false, error: 'Tệp danh sách chặn đang trống, hãy chọn tệp có ít nhất một tên miền.' };
  }
  if (text.length > MAX_IMPORT_CHARS) {
    return { ok: false, error: 'Tệp danh sách chặn quá lớn (trên 40 MB), hãy chọn tệp nhỏ hơn.' };
  }
  if (text.includes('\u0000')) {
    return { ok: false, error: 'Tệp này không phải văn bản, hãy chọn tệp .txt mỗi dòng một tên miền.' };
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = body.split(/\r?\n/);
  let b: Builder;
  try {
    b = lines[0].trim() === COMPACT_MAGIC ? parseCompact(lines, source) : parsePlain(lines, source);
  } catch {
    return { ok: false, error: 'Tệp danh sách chặn có quá nhiều danh sách con (tối đa 31).' };
  }
  if (b.count === 0) {
    return {
      ok: false,
      error: 'Không tìm thấy tên miền hợp lệ nào trong tệp, hãy chọn tệp mỗi dòng một tên miền (ví dụ: trang-lua-dao.com).',
    };
  }
  return { ok: true, blocklist: b.build(source), count: b.count };
}

/** Fast load of the bundled compact file (or any accepted format); throws if the file is unusable. */
export function loadBlocklist(text: string, source = 'bundled'): HostBlocklist {
  const r = parseBlocklist(text, source);
  if (!r.ok) throw new Error(r.error);
  return r.blocklist;
}

/** Merge two blocklists. Ours are merged entry by entry; any other Blocklist is chained (a first, then b). */
export function mergeBlocklists(a: Blocklist, b: Blocklist): Blocklist {
  if (a instanceof HostBlocklist && b instanceof HostBlocklist && a.lists.length + b.lists.length <= MAX_LISTS) {
    const out = new Builder();
    for (const src of [a, b]) {
      const bits = src.lists.map((l) => out.addList(l));
      const remap = (mask: number) => {
        let m = 0;
        for (let i = 0; i < bits.length; i++) if (mask & (1 << i)) m |= bits[i];
        return m;
      };
      for (const [h, mask] of src.hosts) out.addHost(h, remap(mask));
      for (const [h, arr] of src.paths) for (const [p, mask] of arr) out.addPath(h, p, remap(mask));
    }
    return out.build(`${a.source} + ${b.source}`);
  }
  return {
    size: a.size + b.size,
    source: `${a.source} + ${b.source}`,
    lookup: (host: string) => a.lookup(host) ?? b.lookup(host),
  };
}

// --- Serialising (compact format) ------------------------------------------------------------------------

function reversedKey(host: string): string {
  return host.split('.').reverse().join('.');
}

/**
 * Compact format: "#zgg-blocklist 1", then per list "@list NAME KIND", then hosts sorted by reversed labels
 * and grouped by TLD ("~com" then "evil", "a.b.other"; "~" + full "host/path" lines for URL entries).
 * Hosts whose parent domain is in the same list are dropped (the parent already matches them).
 */
export function serializeBlocklist(bl: HostBlocklist, headerComments: readonly string[] = []): string {
  const out: string[] = [COMPACT_MAGIC, ...headerComments.map((c) => `# ${c}`)];
  // Lists of the same class (gambling vs everything else) share matches: a host (or a child of a host)
  // already written for an earlier list of the class is not repeated, so overlapping upstream lists cost
  // nothing. Gambling stays separate because it adds a category.
  const written = new Map<string, Set<string>>();
  bl.lists.forEach((meta, i) => {
    const bit = 1 << i;
    const cls = meta.kind === 'gambling' ? 'gambling' : 'danger';
    const done = written.get(cls) ?? new Set<string>();
    written.set(cls, done);
    const hosts = [...bl.hosts].filter(([, m]) => m & bit).map(([h]) => h);
    const inList = new Set(hosts);
    const covered = (h: string, includeSelf: boolean) => {
      if (includeSelf && done.has(h)) return true;
      for (let d = h.indexOf('.'); d >= 0; d = h.indexOf('.', d + 1)) {
        const parent = h.slice(d + 1);
        if (parent.includes('.') && (inList.has(parent) || done.has(parent))) return true;
      }
      return false;
    };
    const kept = hosts.filter((h) => !covered(h, true));
    const keyed = kept.map((h) => [reversedKey(h), h] as const).sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
    out.push(`@list ${meta.name} ${meta.kind}`);
    let tld: string | null = null;
    for (const [, h] of keyed) {
      const dot = h.lastIndexOf('.');
      const t = h.slice(dot + 1);
      if (t !== tld) {
        out.push(`~${t}`);
        tld = t;
      }
      out.push(h.slice(0, dot));
    }
    const urls: string[] = [];
    for (const [h, arr] of bl.paths) {
      for (const [p, m] of arr) if (m & bit && !isCoveredByHost(h, inList) && !isCoveredByHost(h, done)) urls.push(`${h}${p}`);
    }
    if (urls.length) {
      out.push('~');
      out.push(...urls.sort());
    }
    for (const h of kept) done.add(h);
  });
  return `${out.join('\n')}\n`;
}

function isCoveredByHost(host: string, hosts: ReadonlySet<string>): boolean {
  for (let h = host; ; ) {
    if (hosts.has(h)) return true;
    const d = h.indexOf('.');
    if (d < 0) return false;
    h = h.slice(d + 1);
  }
}
