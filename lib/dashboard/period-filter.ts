import type { LogFilter } from '../log/query';
import { customPeriod, monthPeriod, quarterPeriod, vnParts, type Period } from '../reports/period';
import type { LogFilterState } from './hash';

export type ResolvedPeriod = { ok: true; period: Period | null } | { ok: false; error: string };

/** The calendar period a preset means at `now` (Vietnam time); null = no time limit. */
export function resolvePeriod(state: Pick<LogFilterState, 'period' | 'from' | 'to'>, now: Date): ResolvedPeriod {
  const t = vnParts(now);
  switch (state.period) {
    case 'all':
      return { ok: true, period: null };
    case 'this-month':
      return { ok: true, period: monthPeriod(t.year, t.month) };
    case 'last-month':
      return { ok: true, period: t.month === 1 ? monthPeriod(t.year - 1, 12) : monthPeriod(t.year, t.month - 1) };
    case 'this-quarter':
      return { ok: true, period: quarterPeriod(t.year, Math.ceil(t.month / 3)) };
    case 'custom': {
      if (!state.from || !state.to) return { ok: false, error: 'missing-dates' };
      try {
        return { ok: true, period: customPeriod(state.from, state.to) };
      } catch (e) {
        return { ok: false, error: (e as Error).message };
      }
    }
  }
}

/** Filter state → lib/log LogFilter (without paging). */
export function toLogFilter(state: LogFilterState, period: Period | null): LogFilter {
  const f: LogFilter = {};
  if (period) {
    f.from = period.from;
    f.to = period.to;
  }
  if (state.group) f.chainId = state.group;
  if (state.category) f.categories = [state.category];
  if (state.kind) f.kinds = [state.kind];
  if (state.action) f.actions = [state.action];
  if (state.member) f.member = { name: state.member };
  if (state.q) f.text = state.q;
  return f;
}
