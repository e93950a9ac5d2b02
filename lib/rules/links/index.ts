/**
 * Link analysis for the rule engine: extraction (linkify + obfuscated/glued forms), official-domain
 * allowlist, lookalike and heuristic reasons, and domain blocklists. The rule engine calls this through
 * one adapter; everything here is pure (no fetch, no fs: see blocklist-node.ts for Node loading).
 */
export type {
  AnalyseOptions,
  Blocklist,
  BlocklistHit,
  ExtractedLink,
  LinkCategory,
  LinkFinding,
  LinkReason,
  LinkSeverity,
} from './types';
export { extractLinks } from './extract';
export { analyseLinks, analyseExtracted, isOfficialHost, SHORTENER_DOMAINS, SUSPICIOUS_TLDS } from './analyse';
export {
  parseBlocklist,
  loadBlocklist,
  mergeBlocklists,
  serializeBlocklist,
  inferKind,
  HostBlocklist,
  COMPACT_MAGIC,
  type BlocklistKind,
  type KindedHit,
  type ListMeta,
  type ParseResult,
} from './blocklist';
export { OFFICIAL_DOMAINS, OFFICIAL_SUFFIXES, type OfficialDomain, type OfficialKind } from './official-domains';
export { findLookalike, skeleton, editDistance } from './lookalike';
export { toUnicodeHost } from './punycode';

/** Path of the bundled list inside the extension (public/ is served at the root). */
export const BUNDLED_BLOCKLIST_PATH = '/blocklists/blocklist.txt';
