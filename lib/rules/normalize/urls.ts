/**
 * Marks the units inside links, where no evasion handling applies ("kiemtien999", "abc123" stay as typed). The
 * links are the ones link analysis finds: one URL detector for the whole rule engine.
 */
import { extractLinks } from '../links/extract';
import type { Buffers } from './buffers';

export function markUrlUnits(text: string, b: Buffers, count: number): void {
  const inUrl = b.inUrl;
  inUrl.fill(0, 0, count);
  const links = extractLinks(text);
  if (links.length === 0) return;
  const { start, end } = b;
  let k = 0;
  for (let i = 0; i < count; i++) {
    while (k < links.length && links[k].end <= start[i]) k++;
    if (k < links.length && start[i] >= links[k].start && end[i] <= links[k].end) inUrl[i] = 1;
  }
}
