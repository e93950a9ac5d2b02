import { HostBlocklist, inferKind, type BlocklistKind } from './blocklist';
import { extractLinks } from './extract';
import { cleanDomainList, hostOrParentIn, isMalformedIdnLabel, isSameOrSubdomain, longestDomainMatch, parseHost, parseUrlAllowingMalformedIdn, type ParsedHost } from './host';
import { findLookalike, type Lookalike } from './lookalike';
import { KNOWN_GOOD } from './known-good';
import { decodePunycodeLabel } from './punycode';
import { OFFICIAL_DOMAINS, OFFICIAL_SUFFIXES, type OfficialKind } from './official-domains';
import type { AnalyseOptions, BlocklistHit, ExtractedLink, LinkFinding, LinkReason, LinkSeverity } from './types';

const OFFICIAL_SET: ReadonlySet<string> = new Set([...OFFICIAL_DOMAINS.map((o) => o.domain), ...OFFICIAL_SUFFIXES]);

export function isOfficialHost(host: string): boolean {
  return hostOrParentIn(host, OFFICIAL_SET);
}

export const SHORTENER_DOMAINS: readonly string[] = [
  'bit.ly', 'bitly.com', 'tinyurl.com', 'shorturl.at', 'shorturl.asia', 'cutt.ly', 'cutt.us', 'rb.gy', 'is.gd',
  'v.gd', 't.co', 'goo.gl', 's.id', 'tiny.cc', 'tiny.one', 'ow.ly', 'buff.ly', 't.ly', 'shorte.st', 'adf.ly',
  'bc.vc', 'rebrand.ly', 'tny.im', 'x.co', 'lnkd.in', 'shrtco.de', 'u.to', 'clck.ru', 'surl.li', 'urlz.fr',
  'short.gy', 'bom.so', 'gg.gg', 'qr.ae', 'rotf.lol', 'link1s.com', 'urlshortener.vn',
];

/** Free hosting where anyone gets a subdomain; phishing kits live there (weak signal). */
export const FREE_HOSTING_DOMAINS: readonly string[] = [
  'weebly.com', 'wixsite.com', 'blogspot.com', 'github.io', 'web.app', 'firebaseapp.com', 'netlify.app',
  'vercel.app', 'pages.dev', 'workers.dev', 'glitch.me', 'herokuapp.com', '000webhostapp.com', 'ngrok.io',
  'ngrok-free.app', 'sites.google.com', 'webflow.io', 'repl.co', 'onrender.com', 'square.site',
];

/** Cheap TLDs over-represented in the bundled phishing/gambling lists (weak signal). */
export const SUSPICIOUS_TLDS: ReadonlySet<string> = new Set([
  'xyz', 'top', 'club', 'icu', 'cyou', 'buzz', 'sbs', 'vip', 'cc', 'tk', 'ml', 'ga', 'cf', 'gq', 'site', 'online',
  'shop', 'live', 'fun', 'click', 'link', 'rest', 'bar', 'monster', 'cfd', 'lol', 'win', 'bet', 'casino', 'work',
  'pw', 'asia', 'life', 'store', 'space', 'website', 'today', 'info', 'mobi', 'download', 'zip', 'mov', 'pro', 'ink',
  'ws', 'su', 'cam', 'quest',
]);

const SHORTENER_SET: ReadonlySet<string> = new Set(SHORTENER_DOMAINS);
const FREE_HOSTING_SET: ReadonlySet<string> = new Set(FREE_HOSTING_DOMAINS);

const PRIVATE_IP_RE = /^(?:10\.|127\.|192\.168\.|172\.(?:1[6-9]|2\d|3[01])\.|169\.254\.)/;

const EXECUTABLE_RE = /\.(apk|apks|xapk|aab|exe|bat|cmd|msi|scr|jar|vbs|ps1|dmg|pkg)$/i;

/**
 * Phishing words in a subdomain, label or path (ASCII, hyphens/underscores optional). The first set asks for an
 * account or promises money and is a reason by itself; the second is common on honest shops and news sites too
 * ("khuyen-mai", "cap-nhat") and counts only with another sign or with lure words in the message.
 */
