import { zipSync, strToU8 } from 'fflate';
import { VN_OFFSET_MS } from './period';

/**
 * A small SpreadsheetML (XLSX) writer on top of fflate's synchronous zip.
 *
 * Why not write-excel-file (which the team planned to use): every public entry of write-excel-file
 * 4.1.1 (/browser, /universal, /node) zips with fflate's ASYNC `zip()`, which for any part larger
 * than ~160 KB (a "Chi tiết" sheet of a few thousand rows) starts a Worker from generated code —
 * a blob: URL in browsers (blocked by the MV3 extension-page CSP) and `new Worker(code, { eval: true })`
 * in Node. Its synchronous path is not exported. Writing the few XML parts ourselves keeps exports
 * synchronous, worker-free and eval-free, and is faster for 100k rows.
 */

export type CellStyle = 'normal' | 'header' | 'datetime' | 'date' | 'bold' | 'title' | 'italic';
export type CellValue = string | number | Date | boolean;
export type Cell = null | undefined | CellValue | { v: CellValue | null; style?: CellStyle };
export type SheetSpec = {
  name: string;
  rows: readonly (readonly Cell[])[];
  /** Column widths in characters. */
  widths?: readonly number[];
  /** Freeze the first N rows (header stays visible while scrolling). */
  freezeRows?: number;
  /** Ranges like "A1:F1". */
  merges?: readonly string[];
  landscape?: boolean;
};

const STYLE_INDEX: Record<CellStyle, number> = {
  normal: 0,
  header: 1,
  datetime: 2,
  date: 3,
  bold: 4,
  title: 5,
  italic: 6,
};

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Excel refuses longer cell text. */
const MAX_CELL_CHARS = 32767;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

// Characters XML 1.0 forbids (C0 controls except tab/LF/CR, U+FFFE/U+FFFF, lone surrogates).
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlEscape(text: string): string {
  return text.replace(XML_ILLEGAL, '').replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Excel serial date of the Vietnam wall-clock time, so the cell shows what the village saw. */
export function excelSerialVn(date: Date): number {
  return (date.getTime() + VN_OFFSET_MS - EXCEL_EPOCH_MS) / 86_400_000;
}

/** Excel sheet names: ≤ 31 chars, none of : \ / ? * [ ], unique (case-insensitive). */
export function safeSheetNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((raw, i) => {
    const base = raw.replace(/[:\\/?*[\]]/g, ' ').replace(/^'+|'+$/g, '').trim().slice(0, 31).trimEnd() || `Sheet${i + 1}`;
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
    used.add(name.toLowerCase());
    return name;
  });
}

const STYLES_XML =
  XML_HEAD +
  `<styleSheet xmlns="${NS_MAIN}">` +
  '<numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy hh:mm"/><numFmt numFmtId="165" formatCode="dd/mm/yyyy"/></numFmts>' +
  '<fonts count="4">' +
  '<font><sz val="12"/><name val="Times New Roman"/><family val="1"/></font>' +
  '<font><b/><sz val="12"/><name val="Times New Roman"/><family val="1"/></font>' +
  '<font><b/><sz val="14"/><name val="Times New Roman"/><family val="1"/></font>' +
  '<font><i/><sz val="12"/><name val="Times New Roman"/><family val="1"/></font>' +
  '</fonts>' +
  '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill></fills>' +
  '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>' +
  '<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="7">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="0" fontId="3" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '</cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly list: string[] = [];
  count = 0;
  id(text: string): number {
    this.count++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.list.length;
      this.index.set(text, i);
      this.list.push(text);
    }
    return i;
  }
  xml(): string {
    const parts: string[] = [XML_HEAD, `<sst xmlns="${NS_MAIN}" count="${this.count}" uniqueCount="${this.list.length}">`];
    for (const s of this.list) parts.push(`<si><t xml:space="preserve">${xmlEscape(s)}</t></si>`);
    parts.push('</sst>');
    return parts.join('');
  }
}

