import { describe, expect, it } from 'vitest';
import { checkMessage, compileRuleset, DEFAULT_PACK } from '@/lib/rules/index';
import { asksLikeScam, isTransactionNotice } from '@/lib/rules/categories/transactional';
import { b64, tinyModel } from './tiny-model';
import { compileModel } from '@/lib/rules/model/compile';

const rs = compileRuleset(DEFAULT_PACK);
const cats = (text: string) => checkMessage(text, rs).map((f) => f.category);
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

// Wording written for this test, not taken from the corpora.
describe('transaction notices stay clean', () => {
  it.each([
    ['a credit with balance, no diacritics', 'SHB: 12/03 07:55 TK 1023xxx889 +750,000VND tu PHAM VAN DUC ND tien lua. SD 3,905,000VND'],
    ['a debit with balance, diacritics', 'Sacombank: TK 0401xxx đã trừ 99.000 VND phí thường niên thẻ lúc 00:05. Số dư khả dụng: 2.101.000 VND'],
    ['an e-wallet receipt', 'MoMo: Bạn đã nạp 100.000đ vào ví từ tài khoản ngân hàng. Số dư ví: 412.000đ'],
    ['an OTP for a transfer, kept secret', 'Ma OTP chuyen 2,000,000 VND den TK 0123xxxx la 551902, hieu luc 120 giay. Tuyet doi khong cung cap ma cho ai.'],
    ['a telco bill with due date', 'VinaPhone: cước tháng 02 của thuê bao 0913xxx456 là 212.000đ, hạn thanh toán 15/03. Thanh toán qua MyVNPT.'],
    ['an instalment reminder', 'Ky tra gop so 7 cua hop dong 5523xxxx la 980.000d, han 10/04. Quy khach thanh toan tai buu dien hoac ngan hang.'],
    ['a credit whose sign the matcher drops', 'BIDV 06/12 17:40 TK cuoi 2231 +1.250.000 VND ND: tien ban lon cho chu Tam'],
    ['a balance named in other words', 'TPBank: TK 0021xxx vua giam 300.000 VND thanh toan hoa don nuoc, so du con lai 4.880.000 VND'],
    ['a credit with the sender\'s memo', 'Tài khoản của bạn vừa nhận 2.000.000đ từ Hội Chữ thập đỏ xã. Nội dung: HO TRO SUA NHA SAU BAO'],
    ['an activation code kept secret', 'Ma kich hoat ung dung ngan hang so cua quy khach la 803114. Khong cung cap ma nay cho bat ky ai.'],
    ['a telco package switched on', 'Viettel thong bao: goi ST90 da duoc gia han thanh cong, cuoc 90.000d tru vao tai khoan goc. De huy soan HUY ST90 gui 191.'],
    ['a code the bank never asks for', 'VPBank: Ma OTP 730215 de xac nhan thanh toan 1,450,000 VND tai CHO TOT. VPBank khong bao gio yeu cau cung cap ma nay qua dien thoai.'],
    ['a sign-in alert', 'MyVNPT: tai khoan cua ban vua dang nhap tren thiet bi moi (Samsung A15). Neu khong phai ban, hay doi mat khau trong ung dung.'],
    ['a transfer with its memo', 'ZaloPay: Bạn đã chuyển 320.000đ đến TRAN VAN BINH (MB). Nội dung: tien giong ngo vu dong. Phí giao dịch: 0đ.'],
    ['a card renewed, with the hotline', 'BHXH tinh: the BHYT cua ong Le Van Tu da duoc gia han den 30/06/2027. Thac mac lien he tong dai 1900 9068.'],
    ['a failed transaction sent to the counter', 'Giao dịch nộp tiền điện 412.000đ của quý khách không thành công do tài khoản không đủ số dư. Vui lòng liên hệ chi nhánh gần nhất.'],
    ['a refund into the reader\'s account', 'Agribank: TK cua quy khach duoc hoan 11.000d phi SMS Banking thang 10 do tinh trung.'],
    ['an allowance credited, quoted by a member', 'Chị Na gửi: "Tài khoản của quý khách nhận tiền trợ cấp 1.080.000đ từ Phòng LĐTBXH huyện". Tháng này về sớm mọi người ạ'],
    ['a tax refund to the account on file', 'Cuc Thue: ho so hoan thue TNCN cua ong Ly Van Thanh da xu ly xong, so tien hoan 860.000d chuyen ve tai khoan da dang ky trong 5 ngay lam viec.'],
    ['a benefit paid into a named account', 'BHXH huyen: tien tro cap om dau 2.310.000d da chuyen vao TK cua ong HOANG VAN SU, de nghi ong kiem tra.'],
    ['a card to collect in person at a branch', 'Agribank: the ghi no cua quy khach het han 31/01. Moi quy khach mang CCCD toi phong giao dich gan nhat de doi the chip, khong mat phi.'],
    ['a SIM to update at the nearest shop', 'MobiFone: thuê bao của quý khách cần cập nhật ảnh chân dung. Vui lòng ra cửa hàng MobiFone gần nhất, mang theo căn cước.'],
    ['a carrier\'s delivery notice', 'GHTK: Đơn hàng S2231xxx của bạn đang được giao, shipper sẽ gọi trước 15 phút, vui lòng giữ máy.'],
    ['a delivery notice without diacritics', 'J&T Express: buu pham 8820xxx se duoc giao trong ngay 14/01, nguoi nhan vui long de y dien thoai.'],
    ['a refund credited to the reader', 'ShopeePay: Bạn nhận hoàn tiền 8.500đ từ đơn hàng bị hủy. Tiền đã về ví.'],
    ['a refund credited to the reader, no diacritics', 'Viettel Money: Ban vua nhan duoc 45.000d hoan tien uu dai thanh toan cuoc di dong.'],
    ['a pension paid in, with no amount', 'BHXH tinh Nghe An: Luong huu thang 01/2027 cua ba Tran Thi Xuan da duoc chi tra vao tai khoan Vietinbank ngay 04/01.'],
    ['a seed subsidy paid into the households\' accounts', 'Phòng Nông nghiệp huyện: tiền hỗ trợ giống lúa vụ xuân cho 40 hộ thôn Đồng Lạc đã chuyển vào tài khoản các hộ.'],
    ['a loan already disbursed to a household', 'Phòng giao dịch NHCSXH: khoản vay nuôi bò của hộ bà Lò Thị Ơn đã giải ngân 35.000.000đ qua tổ vay vốn thôn Nà Lừa.'],
    ['a payment already made, no diacritics', 'Kho bac huyen: da chuyen 12.400.000d tien boi thuong cay trong cho ho ong Ha Van Pu, de nghi ong ra xa ky bien nhan.'],
  ])('%s', (_n, text) => {
    expect(isTransactionNotice(fold(text))).toBe(true);
    expect(cats(text)).not.toContain('scam');
  });
});