const PHISHING_WORDS = [
  'login', 'signin', 'sign-in', 'dang-nhap', 'xac-minh', 'xac-thuc', 'nhan-thuong', 'nhan-qua', 'trung-thuong',
  'hoan-tien', 'mo-khoa', 'khoa-tai-khoan', 'ekyc', 'verify', 'verification', 'update-account', 'unlock', 'otp',
  'nhan-tien',
];
const SOFT_PHISHING_WORDS = ['cap-nhat', 'qua-tang', 'tri-an', 'dinh-danh', 'secure', 'giai-ngan', 'vay-von', 'khuyen-mai'];
const wordsRe = (ws: readonly string[]) => new RegExp(`(?:^|[^a-z])(${ws.map((w) => w.replace(/-/g, '[-_]?')).join('|')})(?![a-z])`, 'i');
const PHISHING_RE = wordsRe(PHISHING_WORDS);
const SOFT_PHISHING_RE = wordsRe(SOFT_PHISHING_WORDS);

/**
 * A registrable name that looks made for one campaign: words joined by hyphens ("evn-hoantien"), letters and
 * digits mixed ("go88", "nhanqua2025"), or money/prize words in the name itself ("hotronongdan", "tritan").
 */
const THROWAWAY_WORDS = /hotro|nhanqua|quatang|tritan|khuyenmai|trungthuong|hoantien|nhantien|uudai|giaingan|lixi|kiemtien|dautu|vaytien|vaynhanh|nhanthuong|bonus|casino|nohu|taixiu|lode|soicau|nhacai|doithuong|freeship/;
/**
 * Betting words in a host's own name (nổ hũ, tài xỉu, nhà cái, game bài đổi thưởng, "k9bet"). "xoso" is left out:
 * the state lottery companies' sites carry it.
 */
const GAMBLING_NAME_RE = /(casino|nohu|taixiu|soicau|nhacai|doithuong|gamebai|(?<![a-z])\d*x?bet(?![a-z]))/;
function throwawayName(label: string): boolean {
  return label.includes('-') || (/\d/.test(label) && /[a-z]/.test(label)) || THROWAWAY_WORDS.test(label);
}

interface Invite {
  host: string;
  path: RegExp;
  name: string;
  severity: LinkSeverity;
}
const INVITES: readonly Invite[] = [
  { host: 't.me', path: /^\/(?:\+|joinchat\/)/, name: 'Telegram', severity: 'medium' },
  { host: 't.me', path: /^\/[^/]+/, name: 'Telegram', severity: 'low' },
  { host: 'telegram.me', path: /^\/./, name: 'Telegram', severity: 'low' },
  { host: 'zalo.me', path: /^\/g\/./, name: 'Zalo', severity: 'low' },
  { host: 'chat.whatsapp.com', path: /^\/./, name: 'WhatsApp', severity: 'medium' },
  { host: 'discord.gg', path: /^\/./, name: 'Discord', severity: 'medium' },
  { host: 'discord.com', path: /^\/invite\/./, name: 'Discord', severity: 'medium' },
];

const TARGET_WHAT: Record<OfficialKind, string> = {
  bank: 'ngân hàng',
  gov: 'cơ quan nhà nước',
  wallet: 'ví điện tử',
  service: 'doanh nghiệp dịch vụ',
  platform: 'ứng dụng',
  press: 'cơ quan báo chí',
  neutral: 'trang',
};

function reason(reasonId: string, category: LinkReason['category'], severity: LinkSeverity, explanation: string): LinkReason {
  return { reason: reasonId, category, severity, explanation };
}

/** A sign that makes the link a violation only next to lure words (see LinkReason.needsContext). */
function contextual(r: LinkReason): LinkReason {
  return { ...r, needsContext: true };
}

/** An invite to another group is ordinary (a sister group, the parents' group) unless the message sells or lures. */
function inviteReason(inv: Invite, host: string): LinkReason {
  return contextual(reason('group-invite', 'strange-link', inv.severity, `Link mời vào nhóm ${inv.name} bên ngoài (${host}), kèm lời mời chào kiếm tiền, quảng cáo hoặc cờ bạc.`));
}

function lookalikeReasons(host: string, l: Lookalike, boosted: boolean): LinkReason[] {
  const who = `${TARGET_WHAT[l.target.kind]} ${l.target.name}`;
  const serious = l.target.kind === 'bank' || l.target.kind === 'gov' || l.target.kind === 'wallet' || l.kind !== 'brand-token';
  const sev: LinkSeverity = serious || boosted ? 'high' : 'medium';
  const how =
    l.kind === 'homograph'
      ? `dùng chữ cái lạ nhìn giống hệt tên ${who} (hiện ra là “${l.evidence}”)`
      : l.kind === 'brand-token'
        ? `chứa tên ${who} nhưng không phải trang chính thức`
        : `viết gần giống tên ${who} (“${l.evidence}”) để đánh lừa người xem`;
  return [
    reason(`lookalike-${l.kind}`, 'strange-link', sev, `Tên miền ${host} ${how}.`),
    reason('impersonation', 'scam', sev, `Trang giả danh ${who} thường dùng để lừa lấy mật khẩu, mã OTP hoặc tiền của bà con.`),
  ];
}

