/**
 * Poll deadlines. A template stores either a relative duration ("+3d": three days after sending)
 * or an absolute date, usually through variables ("{han_chot}" or "{gio} {han_chot}"). The
 * result is an epoch in ms, which is what Zalo's poll API takes (expiredTime), plus display text.
 */
import {
  formatDate,
  formatTime,
  parseDate,
  parseTime,
  VIETNAM_UTC_OFFSET_MINUTES,
  type CalendarDate,
  type ClockTime,
  type Parsed,
} from './format';
import { tokenize } from './syntax';

const RELATIVE_RE = /^\+\s*(\d{1,4})\s*(h|d|w|giờ|ngày|tuần)$/i;
const UNIT_MS: Record<string, number> = {
  h: 3_600_000,
  giờ: 3_600_000,
  d: 86_400_000,
  ngày: 86_400_000,
  w: 7 * 86_400_000,
  tuần: 7 * 86_400_000,
};
/** Longer than a year is surely a typo ("+300d" meant "+30d"?). */
const MAX_RELATIVE_MS = 366 * 86_400_000;

export const DEADLINE_HELP = 'dùng "+3d" (3 ngày), "+12h" (12 giờ), "+1w" (1 tuần), một ngày như "30/11/2026 17:00" hoặc biến như {han_chot}';

export interface Deadline {
  /** Epoch ms (UTC). */
  expiresAt: number;
  /** "17h00, Thứ Hai, 30/11/2026" in Vietnam time. */
  text: string;
}

function relativeMs(s: string): number | undefined {
  const m = RELATIVE_RE.exec(s.normalize('NFC').trim());
  if (!m) return undefined;
  return Number(m[1]) * UNIT_MS[m[2].toLowerCase()];
}

function parseAbsolute(s: string): Parsed<{ date: CalendarDate; time?: ClockTime }> {
  const parts = s
    .trim()
    .replace(/(\d)T(?=\d{1,2}:)/, '$1 ')
    .split(/\s*,\s*|\s+/)
    .filter(Boolean);
  const bad: Parsed<never> = { ok: false, message: `hạn chót "${s.trim()}" không đọc được; ${DEADLINE_HELP}` };
  if (parts.length === 1) {
    const d = parseDate(parts[0]);
    return d.ok ? { ok: true, value: { date: d.value } } : bad;
  }
  if (parts.length === 2) {
    for (const [dp, tp] of [
      [parts[0], parts[1]],
      [parts[1], parts[0]],
    ]) {
      const d = parseDate(dp);
      const t = parseTime(tp);
      if (d.ok && t.ok) return { ok: true, value: { date: d.value, time: t.value } };
    }
  }
  return bad;
}

/**
 * Schema-time check of a deadline as stored in a template. Text holding placeholders is only
 * checked at render time (the values are not known yet).
 */
export function checkDeadlineLiteral(raw: string): string | undefined {
  const s = raw.trim();
  if (!s) return 'không được để trống (bỏ trường này nếu không có hạn chót)';
  if (tokenize(s).segments.some((seg) => seg.type === 'var')) return undefined;
  if (s.startsWith('+')) {
    const ms = relativeMs(s);
    if (ms === undefined) return `hạn chót "${s}" không đọc được; ${DEADLINE_HELP}`;
    if (ms <= 0) return 'hạn chót phải sau thời điểm gửi';
    if (ms > MAX_RELATIVE_MS) return 'hạn chót quá xa (tối đa 1 năm)';
    return undefined;
  }
  const a = parseAbsolute(s);
  return a.ok ? undefined : a.message;
}

/**
 * Resolves an already-substituted deadline (variables replaced by ISO dates / 24h times).
 * A date without a time means the end of that day (23h59) in Vietnam time.
 */
export function resolveDeadline(
  text: string,
  now: Date,
  offsetMinutes = VIETNAM_UTC_OFFSET_MINUTES,
): Parsed<Deadline> {
  const s = text.trim();
  let expiresAt: number;
  if (s.startsWith('+')) {
    const ms = relativeMs(s);
    if (ms === undefined) return { ok: false, message: `hạn chót "${s}" không đọc được; ${DEADLINE_HELP}` };
    if (ms <= 0 || ms > MAX_RELATIVE_MS) return { ok: false, message: 'hạn chót phải trong vòng 1 năm sau thời điểm gửi' };
    // Round to the minute so that the text and the epoch agree.
    expiresAt = Math.ceil((now.getTime() + ms) / 60_000) * 60_000;
  } else {
    const a = parseAbsolute(s);
    if (!a.ok) return a;
    const { date, time = { h: 23, min: 59 } } = a.value;
    expiresAt = Date.UTC(date.y, date.m - 1, date.d, time.h, time.min) - offsetMinutes * 60_000;
  }
  const at = new Date(expiresAt + offsetMinutes * 60_000);
  const date = { y: at.getUTCFullYear(), m: at.getUTCMonth() + 1, d: at.getUTCDate() };
  const time = { h: at.getUTCHours(), min: at.getUTCMinutes() };
  const display = `${formatTime(time)}, ${formatDate(date)}`;
  if (expiresAt <= now.getTime()) return { ok: false, message: `hạn chót ${display} đã qua` };
  return { ok: true, value: { expiresAt, text: display } };
}
