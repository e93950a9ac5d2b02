import qrcode from 'qrcode-generator';

export type QrMatrix = { size: number; dark: (row: number, col: number) => boolean };

/**
 * QR code for short text (a key fingerprint, a Zalo invite link). Level M survives a creased or
 * smudged print. UTF-8 bytes, so Vietnamese text scans as typed.
 */
export function qrMatrix(text: string): QrMatrix {
  const qr = qrcode(0, 'M');
  // The library's byte mode keeps the low 8 bits of each char: hand it the UTF-8 bytes as chars.
  const bytes = new TextEncoder().encode(text);
  let latin1 = '';
  for (let i = 0; i < bytes.length; i++) latin1 += String.fromCharCode(bytes[i]!);
  qr.addData(latin1, 'Byte');
  qr.make();
  return { size: qr.getModuleCount(), dark: (r, c) => qr.isDark(r, c) };
}

/** One SVG path for all dark modules (one rect per run along a row), with a 4-module quiet zone. */
export function qrPath(text: string): { viewBox: number; d: string } {
  const m = qrMatrix(text);
  const q = 4;
  let d = '';
  for (let r = 0; r < m.size; r++) {
    let c = 0;
    while (c < m.size) {
      if (!m.dark(r, c)) {
        c++;
        continue;
      }
      const start = c;
      while (c < m.size && m.dark(r, c)) c++;
      d += `M${start + q} ${r + q}h${c - start}v1h-${c - start}z`;
    }
  }
  return { viewBox: m.size + 2 * q, d };
}

/** Standalone SVG markup (for the printable poster, which is an HTML file). */
export function qrSvg(text: string, px = 240): string {
  const { viewBox, d } = qrPath(text);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${px}" height="${px}" viewBox="0 0 ${viewBox} ${viewBox}" shape-rendering="crispEdges" role="img"><rect width="100%" height="100%" fill="#fff"/><path d="${d}" fill="#000"/></svg>`;
}
