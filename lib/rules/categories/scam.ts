/** III.2(2) – scams: requests for OTP/money/logins combined with lures, impersonation, threats or strange links. */
import { CATEGORY_CLAUSE } from '../../regulation/clauses';
import { mentionScore, type CategoryDefinition, type EvalContext, type SignalHit } from '../types';
import { quotedPitch, warnedPitchSpans } from './quoted';
import { violatingLinks } from './strange-link';
import { benignNoticeIn } from './transactional';

/** Scam weight of a link that has no reason of its own. */
const UNVERIFIED_WEIGHT = 0.2;

// "chuyển/đóng/nộp/mượn … 6 triệu", "ck 500k": a money request with an amount, wherever the wording varies.
const TRANSFER = /(?:^| )(?:chuyển|chuyen|ck|gửi|nộp|nop|đóng|dong|nạp|nap|bắn|mượn|muon) (?:[^ ]+ ){0,3}\d[\d.,]* ?(?:k|tr|triệu|trieu|nghìn|ngàn|đ|đồng|củ)(?![a-zà-ỹđ])/;
// Salaries or returns far above village wages ("lương 70 triệu/tháng").
const BIG_PAY = /(?:^| )(?:lương|thu nhập|lãi|hoa hồng) (?:từ |lên tới |lên đến )?\d{2,3} ?(?:triệu|tr)(?![a-zà-ỹđ])/;

/** A money request with its amount ("chuyển tạm 8 triệu"); the price detector has found the amount first. */
function asksTransfer(ctx: EvalContext): boolean {
  return ctx.prices.length > 0 && TRANSFER.test(ctx.text.acc);
}

/** An official app store's own link (a lookalike of one has a reason, and is a strange link). */
const APP_STORE = /(?:^|[^a-z0-9.-])(?:apps\.apple\.com|play\.google\.com)\//;

/** Authorities are named by warnings too ("công an không bao giờ…"): not evidence of a quoted pitch. */
const AUTHORITY: ReadonlySet<string> = new Set(['impersonation', 'urgency']);

/** Asking a neighbour for a loan ("cho em mượn tạm 2 triệu, cuối tháng em gửi lại") is no story a scam tells. */
const BORROWING: ReadonlySet<string> = new Set(['cho em mượn', 'cho con mượn', 'cho cháu mượn', 'mượn tạm']);

/** The writer reporting a debt paid back, read on the folded text. */
const REPAID = /(?:^|[^a-z])(?:em|con|chau|toi|tui|minh) (?:da |vua |moi )?(?:chuyen khoan|chuyen|gui|nho [a-z]+ chuyen) (?:tra|lai)(?![a-z])(?:[^.!?\n]{0,60}?(?:roi|xong))?|(?:chuyen khoan|chuyen|gui) tra (?:roi|xong)/;

/** A loan asked for and nothing else a scam needs: no story of its own, no account, number, link or request. */
function neighbourLoan(ctx: EvalContext): boolean {
  const hits = ctx.hits('scam');
  if (!hits.some((h) => BORROWING.has(h.term.text)) || scamStory(ctx)) return false;
  if (ctx.accounts.length > 0 || ctx.phones.length > 0 || ctx.links.length > 0) return false;
  return !hits.some((h) => h.term.weight > 0 && (h.term.group === 'request' || h.term.group === 'payment' || h.term.group === 'urgency'));
}

/** A scam's story (a new number, an emergency, someone stuck), beyond the loan request itself. */
function scamStory(ctx: EvalContext): boolean {
  return ctx.hits('scam').some((h) => h.term.group === 'story' && !BORROWING.has(h.term.text));
}

