import { listBubbles, readBubble, readDirection, type Direction } from './bubbles';
import { queryOne } from './query';
import { normalizeText } from './text';

export interface FindBubbleOptions {
  direction?: Direction;
}

/** Newest bubble whose text equals `text` (NFC and whitespace-insensitive), or null. */
export function findBubbleByText(doc: Document, text: string, options: FindBubbleOptions = {}): HTMLElement | null {
  const want = normalizeText(text);
  if (want === '') return null;
  const list = queryOne(doc, 'messageList')?.el ?? doc;
  const bubbles = listBubbles(list);
  for (let i = bubbles.length - 1; i >= 0; i--) {
    const el = bubbles[i]!;
    if (options.direction && readDirection(el) !== options.direction) continue;
    if (readBubble(el).text === want) return el;
  }
  return null;
}
