// Draws the extension icon (a blue shield with a white check) as PNGs without any image library.
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

function shieldAlpha(x, y) {
  // Unit square coordinates; shield = rounded top, pointed bottom.
  if (y < 0.08 || y > 0.95) return 0;
  const half = y < 0.55 ? 0.4 : 0.4 * (1 - (y - 0.55) / 0.42);
  return Math.abs(x - 0.5) <= half ? 1 : 0;
}
function onCheck(x, y, w) {
  const seg = (ax, ay, bx, by) => {
    const dx = bx - ax, dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    return Math.hypot(x - (ax + t * dx), y - (ay + t * dy)) <= w;
  };
  return seg(0.3, 0.48, 0.45, 0.64) || seg(0.45, 0.64, 0.72, 0.34);
}

function png(size) {
  const ss = 4; // supersampling for smooth edges
  const rows = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let px = 0; px < size; px++) {
      let a = 0, white = 0;
      for (let sy = 0; sy < ss; sy++) for (let sx = 0; sx < ss; sx++) {
        const x = (px + (sx + 0.5) / ss) / size, y = (py + (sy + 0.5) / ss) / size;
        if (shieldAlpha(x, y)) { a++; if (onCheck(x, y, 0.065)) white++; }
      }
      const n = ss * ss, cov = a / n, wf = a ? white / a : 0;
      const o = 1 + px * 4;
      row[o] = Math.round(0x00 * (1 - wf) + 255 * wf);
      row[o + 1] = Math.round(0x68 * (1 - wf) + 255 * wf);
      row[o + 2] = Math.round(0xff * (1 - wf) + 255 * wf);
      row[o + 3] = Math.round(cov * 255);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync('public/icon', { recursive: true });
for (const s of [16, 32, 48, 128]) writeFileSync(`public/icon/${s}.png`, png(s));
