// Namespace import: `import { z }` drags every zod locale into the bundle (443 kB vs 83 kB).
import * as z from 'zod';
import Papa from 'papaparse';
import { strFromU8, unzipSync } from 'fflate';
import { fold } from './province';

/**
 * The household roster (chủ hộ, địa chỉ) the village keeps, matched against the group's members to
 * show who is not in the group yet. Stays on this computer; the xã only ever gets the counts.
 */
export const householdSchema = z.object({
  head: z.string().trim().min(1, 'thiếu tên chủ hộ').max(120),
  address: z.string().trim().max(200).default(''),
});
export type Household = z.infer<typeof householdSchema>;

export type RosterParse = { ok: true; households: Household[]; skipped: number } | { ok: false; error: string };

const HEAD_COLS = ['chu ho', 'ten chu ho', 'ho ten chu ho', 'ho va ten chu ho', 'chu ho gia dinh', 'ho ten'];
const ADDR_COLS = ['dia chi', 'noi o', 'dia chi thuong tru', 'so nha', 'xom', 'thon'];

function fromRows(rows: readonly (readonly string[])[]): RosterParse {
  const headerAt = rows.findIndex((r) => r.some((c) => HEAD_COLS.includes(fold(c))));
  if (headerAt < 0) return { ok: false, error: 'Không tìm thấy cột "Chủ hộ" ở dòng tiêu đề (cần các cột "Chủ hộ" và "Địa chỉ").' };
  const header = rows[headerAt]!.map((c) => fold(c));
  const hi = header.findIndex((c) => HEAD_COLS.includes(c));
  const ai = header.findIndex((c) => ADDR_COLS.includes(c));
  const households: Household[] = [];
  let skipped = 0;
  for (let i = headerAt + 1; i < rows.length; i++) {
    const r = rows[i]!;
    if (r.every((c) => !c.trim())) continue;
    const parsed = householdSchema.safeParse({ head: r[hi] ?? '', address: ai >= 0 ? (r[ai] ?? '') : '' });
    if (parsed.success) households.push(parsed.data);
    else skipped++;
  }
  if (!households.length) return { ok: false, error: 'Tệp không có hộ nào (các dòng dưới tiêu đề đều trống hoặc thiếu tên chủ hộ).' };
  return { ok: true, households, skipped };
}

export function parseRosterCsv(text: string): RosterParse {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const res = Papa.parse<string[]>(body, { header: false, skipEmptyLines: true });
  return fromRows(res.data.map((r) => r.map((c) => String(c ?? ''))));
}

const xmlText = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n))).replace(/&amp;/g, '&');

