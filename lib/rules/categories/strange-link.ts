/**
 * III.2(2) – strange links, graded. A violation needs a reason: a blocklisted, lookalike or punycode host, a raw
 * IP, an executable download, a hiding shortener, phishing words in the address, two weak signs together, or one
 * weak sign (cheap TLD, free hosting, throwaway name, invite to another group) next to money, OTP, prize, betting
 * or sales words. A link with no reason is unverified: never a flag here (the overlay shows it as a grey chip).
 */
import { CATEGORY_CLAUSE } from '../../regulation/clauses';
import type { CategoryId, Severity } from '../categories';
import type { LinkSignal } from '../link-signals';
import type { CategoryDefinition, EvalContext, SignalHit } from '../types';
import { perMessage } from './per-message';

/** Categories whose own words make a weak link sign count ("nạp đầu tặng 100%: hi88-vn.bet", a channel taking orders from abroad). */
const LURE_CATEGORIES: readonly CategoryId[] = ['scam', 'gambling-fortune', 'advertising', 'sensitive-topic', 'unverified-news', 'classified-info'];

/**
 * Money, OTP, prize, betting and sales words in the folded (accentless) text. Ambiguous syllables are only taken
 * in pairs ("tien thuong", not "thuong", which is also "thường"/"thương").
 */
const LURE_WORDS: readonly string[] = [
  'otp', 'ma xac (?:thuc|minh|nhan)', 'mat khau', 'dang nhap', 'tai khoan', 'stk', 'so the', 'the atm', 'cccd', 'can cuoc',
  'chuyen khoan', 'chuyen tien', 'nap (?:tien|dau|the)', 'nop tien', 'thanh toan', 'rut (?:tien|ve)', 'nhan (?:tien|thuong|qua|ngay|lai)', 'hoan (?:tien|phi|thue)',
  'tien thuong', 'trung (?:thuong|giai)', 'qua tang', 'tang qua', 'voucher', 'giam gia', 'khuyen mai', 'uu dai', 'mien phi',
  'li ?xi', 'vay', 'giai ngan', 'lai suat', 'sinh loi', 'loi nhuan', 'hoa hong', 'chiet khau', 'kiem tien', 'thu nhap',
  'viec (?:lam|nhe)', 'ctv', 'cong tac vien', 'nhiem vu', 'le phi', '(?:nop|dong|mat) phi', 'phi (?:van chuyen|ho so|dich vu|kich hoat|thong quan)',
  'nhan ho tro', 'cuoc', 'keo', 'nha cai', 'casino', 'no hu', 'tai xiu', 'ban ca', 'lo de', 'soi cau', 'doi thuong', 'game bai',
  'dat hang', 'inbox', 'ib', 'sale', 'tri an', 'phan thuong',
];
const LURE_RE = new RegExp(`(?:^|[^a-z0-9])(?:${LURE_WORDS.map((w) => w.replace(/ /g, ' ?')).join('|')})(?![a-z])`);

function hasLure(ctx: EvalContext): boolean {
  if (ctx.prices.length > 0) return true;
  if (LURE_CATEGORIES.some((c) => ctx.baseScore(c) >= 0.6)) return true;
  return LURE_RE.test(ctx.text.fold);
}

function officialServiceLure(ctx: EvalContext): boolean {
  return ctx.prices.length > 0 || ctx.baseScore('scam') >= 0.6 || ctx.baseScore('gambling-fortune') >= 0.6;
}

const SEVERITY_RANK: Record<Severity, number> = { low: 0, medium: 1, high: 2 };

/** The strongest severity among the links that made the flag. */
export function strongestSeverity(links: readonly Pick<LinkSignal, 'severity'>[]): Severity | null {
  let best: Severity | null = null;
  for (const l of links) if (!best || SEVERITY_RANK[l.severity] > SEVERITY_RANK[best]) best = l.severity;
  return best;
}

/** Per message: strange-link and scam both ask (scam twice), and the context check reads the whole text. */
const violatingOnce = perMessage(findViolating);

/** The link signals that make this message a strange-link violation (empty: unverified or known links only). */
export function violatingLinks(ctx: EvalContext): LinkSignal[] {
  return ctx.links.length === 0 ? NONE : violatingOnce(ctx);
}

const NONE: LinkSignal[] = [];

function findViolating(ctx: EvalContext): LinkSignal[] {
  const out: LinkSignal[] = [];
  let lure: boolean | null = null;
  for (const l of ctx.links) {
    if (l.category !== 'strange-link' || l.reason === 'unknown-domain') continue;
    if (l.needsContext && !(lure ??= hasLure(ctx))) continue;
    // A commune body's own group ("lớp nấu ăn miễn phí của Hội phụ nữ, vào nhóm …") offers a free service the way an
    // advert would word it; it stays a lure only with a price or the words of a scam or betting.
    if (l.reason === 'group-invite' && ctx.official >= 0.3 && !officialServiceLure(ctx)) continue;
    out.push(l);
  }
  return out;
}

export const strangeLink: CategoryDefinition = {
  id: 'strange-link',
  clause: CATEGORY_CLAUSE['strange-link'],
  label: 'Link lạ',
  explanation: 'Tin nhắn có đường link lạ hoặc giả mạo, có thể dẫn tới trang lừa đảo hoặc mã độc.',
  defaultSeverity: 'high',
  actions: { low: 'remind', medium: 'delete', high: 'delete' },
  signals(ctx) {
    const out: SignalHit[] = [];
    for (const l of violatingLinks(ctx)) {
      const blocked = l.reason.startsWith('block') || l.reason.startsWith('group-block');
      out.push({ name: blocked ? 'link-blocked' : 'link', weight: ctx.weight('strange-link', 'link', 1), spans: [{ start: l.start, end: l.end }], severity: l.severity });
    }
    return out;
  },
  // An unverified link (no reason) is no evidence the model misses: a bank's or a shop's page beside a price.
  vetoProof: (ctx) => violatingLinks(ctx).length > 0,
  adjust(ctx, score, groups) {
    // A warning that names the fake site ("đừng bấm vneid-hotro.net, đó là lừa đảo") is advice, unless the host is blocklisted.
    if (ctx.warning >= ctx.warningThreshold && !groups.has('link-blocked')) return score - 1;
    return score;
  },
  severityFor(score, _threshold, base, signals) {
    // From the strongest finding, not the category: an invite to a sales group is "low", a fake bank site "high".
    return strongestSeverity((signals ?? []).filter((s): s is SignalHit & { severity: Severity } => s.severity !== undefined)) ?? (score >= 1 ? base : 'medium');
  },
};
