import { describe, expect, it } from 'vitest';
import {
  currentPeriod,
  customPeriod,
  deadlineStatus,
  inPeriod,
  isoWeekOf,
  monthPeriod,
  periodSchema,
  periodWithin,
  quarterPeriod,
  reportDeadline,
} from '../../../lib/reports/period';

describe('monthPeriod / quarterPeriod / customPeriod (UTC+7)', () => {
  it.each([
    [2026, 11, '2026-11-01T00:00:00+07:00', '2026-12-01T00:00:00+07:00', 'Tháng 11/2026'],
    [2026, 12, '2026-12-01T00:00:00+07:00', '2027-01-01T00:00:00+07:00', 'Tháng 12/2026'],
    [2028, 2, '2028-02-01T00:00:00+07:00', '2028-03-01T00:00:00+07:00', 'Tháng 2/2028'],
  ])('monthPeriod(%i, %i)', (y, m, from, to, label) => {
    const p = monthPeriod(y, m);
    expect(p).toEqual({ kind: 'month', from, to, label });
    expect(periodSchema.safeParse(p).success).toBe(true);
  });

  it.each([
    [2026, 4, '2026-10-01T00:00:00+07:00', '2027-01-01T00:00:00+07:00', 'Quý IV/2026'],
    [2026, 1, '2026-01-01T00:00:00+07:00', '2026-04-01T00:00:00+07:00', 'Quý I/2026'],
    [2027, 3, '2027-07-01T00:00:00+07:00', '2027-10-01T00:00:00+07:00', 'Quý III/2027'],
  ])('quarterPeriod(%i, %i)', (y, q, from, to, label) => {
    expect(quarterPeriod(y, q)).toEqual({ kind: 'quarter', from, to, label });
  });

  it('customPeriod: inclusive calendar days, exclusive ISO end', () => {
    expect(customPeriod('2026-11-01', '2026-11-15')).toEqual({
      kind: 'custom',
      from: '2026-11-01T00:00:00+07:00',
      to: '2026-11-16T00:00:00+07:00',
      label: '01/11/2026 – 15/11/2026',
    });
    expect(customPeriod('2026-12-31', '2026-12-31').to).toBe('2027-01-01T00:00:00+07:00');
  });

  it.each([
    () => monthPeriod(2026, 13),
    () => monthPeriod(2026, 0),
    () => monthPeriod(2026.5, 1),
    () => quarterPeriod(2026, 5),
    () => customPeriod('2026-02-30', '2026-03-01'),
    () => customPeriod('01/11/2026', '2026-11-15'),
    () => customPeriod('2026-11-15', '2026-11-01'),
  ])('rejects bad input %#', (fn) => {
    expect(fn).toThrow(RangeError);
  });
});

describe('inPeriod at Vietnam boundaries', () => {
  const nov = monthPeriod(2026, 11);
  it.each([
    ['2026-10-31T17:30:00Z', true, '00:30 on 1 Nov in Vietnam'],
    ['2026-10-31T16:59:59.999Z', false, '23:59 on 31 Oct in Vietnam'],
    ['2026-10-31T17:00:00Z', true, 'exact start'],
    ['2026-11-30T16:59:59Z', true, '23:59:59 on 30 Nov'],
    ['2026-11-30T17:00:00Z', false, 'exclusive end = 00:00 on 1 Dec'],
    ['2026-11-15T08:00:00+07:00', true, 'offset input'],
  ])('%s → %s (%s)', (time, expected) => {
    expect(inPeriod({ time }, nov)).toBe(expected);
  });

  it('periodWithin: months inside their quarter only', () => {
    expect(periodWithin(monthPeriod(2026, 10), quarterPeriod(2026, 4))).toBe(true);
    expect(periodWithin(monthPeriod(2026, 9), quarterPeriod(2026, 4))).toBe(false);
  });

  it('currentPeriod uses the Vietnam date (31 Dec 18:00Z is already January in Vietnam)', () => {
    expect(currentPeriod('month', new Date('2026-12-31T18:00:00Z')).label).toBe('Tháng 1/2027');
    expect(currentPeriod('quarter', new Date('2026-12-31T18:00:00Z')).label).toBe('Quý I/2027');
  });
});

describe('reportDeadline', () => {
  it.each([
    [monthPeriod(2026, 11), '2026-11-28', 'Hạn gửi báo cáo: trước ngày 28/11/2026'],
    [monthPeriod(2027, 2), '2027-02-28', 'Hạn gửi báo cáo: trước ngày 28/02/2027'],
    [quarterPeriod(2026, 4), '2026-12-20', 'Hạn gửi báo cáo: trước ngày 20/12/2026'],
    [quarterPeriod(2027, 1), '2027-03-20', 'Hạn gửi báo cáo: trước ngày 20/03/2027'],
  ])('%o', (period, date, label) => {
    const d = reportDeadline(period)!;
    expect(d.date).toBe(date);
    expect(d.before).toBe(`${date}T00:00:00+07:00`);
    expect(d.label).toBe(label);
  });

  it('custom periods have none', () => {
    expect(reportDeadline(customPeriod('2026-11-01', '2026-11-15'))).toBeNull();
  });

  it.each([
    ['2026-11-20T03:00:00Z', 8, false],
    ['2026-11-27T16:59:00Z', 1, false], // 23:59 on 27 Nov in Vietnam: still in time
    ['2026-11-27T17:00:00Z', 0, true], // 00:00 on 28 Nov in Vietnam: late
    ['2026-11-30T05:00:00Z', -2, true],
  ])('deadlineStatus at %s → %i days left', (now, daysLeft, overdue) => {
    const s = deadlineStatus(reportDeadline(monthPeriod(2026, 11))!, new Date(now));
    expect(s.daysLeft).toBe(daysLeft);
    expect(s.overdue).toBe(overdue);
    expect(s.label).toMatch(overdue ? /^Đã quá hạn/ : /^Còn \d+ ngày/);
  });
});

describe('isoWeekOf (Monday start, Vietnam date)', () => {
  it.each([
    ['2026-11-01T17:30:00Z', '2026-W45', '2026-11-02'], // Mon 2 Nov 00:30 in VN
    ['2026-11-01T16:30:00Z', '2026-W44', '2026-10-26'], // Sun 1 Nov 23:30 in VN
    ['2026-12-31T12:00:00Z', '2026-W53', '2026-12-28'],
    ['2027-01-03T12:00:00Z', '2026-W53', '2026-12-28'], // ISO year 2026
    ['2027-01-04T12:00:00Z', '2027-W01', '2027-01-04'],
  ])('%s → %s', (time, key, monday) => {
    const w = isoWeekOf(time);
    expect(w.key).toBe(key);
    expect(w.monday).toBe(monday);
    expect(w.label).toMatch(/^Tuần \d+ \(\d{2}\/\d{2}–\d{2}\/\d{2}\/\d{4}\)$/);
  });
});
