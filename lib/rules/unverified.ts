/**
 * Unverified links of a checked message: links that are neither known (official, known-good, allowed by the group)
 * nor evidence of a strange-link flag. They are never a flag or a strike; the overlay shows them as a quiet chip
 * with one click to trust the site for the group.
 */
import type { CompiledRuleset } from './engine';
import type { Flag } from './flag';
import { linkSignals } from './link-signals';
import { parseHost } from './links/host';

export interface UnverifiedLink {
  /** Host as written (punycode ASCII). */
  host: string;
  /** What "trust" adds to the group's allow list: the registrable domain (a free-hosting site is its own). */
  domain: string;
  /** Original-text offsets of the link. */
  start: number;
  end: number;
}

export function unverifiedLinks(text: string, flags: readonly Flag[], rs: CompiledRuleset): UnverifiedLink[] {
  const strange = flags.find((f) => f.category === 'strange-link');
  const flagged = (s: number, e: number) => strange?.evidence.some((ev) => ev.start < e && s < ev.end) ?? false;
  const out: UnverifiedLink[] = [];
  for (const l of linkSignals(text, rs.linkOptions)) {
    if (l.category !== 'strange-link' || !l.needsContext || flagged(l.start, l.end)) continue;
    // An invite to another group is judged by its words, not its site: zalo.me itself needs no trust.
    if (l.reason === 'group-invite') continue;
    const p = parseHost(l.host);
    if (p.isIp) continue;
    const domain = p.domain ?? l.host;
    if (out.some((u) => u.domain === domain)) continue;
    out.push({ host: l.host, domain, start: l.start, end: l.end });
  }
  return out;
}
