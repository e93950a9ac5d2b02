import { describe, expect, it } from 'vitest';
import { createSliceQueue, SLICE_BUDGET_MS } from '@/lib/overlay/features/check-messages';

function el(connected = true): HTMLElement {
  const e = document.createElement('div');
  if (connected) document.body.append(e);
  return e;
}

describe('slice queue', () => {
  it('processes everything across slices that each stay within the budget', () => {
    let clock = 0;
    const tasks: (() => void)[] = [];
    const slices: number[] = [];
    const seen: HTMLElement[] = [];
    const q = createSliceQueue(
      (e) => {
        clock += 1; // each bubble costs 1 ms
        seen.push(e);
      },
      { now: () => clock, schedule: (fn) => tasks.push(fn), onSlice: (s, e) => slices.push(e - s) },
    );
    const els = Array.from({ length: 50 }, () => el());
    q.push(els);
    expect(q.pending).toBe(50);
    while (tasks.length) tasks.shift()!();
    expect(seen).toEqual(els);
    expect(Math.max(...slices)).toBeLessThanOrEqual(SLICE_BUDGET_MS);
    expect(slices.length).toBeGreaterThan(1);
    expect(q.pending).toBe(0);
  });

  it('skips elements that left the DOM (virtualised away) and schedules once per burst', () => {
    const tasks: (() => void)[] = [];
    const seen: HTMLElement[] = [];
    const q = createSliceQueue((e) => seen.push(e), { now: () => 0, schedule: (fn) => tasks.push(fn) });
    const gone = el(false);
    const kept = el();
    q.push([gone]);
    q.push([kept]);
    expect(tasks).toHaveLength(1);
    tasks.shift()!();
    expect(seen).toEqual([kept]);
  });
});
