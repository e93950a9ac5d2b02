/** Batching helper: one callback per animation frame (or microtask), cancellable. */

export type BatchMode = 'frame' | 'microtask';

export interface Batcher {
  schedule(): void;
  cancel(): void;
}

export function createBatcher(view: Window, mode: BatchMode, run: () => void): Batcher {
  let pending = false;
  let frame: number | undefined;
  let cancelled = false;
  const fire = (): void => {
    pending = false;
    frame = undefined;
    if (!cancelled) run();
  };
  return {
    schedule(): void {
      if (pending || cancelled) return;
      pending = true;
      // rAF does not fire in hidden tabs; callers pause while hidden and reschedule on visible.
      if (mode === 'frame' && typeof view.requestAnimationFrame === 'function') frame = view.requestAnimationFrame(fire);
      else queueMicrotask(fire);
    },
    cancel(): void {
      cancelled = true;
      if (frame !== undefined && typeof view.cancelAnimationFrame === 'function') view.cancelAnimationFrame(frame);
    },
  };
}
