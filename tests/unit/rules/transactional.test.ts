import { describe, expect, it } from 'vitest';
import { checkMessage, compileRuleset, DEFAULT_PACK } from '@/lib/rules/index';
import { asksLikeScam, isTransactionNotice } from '@/lib/rules/categories/transactional';

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
  ])('%s', (_n, text) => {
    expect(asksLikeScam(fold(text))).toBe(true);
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
