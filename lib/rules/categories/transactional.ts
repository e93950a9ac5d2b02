/**
 * Transaction notices written by banks, e-wallets, telcos and utilities: balance changes, OTP deliveries, bills and
 * due dates. They name money, codes and accounts, which are the words of a scam, yet only inform. Read on the
 * folded (accentless, lowercase) text so "so du"/"số dư" and "khong cung cap"/"không cung cấp" read alike.
 */
import { originalFoldIn, perMessage } from './per-message';

/** Balance after a change: "SD: 2,340,000VND", "số dư khả dụng 6.118.000", "biến động số dư". */
const BALANCE = /(?:^|[^a-z])(?:sdc?|sdkd|so du(?: [a-z]+){0,2}?)\s*(?:la\s*)?[:=]?\s*[\d.,]{3,}|bien dong so du/;
/** A credit or a transfer with its memo: "TK vừa nhận 2.000.000đ từ … Nội dung: …". */
const CREDIT = /(?:da nhan(?: duoc)?|vua nhan(?: duoc)?|nhan|da chuyen|vua chuyen) \+?\d[\d.,]{3,}\s?(?:d|vnd|dong)(?![a-z])[^\n]{0,80}?(?:noi dung|nd)\s*:/;
/**
 * Money put into the reader's own account, named with its amount: "TK của quý khách được hoàn 27.000đ", "bạn nhận
 * hoàn tiền 15.000đ", "tài khoản … nhận tiền trợ cấp 540.000đ từ BHXH", "14.820.000đ đã chuyển vào TK của bà …",
 * "số tiền hoàn … sẽ chuyển về TK đã đăng ký", "số tiền hoàn 1.240.000đ chuyển vào TK đã đăng ký" (the account on
 * file, not one the message names).
 */
const CREDITED =
  /(?:(?:tk|tai khoan)[^.\n]{0,40}?|(?:^|[^a-z])(?:ban|quy khach|qk)(?: vua| da)? )(?:duoc hoan|duoc cong|nhan(?: duoc)?)(?: tien)?[^.\n\d]{0,24}?\+?\d[\d.,]{3,}\s?(?:d|vnd|dong)(?![a-z])|\d[\d.,]{3,}\s?(?:d|vnd|dong)(?![a-z])[^.\n]{0,30}?(?:(?:da|se|duoc) (?:chuyen|hoan|cong)|(?:chuyen|hoan|tra)(?= (?:vao|ve) (?:tk|tai khoan) (?:da dang ky|cua (?:quy khach|nnt|nguoi nop thue)))) (?:vao|ve) (?:tk|tai khoan)/;
/**
 * A named payment paid into the payee's account, with or without its amount: "Lương hưu tháng 12 của ông … đã chuyển
 * vào tài khoản", "tiền hỗ trợ cây giống … đã chuyển vào TK các hộ", "đã được chi trả vào TK", "trợ cấp … mức
 * 3.264.000đ/tháng, chi trả qua tài khoản" (an amount's dots are no sentence end).
 */
const PAID_IN = /(?:luong huu|luong|tro cap|tien ho tro|hoc bong|tien boi thuong|tien den bu)(?:[^.\n]|\.(?=\d)){0,80}? (?:(?:da|se) (?:duoc )?(?:chuyen|chi tra|chi)|chi tra) (?:vao|ve|qua) (?:tk|tai khoan)/;
/**
 * A payment already made, with its amount: "Hộ ông … đã được giải ngân 50.000.000đ", "khoản vay … đã giải ngân
 * 40.000.000đ", "Quý khách đã chuyển 200.000 VND tới TK …", "Kho bạc báo: đã chuyển 56.800.000đ tiền hỗ trợ … cho hộ".
 * A loan that is only "được duyệt" or "sẽ giải ngân" is still to come, which is where a fee is asked first.
 */
