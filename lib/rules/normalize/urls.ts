/**
 * Marks the units inside links, where no evasion handling applies ("kiemtien999", "abc123" stay as typed). The
 * links are the ones link analysis finds: one URL detector for the whole rule engine.
 */
import { extractLinks, typedLetterByLetter } from '../links/extract';
import { hasMalformedIdn } from '../links/host';
import type { Buffers } from './buffers';

export function markUrlUnits(text: string, b: Buffers, count: number): void {
  const inUrl = b.inUrl;
  inUrl.fill(0, 0, count);
  // A link typed letter by letter ("h o t r o . c o m") is read as spaced letters are anywhere else: joined. A host
  // in "xn--" dress that decodes to no name is no address either: its text is read as any other text.
  const links = extractLinks(text).filter((l) => !typedLetterByLetter(text.slice(l.start, l.end)) && !hasMalformedIdn(l.host));
  if (links.length === 0) return;
  const { start, end } = b;
  let k = 0;
  for (let i = 0; i < count; i++) {
    while (k < links.length && links[k].end <= start[i]) k++;
    if (k < links.length && start[i] >= links[k].start && end[i] <= links[k].end) inUrl[i] = 1;
  }
}
