import { CATEGORY_IDS, type CategoryId } from '../domain/categories';
import { LOG_ACTIONS, type LogAction } from '../log/schema';
import { bundleCanonicalEntries, parseBundle, verifyBundle, type Bundle, type BundleVerification } from './bundle';
import type { Period } from './period';
import { summarize, type ReportSummary, type WeekCount } from './summary';
import { checkBundleSignature } from '../trust/bundle-signature';
import { checkContinuity, type ContinuityIssue, type ReceivedRecord } from '../trust/continuity';
import { judgeKey, villageIdOf, type KeyVerdict, type VillageKeyRow } from '../trust/register';

export type AggregateFile = { name: string; text: string };

export type ChainStatus = 'full' | 'links-only';
/** What the hash chain alone shows: that the file agrees with itself, not who made it. */
export const CHAIN_STATUS_VI: Record<ChainStatus, string> = {
  full: 'Chuỗi băm khớp',
  'links-only': 'Liên kết đúng; nội dung đã che bớt',
};

/** 'registered': signed by the key the xã registered for this village; 'unchecked': no register given. */
export type SignerStatus = 'registered' | 'unchecked';

/** "Đã kiểm tra đủ" only when the signer is the village's registered key AND every hash matched. */
export function rowStatusVi(r: Pick<VillageRow, 'chainStatus' | 'signer'>): string {
  if (r.signer === 'registered') {
    return r.chainStatus === 'full'
      ? 'Đã kiểm tra đủ: đúng khóa đã đăng ký của thôn, chuỗi băm khớp'
      : 'Đúng khóa đã đăng ký của thôn; liên kết đúng, nội dung đã che bớt';
  }
  return `${CHAIN_STATUS_VI[r.chainStatus]} (chưa đối chiếu khóa của thôn)`;
}

/** "households in the group/households in the roster", as the xã table and workbook show it; "—" without a roster. */
export function householdCoverage(r: Pick<VillageRow, 'households' | 'householdsInGroup'>): string {
  return r.households !== null ? `${r.householdsInGroup ?? 0}/${r.households}` : '—';
}

/** The same over all villages that sent a roster count. */
export function householdCoverageTotal(t: Pick<AggregateTotals, 'households' | 'householdsInGroup' | 'villagesWithRoster'>): string {
  return t.villagesWithRoster ? `${t.householdsInGroup}/${t.households}` : '—';
}

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
  signer: SignerStatus;
  /** From the team report inside the bundle; null when the village sent none. */
  groupMembers: number | null;
  households: number | null;
  householdsInGroup: number | null;
  /** Continuity warnings about this file (history rewritten, entries dropped, periods missing). */
  continuity: string[];
};

export type AcceptedFile = {
  name: string;
  ok: true;
  /** Without entries and texts when it came back from a verification worker (see slimResult). */
  bundle: Bundle;
  /** Entry hashes from chain.firstSeq on, set when `bundle.entries` was dropped. */
  entryHashes?: string[];
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
  /** Set when the file is sound but its key is not (yet) the village's registered one. */
  key?: KeyVerdict;
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
  /** Sums over villages whose bundle carries a household count. */
  households: number;
  householdsInGroup: number;
  villagesWithRoster: number;
};

export type AggregateResult = {
  files: FileResult[];
  rows: VillageRow[];
  totals: AggregateTotals;
  /** Non-blocking observations, e.g. consecutive bundles of one group that don't link up. */
  warnings: string[];
  continuity: ContinuityIssue[];
  /** What to remember of the accepted files for the next batch's continuity check. */
  received: ReceivedRecord[];
  /** Registered villages with no accepted file (only with an expected period and a register). */
  missingVillages: { thon: string; xa: string }[];
};

/** The xã's register and memory; without it files are checked for integrity only. */
export type TrustInput = {
  register: readonly VillageKeyRow[];
  history: readonly ReceivedRecord[];
};