export const scam: CategoryDefinition = {
  id: 'scam',
  clause: CATEGORY_CLAUSE['scam'],
  label: 'Lừa đảo',
  explanation: 'Tin nhắn có dấu hiệu lừa đảo, chiếm đoạt tài sản (yêu cầu chuyển tiền, mã OTP, mạo danh cơ quan hoặc dụ nhận thưởng).',
  defaultSeverity: 'high',
  actions: { low: 'remind', medium: 'delete', high: 'propose-removal' },
  mentions: warnedPitchSpans,
  needsHits: 'unless-links',
  // Only refused requests count: "chưa nhận tiền hỗ trợ" is not advice.
  negatedWarning: (h) => (h.term.group === 'request' || h.term.group === 'fee' ? 0.5 : 0),
  signals(ctx) {
    const out: SignalHit[] = [];
    // A link with a reason is evidence of phishing; an unverified link (or a weak sign) only a little context.
    // An invite to a sales group is advertising's business, not phishing: it weighs like an unverified link here.
    const violating = violatingLinks(ctx).filter((l) => l.reason !== 'group-invite');
    const strange = violating.length > 0 ? violating : ctx.links.filter((l) => l.category === 'strange-link');
    if (strange.length > 0) {
      const spans = strange.map((l) => ({ start: l.start, end: l.end }));
      // Only a link with a reason joins the 'link' combos ("tổng đài" + link): an unverified link beside a company's
      // hotline is how a water or power company points to its own site, and adds its small weight alone.
      if (violating.length > 0) out.push({ name: 'link', weight: ctx.weight('scam', 'link', 0.5), spans });
      else out.push({ name: 'unknown-link', weight: ctx.weight('scam', 'unknown-link', UNVERIFIED_WEIGHT), spans });
    }
    const scamLinks = ctx.links.filter((l) => l.category === 'scam').map((l) => ({ start: l.start, end: l.end }));
    if (scamLinks.length > 0) out.push({ name: 'scam-link', weight: ctx.weight('scam', 'scam-link', 0.4), spans: scamLinks });
    const asks = ctx.hasGroup('scam', 'request') || ctx.hasGroup('scam', 'payment');
    const pressure = ctx.hasGroup('scam', 'urgency') || ctx.hasGroup('scam', 'impersonation') || ctx.hasGroup('scam', 'lure');
    // Payment identifiers beyond URLs: an account number or phone next to payment/urgency words.
    if (ctx.accounts.length > 0 && (asks || pressure)) {
      out.push({ name: 'account', weight: ctx.weight('scam', 'account', 0.4), spans: ctx.accounts.map((s) => ctx.original(s)) });
    }
    if (ctx.phones.length > 0 && asks && pressure) {
      out.push({ name: 'phone', weight: ctx.weight('scam', 'phone', 0.2), spans: ctx.phones.map((s) => ctx.original(s)) });
    }
    const offer = ctx.hasGroup('scam', 'job') || ctx.hasGroup('scam', 'loan') || ctx.hasGroup('scam', 'invest') || ctx.hasGroup('scam', 'fee');
    if (ctx.prices.length > 0 && (asks || offer || ctx.hasGroup('scam', 'lure'))) {
      out.push({ name: 'money', weight: ctx.weight('scam', 'money', 0.2), spans: ctx.prices.map((s) => ctx.original(s)) });
    }
    if (asksTransfer(ctx)) out.push({ name: 'request', weight: ctx.weight('scam', 'transfer', 0.3), spans: [] });
    // It needs an amount, which the price detector has already found.
    if (ctx.prices.length > 0 && BIG_PAY.test(ctx.text.acc)) out.push({ name: 'job', weight: ctx.weight('scam', 'big-pay', 0.3), spans: [] });
    return out;
  },
  adjust(ctx, score) {
    // Warnings about scams ("cảnh giác", "không cung cấp OTP", "kẻ gian") are the admins' own advice.
    // Paid "recovery" of lost money speaks the victims' words ("cảnh giác", "ai từng bị lừa") and is the scam itself.
    const recoveryForFee = ctx.hasGroup('scam', 'recovery') && (ctx.hasGroup('scam', 'fee') || ctx.prices.length > 0);
    if (ctx.warning >= ctx.warningThreshold && !recoveryForFee) {
      // With no way to reach the sender (a link with a reason, a phone, an account, "nhắn em") the advice can be as
      // long as it likes ("các dấu hiệu: (1) … (2) … (3) …"): it is a list of scams, not one.
      const contact = ctx.hits('advertising').some((h) => h.term.group === 'contact' && h.term.weight >= 0.3);
      const reachable = contact || violatingLinks(ctx).length > 0 || ctx.phones.length > 0 || ctx.accounts.length > 0;
      if (!reachable) return Math.min(score - 1 - ctx.warning, 0.5);
      return score - 1 - ctx.warning;
    }
    // A loan asked of a neighbour with nowhere to send it (no account, number, link or request for a transfer).
    if (neighbourLoan(ctx)) return score - 0.6;
    // Money the writer has paid back ("con chuyển khoản trả rồi", "cháu gửi trả 200 nghìn"): nothing is asked.
    if (!scamStory(ctx) && ctx.phones.length === 0 && ctx.links.length === 0 && REPAID.test(ctx.text.fold)) return Math.min(score - 1, 0.5);
    // A bank/wallet/telco notice (balance change, delivered OTP, bill with a due date) informs, unless it carries a
    // link with a reason or asks what no bank asks by message (call a mobile, read the code back, pay a person).
    // With no link at all it leaves the reader nothing to do that a scam needs, however many scam words it names
    // ("Cục Thuế … hoàn thuế … về tài khoản đã đăng ký").
    if (score >= 1 && violatingLinks(ctx).length === 0 && benignNoticeIn(ctx)) return ctx.links.length === 0 ? Math.min(score - 1.2, 0.5) : score - 1.2;
    // Retelling a scam message in quotes ("con đổi số mới, chuyển tạm 8 triệu") to warn others.
    if (score >= 1 && quotedPitch(ctx, 'scam', AUTHORITY)) return mentionScore(score);
    // Official notices (trạm y tế, Tổ CNS, điện lực…) mention BHYT, miễn phí, tài khoản: without a strange link
    // or a request for codes/money they are information, not fraud.
    const strangeLink = ctx.links.some((l) => l.category === 'strange-link' || l.category === 'scam');
    if (!strangeLink && ctx.official >= 0.5) return score - 0.6;
    // "Tải app … trên App Store: https://apps.apple.com/…": an app from the official store, not a file from a stranger.
    if (!strangeLink && ctx.phones.length === 0 && ctx.accounts.length === 0 && APP_STORE.test(ctx.text.fold)) return score - 0.6;
    // Leaked records that happen to contain account numbers or fines are a leak, not a request for money.
    if (ctx.baseScore('classified-info') >= 1 && !ctx.hasGroup('scam', 'request') && !strangeLink) return score - 0.6;
    // A betting site's sign-up bonus is gambling advertising, not a scam, unless it impersonates someone. The site
    // shows in the words or in the link itself (a listed betting host, "nhacai-vn66.com").
    const betting = ctx.baseScore('gambling-fortune') >= 1 || ctx.links.some((l) => l.category === 'gambling-fortune');
    if (betting && !ctx.hasGroup('scam', 'impersonation')) return Math.min(score - 1, score * 0.5);
    // A rumour about new fees or taxes ("sắp đánh thuế… đọc chi tiết tại") is unverified news, not a request.
    if (ctx.baseScore('unverified-news') >= 1 && !ctx.hasGroup('scam', 'request')) return score - 0.6;
    return score;
  },
  // "con đổi số mới, mẹ chuyển tạm 8 triệu": a money request with its amount inside a scam's story is the pitch itself,
  // however ordinary the family words around it read to the model.
  // So is a request the pack marks as conclusive on its own ("chuyển vào tài khoản an toàn theo yêu cầu viện kiểm
  // sát") with no warning words: short, and its few words are common in the warnings the model learnt as clean.
  vetoProof: (ctx, flagged) =>
    flagged === 'scam' &&
    ((scamStory(ctx) && asksTransfer(ctx)) || (ctx.warning === 0 && ctx.hits('scam').some((h) => h.term.group === 'request' && h.term.weight >= 1))),
  modelAllowed(ctx) {
    // The model learned money and code words as scam words; on a genuine notice only the rules decide.
    return violatingLinks(ctx).length > 0 || !benignNoticeIn(ctx);
  },
  severityFor(score, threshold) {
    return score >= threshold * 1.5 ? 'high' : 'medium';
  },
};
