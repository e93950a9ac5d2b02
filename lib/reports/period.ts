import { eventTime } from '../log/schema';
// Namespace import: `import { z }` drags every zod locale into the bundle (443 kB vs 83 kB).
import * as z from 'zod';
import { QUARTER_ROMAN } from './labels';

/**
 * Report periods are calendar periods in Vietnam (Asia/Ho_Chi_Minh = UTC+7, no DST since 1975),
 * so we compute with a fixed offset instead of Intl: identical results in Node, tests and browsers.
 */
export const VN_OFFSET_MS = 7 * 3600 * 1000;
const DAY_MS = 86_400_000;

export const PERIOD_KINDS = ['month', 'quarter', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export const periodSchema = z.object({
  kind: z.enum(PERIOD_KINDS),
  /** Inclusive start, ISO 8601 with +07:00 offset. */
  from: z.string().datetime({ offset: true }),
  /** Exclusive end, ISO 8601 with +07:00 offset. */
  to: z.string().datetime({ offset: true }),
  label: z.string().min(1),
});
export type Period = z.infer<typeof periodSchema>;

export type VnParts = { year: number; month: number; day: number; hour: number; minute: number; second: number; weekday: number };

/** Wall-clock parts in Vietnam for an instant (weekday: 0 = Sunday). */
export function vnParts(instant: number | string | Date): VnParts {
  const ms = typeof instant === 'number' ? instant : typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  const d = new Date(ms + VN_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    weekday: d.getUTCDay(),
  };
}

/** Epoch ms of 00:00 Vietnam time on the given calendar day (month 1-12; overflow allowed). */
export function vnMidnight(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) - VN_OFFSET_MS;
}

const p2 = (n: number) => String(n).padStart(2, '0');

/** "2026-11-01T00:00:00+07:00" */
export function toVnIso(ms: number): string {
  const t = vnParts(ms);
  return `${t.year}-${p2(t.month)}-${p2(t.day)}T${p2(t.hour)}:${p2(t.minute)}:${p2(t.second)}+07:00`;
}

/** "01/11/2026" */
export function formatVnDate(instant: number | string | Date): string {
  const t = vnParts(instant);
  return `${p2(t.day)}/${p2(t.month)}/${t.year}`;
}

/** "01/11/2026 08:05" */
export function formatVnDateTime(instant: number | string | Date): string {
  const t = vnParts(instant);
  return `${p2(t.day)}/${p2(t.month)}/${t.year} ${p2(t.hour)}:${p2(t.minute)}`;
}

/** "2026-11-01" (calendar date in Vietnam). */
export function vnDateKey(instant: number | string | Date): string {
  const t = vnParts(instant);
  return `${t.year}-${p2(t.month)}-${p2(t.day)}`;
}

