/**
 * Quoted wording: a scam or sales pitch retold inside quotation marks ("con đổi số mới, chuyển tạm 8 triệu")
 * is usually a story or a warning about it, not the pitch itself. So is one a member tells as received ("em vừa nhận
 * tin nhắn báo …"), quotes or not.
 */
import type { CategoryId } from '../categories';
import { foldString } from '../normalize/tables';
import { MENTION_SHARE, type EvalContext } from '../types';
import { originalFoldIn, perMessage } from './per-message';

// Two characters are enough: a single word quoted is a word talked about (chữ "dm" là viết tắt, kiểu "vl").
const QUOTED = /"[^"\n]{2,}"|“[^”\n]{2,}”|«[^»\n]{2,}»/g;

/**
 * The writer's stance against what they quote, in the folded text outside the quotes: a debunk ("là sai", "bịa
 * đặt", "chưa có văn bản"), a verdict ("toàn lừa", "phạm pháp", "tiếng lóng lô đề", "là từ ngữ thô tục"), advice not
 * to follow it ("đừng chia sẻ", "không ham", "tránh xa") or the admin's own moderation ("nội quy", "mời ra", "đã xóa
 * và chặn"). Worry words ("cẩn thận", "cảnh báo") are left out: a rumour spreads with them.
 */
const STANCE = new RegExp(
  `(?:^|[^a-z])(?:${[
    'la sai', 'sai su that', 'bia dat', 'bia ra', 'vo nghia', 'vo can cu', 'khong dung su that', 'khong co chuyen',
    'chua co (?:lenh|thong bao|van ban|quyet dinh|chu truong)', 'tin gia', 'la gia',
    'dung (?:tu )?(?:chia se|share|nghe|tin|bam|lien he|dinh|ham|goi|chuyen|nap|vao|tham gia|mua|gui lai)', 'la tin cu',
    'khong phai (?:chui|tuc)', '(?:chang|khong) bao gio (?:bat|doi|yeu cau|thu)', '(?:ko|khong) ham', 'tranh xa',
    'ma tranh', 'khong tham gia', 'cam (?:dang|tu ngu|gui|quang cao|chui)', 'khong dang', 'vi pham noi quy', 'noi quy',
    'moi ra', 'bao admin', 'admin (?:da )?xoa', 'da xoa', 'xoa (?:luon|ngay|di)', 'da an (?:tin|tin nhan|bai)', 'da chan', 'chan (?:luon|ngay)',
    '(?:la|toan|deu la|deu|thi) lua', 'lua dao', 'la chieu (?:cu|quen|lua)', '(?:cu|nen|hay) tu choi',
    // the admin's rule against the words, a denial or a check by the authority, or a question whether it is true
    'khong dung (?:tu|chu|nhung tu|cac tu)', 'khong co (?:vu|chuyen|viec)', 'da duoc (?:[a-z]+ ){0,3}xac minh',
    'khong ai (?:ban|thu|bat|doi)', 'khong thu (?:phi|tien|them)', 'la that (?:ha|khong)',
    'tieng long', 'pham phap', 'bi xu ly', 'hinh su', 'bao cong an',
    'la (?:tu ngu |ngon tu |loi |chu )?(?:tho tuc|tuc tiu)',
    // an authority's denial, the sender unmasked, the words named as examples, the game named for what it is
    '(?:khang dinh|xac nhan) khong', 'gia lam', '(?:tai khoan|nick) gia', 'bi hack',
    '(?:loi le|nhung tu|cac tu|nhung cau|cac cau) (?:nhu|kieu)', '(?:la|deu la|toan la|chinh la) (?:co bac|danh bac|lo de|ca do)',
  ].join('|')})(?![a-z])`,
);

/**
 * With accents, "đừng"/"chớ" is always advice against ("đừng mang mấy cái đó vào nhóm"), whatever verb follows; the
 * folded "dung" is also "đúng rồi" and "dùng", so STANCE names the verbs. Advice to act fast is a pitch's own wording.
 */
const ADVICE_AGAINST = /(?:^|[^\p{L}])(?:đừng|chớ) (?!(?:bỏ lỡ|quên|ngại|lo|chần chừ|chờ|để lỡ)(?!\p{L}))\p{L}/u;

/**
 * A message received, then quoted ("bố em vừa nhận tin nhắn: \"…\""): a report of what arrived, on the folded text
 * just before the first quote. Only with no link at all: passing on a received message with its live link passes
 * the bait on.
 */
const RECEIVED = /(?:^|[^a-z])nhan(?: duoc)? (?:tin|tin nhan|sms|cuoc goi|mess|inbox)(?![a-z])[^"“«]{0,40}$/;

/** Quoted stretches of the original text as [start, end) offsets. */
export function quotedSpans(text: string): Array<[number, number]> {
  if (text.indexOf('"') < 0 && text.indexOf('“') < 0 && text.indexOf('«') < 0) return [];
  const spans: Array<[number, number]> = [];
  QUOTED.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = QUOTED.exec(text))) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

