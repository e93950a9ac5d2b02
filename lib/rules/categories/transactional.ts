/**
 * Transaction notices written by banks, e-wallets, telcos and utilities: balance changes, OTP deliveries, bills and
 * due dates. They name money, codes and accounts, which are the words of a scam, yet only inform. Read on the
 * folded (accentless, lowercase) text so "so du"/"số dư" and "khong cung cap"/"không cung cấp" read alike.
 */

/** Balance after a change: "SD: 2,340,000VND", "số dư khả dụng 6.118.000", "biến động số dư". */
const BALANCE = /(?:^|[^a-z])(?:sdc?|sdkd|so du(?: kha dung| tai khoan| vi)?)\s*(?:la\s*)?[:=]?\s*[\d.,]{3,}|bien dong so du/;
/** A signed amount on an account line: "TK 0071xxx4521 +2,500,000VND", "GD: -485,300VND". */
const SIGNED_AMOUNT = /(?:^|[^a-z])(?:tk|tai khoan|gd|giao dich)[^.\n]{0,40}?[+-]\s?\d[\d.,]{3,}/;
/** A code sent to the reader with the instruction to keep it: "… là mã OTP … không cung cấp mã này cho ai". */
const CODE_DELIVERED = /(?:ma (?:otp|xac thuc|xac minh|xac nhan|giao dich|dang nhap|nhan hang)|otp|(?:^|\D)\d{4,8} (?:la|de)|nhap \d{4,8})/;
const KEEP_CODE = /(?:khong|dung|tuyet doi khong|khong bao gio|khong duoc)\s+(?:cung cap|chia se|dua|tiet lo|gui|doc|cho)|giu kin|dung mot lan/;
/** A bill or instalment with a due date: "hạn thanh toán 25/12", "thanh toán trước ngày 20/11", "đến hạn … 15/12". */
const BILL = /hoa don|cuoc|tien (?:dien|nuoc)|ky tra gop|tra gop|khoan vay|du no|sao ke|hoc phi|le phi|thue/;
const DUE_DATE = /(?:han(?: thanh toan| cuoi| nop)?|truoc ngay|truoc|den han|vao ngay|ngay)\s*:?\s*\d{1,2}\s?\/\s?\d{1,2}/;

/**
 * Scam turns inside the same dress: call or befriend a mobile number, read a code back to someone, send money to a
 * person's account, or pay a fee to receive money.
 */
const CALL_MOBILE = /(?:goi|lien he|lh|ket ban|zalo|nhan tin|sdt)[^.\n]{0,25}?(?:\+?84|0)[35789](?:[ .]?\d){8}(?!\d)/;
const READ_BACK = /(?:doc|gui|bao|dua|chuyen)\s+(?:giup |lai |ngay )?(?:cho )?(?:em |anh |chi |toi |minh |nhan vien |can bo |ben )?(?:ma|day so|otp|so vua)/;
const NEGATION_BEFORE = /(?:khong|dung|chua|tuyet doi|khong bao gio|khong duoc)\s*$/;
const PAY_TO_PERSON = /chu (?:tk|tai khoan)|tai khoan (?:cua )?(?:toi|em|minh|can bo)|stk (?:cua )?(?:toi|em|minh)|vao (?:tk|tai khoan|stk) (?:can bo|ca nhan)/;
const FEE_TO_RECEIVE = /(?:phi|le phi|nop|chuyen)[^.\n]{0,40}(?:de (?:nhan|duoc|giai ngan|rut)|truoc khi (?:nhan|rut|giai ngan))|(?:chuyen|nop) (?:truoc|lai)/;

/** True when the text reads as a transaction notice (balance, delivered code, or bill with a due date). */
export function isTransactionNotice(fold: string): boolean {
  // Each pattern is tried only when the text holds a string it cannot match without (cheap substring checks).
  if ((fold.includes('sd') || fold.includes('so du')) && BALANCE.test(fold)) return true;
  if ((fold.includes('+') || fold.includes('-')) && SIGNED_AMOUNT.test(fold)) return true;
  if (CODE_DELIVERED.test(fold) && KEEP_CODE.test(fold)) return true;
  return fold.includes('/') && BILL.test(fold) && DUE_DATE.test(fold);
}

/** True when a notice-shaped text also asks for what no bank, wallet or telco asks by message. */
export function asksLikeScam(fold: string): boolean {
  if (CALL_MOBILE.test(fold) || PAY_TO_PERSON.test(fold) || FEE_TO_RECEIVE.test(fold)) return true;
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