function blocklistReasons(host: string, hit: BlocklistHit & { kind?: BlocklistKind }): LinkReason[] {
  const kind = hit.kind ?? inferKind(hit.list);
  const strange = reason(
    'blocklist',
    'strange-link',
    'high',
    kind === 'gambling'
      ? `Tên miền ${host} nằm trong danh sách trang cờ bạc, cá độ (${hit.list}).`
      : `Tên miền ${host} nằm trong danh sách trang lừa đảo, độc hại (${hit.list}).`,
  );
  if (kind === 'gambling') {
    return [strange, reason('blocklist-gambling', 'gambling-fortune', 'high', `Link dẫn tới trang cờ bạc, lô đề, cá độ trực tuyến ${host}.`)];
  }
  return [strange];
}

/** All reasons for one non-official, non-allowed link; weak signals escalate when they come together. */
function heuristicReasons(link: ExtractedLink, p: ParsedHost, url: URL, shorteners: ReadonlySet<string>): LinkReason[] {
  const out: LinkReason[] = [];
  const { host } = link;
  const path = decodeSafe(url.pathname);
  let signals = 0; // medium/strong signals seen so far, for escalating weak ones
  let strong = false;

  // '@' in the authority: "https://vietcombank.com.vn@evil.xyz" shows a trusted name but opens evil.xyz.
  const userinfo = url.username || url.password ? decodeSafe(`${url.username}${url.password ? `:${url.password}` : ''}`) : '';
  if (userinfo) {
    const looksLikeHost = /[a-z0-9-]+\.[a-z]{2,}/i.test(userinfo);
    out.push(
      reason(
        'at-sign',
        looksLikeHost ? 'scam' : 'strange-link',
        looksLikeHost ? 'high' : 'medium',
        looksLikeHost
          ? `Link ghi “${userinfo}” trước dấu @ để che giấu trang thật là ${host}.`
          : `Link có dấu @ trong địa chỉ, một cách che giấu trang thật ${host}.`,
      ),
    );
    signals++;
    strong ||= looksLikeHost;
  }

  if (p.isIp) {
    if (PRIVATE_IP_RE.test(host)) {
      out.push(reason('ip-host', 'strange-link', 'low', `Link dùng địa chỉ mạng nội bộ ${host}, chỉ mở được trong mạng gia đình (ví dụ trang cài đặt modem).`));
    } else {
      out.push(reason('ip-host', 'strange-link', 'medium', `Link dùng địa chỉ số ${host} thay cho tên miền, trang thật không làm vậy.`));
      signals++;
    }
  }

  if (EXECUTABLE_RE.test(path)) {
    const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
    out.push(
      reason('executable-download', 'strange-link', 'high', `Link tải thẳng tệp cài đặt .${ext} từ ${host}, không qua kho ứng dụng chính thức.`),
      reason('malware-download', 'scam', 'high', `Tệp .${ext} tải ngoài CH Play/App Store có thể là phần mềm độc hại chiếm quyền điện thoại, lấy tiền trong tài khoản.`),
    );
    signals++;
    strong = true;
  }

  if (hostOrParentIn(host, shorteners)) {
    out.push(reason('shortener', 'strange-link', 'medium', `Link rút gọn ${host} che giấu địa chỉ trang thật, cần kiểm tra trước khi bấm.`));
    signals++;
  }

  for (const inv of INVITES) {
    if (isSameOrSubdomain(host, inv.host) && inv.path.test(url.pathname)) {
      out.push(inviteReason(inv, host));
      break;
    }
  }

  const look = p.isIp ? null : findLookalike(p.labels);
  const weak: LinkReason[] = [];
  const tld = p.publicSuffix?.split('.').pop() ?? '';
  if (!p.isIp && SUSPICIOUS_TLDS.has(tld)) {
    weak.push(reason('suspicious-tld', 'strange-link', 'low', `Tên miền ${host} dùng đuôi .${tld} giá rẻ, hay gặp ở trang lừa đảo và cờ bạc.`));
  }
  const free = isFreeHosting(host, path);
  if (free) {
    weak.push(reason('free-hosting', 'strange-link', 'low', `Trang ${host} dựng trên dịch vụ web miễn phí, ai cũng tạo được.`));
  }
  if (p.labels.length >= 4) {
    weak.push(reason('deep-subdomain', 'strange-link', 'low', `Địa chỉ ${host} có quá nhiều tầng tên miền con, một kiểu đánh lừa người xem.`));
  }
  const betting = p.isIp ? null : GAMBLING_NAME_RE.exec(p.labels.join('.'));
  if (betting) {
    const why = `Tên miền ${host} mang chữ “${betting[1]}” của trang cờ bạc, cá cược.`;
    out.push(reason('gambling-name', 'strange-link', 'medium', why), reason('gambling-name', 'gambling-fortune', 'medium', why));
  }
  if (!p.isIp && p.labels.some(isMalformedIdnLabel)) {
    out.push(reason('malformed-idn', 'strange-link', 'high', `Tên miền ${host} giả dạng tên miền có dấu nhưng viết sai mã, không trang thật nào có địa chỉ này.`));
    signals++;
    strong = true;
  } else if (p.labels.some((l) => l.startsWith('xn--')) && !look) {
    weak.push(reason('idn', 'strange-link', 'low', `Tên miền ${host} viết bằng ký tự đặc biệt (IDN), dễ bị nhầm với trang khác.`));
  }
  if (!p.isIp && p.labels.some((l) => /(?:^|[^a-z])apk|apk(?:$|[^a-z])/.test(l))) {
    weak.push(reason('apk-name', 'strange-link', 'low', `Tên miền ${host} mang chữ “apk”, kiểu trang phát tán ứng dụng ngoài kho chính thức.`));
  }
  // Punycode labels ("xn--…") carry hyphens by construction: judge the name people see.
  if (!p.isIp && p.labels.some((l) => throwawayName(l.startsWith('xn--') ? (decodePunycodeLabel(l.slice(4)) ?? '') : l))) {
    weak.push(reason('throwaway-host', 'strange-link', 'low', `Tên miền ${host} đặt kiểu dùng một lần (ghép chữ, số, từ mời nhận tiền), hay gặp ở trang lừa đảo.`));
  }
  const phishingSource = `${p.labels.join('.')} ${path}`;
  const pm = PHISHING_RE.exec(phishingSource);
  const soft = pm ? null : SOFT_PHISHING_RE.exec(phishingSource);

  if (look) {
    out.push(...lookalikeReasons(host, look, signals > 0 || weak.length > 0 || Boolean(pm)));
    signals++;
    strong = true;
  }

  // Two weak signs together (a cheap TLD on a throwaway name, free hosting with "dang-nhap") are a reason by
  // themselves; one alone waits for lure words in the message.
  const word = pm?.[1] ?? soft?.[1];
  const totalSignals = signals + weak.length + (word ? 1 : 0);
  const escalate = totalSignals >= 2;
  for (const w of weak) out.push(escalate ? { ...w, severity: 'medium' } : contextual(w));
  if (word) {
    if (escalate) {
      out.push(
        reason(
          'phishing-words',
          'scam',
          strong ? 'high' : 'medium',
          `Địa chỉ ${host} có chữ “${word}” (đăng nhập, xác minh, nhận thưởng) kèm dấu hiệu lạ, kiểu trang lừa lấy tài khoản.`,
        ),
      );
    } else {
      const r = reason('phishing-words', 'strange-link', 'low', `Địa chỉ ${host} có chữ “${word}”, hay gặp ở trang lừa đăng nhập, cần xem kỹ.`);
      out.push(pm ? r : contextual(r));
    }
  }
  return out;
}

