/**
 * Parsing and Vietnamese formatting of variable values. No Intl: output must not depend on the
 * browser's locale data, and dates are calendar days (no time zone) except where a Date object
 * or an epoch is given, which is read in Vietnam time (UTC+7, no daylight saving).
 */

export const VIETNAM_UTC_OFFSET_MINUTES = 7 * 60;

export interface CalendarDate {
  y: number;
  m: number; // 1-12
  d: number; // 1-31
}
export interface ClockTime {
  h: number; // 0-23
  min: number; // 0-59
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const WEEKDAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'] as const;

const pad2 = (n: number): string => String(n).padStart(2, '0');

export function isValidDate({ y, m, d }: CalendarDate): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Calendar day of a Date/epoch as seen at the given UTC offset. */
export function dateAtOffset(at: Date | number, offsetMinutes = VIETNAM_UTC_OFFSET_MINUTES): CalendarDate & ClockTime {
  const ms = (typeof at === 'number' ? at : at.getTime()) + offsetMinutes * 60_000;
  const s = new Date(ms);
  return { y: s.getUTCFullYear(), m: s.getUTCMonth() + 1, d: s.getUTCDate(), h: s.getUTCHours(), min: s.getUTCMinutes() };
}

/**
 * Accepts what a date input or a person types: "2026-11-28" (HTML date input), "28/11/2026",
 * "28-11-2026", "28.11.2026", or a Date (read in Vietnam time).
 */
export function parseDate(value: string | Date | number, offsetMinutes = VIETNAM_UTC_OFFSET_MINUTES): Parsed<CalendarDate> {
  if (value instanceof Date || typeof value === 'number') {
    const t = typeof value === 'number' ? value : value.getTime();
    if (!Number.isFinite(t)) return { ok: false, message: 'ngày không hợp lệ' };
    const { y, m, d } = dateAtOffset(t, offsetMinutes);
    return { ok: true, value: { y, m, d } };
  }
  const s = value.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (match) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s))) {
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else {
    return { ok: false, message: `"${s}" không phải ngày (ví dụ đúng: 28/11/2026)` };
  }
  const date = { y, m, d };
  if (!isValidDate(date)) return { ok: false, message: `ngày ${pad2(d)}/${pad2(m)}/${y} không có thật` };
  return { ok: true, value: date };
}

export function weekday({ y, m, d }: CalendarDate): string {
  return WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
}

/** "thu" → "Thứ Bảy, 28/11/2026"; "ngan" → "28/11/2026"; "iso" → "2026-11-28". */
export function formatDate(date: CalendarDate, style: 'thu' | 'ngan' | 'iso' = 'thu'): string {
  if (style === 'iso') return `${date.y}-${pad2(date.m)}-${pad2(date.d)}`;
  const short = `${pad2(date.d)}/${pad2(date.m)}/${date.y}`;
  return style === 'ngan' ? short : `${weekday(date)}, ${short}`;
}

/** Accepts "08:00", "8:00", "8h", "8h00", "8g30", "19 giờ 30", "19 giờ 30 phút", "8h30'". */
export function parseTime(value: string | Date | number, offsetMinutes = VIETNAM_UTC_OFFSET_MINUTES): Parsed<ClockTime> {
  if (value instanceof Date || typeof value === 'number') {
    const t = typeof value === 'number' ? value : value.getTime();
    if (!Number.isFinite(t)) return { ok: false, message: 'giờ không hợp lệ' };
    const { h, min } = dateAtOffset(t, offsetMinutes);
    return { ok: true, value: { h, min } };
  }
  const s = value.trim().normalize('NFC').toLowerCase();
  const match = /^(\d{1,2})\s*(?::|h|g|giờ)\s*(?:(\d{2})\s*(?:phút|')?)?$/.exec(s);
  if (!match) return { ok: false, message: `"${value.trim()}" không phải giờ (ví dụ đúng: 8h00 hoặc 08:00)` };
  const h = Number(match[1]);
  const min = match[2] === undefined ? 0 : Number(match[2]);
  if (h > 23 || min > 59) return { ok: false, message: `giờ ${h}:${pad2(min)} không hợp lệ` };
  return { ok: true, value: { h, min } };
}

/** "h" → "8h00"; "24h" → "08:00". */
export function formatTime(t: ClockTime, style: 'h' | '24h' = 'h'): string {
  return style === '24h' ? `${pad2(t.h)}:${pad2(t.min)}` : `${t.h}h${pad2(t.min)}`;
}

/**
 * Phone numbers as typed ("0912 345 678", "0912.345.678", "+84 912 345 678") and short hotlines
 * ("113", "1900 1234"). Returned as written (spacing kept) once the digits check out.
 */
export function parsePhone(value: string): Parsed<string> {
  const s = value.trim().replace(/\s+/g, ' ');
  if (!/^\+?[\d .()-]+$/.test(s)) return { ok: false, message: `"${s}" không phải số điện thoại` };
  const digits = s.replace(/\D/g, '');
  if (digits.length < 3 || digits.length > 15) return { ok: false, message: `"${s}" không phải số điện thoại` };
  if (s.startsWith('+') && !digits.startsWith('84')) {
    // Foreign numbers are allowed but must still be plausible.
    if (digits.length < 8) return { ok: false, message: `"${s}" không phải số điện thoại` };
  }
  if (digits.startsWith('0') && digits.length !== 10 && digits.length !== 11) {
    return { ok: false, message: `số điện thoại "${s}" phải có 10 chữ số` };
  }
  return { ok: true, value: s };
}

/** Integer within optional bounds; returns the canonical digits. */
export function parseInteger(value: string | number, min?: number, max?: number): Parsed<string> {
  const s = String(value).trim();
  if (!/^\d+$/.test(s)) return { ok: false, message: `"${s}" không phải số` };
  const n = Number(s);
  if ((min !== undefined && n < min) || (max !== undefined && n > max)) {
    return { ok: false, message: `${n} nằm ngoài khoảng ${min ?? '…'}–${max ?? '…'}` };
  }
  return { ok: true, value: String(n) };
}