export type AggregateOptions = {
  /** The period the xã is compiling; bundles of other periods are rejected. */
  expectedPeriod?: Pick<Period, 'from' | 'to' | 'label'>;
  /** Accept bundles whose period lies inside expectedPeriod (three monthly files for a quarter). */
  allowSubPeriod?: boolean;
  trust?: TrustInput;
  /** Time stamped on received records. */
  now?: Date;
  /** Called after each file is checked (progress bar); return true to stop early. */
  onProgress?: (done: number, total: number) => boolean | void;
};

/** Thrown when onProgress asks to stop. */
export class AggregateCancelled extends Error {
  constructor() {
    super('Đã dừng kiểm tra theo yêu cầu.');
    this.name = 'AggregateCancelled';
  }
}

const zero = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

export function villageRow(
  file: string,
  bundle: Bundle,
  summary: ReportSummary,
  verification: Pick<BundleVerification, 'level'>,
  signer: SignerStatus = 'unchecked',
): VillageRow {
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
    signer,
    groupMembers: bundle.report?.members ?? null,
    households: bundle.report?.households ?? null,
    householdsInGroup: bundle.report?.householdsInGroup ?? null,
    continuity: [],
  };
}

/** Why a sound file is not counted, in the words shown next to it. */
export function keyReasonVi(v: KeyVerdict): string {
  switch (v.kind) {
    case 'unsigned':
      return 'Tệp không có chữ ký số: không biết ai đã tạo tệp (tiện ích bản cũ?). Đề nghị thôn xuất lại bằng bản mới.';
    case 'bad-signature':
      return 'Chữ ký số không khớp nội dung: tệp đã bị sửa sau khi thôn xuất. Không nhận tệp này.';
    case 'unregistered':
      return `Chưa đăng ký khóa của thôn (mã khóa ${v.fingerprint}). Gọi điện cho thôn đọc lại mã khóa; nếu khớp thì bấm "Đăng ký khóa".`;
    case 'other-key':
      return `Tệp được ký bằng khóa khác (mã ${v.fingerprint}) với khóa đã đăng ký của thôn (${v.registered.join(', ') || 'đã thay'}): có thể là tệp giả. Chỉ nhận khi thôn xác nhận đã đổi máy hoặc gửi thông báo đổi khóa.`;
    case 'retired':
      return `Tệp ký bằng khóa mã ${v.fingerprint} sau khi khóa này đã được thay (${v.retiredAt.slice(0, 10)}). Không nhận tệp này.`;
    case 'registered':
      return '';
  }
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
    // Verified bundles only: the declared range matches the entries, and 0 means none.
    const empty = (x: Bundle) => x.chain.lastSeq === 0;
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
 * The dashboard runs the per-file half (checkBundleFile) in workers and then calls combineChecked.
 */
export async function aggregateBundles(files: readonly AggregateFile[], opts: AggregateOptions = {}): Promise<AggregateResult> {
  let done = 0;
  let stop = false;
  const checked = await mapPool(
    files,
    FILE_CONCURRENCY,
    async (f): Promise<FileResult> => {
      if (stop) throw new AggregateCancelled();
      const r = await checkBundleFile(f, opts);
      done++;
      if (opts.onProgress?.(done, files.length) === true) stop = true;
      return r;
    },
  );
  if (stop && done < files.length) throw new AggregateCancelled();
  return combineChecked(files.length, checked, opts);
}

/**
 * The cross-file half of aggregateBundles, over files already checked one by one (in file order):
 * duplicates, totals, continuity with what the xã received before, villages that sent nothing.
 */
export function combineChecked(fileCount: number, checked: readonly FileResult[], opts: Omit<AggregateOptions, 'onProgress'> = {}): AggregateResult {
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
    files: fileCount,
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
    households: 0,
    householdsInGroup: 0,
    villagesWithRoster: 0,
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
    if (r.row.households !== null) {
      totals.households += r.row.households;
      totals.householdsInGroup += r.row.householdsInGroup ?? 0;
      totals.villagesWithRoster++;
    }
    for (const c of CATEGORY_IDS) totals.byCategory[c] += s.byCategory[c];
    for (const a of LOG_ACTIONS) totals.byAction[a] += s.byAction[a];
    for (const w of s.flagsPerWeek) {
      const t = weeks.get(w.key);
      if (t) t.flags += w.flags;
      else weeks.set(w.key, { ...w });
    }
  }
  totals.flagsPerWeek = [...weeks.values()].sort((a, b) => a.key.localeCompare(b.key));

  const { issues, records } = checkContinuity(
    opts.trust?.history ?? [],
    accepted.map((r) => ({ name: r.name, bundle: r.bundle, ...(r.entryHashes ? { hashes: r.entryHashes } : {}) })),
    opts.now ?? new Date(),
  );
  for (const i of issues) accepted.find((r) => r.name === i.file)?.row.continuity.push(i.message);

  const missingVillages: { thon: string; xa: string }[] = [];
  if (opts.trust && opts.expectedPeriod) {
    const sent = new Set(accepted.map((r) => villageIdOf(r.bundle.place)));
    const seen = new Set<string>();
    for (const k of opts.trust.register) {
      if (k.retiredAt || sent.has(k.villageId) || seen.has(k.villageId)) continue;
      seen.add(k.villageId);
      missingVillages.push({ thon: k.thon, xa: k.xa });
    }
  }

  return { files: results, rows, totals, warnings: issues.map((i) => i.message), continuity: issues, received: records, missingVillages };
}

