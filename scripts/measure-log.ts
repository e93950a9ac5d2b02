/**
 * Timing script (not a test): `npx tsx scripts/measure-log.ts [entries]`. Runs on fake-indexeddb in Node,
 * so absolute numbers are indicative only (Chromium's IndexedDB is usually faster for writes).
 */
import 'fake-indexeddb/auto';
import { GuardDb } from '../lib/db/db';
import { appendLog } from '../lib/log/append';
import { queryLog } from '../lib/log/query';
import { verifyLog } from '../lib/log/verify';

const db = new GuardDb(`measure-${Date.now()}`);
const R = { redaction: { phones: true, idNumbers: true } };
const N = Number(process.argv[2] ?? 10_000);
const group = { threadId: 'g-measure', name: 'Tổ CNS - Thôn Đông' };
const input = (i: number) => ({
  kind: 'flag' as const,
  group,
  place: { thon: 'Thôn Đông', xa: 'Yên Phong', tinh: 'Bắc Ninh' },
  member: { name: `Thành viên ${i % 50}`, uid: `u${i % 50}` },
  category: 'scam' as const,
  severity: 'high' as const,
  text: `Tin số ${i}: Chúc mừng số thuê bao 0912 345 ${String(i % 1000).padStart(3, '0')} trúng thưởng, chuyển phí vào STK 1903 5678 9012`,
  admin: 'Bình',
  time: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
});

let t = performance.now();
for (let i = 0; i < N; i++) await appendLog(db, input(i), R);
let ms = performance.now() - t;
console.log(`sequential append: ${N} entries in ${ms.toFixed(0)} ms → ${((N / ms) * 1000).toFixed(0)} entries/s`);

t = performance.now();
await Promise.all(Array.from({ length: 500 }, (_, i) => appendLog(db, input(N + i), R)));
ms = performance.now() - t;
console.log(`concurrent append: 500 entries in ${ms.toFixed(0)} ms → ${((500 / ms) * 1000).toFixed(0)} entries/s`);

t = performance.now();
const [report] = await verifyLog(db, group.threadId);
console.log(`verifyLog: ${report.entries} entries in ${(performance.now() - t).toFixed(0)} ms, ok=${report.ok}`);

t = performance.now();
const page = await queryLog(db, { member: { uid: 'u7' }, limit: 50 });
console.log(`queryLog member filter, first page: ${page.length} rows in ${(performance.now() - t).toFixed(0)} ms`);
t = performance.now();
const found = await queryLog(db, { text: 'tin so 4321', limit: 50 });
console.log(`queryLog text search over ${N + 500} snapshots: ${found.length} rows in ${(performance.now() - t).toFixed(0)} ms`);
await db.delete();
