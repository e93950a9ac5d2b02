import { describe, expect, it } from 'vitest';
import {
  DEFAULT_THRESHOLD,
  createSampleJudge,
  findSimilar,
  indexSamples,
  judgeBySamples,
  normaliseForSignature,
  signature,
  similarity,
} from '@/lib/moderation/similarity';

const PRIZE =
  'Chúc mừng số thuê bao của bạn đã trúng thưởng iPhone 16 Pro Max từ chương trình tri ân khách hàng. Vui lòng chuyển 990.000đ phí vận chuyển vào STK 1903 5678 9012 để nhận quà. Liên hệ 0912 345 678.';
const JOB =
  'Tuyển cộng tác viên chốt đơn online tại nhà, nhận hoa hồng 10-15% mỗi đơn, không cần kinh nghiệm, làm nhiệm vụ nạp tiền hoàn vốn trong ngày. Inbox Zalo 0987 654 321 để được hướng dẫn.';
const VNEID =
  'Bộ Công an thông báo: tài khoản định danh điện tử VNeID của bạn sắp bị khóa do chưa cập nhật thông tin. Truy cập https://vneid-capnhat.com/xacthuc?id=8812 để xác thực ngay trước 17h hôm nay.';
const LODE = 'Nhận ghi lô đề online, xiên 2 xiên 3, trả thưởng nhanh trong 5 phút, uy tín số 1, liên hệ Zalo 0868 999 888';
const POLICE =
  'Alo, đây là cán bộ viện kiểm sát, anh có liên quan đường dây ma túy, yêu cầu chuyển toàn bộ tiền vào tài khoản an toàn để phục vụ điều tra.';

describe('normaliseForSignature', () => {
  it.each([
    ['accents, case and spacing', 'Chúc   MỪNG  bạn', 'chucmungban'],
    ['phone formats collapse to #', 'gọi 0912.345.678 hoặc +84 912 345 678', 'goi#hoac#'],
    ['masked digits count as digits', 'gọi **** *** 678', 'goi#'],
    ['URL keeps only the host', 'vào https://vneid-capnhat.com/xacthuc?id=1 ngay', 'vaovneidcapnhatcomngay'],
    ['emoji and punctuation dropped', '🎁🎉 Nhận quà!!! ngay...', 'nhanquangay'],
    ['stretched letters squeezed', 'nhanhhhhh lênnnn', 'nhanhlen'],
    ['đ folds to d', 'Đăng ký đi', 'dangkydi'],
  ])('%s', (_l, input, expected) => {
    expect(normaliseForSignature(input)).toBe(expected);
  });
});

describe('similarity: reposted scams still match', () => {
  it.each([
    ['other phone, amount and account', PRIZE, PRIZE.replace('990.000đ', '1.200.000đ').replace('1903 5678 9012', '0071 0001 2345').replace('0912 345 678', '0987.654.321')],
    ['emoji and exclamation marks', PRIZE, `🎁🎉 ${PRIZE.replace('khách hàng.', 'khách hàng!!!')} 🎁`],
    ['a word swapped', PRIZE, PRIZE.replace('iPhone 16 Pro Max', 'Samsung Galaxy S24')],
    ['typed without accents', PRIZE, 'Chuc mung so thue bao cua ban da trung thuong iPhone 16 Pro Max tu chuong trinh tri an khach hang. Vui long chuyen 990k phi van chuyen vao STK 19035678 9012 de nhan qua. Lien he 0912345678.'],
    ['odd spacing, last sentence dropped', PRIZE, 'Chúc  mừng   số thuê bao của bạn   đã trúng thưởng iPhone 16 Pro Max từ chương trình tri ân khách hàng. Vui lòng chuyển 990.000đ phí vận chuyển để nhận quà.'],
    ['ALL CAPS', JOB, JOB.toUpperCase()],
    ['job scam, new phone and percent', JOB, JOB.replace('10-15%', '20%').replace('0987 654 321', '0966.111.222')],
    ['phishing with another domain and path', VNEID, VNEID.replace('https://vneid-capnhat.com/xacthuc?id=8812', 'vneid-capnhat.net/verify')],
    ['phishing with deadline changed', VNEID, VNEID.replace('17h hôm nay', '12h ngày mai')],
    ['lottery with line breaks', LODE, LODE.replace(/, /g, '\n')],
    ['police impersonation, pronoun swapped', POLICE, POLICE.replace('anh có', 'chị có')],
    ['already redacted snapshot vs raw', PRIZE, PRIZE.replace('0912 345 678', '**** *** 678').replace('1903 5678 9012', '**** **** *012')],
  ])('%s', (_l, a, b) => {
    expect(similarity(signature(a), signature(b))).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
  });
});