const PAID_OUT = /(?:da|vua) (?:duoc )?(?:giai ngan|chuyen) \d[\d.,]{3,}\s?(?:d|vnd|dong)(?![a-z])/;
/** A card payment at a merchant: "Giao dich the tai MINIMART HOANG LONG so tien 286.000d". */
const CARD_PAYMENT = /giao dich the (?:tai|o) [^.\n]{2,40}? so tien \d/;
/** A signed amount on an account line: "TK 0071xxx4521 +2,500,000VND", "GD: -485,300VND". */
const SIGNED_AMOUNT = /(?:^|[^a-z])(?:tk|tai khoan|gd|giao dich)[^.\n]{0,40}?[+-]\s?\d[\d.,]{3,}/;
/** A code sent to the reader with the instruction to keep it: "… là mã OTP … không cung cấp mã này cho ai". */
const CODE_DELIVERED = /(?:ma (?:otp|xac thuc|xac minh|xac nhan|giao dich|dang nhap|nhan hang|kich hoat)|otp|(?:^|\D)\d{4,8} (?:la|de)|nhap \d{4,8})/;
// ("Nếu không cung cấp OTP … sẽ bị khóa" is a threat to give it, not an instruction to keep it.)
const KEEP_CODE = /(?<!neu )(?:khong|dung|tuyet doi khong|khong bao gio|khong duoc)\s+(?:cung cap|chia se|dua|tiet lo|gui|doc|cho|hoi|yeu cau)|giu kin|dung mot lan/;
/** A sign-in alert with a code and what to do if it was someone else: "… vừa đăng nhập … nếu là người khác, đổi mật khẩu". */
const SIGN_IN_ALERT = /(?:(?:vua|da) dang nhap|thiet bi moi)[^\n]{0,120}?(?:neu (?:la nguoi khac|khong phai (?:ban|quy khach))|khong phai ban)/;
/** A bill or instalment with a due date: "hạn thanh toán 25/12", "thanh toán trước ngày 20/11", "đến hạn … 15/12". */
const BILL = /hoa don|cuoc|tien (?:dien|nuoc)|ky tra gop|tra gop|khoan vay|du no|sao ke|hoc phi|le phi|thue/;
const DUE_DATE = /(?:han(?: thanh toan| cuoi| nop)?|truoc ngay|truoc|den han|vao ngay|ngay)\s*:?\s*\d{1,2}\s?\/\s?\d{1,2}/;
/**
 * The outcome of the reader's own transaction, sending them to a counter or the printed hotline rather than a person:
 * "giao dịch rút tiền … không thành công … đến phòng giao dịch gần nhất".
 */
const TX_OUTCOME = /giao dich(?:[^.\n]|\.(?=\d)){0,80}?(?:bi tu choi|khong thanh cong|that bai|bi huy|da huy|bi tam dung|bi tam khoa)/;
/**
 * A provider's own service message: a package, service or card switched on, renewed or issued, with the short code
 * to stop it ("soạn HUY … gửi 191") or the printed hotline ("tổng đài 1900 …").
 */
const SERVICE_CHANGE = /(?:goi|dich vu|the)[^.\n]{0,60}?da (?:duoc )?(?:kich hoat|gia han|dang ky|huy|cap)|da (?:duoc )?(?:kich hoat|gia han|cap) (?:goi|dich vu|the)/;
const SHORT_CODE = /(?:soan|nhan|gui) [a-z0-9 ]{2,24}? (?:gui|toi|den) \d{3,5}(?!\d|[.,]\d)/;
const NEAREST_COUNTER = '(?:chi nhanh|phong giao dich|quay giao dich|diem giao dich|cua hang|buu cuc)(?: [a-z]+){0,3} gan nhat';
const TO_COUNTER = new RegExp(`${NEAREST_COUNTER}|tong dai (?:cham soc khach hang|cskh|1[89]00)`);

/** Sent to a branch or shop in person ("vui lòng đến chi nhánh gần nhất"): a scam needs the reader to act from the phone. */
const IN_PERSON = new RegExp(`(?:den|ra|toi) ${NEAREST_COUNTER}`);
/**
 * A carrier's delivery notice ("đơn hàng … sẽ được giao trong hôm nay, vui lòng để ý điện thoại"), read only when
 * it names no transfer or fee: a fake one asks the reader to pay.
 */
