/**
 * Selector packs: a JSON file a district or xã IT person sends when Zalo renames something, so
 * every village's extension finds the page again without a new release. A pack holds ONLY CSS
 * candidates per selector key (no code, no URLs); they are checked by the same rules as the
 * built-in table and are tried ahead of the built-in candidates. Pure: parsing never stores.
 */
import { formatPath, vietnameseIssue } from '../templates/schema';
import { MAX_PACK_BYTES, SELECTOR_PACK_FORMAT, SELECTOR_PACK_VERSION, selectorPackSchema, type SelectorPack } from '../messages/zalo-page';
import { SELECTORS, SELECTOR_KEYS, setSelectorOverrides, validateSelectorTable, type SelectorKey, type SelectorProblem, type SelectorTable } from './selectors';

export { SELECTOR_PACK_FORMAT, SELECTOR_PACK_VERSION, MAX_PACK_BYTES, selectorPackSchema, type SelectorPack };

export type PackParseResult = { ok: true; pack: SelectorPack } | { ok: false; error: string; issues: string[] };

const PROBLEM_TEXT: Record<SelectorProblem['problem'], string> = {
  'no-candidates': 'không có bộ chọn nào',
  empty: 'bộ chọn rỗng',
  'invalid-css': 'không phải bộ chọn CSS hợp lệ',
  'numbered-custom-tag': 'dùng thẻ đánh số (span-15, div-14…) hay đổi theo phiên bản Zalo',
  'inline-style': 'dựa vào thuộc tính style, hay đổi theo phiên bản Zalo',
  'unknown-area': 'thuộc vùng trang không có',
};

/** Checks a pack's candidates with the built-in table's rules; each issue names its field. */
export function packProblems(pack: SelectorPack, doc: Document): string[] {
  const issues: string[] = [];
  const table: Record<string, SelectorTable[string]> = {};
  for (const [key, list] of Object.entries(pack.selectors)) {
    if (!(SELECTOR_KEYS as readonly string[]).includes(key)) {
      issues.push(`selectors.${key}: khóa không có trong bảng bộ chọn của tiện ích`);
      continue;
    }
    table[key] = { ...SELECTORS[key as SelectorKey], candidates: list };
  }
  for (const p of validateSelectorTable(table, doc)) {
    const index = p.candidate === undefined ? -1 : table[p.key]!.candidates.indexOf(p.candidate);
    issues.push(`selectors.${p.key}${index >= 0 ? `[${index}]` : ''}: ${PROBLEM_TEXT[p.problem]}`);
  }
  return issues;
}

/** Parses an already-decoded JSON value. */
export function parseSelectorPack(data: unknown, doc: Document): PackParseResult {
  const r = selectorPackSchema.safeParse(data, { error: vietnameseIssue });
  if (!r.success) {
    const issues = r.error.issues.map((i) => `${formatPath(i.path) || 'tệp'}: ${i.message}`);
    return { ok: false, error: issues[0]!, issues };
  }
  const issues = packProblems(r.data, doc);
  if (issues.length > 0) return { ok: false, error: issues[0]!, issues };
  return { ok: true, pack: r.data };
}

/** Parses the text of a pack file (size-limited, JSON first). */
export function parseSelectorPackText(text: string, doc: Document): PackParseResult {
  if (text.length > MAX_PACK_BYTES) return { ok: false, error: `tệp: quá lớn (tối đa ${MAX_PACK_BYTES / 1024} kB)`, issues: [] };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: 'tệp: không phải JSON hợp lệ', issues: [] };
  }
  return parseSelectorPack(data, doc);
}

export interface ActivePack {
  name: string;
  date?: string;
  author?: string;
}

let active: ActivePack | null = null;

/** The pack in use in this page, for diagnostics. */
export function activePack(): ActivePack | null {
  return active;
}

/**
 * Applies a pack in this page (null removes it). Candidates the page's CSS engine rejects are
 * dropped here too, so a pack written for another browser can never break a lookup.
 * Returns how many keys got pack candidates.
 */
export function applySelectorPack(pack: SelectorPack | null, doc: Document): number {
  if (!pack) {
    setSelectorOverrides({});
    active = null;
    return 0;
  }
  const fragment = doc.createDocumentFragment();
  const usable: Record<string, string[]> = {};
  for (const [key, list] of Object.entries(pack.selectors)) {
    if (!(SELECTOR_KEYS as readonly string[]).includes(key)) continue;
    const ok = list.filter((c) => {
      try {
        fragment.querySelector(c);
        return !/\b(span|div)-\d+\b/.test(c) && !c.includes('[style');
      } catch {
        return false;
      }
    });
    if (ok.length > 0) usable[key] = ok;
  }
  setSelectorOverrides(usable);
  active = { name: pack.name, ...(pack.date ? { date: pack.date } : {}), ...(pack.author ? { author: pack.author } : {}) };
  return Object.keys(usable).length;
}