/**
 * The result without the bundle's entries and message texts, which are most of its size: what the
 * page needs to show and total a province's files (rows, summary, chain ends, entry hashes for the
 * continuity check). The full bundle is parsed again from its file only for the workbook.
 */
export function slimResult(r: FileResult): FileResult {
  if (!r.bundle) return r;
  const bundle: Bundle = { ...r.bundle, entries: [], texts: [] };
  return r.ok ? { ...r, bundle, entryHashes: r.bundle.entries.map((e) => e.hash) } : { ...r, bundle };
}

/** What checking one file needs: the period the xã expects and its register (no history: that is cross-file). */
export type FileCheckOptions = Pick<AggregateOptions, 'expectedPeriod' | 'allowSubPeriod'> & { trust?: Pick<TrustInput, 'register'> };

/** Parses and verifies one file on its own: schema, hash chain, signature, registered key, summary. */
export async function checkBundleFile(f: AggregateFile, opts: FileCheckOptions): Promise<FileResult> {
  const parsed = parseBundle(f.text);
  if (!parsed.ok) return { name: f.name, ok: false, reason: parsed.error };
  const bundle = parsed.bundle;
  // One sorted copy of each entry serves the hash chain and the signature.
  const canonical = bundleCanonicalEntries(bundle);
  const verification = await verifyBundle(bundle, opts, canonical);
  if (!verification.ok) return { name: f.name, ok: false, reason: rejectionReason(verification), bundle, verification };
  const sig = await checkBundleSignature(bundle, canonical);
  // A signature that doesn't match is always wrong, register or not.
  if (sig.status === 'invalid') return { name: f.name, ok: false, reason: keyReasonVi({ kind: 'bad-signature' }), bundle, verification, key: { kind: 'bad-signature' } };
  let signer: SignerStatus = 'unchecked';
  if (opts.trust) {
    const key = judgeKey(opts.trust.register, bundle.place, sig, bundle.exportedAt);
    if (key.kind !== 'registered') return { name: f.name, ok: false, reason: keyReasonVi(key), bundle, verification, key };
    signer = 'registered';
  }
  const summary = summarize(bundle.entries, bundle.period);
  return { name: f.name, ok: true, bundle, verification, summary, row: villageRow(f.name, bundle, summary, verification, signer) };
}
