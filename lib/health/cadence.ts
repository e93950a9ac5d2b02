import { formatVnDate, monthPeriod, quarterPeriod, toVnIso, vnDateKey, vnMidnight, vnParts, type Period, type ReportDeadline } from '../reports/period';
import type { ProvinceRule } from './province';

/**
 * Report cadence per province rule, from the seeds: Bắc Giang (now Bắc Ninh) quarterly, before the
 * 20th of the quarter's last month; Sóc Trăng (now Cần Thơ) monthly, on the last day of the month;
 * Thanh Hóa monthly, before the 28th. Elsewhere: monthly before the 28th, the most common practice.
 */
export type Cadence = { kind: 'month' | 'quarter'; text: string };

export const CADENCE: Record<ProvinceRule, Cadence> = {
  'bac-ninh': { kind: 'quarter', text: 'Hằng quý, trước ngày 20 tháng cuối quý' },
  'can-tho': { kind: 'month', text: 'Hằng tháng, vào ngày cuối cùng của tháng' },
  'thanh-hoa': { kind: 'month', text: 'Hằng tháng, trước ngày 28' },
  other: { kind: 'month', text: 'Hằng tháng, trước ngày 28' },
};

/** The period whose report is due next at `now` (the current month or quarter). */
export function currentReportPeriod(rule: ProvinceRule, now: Date): Period {
  const t = vnParts(now);
  return CADENCE[rule].kind === 'quarter' ? quarterPeriod(t.year, Math.ceil(t.month / 3)) : monthPeriod(t.year, t.month);
}

/** The day the report of `period` must be in, by the province's rule. */
export function provinceDeadline(rule: ProvinceRule, period: Pick<Period, 'from' | 'to'>): ReportDeadline {
  const start = vnParts(period.from);
  let ms: number;
  let label: string;
  if (rule === 'bac-ninh') {
    // Quarterly: before the 20th of the quarter's last month (a monthly period falls in its quarter).
    const lastMonth = Math.ceil(start.month / 3) * 3;
    ms = vnMidnight(start.year, lastMonth, 20);
    label = `Hạn gửi báo cáo: trước ngày ${formatVnDate(ms)}`;
  } else if (rule === 'can-tho') {
    // "Vào ngày cuối cùng của tháng": due by the end of that day.
    const last = vnMidnight(start.year, start.month + 1, 0);
    ms = vnMidnight(start.year, start.month + 1, 1);
    label = `Hạn gửi báo cáo: ngày ${formatVnDate(last)} (ngày cuối tháng)`;
  } else {
    ms = vnMidnight(start.year, start.month, 28);
    label = `Hạn gửi báo cáo: trước ngày ${formatVnDate(ms)}`;
  }
  return { date: vnDateKey(ms), before: toVnIso(ms), label };
}