describe('scams dressed as notices are still caught', () => {
  it.each([
    ['read the code back to a caller', 'TK cua quy khach bi tru 4.000.000d, SD 120.000d. Nhan vien se goi, quy khach doc ma OTP cho nhan vien de hoan tien.'],
    ['call a mobile number', 'So du tai khoan bi am -2.000.000d do loi he thong, goi ngay 0912 555 018 de duoc ho tro hoan tien.'],
    ['send back money received by mistake', 'Vietinbank: TK 1089xxx +6.500.000VND ND: em ck nham, nho anh chi hoan lai giup vao so tai khoan 0398 221 457 Vu Thi Hoa'],
    ['pay a fee to a person', 'Khoản vay 30 triệu đã duyệt, hạn giải ngân 20/05, chuyển 1 triệu phí hồ sơ vào tài khoản cán bộ để nhận tiền.'],
    ['pay a fee, an amount with dots, to receive money', 'Tài khoản của bạn được nhận 3.500.000đ tiền tri ân, vui lòng đóng phí 150.000đ để nhận trong hôm nay.'],
    ['give the code to a staff member', 'Ngân hàng thông báo quý khách được hoàn 1.800.000đ phí bảo hiểm, vui lòng cung cấp mã OTP cho nhân viên tư vấn.'],
    ['the fee named after what it is for', 'Ví của bạn có 2.400.000đ tiền thưởng. Để rút, nộp phí xác minh 60.000đ trong hôm nay.'],
    ['send money to a phone number', 'Hồ sơ hỗ trợ của ông đã duyệt, chuyển 300.000đ lệ phí vào số 0962 118 540 cho cán bộ xã.'],
    ['a fee to draw a loan "already disbursed"', 'Khoản vay của bạn đã được giải ngân 40.000.000đ, vui lòng nộp 2.000.000đ phí bảo hiểm để rút tiền về thẻ.'],
  ])('%s', (_n, text) => {
    expect(asksLikeScam(fold(text))).toBe(true);
  });

  it('a loan only approved, still to be disbursed, is no notice of a payment made', () => {
    expect(isTransactionNotice(fold('Hồ sơ vay của chị đã được duyệt 40.000.000đ, sẽ giải ngân 40.000.000đ khi chị hoàn tất thủ tục'))).toBe(false);
  });

  // A delivery notice is only one while it names no payment: a fake one asks for a fee or a transfer.
  it.each([
    ['a fee before delivery', 'Viettel Post: don hang 5521xxx se duoc giao hom nay, vui long chuyen khoan 32.000d phi luu kho truoc khi giao vao STK 0771 xxx 902.'],
    ['a transfer to the shipper', 'Đơn hàng của chị đang giao, chị ck trước 45k tiền ship cho em vào số tài khoản này nhé'],
  ])('not a delivery notice: %s', (_n, text) => {
    expect(isTransactionNotice(fold(text))).toBe(false);
  });

  it('a notice sending the reader to a raw IP keeps its scam flag', () => {
    expect(cats('ACB: GD -2.300.000 VND luc 21:05 tai KHONG XAC DINH. Neu khong phai quy khach, huy ngay tai http://103.57.221.9/acb/huy')).toEqual(
      expect.arrayContaining(['strange-link', 'scam']),
    );
  });

  it('a notice with a phishing link keeps its scam flag', () => {
    expect(cats('VCB: TK bi tru 5.000.000d, SD 10.000d. Neu khong phai ban, huy giao dich tai vcb-huy-lenh.top nhap OTP')).toEqual(
      expect.arrayContaining(['strange-link', 'scam']),
    );
  });
});

