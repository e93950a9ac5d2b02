import { CATEGORY_IDS, type CategoryId } from '../domain/categories';
import { LOG_ACTIONS, type LogAction } from '../log/schema';
import { parseBundle, verifyBundle, type Bundle, type BundleVerification } from './bundle';
import type { Period } from './period';
import { summarize, type ReportSummary, type WeekCount } from './summary';

export type AggregateFile = { name: string; text: string };

export type ChainStatus = 'full' | 'links-only';
export const CHAIN_STATUS_VI: Record<ChainStatus, string> = {
  full: 'Toàn vẹn (đã kiểm tra đủ)',
  'links-only': 'Liên kết đúng; nội dung đã che bớt',
};

/** What the xã counts, per village row and in the totals. */
type Counts = {
  entries: number;
  flags: number;
  byCategory: Record<CategoryId, number>;
  byAction: Record<LogAction, number>;
  openFlags: number;
  pinned: number;
  notices: number;
  polls: number;
};

/** One line of the xã table: one village group for one period. */
export type VillageRow = Counts & {
  file: string;
  thon: string;
  xa: string;
  tinh: string;
  group: string;
  threadId: string;
  period: string;
  members: number;
  admin: string;
  exportedAt: string;
  chainStatus: ChainStatus;
};

export type AcceptedFile = {
  name: string;
  ok: true;
  bundle: Bundle;
  verification: BundleVerification;
  summary: ReportSummary;
  row: VillageRow;
};
export type RejectedFile = {
  name: string;
  ok: false;
  /** Clear Vietnamese reason shown next to the file name. */
  reason: string;
  bundle?: Bundle;
  verification?: BundleVerification;
  duplicateOf?: string;
};
export type FileResult = AcceptedFile | RejectedFile;

export type AggregateTotals = Counts & {
  files: number;
  accepted: number;
  rejected: number;
  villages: number;
  groups: number;
  flagsPerWeek: WeekCount[];
  redactedFiles: number;
};

export type AggregateResult = {
  files: FileResult[];
  rows: VillageRow[];
  totals: AggregateTotals;
  /** Non-blocking observations, e.g. consecutive bundles of one group that don't link up. */
  warnings: string[];
};

export type AggregateOptions = {
  /** The period the xã is compiling; bundles of other periods are rejected. */
  expectedPeriod?: Pick<Period, 'from' | 'to' | 'label'>;
  /** Accept bundles whose period lies inside expectedPeriod (three monthly files for a quarter). */
  allowSubPeriod?: boolean;
};

const zero = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

export function villageRow(file: string, bundle: Bundle, summary: ReportSummary, verification: Pick<BundleVerification, 'level'>): VillageRow {
  return {
    file,
    thon: bundle.place.thon,
    xa: bundle.place.xa,
    tinh: bundle.place.tinh,
    group: bundle.group.name,
    threadId: bundle.group.threadId,
    period: bundle.period.label,
    entries: summary.entries,
    flags: summary.flags,
    byCategory: { ...summary.byCategory },
    byAction: { ...summary.byAction },
    openFlags: summary.openFlags.length,
    pinned: summary.pinned,
    notices: summary.notices,
    polls: summary.polls,
    members: summary.members.length,
    admin: bundle.exporter.adminName,
    exportedAt: bundle.exportedAt,
    chainStatus: verification.level === 'links-only' ? 'links-only' : 'full',
  };
}

function rejectionReason(v: BundleVerification): string {
  const failed = v.checks.filter((c) => !c.ok);
  const chainIds = new Set(['seq', 'anchor', 'links', 'hashes', 'head', 'chain-id']);
  const chainFail = failed.find((c) => chainIds.has(c.id));
  if (chainFail) {
    const at = v.firstBadSeq !== undefined ? ` tại mục #${v.firstBadSeq}` : '';
    return `Nhật ký bị sửa hoặc thiếu${at}: ${chainFail.message}`;
  }
  const periodFail = failed.find((c) => c.id === 'expected-period');
  if (periodFail) return `Sai kỳ báo cáo: ${periodFail.message}`;
  return failed.map((c) => c.message).join(' ');
}

type Range = { name: string; bundle: Bundle };

function duplicateOf(b: Bundle, seen: readonly Range[]): { other: string; reason: string } | undefined {
  for (const s of seen) {
    const a = s.bundle;
    if (a.chain.chainId !== b.chain.chainId) {
      // The hash covers chainId, so this only fires for a copy whose group fields were edited.
      if (b.chain.headHash && a.chain.headHash === b.chain.headHash) {
        return { other: s.name, reason: `Trùng với tệp "${s.name}" (cùng mã băm cuối ${b.chain.headHash.slice(0, 8)}…).` };
      }
      continue;
    }
    const empty = (x: Bundle) => x.entries.length === 0;
    if (empty(a) || empty(b)) {
      if (empty(a) && empty(b) && a.period.from === b.period.from && a.period.to === b.period.to) {
        return { other: s.name, reason: `Trùng với tệp "${s.name}" (cùng nhóm, cùng kỳ ${b.period.label}, không có mục nào).` };
      }
      continue;
    }
    if (a.chain.firstSeq === b.chain.firstSeq && a.chain.lastSeq === b.chain.lastSeq) {
      return { other: s.name, reason: `Trùng với tệp "${s.name}" (cùng nhóm, cùng các mục #${b.chain.firstSeq}–#${b.chain.lastSeq}).` };
    }
    if (a.chain.firstSeq <= b.chain.lastSeq && b.chain.firstSeq <= a.chain.lastSeq) {
      return {
        other: s.name,
        reason: `Chồng lấn với tệp "${s.name}": cùng nhóm, các mục #${Math.max(a.chain.firstSeq, b.chain.firstSeq)}–#${Math.min(a.chain.lastSeq, b.chain.lastSeq)} có trong cả hai tệp.`,
      };
    }
  }
  return undefined;
}

