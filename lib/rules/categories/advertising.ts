/** III.2(4) – advertising, classifieds, personal commercial services. */
import { CATEGORY_CLAUSE } from '../../regulation/clauses';
import { MENTION_SHARE, type CategoryDefinition, type SignalHit } from '../types';
import { quotedPitch, warnedPitchSpans } from './quoted';
import { lotteryTalk } from './gambling-fortune';
import { operatorOwnIn } from './transactional';

/** Groups that support an ad but are not one on their own. */
/**
 * The opt-out line every advertising SMS must end with ("Từ chối nhận tin soạn TC gửi 1418", "Tu choi QC soan TC
 * gui 8136"), read on the folded text. The pack lists its words as allowed, so no category's words or model read it;
 * 0.4, within the text-only allowance of the engine's fast exit.
 */
const AD_FOOTER = /tu choi (?:nhan tin|qc|quang cao)[^.\n]{0,20}?soan tc(?![a-z])/;
const CONTACT_ONLY: ReadonlySet<string> = new Set(['contact', 'promo', 'priceword']);

/**
 * The writer or the writer's family as the buyer ("nhà em mua ở đây", "bà tui mua 2 tờ", "em hỏi giá rồi") or a
 * shopper telling what the market had ("đi chợ thấy cá bớp giá rẻ"): a neighbour's word, which a seller does not
 * write. ("Chị em mua lẻ" is a seller's address to women, so
 * "chị"/"anh" are not among the family words.) Read on the folded text.
 */
const BUYER_VOICE =
  /(?:^|[^a-z])(?:(?:nha|ba|me|bo|ong|vo|chong|con) (?:em|minh|toi|tui) (?:da |vua |moi |cung )?mua|(?:em|minh|toi|tui) (?:da |vua |moi |cung )?(?:mua (?:o|tai|cua|ben)|hoi gia)|mua (?:o|tai) (?:day|do)|(?:di|ra) cho (?:thay|nghe))(?![a-z])/;

/** BUYER_VOICE behind a substring test: its leading alternation leaves the regex engine no literal to scan for. */
function buyerVoice(fold: string): boolean {
  return (fold.includes('mua') || fold.includes('hoi gia') || fold.includes('cho thay') || fold.includes('cho nghe')) && BUYER_VOICE.test(fold);
}

/** Scam groups that dress the scam as a commercial offer. */
const OFFER_GROUPS: readonly string[] = ['loan', 'job', 'invest', 'recovery', 'illegal'];