const DELIVERY = /(?:don hang|buu pham|buu kien|kien hang)[^.\n]{0,40}?(?:se duoc giao|dang (?:duoc )?giao|dang van chuyen|da giao thanh cong|da duoc giao)/;
const PAYS = /chuyen khoan|(?:^|[^a-z])ck(?![a-z])|stk|tai khoan|(?:^|[^a-z])phi(?![a-z])|(?:^|[^a-z])nop(?![a-z])/;

/**
 * Scam turns inside the same dress: call or befriend a mobile number, read a code back to someone, send money to a
 * person's account or phone number, send back money received "by mistake", or pay a fee to receive money ("nộp phí
 * … để nhận", "để rút, chuyển phí kích hoạt …").
 */
const CALL_MOBILE = /(?:goi|lien he|lh|ket ban|zalo|nhan tin|sdt)[^.\n]{0,25}?(?:\+?84|0)[35789](?:[ .]?\d){8}(?!\d)/;
const READ_BACK = /(?:doc|gui|bao|dua|chuyen|cung cap)\s+(?:giup |lai |ngay )?(?:cho )?(?:em |anh |chi |toi |minh |nhan vien |can bo |ben )?(?:ma|day so|otp|so vua)/;
const NEGATION_BEFORE = /(?:khong|dung|chua|tuyet doi|khong bao gio|khong duoc)\s*$/;
const PAY_TO_PERSON = /chu (?:tk|tai khoan)|tai khoan (?:cua )?(?:toi|em|minh|can bo)|stk (?:cua )?(?:toi|em|minh)|vao (?:tk|tai khoan|stk) (?:can bo|ca nhan)|vao (?:so|sdt) (?:\+?84|0)\d/;
/** "Chuyển nhầm, vui lòng hoàn lại cho số …": money sent "by mistake" so that the reader sends it back elsewhere. */
// (Paid back "về tài khoản đã đăng ký" is the account on file: a refund, not money sent back to a stranger.)
const SEND_BACK = /(?:chuyen|ck|gui) nham|(?:hoan|tra|chuyen|gui) (?:lai|tra|ve)\b[^.\n]{0,30}?(?:so|stk|tk|tai khoan|sdt|zalo)\b(?! da dang ky| cua quy khach)/;
// (A dot between digits is part of an amount, "nộp phí 200.000đ để nhận", not the end of a sentence.)
const FEE_TO_RECEIVE = /(?:phi|le phi|nop|chuyen)(?:[^.\n]|\.(?=\d)){0,40}(?:de (?:nhan|duoc|giai ngan|rut)|truoc khi (?:nhan|rut|giai ngan))|(?:chuyen|nop) (?:truoc|lai)|de (?:nhan|rut|giai ngan)[^.\n]{0,12}?(?:chuyen|nop|dong) (?:phi|tien)/;

/**
 * True when the text reads as a transaction notice (balance, delivered code, an outcome sent to the counter, a visit
 * to a branch, a delivery, or a bill with a due date).
 */
export function isTransactionNotice(fold: string): boolean {
  // Each pattern is tried only when the text holds a string it cannot match without (cheap substring checks).
  if ((fold.includes('sd') || fold.includes('so du')) && BALANCE.test(fold)) return true;
  if ((fold.includes('+') || fold.includes('-')) && SIGNED_AMOUNT.test(fold)) return true;
  if (CODE_DELIVERED.test(fold) && KEEP_CODE.test(fold)) return true;
  if (CREDIT.test(fold) || CREDITED.test(fold) || PAID_IN.test(fold) || PAID_OUT.test(fold) || SIGN_IN_ALERT.test(fold)) return true;
  if (TX_OUTCOME.test(fold) && TO_COUNTER.test(fold)) return true;
  if (fold.includes('giao dich the') && CARD_PAYMENT.test(fold)) return true;
  if (SERVICE_CHANGE.test(fold) && (SHORT_CODE.test(fold) || TO_COUNTER.test(fold))) return true;
  if (IN_PERSON.test(fold) || (DELIVERY.test(fold) && !PAYS.test(fold))) return true;
  return fold.includes('/') && BILL.test(fold) && DUE_DATE.test(fold);
}