const quotedOnce = perMessage((ctx) => quotedSpans(ctx.text.original));

/**
 * Does most of a category's positive term evidence (MENTION_SHARE of its weight) lie inside quotation marks: a pitch
 * retold? Each term counts once; groups in `ignore` (e.g. the authority a warning names) are left out.
 */
export function quotedPitch(ctx: EvalContext, category: CategoryId, ignore?: ReadonlySet<string>): boolean {
  return ctx.shareInside(category, quotedOnce(ctx), ignore) >= MENTION_SHARE;
}

/** Does the message quote wording and, outside the quotes, take a stance against it or report receiving it? */
export const retoldAgainst = perMessage((ctx): boolean => {
  const spans = quotedOnce(ctx);
  if (spans.length === 0) return false;
  const text = ctx.text.original;
  let outside = '';
  let at = 0;
  for (const [a, b] of spans) {
    outside += `${text.slice(at, a)} | `;
    at = b;
  }
  outside += text.slice(at);
  const fold = foldString(outside);
  if (STANCE.test(fold) || ADVICE_AGAINST.test(outside.toLowerCase())) return true;
  // (Folding keeps offsets, so the text before the first quote is the same stretch of `fold`.)
  return ctx.links.length === 0 && RECEIVED.test(fold.slice(0, spans[0]![0]));
});

/** The quoted stretches of a message retold against (none otherwise): a category's `mentions`. */
export function retoldSpans(ctx: EvalContext): ReadonlyArray<readonly [number, number]> {
  return retoldAgainst(ctx) ? quotedOnce(ctx) : [];
}

/**
 * A warning's header opening the message ("Cảnh báo:", "Cảnh giác", "Bà con lưu ý", "Nhắc chị em", "Coi chừng"),
 * with its accents or none at all (folded, "nhắc" would also be "nhạc"). Pitches do not open that way and then quote
 * themselves.
 */
const WARNING_HEADER =
  /^.{0,30}?(?:^|[^\p{L}])(?:cảnh báo|canh bao|cảnh giác|canh giac|lưu ý|luu y|nhắc|nhac|cẩn thận|can than|chú ý|chu y|coi chừng|coi chung|đề phòng|de phong)(?!\p{L})/u;

/**
 * A pitch quoted under a warning's header, with no link anywhere: what the warning is about. Only for pitches (scams,
 * sales, betting): a rumour or an insult spreads just as well under "cảnh báo", so those categories keep
 * `retoldSpans`. A live link passes the bait on, so any link keeps the quoted words the writer's own.
 */
const headedWarning = perMessage((ctx): boolean => {
  if (ctx.links.length > 0) return false;
  const spans = quotedOnce(ctx);
  return spans.length > 0 && WARNING_HEADER.test(ctx.text.original.slice(0, spans[0]![0]).toLowerCase());
});

/**
 * The writer or their family opening with a message they received, told without quotes ("Em vừa nhận tin nhắn báo
 * em trúng xe SH…", "mẹ tui nhận cuộc gọi nói…"), on the folded text: the rest of that sentence is what it said.
 */
const RECEIVED_TOLD =
  /^.{0,30}?(?:^|[^a-z])(?:em|toi|tui|minh|con|chau|me|bo|ba|ma|vo|chong|nha)(?: [a-z]+){0,3}? nhan(?: duoc)?(?: (?:1|mot|cai))? (?:tin nhan|cuoc goi|sms|tin) (?:bao|noi|keu|thong bao|xung)(?![a-z])/;
/** A sentence's end; a dot between digits belongs to an amount ("2.000.000đ"). */
const SENTENCE_END = /[.!?\n](?!\d)/g;

/** With no link and no quotes: the stretch a received message is told in (see RECEIVED_TOLD), if any. */
const toldReceived = perMessage((ctx): ReadonlyArray<readonly [number, number]> => {
  if (ctx.links.length > 0 || quotedOnce(ctx).length > 0) return [];
  const fold = originalFoldIn(ctx);
  const m = RECEIVED_TOLD.exec(fold);
  if (!m) return [];
  const start = m.index + m[0].length;
  SENTENCE_END.lastIndex = start;
  const end = SENTENCE_END.exec(fold);
  return [[start, end ? end.index : fold.length]];
});

/**
 * A pitch's `mentions`: the quoted stretches when retold against or quoted under a warning's header, or the sentence a
 * received message is told in.
 */
export function warnedPitchSpans(ctx: EvalContext): ReadonlyArray<readonly [number, number]> {
  if (retoldAgainst(ctx) || headedWarning(ctx)) return quotedOnce(ctx);
  return toldReceived(ctx);
}
