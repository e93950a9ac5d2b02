import { describe, expect, it } from 'vitest';
import { scanDataIds } from '@/lib/zalo/data-id';
import { SELECTORS } from '@/lib/zalo/selectors';
import { byFixture, parseFixture } from './helpers';

/** The data-id fast path must never disagree with candidate 0 of the table it stands in for. */
describe('scanDataIds agrees with the selector table', () => {
  const doc = parseFixture('normal');
  const bubbles = Array.from(doc.querySelectorAll<HTMLElement>('[id^="bb_msg_id_"]'));

  it.each(bubbles.map((b) => [b.getAttribute('data-fixture')!, b] as const))('%s', (_id, bubble) => {
    const parts = scanDataIds(bubble);
    const sent = bubble.querySelector(SELECTORS.sentMarker.candidates[0]) !== null;
    const received = bubble.querySelector(SELECTORS.receivedMarker.candidates[0]) !== null;
    expect(parts.direction).toBe(sent ? 'sent' : received ? 'received' : undefined);
    expect(parts.text ?? null).toBe(bubble.querySelector(SELECTORS.bubbleText.candidates[0]));
    expect(parts.photo ?? null).toBe(bubble.querySelector(SELECTORS.photo.candidates[0]));
    expect(parts.link ?? null).toBe(bubble.querySelector(SELECTORS.linkPreview.candidates[0]));
  });

  it('finds nothing on the drift snapshot, so the reader uses the table', () => {
    const drift = parseFixture('drift');
    expect(scanDataIds(byFixture(drift, 'run1-first'))).toEqual({});
  });
});
