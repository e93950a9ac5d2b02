import { describe, expect, it } from 'vitest';
import { quotedSpans, retoldAgainst, retoldSpans, warnedPitchSpans } from '@/lib/rules/categories/quoted';
import { checkMessage, compileRuleset, DEFAULT_PACK } from '@/lib/rules';
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

describe('a pitch quoted under a warning\'s header', () => {
  it.each([
    ['"Cảnh báo" and a loan pitch', 'Cảnh báo bà con: có tài khoản lạ nhắn "bên em giải ngân 30 triệu trong ngày, chỉ cần đóng 500k phí hồ sơ" vào nhóm chợ'],
    ['"lưu ý" without diacritics', 'Ca nha luu y, may hom nay co nguoi goi noi "chi trung thuong tu lanh, gui 300k phi van chuyen la giao"'],
    ['"nhắc" to a group of members', 'Nhắc các mẹ: người ta đang rao "khóa học online cho bé, đóng trước 2 triệu giữ chỗ" trên mạng'],
    ['"coi chừng" in Southern wording', 'Coi chừng nghen bà con, có tụi nhắn «bao trúng đề, ghi 100k ăn 7 triệu»'],
  ])('%s: the quoted stretch is a mention', (_name, text) => {
    const ctx = ctxOf(text);
    expect(warnedPitchSpans(ctx).map(([a, b]) => text.slice(a, b))).toEqual(quotedSpans(text).map(([a, b]) => text.slice(a, b)));
  });

  it.each([
    ['a link anywhere: the bait passed on', 'Cảnh báo: tin "nhận quà tri ân tại quatang-tet.top" đang lan', [{ start: 28, end: 42 }]],
    ['the header far from the start', 'Hôm qua đi chợ về mệt quá mà còn phải nghe chuyện, lưu ý "vay nhanh 50 triệu không thế chấp"', []],
    ['no quotes', 'Cảnh báo: giải ngân 30 triệu trong ngày, đóng 500k phí hồ sơ', []],
    ['a header word inside a longer word', 'Nhạc chế hay lắm: "mua 1 tặng 1, ship tận nhà"', []],
  ])('not with %s', (_name, text, links) => {
    expect(warnedPitchSpans(ctxOf(text as string, links as unknown[]))).toEqual([]);
  });

  it('leaves rumours and insults to the stance check: "cảnh báo" spreads them as well', () => {
    const text = 'Cảnh báo cả xóm: "tối nay nhà máy xả khí độc, đóng hết cửa lại"';
    expect(warnedPitchSpans(ctxOf(text))).not.toEqual([]);
    expect(retoldSpans(ctxOf(text))).toEqual([]);
  });

  it('is no scam or betting for the engine, while the same pitch posted alone still is', () => {
    const rs = compileRuleset(DEFAULT_PACK);
    const pitch = '"Anh chị cần vay gấp, bên em giải ngân 30 triệu trong ngày, chỉ cần chuyển trước 500k phí hồ sơ vào stk 0451000123456"';
    const cats = (t: string) => checkMessage(t, rs).map((f) => f.category);
    expect(cats(pitch.slice(1, -1))).toContain('scam');
    expect(cats(`Cảnh báo bà con: có tài khoản lạ nhắn ${pitch} vào nhóm chợ`)).not.toContain('scam');
  });
});

describe('a received message told without quotes', () => {
  it.each([
    ['by the writer', 'Tui mới nhận tin nhắn báo tui được tặng tivi, phải đóng phí 900k. Ai nhận thì bỏ qua', 'tui được tặng tivi, phải đóng phí 900k'],
    ['by a relative, without diacritics', 'me em vua nhan cuoc goi noi me trung thuong, chuyen 500k phi van chuyen! em bao me tat may', 'me trung thuong, chuyen 500k phi van chuyen'],
    ['an amount\'s dots inside the sentence', 'Nhà tui nhận tin nhắn báo được hoàn 2.000.000đ tiền điện. Không tin nha', 'được hoàn 2.000.000đ tiền điện'],
  ])('%s: the rest of the sentence is a mention', (_n, text, told) => {
    expect(warnedPitchSpans(ctxOf(text)).map(([a, b]) => text.slice(a, b).trim())).toEqual([told]);
  });

  it.each([
    ['the reader addressed, as a pitch does', 'Quý khách nhận được tin nhắn báo trúng thưởng, vui lòng nộp phí 900k', []],
    ['a link anywhere', 'Em nhận tin nhắn báo trúng thưởng, vào quatang-tet.top nhận', [{ start: 35, end: 49 }]],
    ['the report far from the start', 'Hôm qua đi chợ mệt quá trời mà về đến nhà em nhận tin nhắn báo trúng thưởng', []],
  ])('not for %s', (_n, text, links) => {
    expect(warnedPitchSpans(ctxOf(text as string, links as unknown[]))).toEqual([]);
  });

  it('is no scam for the engine', () => {
    const rs = compileRuleset(DEFAULT_PACK);
    const text = 'Con vừa nhận tin nhắn thông báo con được hoàn tiền bảo hiểm 3 triệu, chỉ cần nộp phí xác minh 300k. Con không đưa link lên nhóm, mọi người nhận thì xóa';
    expect(checkMessage(text, rs).map((f) => f.category)).not.toContain('scam');
    expect(checkMessage('Quý khách được hoàn tiền bảo hiểm 3 triệu, chỉ cần nộp phí xác minh 300k', rs).map((f) => f.category)).toContain('scam');
  });
});