export const advertising: CategoryDefinition = {
  id: 'advertising',
  clause: CATEGORY_CLAUSE['advertising'],
  label: 'Quảng cáo, rao vặt',
  explanation: 'Tin nhắn quảng cáo bán hàng, rao vặt hoặc chào mời dịch vụ cá nhân, trái quy chế nhóm.',
  defaultSeverity: 'low',
  actions: { low: 'remind', medium: 'delete', high: 'delete' },
  mentions: warnedPitchSpans,
  textSignals: ['service', 'offer'],
  signals(ctx) {
    const out: SignalHit[] = [];
    if (ctx.prices.length > 0) out.push({ name: 'price', weight: ctx.weight('advertising', 'price', 0.5), spans: ctx.prices.map((s) => ctx.original(s)) });
    if (ctx.phones.length > 0) out.push({ name: 'phone', weight: ctx.weight('advertising', 'phone', 0.3), spans: ctx.phones.map((s) => ctx.original(s)) });
    const footer = ctx.text.fold.includes('soan tc') ? AD_FOOTER.exec(ctx.text.fold) : null;
    if (footer) out.push({ name: 'ad-footer', weight: ctx.weight('advertising', 'ad-footer', 0.4), spans: [ctx.original({ start: footer.index, end: footer.index + footer[0].length })] });
    // Fortune-telling offered with a contact, a fee or a booking ("xem tử vi… lh thầy Tư") is a paid service;
    // a betting platform with a sign-up/deposit bonus is promoted like any product.
    const fortune = ctx.hasGroup('gambling-fortune', 'fortune') && ctx.baseScore('gambling-fortune') >= 0.8;
    const contact = ctx.hasGroup('advertising', 'contact') || ctx.hasGroup('advertising', 'promo') || ctx.phones.length > 0;
    const fee = ctx.prices.length > 0 || ctx.hasGroup('advertising', 'priceword') || ctx.hasGroup('gambling-fortune', 'service');
    const platform = ctx.hasGroup('gambling-fortune', 'betting') && (ctx.hasGroup('advertising', 'promo') || ctx.hasGroup('gambling-fortune', 'bonus'));
    // A booking with the master ("mời thầy về làm lễ", "đến thầy") is a paid service even without a price.
    const booking = ctx.hits('gambling-fortune').some((h) => h.term.group === 'service' && h.term.weight >= 0.4);
    // Paid tips: lottery/betting with a price and a fee word or a contact ("phí tham gia 1 triệu/tháng, ib").
    const paidTips = ctx.baseScore('gambling-fortune') >= 1 && ctx.prices.length > 0 && (ctx.hasGroup('advertising', 'priceword') || contact);
    if ((fortune && (contact || fee)) || (ctx.baseScore('gambling-fortune') >= 1 && platform) || paidTips) {
      // Evidence: the service or betting words the offer is made of.
      const spans = ctx.hits('gambling-fortune').filter((h) => h.term.weight > 0).map((h) => ctx.original(h));
      out.push({ name: 'service', weight: ctx.weight('advertising', 'service', 0.5) + (booking || paidTips ? 0.3 : 0), spans });
    }
    // A scam dressed as a commercial offer (loan, job, investment, paid recovery) is also an ad (dev d036), unless
    // the offer is only quoted to warn about it (a mention, see `mentions`).
    const scamOffer = OFFER_GROUPS.some((g) => ctx.hasGroup('scam', g));
    if (scamOffer && ctx.baseScore('scam') >= 0.8 && ctx.warning < ctx.warningThreshold && ctx.shareInside('scam', warnedPitchSpans(ctx)) < MENTION_SHARE) {
      const spans = ctx.hits('scam').filter((h) => OFFER_GROUPS.includes(h.term.group ?? '')).map((h) => ctx.original(h));
      out.push({ name: 'offer', weight: ctx.weight('advertising', 'offer', 1), spans });
    }
    return out;
  },
  adjust(ctx, score, groups) {
    let s = score;
    if (s >= 1 && quotedPitch(ctx, 'advertising')) s = s * 0.4;
    if (ctx.official >= 1) s -= 0.6;
    if (ctx.warning >= ctx.warningThreshold) s -= 1;
    // A recommendation with no number to call is no pitch.
    if (ctx.phones.length === 0 && buyerVoice(ctx.text.fold)) s -= 0.6;
    // A telco's own offer passed on ("Viettel: nạp thẻ … tặng 20%, LH 198") informs members of their own plan.
    if (operatorOwnIn(ctx)) s -= 1;
    // The lottery talked about, the seller named ("chú bán vé số đầu ngõ"), with no price or contact: nothing sold.
    if (lotteryTalk(ctx)) s -= 0.6;
    // Contact words alone ("ib em", "liên hệ") do not make an ad: something must be sold or priced.
    const substance = ctx.hits('advertising').some((h) => h.term.weight > 0 && !CONTACT_ONLY.has(h.term.group ?? ''));
    if (!substance && !groups.has('price') && !groups.has('service') && !groups.has('offer')) s -= 1;
    // Phishing bait ("tặng 2.000.000đ, đăng ký nhận tại…") is a scam, not an ad.
    if (!groups.has('offer') && ctx.baseScore('scam') >= 1 && !OFFER_GROUPS.some((g) => ctx.hasGroup('scam', g))) s -= 1;
    // Selling or passing on leaked records is a leak first ("dữ liệu khách hàng… 500k một file").
    if (ctx.baseScore('classified-info') >= 1 && !ctx.hasGroup('advertising', 'sale')) s -= 0.6;
    // Bookies, tips and betting invitations are gambling only unless something is sold (dev d044–d046).
    const gambling = ctx.baseScore('gambling-fortune') >= 1;
    if (gambling && !groups.has('service') && !ctx.hasGroup('advertising', 'sale')) s -= 1;
    return s;
  },
  modelAllowed: (ctx) => !operatorOwnIn(ctx),
  severityFor(score, threshold) {
    return score >= threshold * 2.5 ? 'medium' : 'low';
  },
};