function checkInt(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} phải là số nguyên từ ${min} đến ${max} (nhận được ${value})`);
  }
}

export function monthPeriod(year: number, month: number): Period {
  checkInt('Năm', year, 2000, 2200);
  checkInt('Tháng', month, 1, 12);
  return {
    kind: 'month',
    from: toVnIso(vnMidnight(year, month, 1)),
    to: toVnIso(vnMidnight(year, month + 1, 1)),
    label: `Tháng ${month}/${year}`,
  };
}

export function quarterPeriod(year: number, quarter: number): Period {
  checkInt('Năm', year, 2000, 2200);
  checkInt('Quý', quarter, 1, 4);
  const firstMonth = (quarter - 1) * 3 + 1;
  return {
    kind: 'quarter',
    from: toVnIso(vnMidnight(year, firstMonth, 1)),
    to: toVnIso(vnMidnight(year, firstMonth + 3, 1)),
    label: `Quý ${QUARTER_ROMAN[quarter - 1]}/${year}`,
  };
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDay(name: string, value: string): { year: number; month: number; day: number } {
  const m = DATE_RE.exec(value);
  if (!m) throw new RangeError(`${name} phải có dạng YYYY-MM-DD (nhận được "${value}")`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`${name} không phải ngày có thật: "${value}"`);
  }
  return { year, month, day };
}

/** Custom period from calendar day `from` to calendar day `to`, both inclusive ("YYYY-MM-DD", Vietnam dates). */
export function customPeriod(from: string, to: string): Period {
  const a = parseDay('Ngày bắt đầu', from);
  const b = parseDay('Ngày kết thúc', to);
  const start = vnMidnight(a.year, a.month, a.day);
  const end = vnMidnight(b.year, b.month, b.day + 1);
  if (end <= start) throw new RangeError(`Ngày kết thúc (${to}) phải không sớm hơn ngày bắt đầu (${from})`);
  return {
    kind: 'custom',
    from: toVnIso(start),
    to: toVnIso(end),
    label: `${formatVnDate(start)} – ${formatVnDate(end - DAY_MS)}`,
  };
}

/** The month/quarter containing `now` (for "this month's report" defaults). */
export function currentPeriod(kind: 'month' | 'quarter', now: Date): Period {
  const t = vnParts(now);
  return kind === 'month' ? monthPeriod(t.year, t.month) : quarterPeriod(t.year, Math.ceil(t.month / 3));
}

export function inPeriod(entry: { time: string; messageTime?: string }, period: Pick<Period, 'from' | 'to'>): boolean {
  const t = Date.parse(eventTime(entry));
  return t >= Date.parse(period.from) && t < Date.parse(period.to);
}

/** `inPeriod` with the bounds parsed once, for filtering 100k entries. */
export function periodFilter(period: Pick<Period, 'from' | 'to'>): (entry: { time: string; messageTime?: string }) => boolean {
  const from = Date.parse(period.from);
  const to = Date.parse(period.to);
  return (entry) => {
    const t = Date.parse(eventTime(entry));
    return t >= from && t < to;
  };
}

/** True when `inner` lies entirely within `outer` (a monthly bundle inside a quarterly aggregation). */
export function periodWithin(inner: Pick<Period, 'from' | 'to'>, outer: Pick<Period, 'from' | 'to'>): boolean {
  return Date.parse(inner.from) >= Date.parse(outer.from) && Date.parse(inner.to) <= Date.parse(outer.to);
}

export function samePeriod(a: Pick<Period, 'from' | 'to'>, b: Pick<Period, 'from' | 'to'>): boolean {
  return Date.parse(a.from) === Date.parse(b.from) && Date.parse(a.to) === Date.parse(b.to);
}

export type ReportDeadline = {
  /** Calendar day (Vietnam) the report must be sent BEFORE, "YYYY-MM-DD". */
  date: string;
  /** 00:00 Vietnam time of that day: submitting at or after this instant is late. */
  before: string;
  label: string;
};

/**
 * Monthly reports: "Hằng tháng, trước ngày 28" (Thanh Hóa STTTT guidance) → 28th of the same month.
 * Quarterly: "Trước ngày 20 tháng cuối quý" (Bắc Giang directive) → 20th of the quarter's last month.
 * Custom periods have no regulatory deadline.
 */
export function reportDeadline(period: Pick<Period, 'kind' | 'from'>): ReportDeadline | null {
  if (period.kind === 'custom') return null;
  const start = vnParts(period.from);
  const month = period.kind === 'month' ? start.month : start.month + 2;
  const day = period.kind === 'month' ? 28 : 20;
  const ms = vnMidnight(start.year, month, day);
  return { date: vnDateKey(ms), before: toVnIso(ms), label: `Hạn gửi báo cáo: trước ngày ${formatVnDate(ms)}` };
}

export type DeadlineStatus = { daysLeft: number; overdue: boolean; label: string };

/** Whole Vietnam calendar days from today until the deadline day (0 = due today, i.e. already late). */
export function deadlineStatus(deadline: ReportDeadline, now: Date): DeadlineStatus {
  const t = vnParts(now);
  const today = vnMidnight(t.year, t.month, t.day);
  const daysLeft = Math.round((Date.parse(deadline.before) - today) / DAY_MS);
  const overdue = daysLeft <= 0;
  const label = overdue
    ? `Đã quá hạn ${-daysLeft + 1} ngày (${deadline.label.toLowerCase()})`
    : `Còn ${daysLeft} ngày (${deadline.label.toLowerCase()})`;
  return { daysLeft, overdue, label };
}

export type IsoWeek = {
  year: number;
  week: number;
  key: string;
  monday: string;
  sunday: string;
  /** "Tuần 50 (08/12–14/12/2026)" */
  label: string;
  /** "T50 (08–14/12)", "T1 (29/12–04/01)": short enough for a chart axis, still says which days. */
  short: string;
};

/** ISO-8601 week (Monday start) of an instant, computed on the Vietnam calendar date. */
export function isoWeekOf(instant: number | string | Date): IsoWeek {
  const t = vnParts(instant);
  const dayIndex = (t.weekday + 6) % 7; // Monday = 0
  const mondayUtc = Date.UTC(t.year, t.month - 1, t.day - dayIndex);
  const thursday = new Date(mondayUtc + 3 * DAY_MS);
  const isoYear = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(isoYear, 0, 1)) / (7 * DAY_MS)) + 1;
  const monday = new Date(mondayUtc);
  const sunday = new Date(mondayUtc + 6 * DAY_MS);
  const dm = (d: Date) => `${p2(d.getUTCDate())}/${p2(d.getUTCMonth() + 1)}`;
  return {
    year: isoYear,
    week,
    key: `${isoYear}-W${p2(week)}`,
    monday: monday.toISOString().slice(0, 10),
    sunday: sunday.toISOString().slice(0, 10),
    label: `Tuần ${week} (${dm(monday)}–${dm(sunday)}/${sunday.getUTCFullYear()})`,
    short: `T${week} (${monday.getUTCMonth() === sunday.getUTCMonth() ? p2(monday.getUTCDate()) : dm(monday)}–${dm(sunday)})`,
  };
}
