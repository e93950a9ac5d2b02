/**
 * Number-shaped signals found in the accented normalised view: prices, phone numbers, bank accounts.
 * Returned spans are in normalised coordinates.
 */
import type { Span } from './types';

// "150k", "35k/kg", "200.000đ", "1tr5", "9 triệu", "990.000 vnđ", "2 củ"
const PRICE_RE =
  /(?<![\p{L}\p{N}.,])([1-9]\d{0,2}(?:[.,]\d{3})+|[1-9]\d*(?:[.,]\d{1,2})?)\s?(k|tr|triệu|trieu|nghìn|ngàn|ngan|nghin|đ|đồng|dong|vnđ|vnd|củ|lít|lit|tỷ|tỏi|usd)(\d{1,2})?(?![\p{L}\p{N}])|(?<![\p{L}\p{N}.,])[1-9]\d{0,2}(?:\.\d{3}){1,3}(?![\p{L}\p{N}.,]|,\d)/gu;
// Vietnamese mobile/landline/hotline numbers, with spaces or dots between groups.
const PHONE_RE = /(?<![\p{N}])(?:\+?84[ .]?|0)[1-9](?:[ .]?\d){7,9}(?![\p{N}])|(?<![\p{N}])1[89]00[ .]?\d{3,4}(?:[ .]?\d{0,3})?(?![\p{N}])/gu;
// Account numbers: 6–19 digits (optionally in groups) right after an account word.
const ACCOUNT_RE = /(?:số tài khoản|tài khoản|stk|account|acc)\s*(?:là|:)?\s*((?:\d[ .]?){6,19})/gu;
// A long bare digit run that is not a phone number (typical account numbers); one glued to letters or after "/", "="
// ("id1457012893", "order_code=883201947712") is part of a link or a code.
const LONG_DIGITS_RE = /(?<![\p{L}\p{N}/=_-])\d{9,19}(?![\p{L}\p{N}])/gu;

function collect(re: RegExp, s: string, group = 0): Span[] {
  const out: Span[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    if (group > 0 && m[group] !== undefined) {
      const off = m[0].indexOf(m[group]);
      const v = m[group].trimEnd();
      out.push({ start: m.index + off, end: m.index + off + v.length });
    } else out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Number of ASCII digits (what `\d` matches) in s. */
function digitCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

/** Fewest digits a phone number (1800/1900 hotlines: 7), an account (6) or a long digit run (9) is written with. */
const PHONE_MIN_DIGITS = 7;
const ACCOUNT_MIN_DIGITS = 6;
const LONG_MIN_DIGITS = 9;

export interface NumberSignals {
  prices: Span[];
  phones: Span[];
  accounts: Span[];
}

const EMPTY: NumberSignals = { prices: [], phones: [], accounts: [] };

export function detectNumbers(acc: string): NumberSignals {
  const digits = digitCount(acc);
  if (digits === 0) return EMPTY;
  // Most messages hold a short number or two ("8h", "lúc 15"): skip the patterns that need more digits.
  const phones = digits >= PHONE_MIN_DIGITS ? collect(PHONE_RE, acc) : [];
  let prices = collect(PRICE_RE, acc);
  if (phones.length > 0) prices = prices.filter((p) => !phones.some((q) => p.start < q.end && q.start < p.end));
  const accounts = digits >= ACCOUNT_MIN_DIGITS && (acc.includes('tài khoản') || acc.includes('stk') || acc.includes('acc')) ? collect(ACCOUNT_RE, acc, 1) : [];
  if (digits < LONG_MIN_DIGITS) return { prices, phones, accounts };
  for (const sp of collect(LONG_DIGITS_RE, acc)) {
    if (!phones.some((q) => sp.start < q.end && q.start < sp.end) && !accounts.some((q) => sp.start < q.end && q.start < sp.end)) {
      const v = acc.slice(sp.start, sp.end);
      if (!(v.length <= 11 && v.startsWith('0'))) accounts.push(sp);
    }
  }
  return { prices, phones, accounts };
}