/** True when a notice-shaped text also asks for what no bank, wallet or telco asks by message. */
export function asksLikeScam(fold: string): boolean {
  if (CALL_MOBILE.test(fold) || PAY_TO_PERSON.test(fold) || FEE_TO_RECEIVE.test(fold) || SEND_BACK.test(fold)) return true;
  const re = new RegExp(READ_BACK.source, 'g');
  for (let m = re.exec(fold); m; m = re.exec(fold)) {
    if (!NEGATION_BEFORE.test(fold.slice(Math.max(0, m.index - 24), m.index))) return true;
  }
  return false;
}

/** A genuine-looking transaction notice: shaped like one and asking nothing a scam asks. */
export function benignNotice(fold: string): boolean {
  return isTransactionNotice(fold) && !asksLikeScam(fold);
}

/**
 * benignNotice on the message's original text, folded: the matcher's text drops the signs of "+2,500,000VND" and
 * "-485,300VND", which are what mark an account line. Once per message: the scam rule asks twice (its adjustment and
 * whether the model may flag).
 */
export const benignNoticeIn = perMessage((ctx) => benignNotice(originalFoldIn(ctx)));

const TELCOS = 'viettel|vinaphone|mobifone|vietnamobile|itelecom|gmobile';
/** A telco's name anywhere: the cheap test before the others. */
const OPERATOR_NAME = new RegExp(TELCOS);
/** A telco named as the sender: "Viettel:", "Tin từ MobiFone:", "[VinaPhone] …", "Vinaphone khuyến mãi Tết:". */
// (At the start, or where a member's own words end and the pasted text begins: after a quote mark or a colon.)
const OPERATOR_SENDER = new RegExp(`(?:^|[:"“«]\\s*)[^a-z0-9]{0,3}(?:tin (?:nhan )?(?:tu )?)?(?:${TELCOS})(?:[^a-z0-9:]{0,2}[a-z0-9]+){0,3}[^a-z0-9]{0,2}:`);
/** The telco's own channels: a short code ("soạn TET50 gửi 1543"), its free line ("LH 198"), a USSD code ("*098#"). */
const OPERATOR_CHANNEL = new RegExp(`${SHORT_CODE.source}|(?:lh|lien he|goi|tong dai|hotline)\\s*:?\\s*(?:1[89]00\\s?\\d{3,4}|\\d{3,4})(?!\\d|[.,]\\d)|\\*\\d{2,4}#`);
/** An app to install ("banca-rongvang.apk"): a way in that no telco's own offer needs. */
const APP_FILE = /[a-z0-9]\.(?:apk|exe|ipa|xapk)(?![a-z0-9])/;
/** A mobile number, also one masked in part ("0869 552 307", "0589xxx312"): a person to reach, not the telco. */
const MOBILE = /(?:^|[^\d])(?:\+?84|0)[1-9](?:[ .]?[\dx]){6,}/;

/**
 * The telco's own message (a top-up promotion, a package offer) passed on by a member: sent under the telco's name,
 * answered only through the telco's short code or free line, with no link or mobile number and nothing a scam asks.
 * A betting site's SMS in the same dress needs its own way in (a link, an app, a number to text), so it is not one;
 * nor is one with betting words of its own, whatever it signs.
 */
export const operatorOwnIn = perMessage((ctx) => {
  if (ctx.links.length > 0 || !OPERATOR_NAME.test(ctx.text.fold) || ctx.baseScore('gambling-fortune') >= 1) return false;
  const fold = originalFoldIn(ctx);
  return OPERATOR_SENDER.test(fold) && OPERATOR_CHANNEL.test(fold) && !MOBILE.test(fold) && !APP_FILE.test(fold) && !asksLikeScam(fold);
});
