/** III.2(1) – unverified news, rumours, fake alarms and chain messages. */
import { CATEGORY_CLAUSE } from '../../regulation/clauses';
import type { CategoryDefinition, EvalContext, SignalHit } from '../types';
import { retoldSpans } from './quoted';
import { hasInsider } from './insider';

// A member ASKING whether a rumour is true does not spread it as fact ("có ai biết thật không ạ?").
const QUESTION = /(?:có ai|ai biết|ai kiểm chứng|có đúng|đúng không|thật không|phải không|không ạ|hay lại|có thật|thật hả|chưa ạ|không vậy|không mọi người|không mn)[^.!\n]*\?|\?[^.!\n]*(?:ai biết|chỉ em|giúp em)/u;
// Asked without a question mark, as people type on a phone ("sắp thu hồi sổ đỏ có thật không ạ, nhà em sổ cũ").
const ASKS = /(?:có|là) (?:thật|đúng|chính xác) (?:không|ko|hông|hong|k)(?: ạ| vậy| nhỉ| mọi người| mn| các bác| cả nhà)?(?:[,.!…]|$)|(?:thật|đúng) hay (?:giả|đùa|không|ko|sai)/u;
// Denied by those who would know ("trung tâm y tế cho biết là không đúng", "đã đính chính"): a debunking, not the rumour.
const DEBUNKED = /(?:khẳng định|xác nhận|cho biết|thông báo|trả lời)(?: (?:là|rằng|đó là|tin này|tin đó))? (?:sai|không đúng|không có thật|không có chuyện|bịa đặt)|sai sự thật|không đúng sự thật|(?:đã|vừa) (?:bác bỏ|đính chính|bác tin)|(?:bảo|nói|cho biết|trả lời) (?:là )?(?:chưa|không) (?:có|hề có) (?:vụ|chuyện|việc|trường hợp) (?:nào|đó|này|đấy)/u;

// The same verdicts as people type them, read on the folded text so an accentless message counts too ("tin do la
// bia dat", "da xac nhan chua co lenh xa", "dung chia se", "xin dinh chinh", "khong co chu truong nay", "khong tin tin
// don"). "Là sai lầm/sai quy định" judges an act, not a story; "chưa có văn bản" is how a rumour admits it has none.
const DEBUNKED_FOLD =
  /(?:^|[^a-z])(?:(?:la|deu la|toan la|hoan toan) (?:sai(?! lam| quy| phep| luat| pham)|bia dat|khong dung|tin gia|tin vit|tin don nham)|xac nhan (?:la )?(?:chua|khong) co|dung (?:tin|chia se|lan truyen|share)(?! nhan| dung)|(?<!gia )dinh chinh(?! sach)|khong (?:he )?co chu truong|khong (?:nen )?tin (?:tin don|loi don|nhung tin|cac tin|may tin))(?![a-z])/;

// A call for blood donors ("cần máu nhóm O", "đơn vị máu", "hiến máu") names a patient, a ward and whom to call: a
// neighbour's appeal, not a story to spread. The hoax version asks to be passed on ("share càng nhiều càng tốt").
const BLOOD_APPEAL = /(?:^|[^a-z])(?:(?:can|thieu)(?: gap)?(?: \d+ (?:don vi|nguoi|bich|tui))?(?: (?:mau|nguoi))? nhom(?: mau)? (?:o|a|b|ab)|don vi mau|hien mau)(?![a-z])/;
const PASS_ON = /chia se|share|lan truyen|chuyen tiep|gui cho (?:nhieu|moi)/;

// A chain letter's order: pass it on to a count of people or groups ("gửi cho 15 người trong 1 giờ", "chép lại gửi đủ
// 9 nhóm", "chuyển đủ 12 người"). With a blessing or a curse of the chain's own (its terms), it is the chain itself.
const FORWARD_N = /(?:^|[^a-z])(?:gui|chuyen|chia se|chep|share)(?: [a-z]+){0,4}? (?:du )?\d{1,3} (?:nguoi|nhom|ban|group)(?![a-z])/;