/** "zalo.me/g/abc123" entries, compared without scheme, "www." or a trailing slash; invite codes are case-sensitive. */
export function inviteKey(host: string, path: string): string {
  return `${host.toLowerCase().replace(/^www\./, '')}${path.replace(/\/+$/, '')}`;
}

function isOwnInvite(host: string, path: string, own: readonly string[] | undefined): boolean {
  if (!own || own.length === 0) return false;
  const key = inviteKey(host, path);
  return own.some((o) => {
    const s = o.trim().replace(/^[a-z]+:\/\//i, '');
    const slash = s.indexOf('/');
    return slash > 0 && inviteKey(s.slice(0, slash), s.slice(slash)) === key;
  });
}

function isFreeHosting(host: string, path: string): boolean {
  return hostOrParentIn(host, FREE_HOSTING_SET) || (host === 'sites.google.com' && path.length > 1);
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Judge already-extracted links (lets callers reuse one extraction). */
export function analyseExtracted(links: readonly ExtractedLink[], opts: AnalyseOptions = {}): LinkFinding[] {
  const allow = cleanDomainList(opts.allowDomains);
  const block = cleanDomainList(opts.blockDomains);
  const shorteners = opts.shorteners ? shortenerSet(opts.shorteners) : SHORTENER_SET;
  const out: LinkFinding[] = [];
  for (const link of links) {
    const f = analyseOne(link, allow, block, opts.blocklist, shorteners, opts.ownInvites);
    if (f) out.push(f);
  }
  return out;
}

/** Configured shortener lists are few and long-lived: build each set once. */
let lastShorteners: { list: readonly string[]; set: ReadonlySet<string> } | null = null;
function shortenerSet(list: readonly string[]): ReadonlySet<string> {
  if (lastShorteners?.list !== list) lastShorteners = { list, set: new Set(cleanDomainList(list)) };
  return lastShorteners.set;
}

/** The finding for one link; null for a weak match ("xong.Moi") that no list names. */
function analyseOne(
  link: ExtractedLink,
  allow: string[],
  block: string[],
  blocklist: AnalyseOptions['blocklist'],
  shorteners: ReadonlySet<string>,
  ownInvites: readonly string[] | undefined,
): LinkFinding | null {
  const p = parseHost(link.host);
  const url = parseUrlAllowingMalformedIdn(link.url)?.url ?? null;
  const path = url ? decodeSafe(url.pathname) : '';
  // Anyone can publish under free hosting (sites.google.com, *.web.app): never official or known, whatever the parent.
  const free = !p.isIp && isFreeHosting(link.host, path);
  const official = !p.isIp && !free && isOfficialHost(link.host);
  const knownGood = official || (!p.isIp && !free && KNOWN_GOOD.has(link.host, path.toLowerCase()));
  // Built field by field: object spread of an interface-typed value is several times slower on this hot path.
  const result = (findings: LinkReason[], known: boolean = knownGood): LinkFinding => ({
    start: link.start,
    end: link.end,
    url: link.url,
    host: link.host,
    registrableDomain: p.domain,
    official,
    known,
    findings,
  });
  const allowLen = longestDomainMatch(link.host, allow);
  const blockLen = longestDomainMatch(link.host, block);
  // Group overrides: the more specific entry wins; a tie goes to "block" (safer).
  if (blockLen > 0 && blockLen >= allowLen) {
    return result([reason('group-blocked', 'strange-link', 'high', `Tên miền ${link.host} nằm trong danh sách chặn riêng của nhóm.`)], false);
  }
  if (allowLen > 0) return link.weak ? null : result([], true);
  if (link.weak) {
    const hit = blocklist ? listed(blocklist, link) : null;
    return hit ? result(dedupe(blocklistReasons(link.host, hit)), false) : null;
  }
  if (!url) return result([]);
  if (knownGood) {
    // Official and known sites are never flagged by heuristics nor by list hits; only invites to other groups count.
    const inv = INVITES.find((i) => isSameOrSubdomain(link.host, i.host) && i.path.test(url.pathname));
    return result(inv && !isOwnInvite(link.host, url.pathname, ownInvites) ? [inviteReason(inv, link.host)] : []);
  }
  const findings: LinkReason[] = [];
  if (blocklist) {
    const hit = listed(blocklist, link);
    if (hit) findings.push(...blocklistReasons(link.host, hit));
  }
  // A listed host needs no weak signs beside the list's word (they would only repeat it).
  const heuristics = heuristicReasons(link, p, url, shorteners);
  const isListed = findings.length > 0;
  for (const r of heuristics) if (findings.length === 0 || (!r.needsContext && !(isListed && r.reason === 'gambling-name'))) findings.push(r);
  return result(dedupe(findings));
}

/** The list entry for the link: by URL for our own lists (they hold "host/path" entries), else by host. */
function listed(blocklist: NonNullable<AnalyseOptions['blocklist']>, link: ExtractedLink): (BlocklistHit & { kind?: BlocklistKind }) | null {
  return blocklist instanceof HostBlocklist ? blocklist.lookupUrl(link.url) : blocklist.lookup(link.host);
}

function dedupe(rs: LinkReason[]): LinkReason[] {
  const seen = new Set<string>();
  return rs.filter((r) => {
    const k = `${r.reason}|${r.category}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function analyseLinks(text: string, opts: AnalyseOptions = {}): LinkFinding[] {
  return analyseExtracted(extractLinks(text), opts);
}