describe('similarity: different messages do not match', () => {
  it.each([
    ['a warning about the same scam', PRIZE, 'Cảnh giác: kẻ gian gửi tin nhắn giả mạo báo trúng thưởng iPhone, yêu cầu chuyển phí vận chuyển để nhận quà. Bà con tuyệt đối không chuyển tiền.'],
    ['a short version of the scam', PRIZE, 'Chúc mừng số thuê bao 0912 345 678 trúng iPhone 16, vui lòng chuyển 990.000đ phí vận chuyển để nhận quà.'],
    ['two different scams', PRIZE, JOB],
    ['phishing vs official guidance', VNEID, 'Hướng dẫn bà con cập nhật thông tin trên ứng dụng VNeID chính thức tải từ kho ứng dụng, tuyệt đối không bấm vào đường link lạ.'],
    ['meeting notice vs scam', PRIZE, 'Kính mời đại diện các hộ gia đình dự họp thôn lúc 8h sáng Chủ nhật tại nhà văn hóa để bàn việc làm đường bê tông.'],
    ['lottery vs football news', LODE, 'Giải bóng đá thiếu niên thôn khai mạc chiều Chủ nhật, mời bà con ra cổ vũ, trao thưởng cho đội nhất.'],
    ['two meeting notices for different things', 'Kính mời đại diện các hộ gia đình dự họp thôn lúc 8h sáng Chủ nhật tại nhà văn hóa để bàn việc làm đường bê tông.', 'Hội người cao tuổi họp định kỳ quý IV vào sáng thứ Ba tuần sau tại nhà văn hóa thôn.'],
  ])('%s', (_l, a, b) => {
    expect(similarity(signature(a), signature(b))).toBeLessThan(0.4);
  });

  it.each([
    ['ok ạ', 'ok ạ'],
    ['Vâng', 'Vâng'],
    ['cảm ơn ạ', 'cảm ơn ạ'],
  ])('short texts never match, even identical: %s', (a, b) => {
    expect(similarity(signature(a), signature(b))).toBe(0);
  });

  it('is symmetric and 1 for the same text', () => {
    const [a, b] = [signature(PRIZE), signature(JOB)];
    expect(similarity(a, b)).toBe(similarity(b, a));
    expect(similarity(a, a)).toBe(1);
  });
});

describe('findSimilar / judgeBySamples', () => {
  const samples = [
    { id: 'prize', kind: 'violation' as const, signature: signature(PRIZE) },
    { id: 'job', kind: 'violation' as const, signature: signature(JOB) },
    {
      id: 'market',
      kind: 'clean' as const,
      signature: signature('Chợ phiên thôn Đông sáng Chủ nhật có bán cây giống, bà con ai cần thì ra sớm, hợp tác xã hỗ trợ vận chuyển.'),
    },
  ];

  it.each([
    ['reposted prize scam', PRIZE.replace('0912 345 678', '0977 000 111'), 'violation', 'prize'],
    ['reposted job scam', JOB.replace('Inbox Zalo', 'Kết bạn Zalo'), 'violation', 'job'],
    ['the dismissed market notice again', 'Chợ phiên thôn Đông sáng Chủ nhật có bán cây giống, bà con ai cần thì ra sớm, hợp tác xã hỗ trợ vận chuyển!', 'clean', 'market'],
    ['unrelated message', 'Trạm y tế xã thông báo lịch tiêm vắc xin sởi cho trẻ từ 1 đến 5 tuổi vào sáng thứ Năm.', 'none', undefined],
  ])('%s → %s', (_l, text, verdict, id) => {
    const v = judgeBySamples(text, samples);
    expect(v.verdict).toBe(verdict);
    if (v.verdict !== 'none') expect(v.match.sample.id).toBe(id);
    // The prebuilt judge agrees with the one-off function.
    expect(judge(text)).toEqual(v);
  });

  const judge = createSampleJudge(samples);

  it('a clean sample wins over an equally close violation sample', () => {
    const both = [
      { kind: 'violation' as const, signature: signature(PRIZE) },
      { kind: 'clean' as const, signature: signature(PRIZE) },
    ];
    expect(judgeBySamples(PRIZE, both).verdict).toBe('clean');
    expect(createSampleJudge(both)(PRIZE).verdict).toBe('clean');
  });

  it('returns the best match above the threshold, or null', () => {
    expect(findSimilar(PRIZE, samples)?.sample.id).toBe('prize');
    expect(findSimilar(PRIZE, samples, 1.01)).toBeNull();
    expect(findSimilar('ok', samples)).toBeNull();
    expect(findSimilar(PRIZE, [])).toBeNull();
  });
});

describe('indexSamples', () => {
  const texts = [PRIZE, JOB, VNEID, LODE, POLICE];
  const samples = texts.map((t, i) => ({ id: i, signature: signature(t) }));
  const index = indexSamples(samples);
  it.each([
    ['prize variant', PRIZE.replace('iPhone 16 Pro Max', 'Samsung Galaxy S24')],
    ['job variant', JOB.toUpperCase()],
    ['phishing variant', VNEID.replace('17h hôm nay', '12h ngày mai')],
    ['police variant', POLICE.replace('anh có', 'chị có')],
    ['unrelated', 'Trạm y tế xã thông báo lịch tiêm vắc xin sởi cho trẻ từ 1 đến 5 tuổi vào sáng thứ Năm.'],
    ['too short', 'ok ạ'],
  ])('gives the same answer as the linear scan: %s', (_l, text) => {
    const linear = findSimilar(text, samples);
    const indexed = index.findSimilar(text);
    expect(indexed?.sample.id).toBe(linear?.sample.id);
    expect(indexed?.score).toBe(linear?.score);
  });
});