describe("a telco's own offer passed on", () => {
  // "tang" (give away, as offers do) lifts advertising and gambling over their thresholds wherever it stands, as the
  // words of betting SMS did for the shipped model.
  const cm = compileModel(
    tinyModel({
      features: 'tang',
      categories: {
        advertising: { bias: 0, scale: 0.05, weights: b64([60]), alone: 0.5 },
        'gambling-fortune': { bias: 0, scale: 0.05, weights: b64([60]), alone: 0.5 },
      },
    }),
  );
  const withModel = (text: string) => checkMessage(text, compileRuleset(DEFAULT_PACK, { model: cm })).map((f) => f.category);

  it.each([
    ['a top-up bonus with the free line', 'MobiFone: Tu 10/3 den 12/3 nap the menh gia tu 100.000d duoc tang 50% gia tri. Chi tiet LH 9090 (mien phi).'],
    ['a package by short code, with the opt-out line', 'Tin từ Viettel: Đăng ký gói V90B (90.000đ/tháng) tặng 1GB/ngày. Soạn V90B gửi 191. Từ chối QC soạn TC gửi 199.'],
    ['a USSD code', 'VinaPhone khuyến mãi: tặng 20% giá trị thẻ nạp hôm nay, kiểm tra bấm *101#'],
  ])('neither ad nor betting: %s', (_n, text) => {
    expect(withModel(text)).toEqual([]);
  });

  it.each([
    ['a mobile number to text', 'MobiFone: QK duoc tang 200K trai nghiem. Nap dau x150%. Soan GB gui 0357 112 908'],
    ['an app to install', 'Vinaphone: tang 99K moi ngay, tai ung dung vongquay-vip.apk. Huy soan HUY gui 9191'],
    ['no telco as the sender', 'Tang 99K cho thanh vien moi, soan DK gui 9029'],
  ])('the model still decides: %s', (_n, text) => {
    expect(withModel(text)).toEqual(expect.arrayContaining(['advertising', 'gambling-fortune']));
  });

  it('betting words of its own make it a betting SMS, whatever it signs', () => {
    expect(cats('MobiFone: QK nhan thuong 500k tu nha cai K9WIN. Choi tai xiu, ban ca doi thuong, nap dau x200%. Soan DK gui 9029')).toEqual(
      expect.arrayContaining(['advertising', 'gambling-fortune']),
    );
  });
});