/** Column index from a cell reference ("C12" → 2). */
function colOf(ref: string): number {
  let n = 0;
  for (const ch of ref.replace(/\d+$/, '')) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * The first sheet of an .xlsx as rows of strings: shared strings, inline strings and numbers. Enough
 * for a roster typed in Excel; formulas are read as their cached values.
 */
export function readXlsxRows(bytes: Uint8Array): string[][] {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => f.name === 'xl/sharedStrings.xml' || /^xl\/worksheets\/sheet1\.xml$/.test(f.name) });
  } catch {
    throw new Error('Tệp không phải Excel (.xlsx) hợp lệ.');
  }
  const sheet = files['xl/worksheets/sheet1.xml'];
  if (!sheet) throw new Error('Tệp Excel không có trang tính nào.');
  const shared: string[] = [];
  const ss = files['xl/sharedStrings.xml'];
  if (ss) {
    for (const si of strFromU8(ss).matchAll(/<si>([\s\S]*?)<\/si>/g)) {
      shared.push(xmlText([...si[1]!.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')));
    }
  }
  const rows: string[][] = [];
  for (const row of strFromU8(sheet).matchAll(/<row[^>]*>([\s\S]*?)<\/row>/g)) {
    const out: string[] = [];
    for (const c of row[1]!.matchAll(/<c\s([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = c[1]!;
      const ref = /r="([A-Z]+\d+)"/.exec(attrs)?.[1];
      const type = /t="(\w+)"/.exec(attrs)?.[1];
      const inner = c[2] ?? '';
      let value: string;
      if (type === 's') value = shared[Number(/<v>(\d+)<\/v>/.exec(inner)?.[1] ?? -1)] ?? '';
      else if (type === 'inlineStr') value = xmlText([...inner.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join(''));
      else value = xmlText(/<v>([\s\S]*?)<\/v>/.exec(inner)?.[1] ?? '');
      const at = ref ? colOf(ref) : out.length;
      while (out.length < at) out.push('');
      out[at] = value;
    }
    rows.push(out);
  }
  return rows;
}

export function parseRosterXlsx(bytes: Uint8Array): RosterParse {
  try {
    return fromRows(readXlsxRows(bytes));
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}

/** Kinship and courtesy words Zalo names carry ("Chú Hùng", "Cô Lan", "Bác Bình"). */
const TITLES = new Set(['anh', 'chi', 'co', 'chu', 'bac', 'ong', 'ba', 'em', 'di', 'cau', 'mo', 'thim', 'o', 'u', 'me', 'bo', 'a', 'c', 'ms', 'mr']);

/** Folded name tokens without titles, digits (phone numbers) or punctuation. */
export function nameTokens(name: string): string[] {
  const t = fold(name)
    .replace(/[^a-z\s]/g, ' ')
    .split(' ')
    .filter(Boolean);
  while (t.length > 1 && TITLES.has(t[0]!)) t.shift();
  return t;
}

export type MatchHow = 'exact' | 'no-accents' | 'reordered';
export type RosterMatch = {
  covered: { household: Household; member: string; how: MatchHow }[];
  /** Matched only by a given name ("Chú Hùng"): shown for the admin to confirm, not counted. */
  possible: { household: Household; members: string[] }[];
  missing: Household[];
  /** Households covered / households, 0–100, one decimal. */
  coverage: number;
};

/**
 * Each household is covered when its head is in the group: same name, the same without accents,
 * the family and given name in another order ("Bình Nguyễn"), or family + given name with the
 * middle name left out on either side ("Nguyễn Bình" / "Hoàng Văn Nam" for "Hoàng Nam"). A bare given name is only a "possible" match.
 */
export function matchRoster(households: readonly Household[], members: readonly string[]): RosterMatch {
  const used = new Set<number>();
  const covered: RosterMatch['covered'] = [];
  const possible: RosterMatch['possible'] = [];
  const missing: Household[] = [];
  const mem = members.map((m) => ({ name: m, nfc: m.normalize('NFC').trim().toLowerCase(), tokens: nameTokens(m) }));

  const find = (h: Household): { i: number; how: MatchHow } | undefined => {
    const nfc = h.head.normalize('NFC').trim().toLowerCase();
    const ht = nameTokens(h.head);
    const free = (pred: (m: (typeof mem)[number]) => boolean) => mem.findIndex((m, i) => !used.has(i) && pred(m));
    let i = free((m) => m.nfc === nfc);
    if (i >= 0) return { i, how: 'exact' };
    i = free((m) => m.tokens.join(' ') === ht.join(' '));
    if (i >= 0) return { i, how: 'no-accents' };
    if (ht.length >= 2) {
      const family = ht[0]!;
      const given = ht.at(-1)!;
      const set = new Set(ht);
      // One name may carry a middle name the other leaves out: either token set contains the other.
      i = free((m) => m.tokens.length >= 2 && m.tokens.includes(family) && m.tokens.includes(given) && (m.tokens.every((t) => set.has(t)) || ht.every((t) => m.tokens.includes(t))));
      if (i >= 0) return { i, how: 'reordered' };
    }
    return undefined;
  };

  for (const h of households) {
    const hit = find(h);
    if (hit) {
      used.add(hit.i);
      covered.push({ household: h, member: mem[hit.i]!.name, how: hit.how });
    } else missing.push(h);
  }
  // Second pass: a lone given name left over may be one of the missing heads.
  const stillMissing: Household[] = [];
  for (const h of missing) {
    const given = nameTokens(h.head).at(-1);
    const names = mem.filter((m, i) => !used.has(i) && m.tokens.length === 1 && m.tokens[0] === given).map((m) => m.name);
    if (names.length) possible.push({ household: h, members: names });
    stillMissing.push(h);
  }
  const coverage = households.length ? Math.round((covered.length / households.length) * 1000) / 10 : 0;
  return { covered, possible, missing: stillMissing, coverage };
}

/** "Nguyễn Văn Bình" → "N.V.B." for a printed or shared list. */
export function initials(name: string): string {
  return name
    .normalize('NFC')
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => `${w[0]!.toUpperCase()}.`)
    .join('');
}
