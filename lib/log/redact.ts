import type { RedactionSettings } from '../settings/schema';

const MASK = '*';
/** Separators people type inside numbers: spaces, dots, dashes. */
const SEP = '[ .\\-]?';

/**
 * Vietnamese phone numbers: 0 + 9–10 digits (mobile 09x…, landline 02x…), or the same after
 * +84 / 84 without the 0. Not glued to other digits, so 12-digit CCCD numbers are left to the ID rule.
 */
const PHONE = new RegExp(`(?<![\\d+])(?:\\+84${SEP}|84${SEP}|0)[1-9](?:${SEP}\\d){8,9}(?!\\d)`, 'g');
/** CCCD (12 digits) and old CMND (9 digits), written without separators. */
const ID_NUMBER = /(?<!\d)(?:\d{12}|\d{9})(?!\d)/g;
/**
 * Bank accounts are only recognisable by the word before them: "STK: 1903 5678 9012 Techcombank",
 * "số tài khoản Vietcombank 0123456789". Up to ~30 chars (a bank name) may sit between word and number.
 */
const BANK_ACCOUNT =
  /((?:\bstk|\btk|s[ốo]\s+t[àa]i\s+kho[ảa]n)\b[^\d\n]{0,30}?)(\d(?:[ .-]?\d){5,18})(?!\d)/giu;

/** Masks every digit except the last `keep`, leaving separators so the shape stays readable. */
export function maskDigits(value: string, keep = 3): string {
  let digitsLeft = (value.match(/\d/g) ?? []).length;
  let out = '';
  for (const ch of value) {
    if (/\d/.test(ch)) {
      out += digitsLeft > keep ? MASK : ch;
      digitsLeft--;
    } else out += ch;
  }
  return out;
}

/**
 * Masks personal numbers in a message snapshot before it is stored or exported. Keeps the last 3
 * digits so the admin can still tell two numbers apart. Bank accounts follow the `idNumbers` switch.
 */
export function redactText(text: string, options: RedactionSettings): string {
  let out = text.normalize('NFC');
  if (options.idNumbers) out = out.replace(BANK_ACCOUNT, (_m, lead: string, num: string) => lead + maskDigits(num));
  if (options.phones) out = out.replace(PHONE, (m) => maskDigits(m));
  if (options.idNumbers) out = out.replace(ID_NUMBER, (m) => maskDigits(m));
  return out;
}

/** A digit run with the separators people type inside numbers, long enough to be part of a personal number. */
const DIGIT_RUN = /\d(?:[ .-]?\d){5,}/g;
const digitsOf = (s: string) => s.replace(/\D/g, '');

/**
 * A message's text redacted, and a redactor for every field derived from that text (evidence
 * snippets, notes, outcomes). A snippet is cut out of its context: "1903 5678 9012" alone no longer
 * follows "STK", so redacting it on its own would keep the account number. Any digit run in a derived
 * field that is part of a number masked in the text is masked as well.
 */
export function redactWithContext(
  text: string,
  options: RedactionSettings,
): { text: string; derived: (field: string) => string } {
  const original = text.normalize('NFC');
  const redacted = redactText(original, options);
  const secrets: string[] = [];
  if (redacted !== original) {
    // Both strings keep their length (digits become '*'), so masked runs line up character by character.
    for (const m of original.matchAll(DIGIT_RUN)) {
      const at = m.index ?? 0;
      if (redacted.slice(at, at + m[0].length) !== m[0]) secrets.push(digitsOf(m[0]));
    }
  }
  const derived = (field: string): string => {
    const own = redactText(field, options);
    if (secrets.length === 0) return own;
    return own.replace(DIGIT_RUN, (run) => {
      const d = digitsOf(run);
      return secrets.some((s) => s.includes(d)) ? maskDigits(run) : run;
    });
  };
  return { text: redacted, derived };
}

/** "Nguyễn Văn An" → "N.V.A.": how members appear in reports that leave the village. */
export function initials(name: string): string {
  return name
    .normalize('NFC')
    .split(/\s+/u)
    .map((word) => word.match(/\p{L}/u)?.[0])
    .filter((c): c is string => Boolean(c))
    .map((c) => `${c.toLocaleUpperCase('vi')}.`)
    .join('');
}