function sheetXml(sheet: SheetSpec, strings: SharedStrings): string {
  const parts: string[] = [XML_HEAD, `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`];
  const maxCols = sheet.rows.reduce((m, r) => Math.max(m, r.length), sheet.widths?.length ?? 0);
  const letters = Array.from({ length: Math.max(maxCols, 1) }, (_, i) => columnLetter(i));
  parts.push(`<dimension ref="A1:${letters[letters.length - 1]}${Math.max(sheet.rows.length, 1)}"/>`);
  const freeze = sheet.freezeRows ?? 0;
  parts.push(
    freeze > 0
      ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${freeze}" topLeftCell="A${freeze + 1}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>`
      : '<sheetViews><sheetView workbookViewId="0"/></sheetViews>',
  );
  parts.push('<sheetFormatPr defaultRowHeight="15.75"/>');
  if (sheet.widths?.length) {
    parts.push('<cols>');
    sheet.widths.forEach((w, i) => parts.push(`<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`));
    parts.push('</cols>');
  }
  parts.push('<sheetData>');
  for (let r = 0; r < sheet.rows.length; r++) {
    const row = sheet.rows[r]!;
    const rn = r + 1;
    let line = `<row r="${rn}">`;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (cell === null || cell === undefined) continue;
      const isObj = typeof cell === 'object' && !(cell instanceof Date);
      const v = isObj ? cell.v : cell;
      if (v === null) continue;
      let style = isObj && cell.style ? STYLE_INDEX[cell.style] : 0;
      const ref = letters[c] ?? columnLetter(c);
      if (typeof v === 'string') {
        const text = v.length > MAX_CELL_CHARS ? v.slice(0, MAX_CELL_CHARS) : v;
        line += `<c r="${ref}${rn}" t="s"${style ? ` s="${style}"` : ''}><v>${strings.id(text)}</v></c>`;
      } else if (typeof v === 'number') {
        if (Number.isFinite(v)) line += `<c r="${ref}${rn}"${style ? ` s="${style}"` : ''}><v>${v}</v></c>`;
      } else if (typeof v === 'boolean') {
        line += `<c r="${ref}${rn}" t="b"${style ? ` s="${style}"` : ''}><v>${v ? 1 : 0}</v></c>`;
      } else if (!Number.isNaN(v.getTime())) {
        if (style === 0) style = STYLE_INDEX.datetime;
        line += `<c r="${ref}${rn}" s="${style}"><v>${excelSerialVn(v)}</v></c>`;
      }
    }
    parts.push(line + '</row>');
  }
  parts.push('</sheetData>');
  if (sheet.merges?.length) {
    parts.push(`<mergeCells count="${sheet.merges.length}">`);
    for (const m of sheet.merges) parts.push(`<mergeCell ref="${m}"/>`);
    parts.push('</mergeCells>');
  }
  parts.push('<pageMargins left="0.59" right="0.59" top="0.79" bottom="0.79" header="0.3" footer="0.3"/>');
  parts.push(`<pageSetup paperSize="9" orientation="${sheet.landscape ? 'landscape' : 'portrait'}"/>`);
  parts.push('</worksheet>');
  return parts.join('');
}

/** Builds the .xlsx bytes. Synchronous and self-contained: no Worker, no network, no eval. */
export function buildXlsx(sheets: readonly SheetSpec[], opts: { level?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 } = {}): Uint8Array {
  if (!sheets.length) throw new Error('Tệp Excel cần ít nhất một trang tính');
  const names = safeSheetNames(sheets.map((s) => s.name));
  const strings = new SharedStrings();
  // Sheets first: they fill the shared-string table.
  const sheetFiles = sheets.map((s) => strToU8(sheetXml(s, strings)));
  const files: Record<string, Uint8Array> = {};
  // [Content_Types].xml first in the archive: some readers expect it there.
  files['[Content_Types].xml'] = new Uint8Array(0);
  files['xl/workbook.xml'] = strToU8(
    XML_HEAD +
      `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><bookViews><workbookView/></bookViews><sheets>` +
      names.map((n, i) => `<sheet name="${xmlEscape(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
      '</sheets></workbook>',
  );
  const n = sheets.length;
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    XML_HEAD +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      names
        .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
        .join('') +
      `<Relationship Id="rId${n + 1}" Type="${NS_REL}/styles" Target="styles.xml"/>` +
      `<Relationship Id="rId${n + 2}" Type="${NS_REL}/sharedStrings" Target="sharedStrings.xml"/>` +
      '</Relationships>',
  );
  files['_rels/.rels'] = strToU8(
    XML_HEAD +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/>` +
      '</Relationships>',
  );
  sheetFiles.forEach((bytes, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = bytes;
  });
  files['xl/sharedStrings.xml'] = strToU8(strings.xml());
  files['xl/styles.xml'] = strToU8(STYLES_XML);
  const ct = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
  files['[Content_Types].xml'] = strToU8(
    XML_HEAD +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      `<Override PartName="/xl/workbook.xml" ContentType="${ct}.sheet.main+xml"/>` +
      names.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${ct}.worksheet+xml"/>`).join('') +
      `<Override PartName="/xl/styles.xml" ContentType="${ct}.styles+xml"/>` +
      `<Override PartName="/xl/sharedStrings.xml" ContentType="${ct}.sharedStrings+xml"/>` +
      '</Types>',
  );
  // Fixed mtime so the same report gives the same bytes (reproducible, testable).
  return zipSync(files, { level: opts.level ?? 6, mtime: new Date(Date.UTC(2020, 0, 1)) });
}

/** Wraps bytes for download (`URL.createObjectURL`) in the dashboard. */
export function xlsxBlob(bytes: Uint8Array): Blob {
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: XLSX_MIME });
}
