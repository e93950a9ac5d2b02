// Namespace import: `import { z }` drags every zod locale into the bundle (443 kB vs 83 kB).
import * as z from 'zod';
import type { Bundle } from '../reports/bundle';
import { formatVnDate } from '../reports/period';
import { villageIdOf } from './register';

/**
 * What the xã remembers of each bundle it accepted: enough to tell whether a later bundle of the
 * same group carries on from it (its ends and their hashes), not the entries themselves.
 */
export const receivedRecordSchema = z.object({
  /** threadId:firstSeq-lastSeq:head prefix — re-loading the same file writes the same row. */
  id: z.string().min(1),
  threadId: z.string().min(1),
  villageId: z.string(),
  thon: z.string(),
  group: z.string(),
  file: z.string(),
  firstSeq: z.number().int().nonnegative(),
  lastSeq: z.number().int().nonnegative(),
  anchorPrevHash: z.string().nullable(),
  headHash: z.string().nullable(),
  periodFrom: z.string(),
  periodTo: z.string(),
  periodLabel: z.string(),
  receivedAt: z.string(),
});
export type ReceivedRecord = z.infer<typeof receivedRecordSchema>;

export const CONTINUITY_KINDS = ['rewritten', 'dropped', 'gap', 'unreceived-export', 'restarted', 'missing-period'] as const;
export type ContinuityKind = (typeof CONTINUITY_KINDS)[number];
export type ContinuityIssue = { kind: ContinuityKind; file: string; threadId: string; message: string };

export function receivedRecord(file: string, b: Bundle, at: Date): ReceivedRecord {
  return {
    id: `${b.chain.chainId}:${b.chain.firstSeq}-${b.chain.lastSeq}:${(b.chain.headHash ?? 'empty').slice(0, 16)}:${b.period.from}`,
    threadId: b.chain.chainId,
    villageId: villageIdOf(b.place),
    thon: b.place.thon,
    group: b.group.name,
    file,
    firstSeq: b.chain.firstSeq,
    lastSeq: b.chain.lastSeq,
    anchorPrevHash: b.chain.anchorPrevHash,
    headHash: b.chain.headHash,
    periodFrom: b.period.from,
    periodTo: b.period.to,
    periodLabel: b.period.label,
    receivedAt: at.toISOString(),
  };
}

/**
 * A verified bundle. `hashes` (entry hashes from chain.firstSeq on) stands in for the entries when
 * the bundle came back from a verification worker without them; a verified bundle's chain range
 * matches its entries, so the range tells whether it has any.
 */
type Incoming = { name: string; bundle: Bundle; hashes?: readonly string[] };

const hasEntries = (b: Bundle) => b.chain.lastSeq > 0;

/** seq → hash the xã already knows, with the file that told it. */
function knownPoints(records: readonly ReceivedRecord[]): Map<number, { hash: string; file: string }> {
  const points = new Map<number, { hash: string; file: string }>();
  for (const r of records) {
    if (r.headHash && r.lastSeq > 0) points.set(r.lastSeq, { hash: r.headHash, file: r.file });
    if (r.anchorPrevHash && r.firstSeq > 1) points.set(r.firstSeq - 1, { hash: r.anchorPrevHash, file: r.file });
  }
  return points;
}

/** Hash of entry `seq` as this bundle states it (its anchor stands for firstSeq - 1). */
function hashAt(f: Incoming, seq: number): string | undefined {
  const b = f.bundle;
  if (!hasEntries(b)) return undefined;
  if (seq === b.chain.firstSeq - 1) return b.chain.anchorPrevHash ?? undefined;
  if (f.hashes) return f.hashes[seq - b.chain.firstSeq];
  const e = b.entries[seq - b.chain.firstSeq];
  return e && e.seq === seq ? e.hash : undefined;
}

/**
 * Does each new bundle carry on from what its group sent before (`history`, then the earlier files
 * of the same batch)? Files must already be verified; this only compares them with each other.
 * Returns the issues and the records to remember.
 */
