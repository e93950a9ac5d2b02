import { listBubbles, readBubble } from './bubbles';
import { queryOne } from './query';

export interface BenchResult {
  /** Mean cost of readBubble on one bubble, in microseconds. */
  perBubbleUs: number;
  /** One initial scan: listBubbles + readBubble on each, in milliseconds. */
  scanMs: number;
  count: number;
}

/**
 * Pure benchmark run inside the page by the page benchmark (scripts/bench-page.ts). Uses
 * `performance.now()` from the document's window.
 */
export function benchReadBubbles(doc: Document, iterations: number): BenchResult {
  const perf = doc.defaultView?.performance ?? globalThis.performance;
  const root = queryOne(doc, 'messageList')?.el ?? doc;
  const rounds = Math.max(1, Math.floor(iterations));

  const scanStart = perf.now();
  const bubbles = listBubbles(root);
  let sink = 0;
  for (const el of bubbles) sink += readBubble(el).text.length;
  const scanMs = perf.now() - scanStart;

  if (bubbles.length === 0) return { perBubbleUs: 0, scanMs, count: 0 };
  const start = perf.now();
  for (let r = 0; r < rounds; r++) {
    for (const el of bubbles) sink += readBubble(el).links.length;
  }
  const elapsed = perf.now() - start;
  // `sink` keeps the work observable so nothing is optimised away.
  if (sink < 0) throw new Error('unreachable');
  return { perBubbleUs: (elapsed * 1000) / (rounds * bubbles.length), scanMs, count: bubbles.length };
}
