import { describe, expect, it } from 'vitest';
import { quotedSpans, retoldAgainst } from '@/lib/rules/categories/quoted';
import type { EvalContext } from '@/lib/rules/types';

// retoldAgainst reads only the original text and whether it has links; each call gets a new context, as each
// message does.
const ctxOf = (original: string, links: unknown[] = []) => ({ text: { original }, links }) as unknown as EvalContext;

describe('quoted stretches', () => {
  it('finds straight, curly and guillemet quotes of two characters or more (a word talked about: chữ "dm"), and nothing shorter', () => {
    const t = 'Tin "mai nghỉ học" và “cắt điện 3 ngày” với «nộp phí ngay», chữ "dm" thôi, còn "x" thì không';
    expect(quotedSpans(t).map(([a, b]) => t.slice(a, b))).toEqual(['"mai nghỉ học"', '“cắt điện 3 ngày”', '«nộp phí ngay»', '"dm"']);
    expect(quotedSpans('không có ngoặc kép nào')).toEqual([]);
  });
});

describe('wording retold against: a stance outside the quotes', () => {
  it.each([
    ['a debunk', 'Tin "mai xả lũ, cả thôn ngập 2m" là sai, huyện chưa có lệnh nào'],
    ['a debunk without diacritics', 'tin "mai xa lu ca thon ngap" la bia dat nhe ca nha'],
    ['a verdict', 'Mấy nhóm "soi cầu chuẩn 99%" toàn lừa cả'],
    ['advice not to follow it', 'Ai nhắn "vay nhanh chỉ cần CCCD" thì đừng liên hệ nhé'],
    ['advice not to act on it by oneself', 'Có số lạ nhắn "em gửi nhầm 2 triệu, anh chuyển lại giúp em" thì đừng tự chuyển lại, ra ngân hàng hỏi'],
    ['a note that a word is no swear word', 'Chữ "vãi cả chưởng luôn" của ông Tư là khen đấy, không phải chửi'],
    ['the admin\'s moderation', 'Tin "bán sim số đẹp giá rẻ" admin đã xóa, đăng nữa là mời ra'],
    ['"đừng" with any verb, written with accents', 'Trên mạng người ta gọi nhau "đồ nhà quê" suốt, mình đừng bắt chước trong nhóm xóm nhé'],
    ['"chớ" with a verb', 'Ai gửi "việc nhẹ lương cao 500k/ngày" thì chớ dại mà vào'],
    ['a message received, reported', 'Sáng nay mẹ em nhận được tin nhắn lạ: "Bạn trúng thưởng xe máy, nộp 1,5 triệu phí trước bạ để nhận xe", nhà em làm gì có bốc thăm'],
    ['a call received, reported without diacritics', 'Chu Sau vua nhan cuoc goi "day la cong an huyen, ong co lien quan duong day rua tien" roi hoang qua'],
  ])('%s', (_name, text) => {
    expect(retoldAgainst(ctxOf(text))).toBe(true);
  });

  it.each([
    ['no quotes', 'Tin mai xả lũ là sai, huyện chưa có lệnh nào'],
    ['the stance only inside the quotes', 'Nghe nói "đừng chia sẻ, mai xả lũ cả thôn ngập" đấy mọi người'],
    ['a worry word, with which rumours spread', 'Nghe nói "mai cắt điện cả xã 5 ngày", cẩn thận nhé, cảnh báo cho người nhà'],
    ['a stance word inside a longer word', 'Ông "Ba Lúa Giống" bảo laisai gì đó, chẳng hiểu'],
    ['a pitch\'s own hurry, "đừng bỏ lỡ"', 'Quà tặng "nạp 100k nhận 300k" chỉ hôm nay, đừng bỏ lỡ anh em ơi'],
    ['"dung" without accents, also "đúng"', 'Nó bảo "cả xóm sắp bị thu hồi đất" dung roi do, tin chuẩn'],
    ['a message received somewhere else in the text', 'Chia sẻ gấp "mai cắt điện toàn huyện 3 ngày", em nhận tin từ người quen làm điện lực'],
  ])('not for %s', (_name, text) => {
    expect(retoldAgainst(ctxOf(text))).toBe(false);
  });

  it('not for a message received and passed on with its link', () => {
    const text = 'Em nhận tin "Tài khoản của bạn bị khóa, xác minh tại vcb-xacminh.top" có ai bị chưa';
    expect(retoldAgainst(ctxOf(text))).toBe(true);
    expect(retoldAgainst(ctxOf(text, [{ start: 40, end: 56 }]))).toBe(false);
  });
});
