import type { Direction } from './bubbles';

/**
 * One-pass reading of a bubble's `data-id` markers (`div_(Last)(Sent|Received)Msg_<Part>`,
 * `btn_…_React`). This is a fast path equivalent to candidate 0 of `sentMarker`, `receivedMarker`,
 * `bubbleText`, `photo` and `linkPreview` in SELECTORS (a unit test checks the agreement); when it
 * finds nothing (drift), the reader falls back to the table.
 */
const MARKER = /^(?:div|btn)_(?:Last)?(Sent|Received)Msg_(\w+)$/;

export interface DataIdParts {
  direction?: Direction;
  text?: HTMLElement;
  photo?: HTMLElement;
  link?: HTMLElement;
}

export function scanDataIds(el: Element): DataIdParts {
  const parts: DataIdParts = {};
  const nodes = el.querySelectorAll<HTMLElement>('[data-id]');
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    const m = MARKER.exec(node.getAttribute('data-id') ?? '');
    if (!m) continue;
    parts.direction ??= m[1] === 'Sent' ? 'sent' : 'received';
    const part = m[2];
    if (part === 'Text') parts.text ??= node;
    else if (part === 'Photo' || part === 'GrpPhoto') parts.photo ??= node;
    else if (part === 'Link') parts.link ??= node;
  }
  return parts;
}