export function checkContinuity(history: readonly ReceivedRecord[], incoming: readonly Incoming[], at: Date): { issues: ContinuityIssue[]; records: ReceivedRecord[] } {
  const issues: ContinuityIssue[] = [];
  const records: ReceivedRecord[] = [];
  const byThread = new Map<string, Incoming[]>();
  for (const f of incoming) {
    const list = byThread.get(f.bundle.chain.chainId) ?? [];
    list.push(f);
    byThread.set(f.bundle.chain.chainId, list);
  }
  for (const [threadId, files] of byThread) {
    files.sort((a, b) => Date.parse(a.bundle.period.from) - Date.parse(b.bundle.period.from) || a.bundle.chain.firstSeq - b.bundle.chain.firstSeq);
    const known = history.filter((r) => r.threadId === threadId);
    const fromHistory = new Set(known.map((r) => r.id));
    const add = (kind: ContinuityKind, file: string, message: string) => issues.push({ kind, file, threadId, message });

    for (const f of files) {
      const { name, bundle: b } = f;
      const rec = receivedRecord(name, b, at);
      if (known.some((r) => r.id === rec.id)) continue; // the same file again
      const withEntries = known.filter((r) => r.lastSeq > 0);
      const points = knownPoints(withEntries);

      let rewritten = false;
      if (hasEntries(b)) {
        const seqs = [...points.keys()].sort((x, y) => x - y);
        for (const s of seqs) {
          const mine = hashAt(f, s);
          const theirs = points.get(s)!;
          if (mine === undefined || mine === theirs.hash) continue;
          rewritten = true;
          add(
            'rewritten',
            name,
            s === b.chain.firstSeq - 1
              ? `Tệp "${name}" không nối tiếp tệp "${theirs.file}" (mục #${b.chain.firstSeq} không trỏ về mục #${s}): nhật ký của nhóm có thể đã bị làm lại.`
              : `Tệp "${name}" có mục #${s} khác với tệp "${theirs.file}" đã nhận: nhật ký của nhóm đã bị viết lại.`,
          );
          break;
        }
      }

      const farthest = withEntries.reduce<ReceivedRecord | undefined>((m, r) => (!m || r.lastSeq > m.lastSeq ? r : m), undefined);
      if (!rewritten && farthest && hasEntries(b) && b.chain.lastSeq < farthest.lastSeq && Date.parse(b.period.to) >= Date.parse(farthest.periodTo)) {
        add(
          'dropped',
          name,
          `Tệp "${name}" (kỳ ${b.period.label}) dừng ở mục #${b.chain.lastSeq}, nhưng tệp "${farthest.file}" đã báo cáo đến mục #${farthest.lastSeq}: các mục #${b.chain.lastSeq + 1}–#${farthest.lastSeq} đã báo cáo không còn trong nhật ký.`,
        );
      }

      if (hasEntries(b)) {
        const before = withEntries.filter((r) => r.firstSeq < b.chain.firstSeq).reduce<ReceivedRecord | undefined>((m, r) => (!m || r.lastSeq > m.lastSeq ? r : m), undefined);
        if (before && before.lastSeq < b.chain.firstSeq - 1) {
          add('gap', name, `Thiếu các mục #${before.lastSeq + 1}–#${b.chain.firstSeq - 1} giữa tệp "${before.file}" và tệp "${name}".`);
        }
      }

      if (b.previous !== undefined && known.length) {
        const maxSeen = farthest?.lastSeq ?? 0;
        if (b.previous === null) {
          add('restarted', name, `Tệp "${name}" ghi là lần xuất đầu tiên của nhóm, nhưng xã đã nhận tệp "${known.at(-1)!.file}": tiện ích có thể đã được cài lại hoặc nhật ký bị làm lại.`);
        } else if (b.previous.lastSeq > maxSeen && b.previous.lastSeq < b.chain.firstSeq) {
          add('unreceived-export', name, `Thôn đã xuất tệp kỳ ${b.previous.periodLabel} đến mục #${b.previous.lastSeq} nhưng xã chưa nhận tệp đó.`);
        } else if (!rewritten) {
          const p = points.get(b.previous.lastSeq);
          if (p && p.hash !== b.previous.headHash) {
            add('rewritten', name, `Tệp "${name}" ghi lần xuất trước kết thúc ở mục #${b.previous.lastSeq} với mã băm khác tệp "${p.file}": nhật ký của nhóm đã bị viết lại.`);
          }
        }
      }
      known.push(rec);
      records.push(rec);
    }

    // Missing periods: a stretch of time between two reports that no report covers.
    const all = [...known].sort((a, b) => Date.parse(a.periodFrom) - Date.parse(b.periodFrom));
    let coveredTo = -Infinity;
    let prev: ReceivedRecord | undefined;
    for (const r of all) {
      const from = Date.parse(r.periodFrom);
      if (prev && from > coveredTo && (!fromHistory.has(r.id) || !fromHistory.has(prev.id))) {
        const newer = fromHistory.has(r.id) ? prev : r;
        add('missing-period', newer.file, `Nhóm "${r.group}" (thôn ${r.thon}) chưa có báo cáo từ ${formatVnDate(coveredTo)} đến ${formatVnDate(from - 1)} (giữa kỳ ${prev.periodLabel} và kỳ ${r.periodLabel}).`);
      }
      const to = Date.parse(r.periodTo);
      if (to > coveredTo) {
        coveredTo = to;
        prev = r;
      }
    }
  }
  return { issues, records };
}
