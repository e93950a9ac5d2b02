import { CATEGORY_IDS, type CategoryId } from '../domain/categories';
import { eventTime, type LogEntry } from '../log/schema';
import { isoWeekOf } from '../reports/period';
import { flaggedMessageKey } from '../reports/summary';

export type CategoryBar = { id: CategoryId; count: number };
export type WeekBar = { key: string; label: string; short: string; count: number };
/** byCategory counts flags (a message may be in two categories); byWeek and `flags` count messages. */
export type ChartData = { byCategory: CategoryBar[]; byWeek: WeekBar[]; flags: number };

/**
 * Flags per category and per ISO week (Vietnam calendar), fed chunk by chunk so the dashboard can
 * count 100,000 entries without holding them all or blocking the first paint.
 */
export function createChartAccumulator() {
  const cats = new Map<CategoryId, number>(CATEGORY_IDS.map((c) => [c, 0]));
  const weeks = new Map<string, WeekBar>();
  // isoWeekOf per entry is the costly part; entries of one Vietnam day share a week.
  const weekOfDay = new Map<string, ReturnType<typeof isoWeekOf>>();
  let flags = 0;
  const seenMessages = new Set<string>();
  return {
    add(entries: readonly ChartEntry[]): void {
      for (const e of entries) {
        if (e.kind !== 'flag') continue;
        if (e.category) cats.set(e.category, (cats.get(e.category) ?? 0) + 1);
        const message = flaggedMessageKey(e);
        if (seenMessages.has(message)) continue;
        seenMessages.add(message);
        flags++;
        const at = eventTime(e);
        const dayKey = new Date(Date.parse(at) + 7 * 3600_000).toISOString().slice(0, 10);
        let w = weekOfDay.get(dayKey);
        if (!w) weekOfDay.set(dayKey, (w = isoWeekOf(at)));
        const bar = weeks.get(w.key);
        if (bar) bar.count++;
        else weeks.set(w.key, { key: w.key, label: w.label, short: w.short, count: 1 });
      }
    },
    result(): ChartData {
      return {
        flags,
        byCategory: CATEGORY_IDS.map((id) => ({ id, count: cats.get(id) ?? 0 })),
        byWeek: [...weeks.values()].sort((a, b) => a.key.localeCompare(b.key)).map((w) => ({ ...w })),
      };
    },
  };
}

export type ChartEntry = Pick<LogEntry, 'kind' | 'category' | 'time' | 'messageTime' | 'chainId' | 'seq' | 'messageId'>;

export function chartData(entries: readonly ChartEntry[]): ChartData {
  const acc = createChartAccumulator();
  acc.add(entries);
  return acc.result();
}

export type BarLayout = { x: number; y: number; width: number; height: number; value: number };

/**
 * Geometry of a vertical bar chart in a `width` × `height` box: equal slots with a gap, heights
 * proportional to `scaleMax` (default: the largest value) (a zero-only series draws nothing rather than dividing by 0).
 */
export function layoutBars(values: readonly number[], width: number, height: number, gap = 4, scaleMax?: number): BarLayout[] {
  if (!values.length) return [];
  const max = scaleMax ?? Math.max(...values, 0);
  const slot = width / values.length;
  const w = Math.max(1, slot - gap);
  return values.map((value, i) => {
    const h = max > 0 ? (value / max) * height : 0;
    return { x: i * slot + gap / 2, y: height - h, width: w, height: h, value };
  });
}

/** "Nice" axis maximum (1, 2, 5 × 10^n) at or above `max`, so gridlines fall on round numbers. */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const exp = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 5, 10]) if (m * exp >= max) return m * exp;
  return 10 * exp;
}