/** Files verified at once: enough to keep WebCrypto busy without holding every file's digests in flight. */
const FILE_CONCURRENCY = 8;

/** Order-preserving map with at most `limit` promises pending. */
async function mapPool<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/**
 * The xã view: parse, verify and de-duplicate the files the villages sent. A bad file is rejected
 * with its reason and never stops the others from loading. The first of two duplicates wins.
 */
export async function aggregateBundles(files: readonly AggregateFile[], opts: AggregateOptions = {}): Promise<AggregateResult> {
  const checked = await mapPool(
    files,
    FILE_CONCURRENCY,
    async (f): Promise<FileResult> => {
      const parsed = parseBundle(f.text);
      if (!parsed.ok) return { name: f.name, ok: false, reason: parsed.error };
      const verification = await verifyBundle(parsed.bundle, opts);
      if (!verification.ok) return { name: f.name, ok: false, reason: rejectionReason(verification), bundle: parsed.bundle, verification };
      const summary = summarize(parsed.bundle.entries, parsed.bundle.period);
      return {
        name: f.name,
        ok: true,
        bundle: parsed.bundle,
        verification,
        summary,
        row: villageRow(f.name, parsed.bundle, summary, verification),
      };
    },
  );

  const seen: Range[] = [];
  const results: FileResult[] = checked.map((r) => {
    if (!r.ok) return r;
    const dup = duplicateOf(r.bundle, seen);
    if (dup) return { name: r.name, ok: false, reason: dup.reason, bundle: r.bundle, verification: r.verification, duplicateOf: dup.other };
    seen.push({ name: r.name, bundle: r.bundle });
    return r;
  });

  const accepted = results.filter((r): r is AcceptedFile => r.ok);
  const rows = accepted
    .map((r) => r.row)
    .sort((a, b) => a.xa.localeCompare(b.xa, 'vi') || a.thon.localeCompare(b.thon, 'vi') || a.group.localeCompare(b.group, 'vi') || a.period.localeCompare(b.period));

  const totals: AggregateTotals = {
    files: files.length,
    accepted: accepted.length,
    rejected: results.length - accepted.length,
    villages: new Set(accepted.map((r) => `${r.bundle.place.xa}|${r.bundle.place.thon}`)).size,
    groups: new Set(accepted.map((r) => r.bundle.group.threadId)).size,
    entries: 0,
    flags: 0,
    byCategory: zero(CATEGORY_IDS),
    byAction: zero(LOG_ACTIONS),
    openFlags: 0,
    pinned: 0,
    notices: 0,
    polls: 0,
    flagsPerWeek: [],
    redactedFiles: accepted.filter((r) => r.bundle.redaction !== null).length,
  };
  const weeks = new Map<string, WeekCount>();
  for (const r of accepted) {
    const s = r.summary;
    totals.entries += s.entries;
    totals.flags += s.flags;
    totals.openFlags += s.openFlags.length;
    totals.pinned += s.pinned;
    totals.notices += s.notices;
    totals.polls += s.polls;
    for (const c of CATEGORY_IDS) totals.byCategory[c] += s.byCategory[c];
    for (const a of LOG_ACTIONS) totals.byAction[a] += s.byAction[a];
    for (const w of s.flagsPerWeek) {
      const t = weeks.get(w.key);
      if (t) t.flags += w.flags;
      else weeks.set(w.key, { ...w });
    }
  }
  totals.flagsPerWeek = [...weeks.values()].sort((a, b) => a.key.localeCompare(b.key));

  return { files: results, rows, totals, warnings: continuityWarnings(accepted) };
}

/**
 * Consecutive bundles of one group must link: the later one's anchor is the earlier one's head.
 * A mismatch means one of the two logs was rebuilt after it was sent, which no single file can show.
 */
function continuityWarnings(accepted: readonly AcceptedFile[]): string[] {
  const byChain = new Map<string, AcceptedFile[]>();
  for (const r of accepted) {
    if (!r.bundle.entries.length) continue;
    const list = byChain.get(r.bundle.chain.chainId) ?? [];
    list.push(r);
    byChain.set(r.bundle.chain.chainId, list);
  }
  const warnings: string[] = [];
  for (const list of byChain.values()) {
    list.sort((a, b) => a.bundle.chain.firstSeq - b.bundle.chain.firstSeq);
    for (let i = 1; i < list.length; i++) {
      const prev = list[i - 1]!.bundle.chain;
      const next = list[i]!.bundle.chain;
      if (next.firstSeq === prev.lastSeq + 1 && next.anchorPrevHash !== prev.headHash) {
        warnings.push(
          `Tệp "${list[i]!.name}" không nối tiếp tệp "${list[i - 1]!.name}" (mục #${next.firstSeq} không trỏ về mục #${prev.lastSeq}): nhật ký của nhóm có thể đã bị làm lại.`,
        );
      } else if (next.firstSeq > prev.lastSeq + 1) {
        warnings.push(`Thiếu các mục #${prev.lastSeq + 1}–#${next.firstSeq - 1} giữa tệp "${list[i - 1]!.name}" và tệp "${list[i]!.name}".`);
      }
    }
  }
  return warnings;
}