// A named local official arrested, led away or fled ("ông chủ tịch xã bị công an tỉnh bắt hôm qua", "cán bộ địa chính
// bỏ trốn"), told by a member: news that only an official source can carry. Read on the folded text.
const OFFICIAL_HELD =
  /(?:chu tich|bi thu|truong thon|truong ban|can bo|giam doc|ke toan|dia chinh|truong cong an|truong phong)(?:[^.!?\n]){0,40}?(?:bi (?:cong an(?: (?:tinh|huyen|xa|quan|thanh pho))? )?(?:bat|cong tay|dua di|khoi to|tam giam|truy na)|bo tron)(?![a-z])/;

function debunked(ctx: EvalContext): boolean {
  return DEBUNKED.test(ctx.text.acc) || DEBUNKED_FOLD.test(ctx.text.fold);
}

function asksWhetherTrue(original: string, acc: string): boolean {
  return (original.includes('?') && QUESTION.test(acc)) || ASKS.test(acc);
}

export const unverifiedNews: CategoryDefinition = {
  id: 'unverified-news',
  clause: CATEGORY_CLAUSE['unverified-news'],
  label: 'Tin chưa kiểm chứng',
  explanation: 'Tin nhắn lan truyền tin đồn, tin chưa kiểm chứng hoặc tin giả gây hoang mang.',
  defaultSeverity: 'medium',
  actions: { low: 'remind', medium: 'delete', high: 'delete' },
  mentions: retoldSpans,
  needsHits: 'always',
  // A rumour in words of its own ("tiêm xong bị liệt", "nước kênh bỏ thuốc tẩy") when the model is this sure of it.
  modelWithoutHits: 0.7,
  textSignals: ['hearsay'],
  signals(ctx) {
    const out: SignalHit[] = [];
    // Clickbait rumours usually point to an unknown site: the link supports a rumour, never makes one.
    const links = ctx.links.filter((l) => l.category === 'strange-link');
    if (links.length > 0) out.push({ name: 'link', weight: ctx.weight('unverified-news', 'link', 0.2), spans: links.map((l) => ({ start: l.start, end: l.end })) });
    // At most one of the text-only detectors counts (0.4 each): the engine's fast exit allows 0.4 from the text alone.
    const alarm = ctx.hasGroup('unverified-news', 'alarm');
    if (alarm && !ctx.hasGroup('unverified-news', 'hearsay') && hasInsider(ctx.text.acc)) {
      // A claimed inside source ("người nhà em làm ở EVN") for an alarming claim.
      out.push({ name: 'hearsay', weight: ctx.weight('unverified-news', 'insider', 0.4), spans: [] });
    } else if (ctx.hasGroup('unverified-news', 'chain') && ctx.text.hasDigit && FORWARD_N.test(ctx.text.fold)) {
      out.push({ name: 'forward', weight: ctx.weight('unverified-news', 'forward', 0.4), spans: [] });
    } else if (alarm && OFFICIAL_HELD.test(ctx.text.fold)) {
      out.push({ name: 'official-held', weight: ctx.weight('unverified-news', 'official-held', 0.4), spans: [] });
    }
    return out;
  },
  adjust(ctx, score) {
    let s = score;
    if (ctx.official >= 1) s -= 0.7;
    if (ctx.warning >= ctx.warningThreshold) s -= 0.5;
    if (asksWhetherTrue(ctx.text.original, ctx.text.acc)) s -= 0.6;
    if (debunked(ctx)) s -= 1;
    if (BLOOD_APPEAL.test(ctx.text.fold) && !PASS_ON.test(ctx.text.fold)) s -= 1;
    // Phishing bait ("cập nhật… để tránh bị khóa tài khoản, chia sẻ cho người thân") is a scam, not a rumour,
    // unless someone is quoted as the source.
    if (ctx.baseScore('scam') >= 0.8 && !ctx.hasGroup('unverified-news', 'hearsay')) s -= 0.5;
    return s;
  },
  modelAllowed(ctx) {
    // The model learnt rumours' words; a member asking whether one is true ("tin đó có phải thật không mọi
    // người?") uses the same words to check it, and only the rules, which read the question, decide.
    return !asksWhetherTrue(ctx.text.original, ctx.text.acc) && !debunked(ctx);
  },
  severityFor(score, threshold) {
    return score >= threshold * 2 ? 'high' : 'medium';
  },
};
