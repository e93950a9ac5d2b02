import { strFromU8, unzipSync } from 'fflate';

/** Minimal XLSX reader for tests: enough to check what our writer produced (no styles beyond s=). */
export type ReadCell = { ref: string; value: string | number; style: number; type: string };
export type ReadSheet = { name: string; cells: Map<string, ReadCell>; xml: string };

const unescape = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

function colIndex(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}
function colLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function readXlsx(bytes: Uint8Array): { files: Record<string, string>; sheets: ReadSheet[] } {
  const raw = unzipSync(bytes);
  const files = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, strFromU8(v)]));
  const shared = [...(files['xl/sharedStrings.xml'] ?? '').matchAll(/<si><t[^>]*>([\s\S]*?)<\/t><\/si>/g)].map((m) => unescape(m[1]!));
  const names = [...files['xl/workbook.xml']!.matchAll(/<sheet name="([^"]*)" sheetId="(\d+)"/g)].map((m) => unescape(m[1]!));
  const sheets = names.map((name, i) => {
    const xml = files[`xl/worksheets/sheet${i + 1}.xml`]!;
    const cells = new Map<string, ReadCell>();
    // Cells may omit r="…" when they follow the previous one; track the position per row.
    for (const row of xml.matchAll(/<row r="(\d+)"[^>]*>([\s\S]*?)<\/row>/g)) {
      let col = 0;
      for (const m of row[2]!.matchAll(/<c((?: [a-z]+="[^"]*")*)><v>([^<]*)<\/v><\/c>/g)) {
        const attrs = m[1]!;
        const ref = /r="([A-Z]+)\d+"/.exec(attrs)?.[1];
        if (ref) col = colIndex(ref);
        const type = /t="(\w+)"/.exec(attrs)?.[1] ?? 'n';
        const style = Number(/s="(\d+)"/.exec(attrs)?.[1] ?? 0);
        const value = type === 's' ? shared[Number(m[2])]! : Number(m[2]);
        const addr = `${colLetter(col)}${row[1]}`;
        cells.set(addr, { ref: addr, value, style, type });
        col++;
      }
    }
    return { name, cells, xml };
  });
  return { files, sheets };
}

/** Values of one row (1-based) as an array, by column order A.. */
export function rowValues(sheet: ReadSheet, row: number): (string | number)[] {
  return [...sheet.cells.values()].filter((c) => c.ref.replace(/^[A-Z]+/, '') === String(row)).map((c) => c.value);
}

export function findRow(sheet: ReadSheet, firstCell: string): number | undefined {
  for (const c of sheet.cells.values()) if (c.ref.startsWith('A') && c.value === firstCell) return Number(c.ref.slice(1));
  return undefined;
}
