import Papa from 'papaparse';
import { DETAIL_HEADERS, detailTexts } from './rows';
import type { ExportEntry } from './redact';

/** Excel opens a CSV as UTF-8 (Vietnamese diacritics intact) only when it starts with a BOM. */
export const BOM = '\uFEFF';
const CRLF = '\r\n';

/**
 * Cells that a spreadsheet would run as a formula ("=HYPERLINK(...)", "+84…", "-1+1", "@SUM") or that
 * begin with a tab/CR get a leading apostrophe (OWASP "CSV injection"). The apostrophe is visible in
 * the raw file but is what Excel/LibreOffice treat as "this is text".
 */
export function guardFormula(cell: string): string {
  const c = cell.charCodeAt(0);
  // = + - @ TAB CR
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13 ? `'${cell}` : cell;
}

/** Whitespace at either edge (the characters of a regex `\s`) would be trimmed by imports unless quoted. */
function isEdgeSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** RFC 4180 field: quoted when it holds a comma, quote, CR/LF or edge whitespace; quotes doubled. */
export function csvField(cell: string): string {
  const n = cell.length;
  if (n === 0) return cell;
  let quote = isEdgeSpace(cell.charCodeAt(0)) || isEdgeSpace(cell.charCodeAt(n - 1));
  let hasQuote = false;
  // One pass over char codes: 100,000 rows × 18 fields made the regex the export's largest cost.
  for (let i = 0; i < n && !hasQuote; i++) {
    const c = cell.charCodeAt(i);
    if (c === 34) hasQuote = quote = true;
    else if (c === 44 || c === 10 || c === 13) quote = true;
  }
  if (!quote) return cell;
  return `"${hasQuote ? cell.replace(/"/g, '""') : cell}"`;
}

export type CsvOptions = { bom?: boolean; guard?: boolean };

function csvLine(row: readonly string[], guard: boolean): string {
  const cells = new Array<string>(row.length);
  for (let j = 0; j < row.length; j++) cells[j] = csvField(guard ? guardFormula(row[j]!) : row[j]!);
  // join builds one flat string; `+=` would leave a rope that the final join has to walk again.
  return cells.join(',');
}

/** Rows → CSV text (CRLF line ends, including after the last row, BOM by default). */
export function toCsv(rows: readonly (readonly string[])[], opts: CsvOptions = {}): string {
  const { bom = true, guard = true } = opts;
  const lines = rows.map((row) => csvLine(row, guard));
  return (bom ? BOM : '') + lines.join(CRLF) + (lines.length ? CRLF : '');
}

/** Log entries → the "Chi tiết" CSV with Vietnamese headers (one line per entry, no intermediate table). */
export function entriesToCsv(entries: readonly ExportEntry[], opts: CsvOptions = {}): string {
  const { bom = true, guard = true } = opts;
  const lines = new Array<string>(entries.length + 1);
  lines[0] = csvLine(DETAIL_HEADERS, guard);
  for (let i = 0; i < entries.length; i++) lines[i + 1] = csvLine(detailTexts(entries[i]!), guard);
  return (bom ? BOM : '') + lines.join(CRLF) + CRLF;
}

export type CsvParseResult = { ok: true; rows: string[][] } | { ok: false; error: string };

/** Parses CSV text (BOM tolerated) with papaparse; for round-trip tests and re-import. */
export function parseCsv(text: string): CsvParseResult {
  const body = text.startsWith(BOM) ? text.slice(1) : text;
  const result = Papa.parse<string[]>(body, { header: false, skipEmptyLines: false });
  // A file ending with CRLF yields one trailing empty row; it is not data.
  const rows = result.data;
  const last = rows.at(-1);
  if (last && last.length === 1 && last[0] === '') rows.pop();
  const fatal = result.errors.find((e) => e.type === 'Quotes');
  if (fatal) return { ok: false, error: `Lỗi dấu ngoặc kép ở dòng ${(fatal.row ?? 0) + 1}: ${fatal.message}` };
  return { ok: true, rows };
}

/** Removes the formula guard added by `guardFormula` (for comparing round trips). */
export function unguardFormula(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}
