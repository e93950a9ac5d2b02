import { Zip, ZipDeflate, strToU8 } from 'fflate';
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
 *
 * The sheets are streamed into fflate's synchronous `Zip`/`ZipDeflate` in 64 KB pieces, so a 100k-row
 * sheet never exists as one 40 MB string (that, not deflate, was most of the time: garbage collection).
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
  write(emit: Emit): void {
    emit(`${XML_HEAD}<sst xmlns="${NS_MAIN}" count="${this.count}" uniqueCount="${this.list.length}">`);
    for (const s of this.list) emit(`<si><t xml:space="preserve">${xmlEscape(s)}</t></si>`);
    emit('</sst>');
  }
}

type Emit = (xml: string) => void;

function writeSheet(sheet: SheetSpec, strings: SharedStrings, emit: Emit): void {
  emit(XML_HEAD + `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`);
  const maxCols = sheet.rows.reduce((m, r) => Math.max(m, r.length), sheet.widths?.length ?? 0);
  const letters = Array.from({ length: Math.max(maxCols, 1) }, (_, i) => columnLetter(i));
  emit(`<dimension ref="A1:${letters[letters.length - 1]}${Math.max(sheet.rows.length, 1)}"/>`);
  const freeze = sheet.freezeRows ?? 0;
  emit(
    freeze > 0
      ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${freeze}" topLeftCell="A${freeze + 1}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>`
      : '<sheetViews><sheetView workbookViewId="0"/></sheetViews>',
  );
  emit('<sheetFormatPr defaultRowHeight="15.75"/>');
  if (sheet.widths?.length) {
    emit('<cols>');
    sheet.widths.forEach((w, i) => emit(`<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`));
    emit('</cols>');
  }
  emit('<sheetData>');
  for (let r = 0; r < sheet.rows.length; r++) {
    const row = sheet.rows[r]!;
    const rn = r + 1;
    let line = `<row r="${rn}">`;
    // A cell's r="B7" is optional when it directly follows the previous cell; it is written only
    // after a gap. That cuts the biggest sheet by about a quarter (faster to deflate).
    let expected = 0;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (cell === null || cell === undefined) continue;
      const isObj = typeof cell === 'object' && !(cell instanceof Date);
      const v = isObj ? cell.v : cell;
      // Empty text is left as an empty cell (smaller file, blank rather than "" in filters).
      if (v === null || v === '') continue;
      let style = isObj && cell.style ? STYLE_INDEX[cell.style] : 0;
      const r = c === expected ? '' : ` r="${letters[c] ?? columnLetter(c)}${rn}"`;
      let xml = '';
      if (typeof v === 'string') {
        const text = v.length > MAX_CELL_CHARS ? v.slice(0, MAX_CELL_CHARS) : v;
        xml = `<c${r} t="s"${style ? ` s="${style}"` : ''}><v>${strings.id(text)}</v></c>`;
      } else if (typeof v === 'number') {
        if (Number.isFinite(v)) xml = `<c${r}${style ? ` s="${style}"` : ''}><v>${v}</v></c>`;
      } else if (typeof v === 'boolean') {
        xml = `<c${r} t="b"${style ? ` s="${style}"` : ''}><v>${v ? 1 : 0}</v></c>`;
      } else if (!Number.isNaN(v.getTime())) {
        if (style === 0) style = STYLE_INDEX.datetime;
        xml = `<c${r} s="${style}"><v>${excelSerialVn(v)}</v></c>`;
      }
      if (xml) {
        line += xml;
        expected = c + 1;
      }
    }
    emit(line + '</row>');
  }
  emit('</sheetData>');
  if (sheet.merges?.length) {
    emit(`<mergeCells count="${sheet.merges.length}">`);
    for (const m of sheet.merges) emit(`<mergeCell ref="${m}"/>`);
    emit('</mergeCells>');
  }
  emit('<pageMargins left="0.59" right="0.59" top="0.79" bottom="0.79" header="0.3" footer="0.3"/>');
  emit(`<pageSetup paperSize="9" orientation="${sheet.landscape ? 'landscape' : 'portrait'}"/>`);
  emit('</worksheet>');
}

const CHUNK_CHARS = 1 << 16;
// Fixed mtime so the same report gives the same bytes (reproducible, testable).
const ZIP_MTIME = new Date(Date.UTC(2020, 0, 1));
type Level = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

/** Synchronous zip writer: each file is produced by a callback that emits XML text in pieces. */
class ZipSink {
  private readonly out: Uint8Array[] = [];
  private readonly zip = new Zip((err, data) => {
    if (err) throw err;
    this.out.push(data);
  });
  constructor(private readonly level: Level) {}

  file(name: string, write: (emit: Emit) => void): void {
    const f = new ZipDeflate(name, { level: this.level });
    f.mtime = ZIP_MTIME;
    this.zip.add(f);
    let buf: string[] = [];
    let size = 0;
    write((xml) => {
      buf.push(xml);
      size += xml.length;
      if (size >= CHUNK_CHARS) {
        f.push(strToU8(buf.join('')));
        buf = [];
        size = 0;
      }
    });
    f.push(strToU8(buf.join('')), true);
  }

  text(name: string, xml: string): void {
    this.file(name, (emit) => emit(xml));
  }

  finish(): Uint8Array {
    this.zip.end();
    const total = this.out.reduce((n, c) => n + c.length, 0);
    const bytes = new Uint8Array(total);
    let at = 0;
    for (const c of this.out) {
      bytes.set(c, at);
      at += c.length;
    }
    return bytes;
  }
}

/** Builds the .xlsx bytes. Synchronous and self-contained: no Worker, no network, no eval. */
export function buildXlsx(sheets: readonly SheetSpec[], opts: { level?: Level } = {}): Uint8Array {
  if (!sheets.length) throw new Error('Tệp Excel cần ít nhất một trang tính');
  const names = safeSheetNames(sheets.map((s) => s.name));
  const n = sheets.length;
  const ct = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
  const zip = new ZipSink(opts.level ?? 6);
  // Package parts depend only on the sheet names, so they go first ([Content_Types].xml leading).
  zip.text(
    '[Content_Types].xml',
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
  zip.text(
    '_rels/.rels',
    XML_HEAD +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/>` +
      '</Relationships>',
  );
  zip.text(
    'xl/workbook.xml',
    XML_HEAD +
      `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><bookViews><workbookView/></bookViews><sheets>` +
      names.map((nm, i) => `<sheet name="${xmlEscape(nm)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
      '</sheets></workbook>',
  );
  zip.text(
    'xl/_rels/workbook.xml.rels',
    XML_HEAD +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      names
        .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
        .join('') +
      `<Relationship Id="rId${n + 1}" Type="${NS_REL}/styles" Target="styles.xml"/>` +
      `<Relationship Id="rId${n + 2}" Type="${NS_REL}/sharedStrings" Target="sharedStrings.xml"/>` +
      '</Relationships>',
  );
  zip.text('xl/styles.xml', STYLES_XML);
  // Sheets fill the shared-string table, which is written after them.
  const strings = new SharedStrings();
  sheets.forEach((s, i) => zip.file(`xl/worksheets/sheet${i + 1}.xml`, (emit) => writeSheet(s, strings, emit)));
  zip.file('xl/sharedStrings.xml', (emit) => strings.write(emit));
  return zip.finish();
}

/** Wraps bytes for download (`URL.createObjectURL`) in the dashboard. */
export function xlsxBlob(bytes: Uint8Array): Blob {
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: XLSX_MIME });
}
