// Namespace import: `import { z }` drags every zod locale into the bundle (443 kB vs 83 kB).
import * as z from 'zod';
import { sha256HexSync } from '../log/sha256';
import { canonicalEntries, fastCanonicalWithout, type CanonicalEntries } from './canonical';
import { snapshotHash } from '../log/snapshot';
import { GENESIS_HASH, eventTime, logEntrySchema, placeSchema, type LogEntry, type Place } from '../log/schema';
import { teamReportSchema, type TeamReport } from '../health/team-report';
import { formatVnDateTime, periodFilter, periodSchema, samePeriod, toVnIso, type Period } from './period';
import {
  REDACTABLE_FIELDS,
  isRedacting,
  maskNumbers,
  redactEntries,
  redactionOptionsSchema,
  type ExportEntry,
  type RedactionOptions,
} from './redact';
import { formatPath } from '../validation';
import { slugify } from '../domain/text';

/**
 * The JSON bundle a village sends to the xã: one group (= one hash chain), one period.
 *
 * Redaction vs. the hash chain: an entry's hash covers its full content, so a bundle with names turned
 * into initials or text dropped can't prove its content. Redacted entries keep their ORIGINAL `hash` and
 * `prevHash` and carry `redacted: true` + `redactedFields`. The verifier then checks, for the whole
 * segment, the link structure (seq contiguous, each prevHash = previous hash, anchor, head) and the
 * content hash of every entry that was NOT changed; for changed entries it reports
 * "liên kết đúng, nội dung không kiểm tra được". Unredacted bundles verify fully (same checks as
 * `verifyChain`).
 * The village keeps the full log, so a disputed redacted entry can be checked against it on request.
 */
export const BUNDLE_FORMAT = 'zalo-group-guard/bundle';
/** 2 adds `previous` and `signature` (see lib/trust); version-1 files still read, as unsigned. */
export const BUNDLE_SCHEMA_VERSION = 2;

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'phải là 64 chữ số hex viết thường');

export const exportEntrySchema = logEntrySchema.extend({
  redacted: z.literal(true).optional(),
  redactedFields: z.array(z.enum(REDACTABLE_FIELDS)).min(1).optional(),
});

/** Where this group's previous export ended, so the xã can tell whether this one carries on from it. */
export const previousExportSchema = z.object({
  lastSeq: z.number().int().positive(),
  headHash: hex64,
  periodLabel: z.string(),
});
export type PreviousExport = z.infer<typeof previousExportSchema>;

/** Ed25519 signature over the canonical bundle without this field (lib/trust/bundle-signature.ts). */
export const bundleSignatureSchema = z.object({
  alg: z.literal('Ed25519'),
  /** Raw 32-byte public key, base64. */
  publicKey: z.string().min(1),
  value: z.string().min(1),
});
export type BundleSignature = z.infer<typeof bundleSignatureSchema>;

export const bundleSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  schemaVersion: z.union([z.literal(1), z.literal(BUNDLE_SCHEMA_VERSION)]),
  exportedAt: z.string().datetime({ offset: true }),
  exporter: z.object({ adminName: z.string(), extensionVersion: z.string() }),
  place: placeSchema,
  group: z.object({ threadId: z.string().min(1), name: z.string() }),
  period: periodSchema,
  chain: z.object({
    chainId: z.string().min(1),
    /** 0 when the period has no entries. */
    firstSeq: z.number().int().nonnegative(),
    lastSeq: z.number().int().nonnegative(),
    /** prevHash of the first entry (GENESIS_HASH when the segment starts the chain); null when empty. */
    anchorPrevHash: hex64.nullable(),
    headHash: hex64.nullable(),
  }),
  /** Options used for this export; null = nothing redacted. */
  redaction: redactionOptionsSchema.nullable(),
  entries: z.array(exportEntrySchema),
  /**
   * Message texts kept beside the chain (the log stores only their salted hash, so retention can
   * drop them). Each is checked against its entry's textHash; `redacted` ones (numbers masked for
   * this export) can only be matched to their entry. Absent when the export drops message text.
   */
  texts: z
    .array(z.object({ seq: z.number().int().positive(), text: z.string(), salt: z.string(), redacted: z.literal(true).optional() }))
    .default([]),
  /** null: the first export of this group from this installation; absent in version-1 files. */
  previous: previousExportSchema.nullable().optional(),
  /** The team's work report for the period (lib/health/team-report.ts), so the xã can total villages. */
  report: teamReportSchema.optional(),
  signature: bundleSignatureSchema.optional(),
});
export type Bundle = z.infer<typeof bundleSchema>;

export type MakeBundleInput = {
  /** The group's log (may hold more than the period and other chains: only the segment is taken). */
  entries: readonly LogEntry[];
  period: Period;
  place: Place;
  group: { threadId: string; name: string };
  exporter: { adminName: string; extensionVersion: string };
  redaction?: RedactionOptions;
  exportedAt?: Date;
  /** Snapshot texts from the log's side table (lib/log readChain), by seq. */
  texts?: readonly { seq: number; text: string; salt: string }[];
  /** End of this group's previous export (lib/trust/store.ts); null for the first one. */
  previous?: PreviousExport | null;
  report?: TeamReport;
};

/**
 * The contiguous chain segment covering the period: from the first to the last in-period seq.
 * Contiguity matters more than the time filter: a gap would look like a deleted entry.
 */
export function selectSegment(entries: readonly LogEntry[], chainId: string, period: Pick<Period, 'from' | 'to'>): LogEntry[] {
  const chain = entries.filter((e) => e.chainId === chainId).sort((a, b) => a.seq - b.seq);
  const inside = periodFilter(period);
  let first = -1;
  let last = -1;
  chain.forEach((e, i) => {
    if (inside(e)) {
      if (first < 0) first = i;
      last = i;
    }
  });
  return first < 0 ? [] : chain.slice(first, last + 1);
}

/**
 * Builds the bundle for one group and period. Entries are normalised through the LogEntry schema so
 * storage-only keys (e.g. a Dexie primary key) don't end up in the file; an invalid stored entry throws.
 */
export function makeBundle(input: MakeBundleInput): Bundle {
  const segment = selectSegment(input.entries, input.group.threadId, input.period).map((e) => {
    const parsed = logEntrySchema.safeParse(e);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(`Mục nhật ký #${e.seq} không hợp lệ (trường "${formatPath(issue.path)}": ${issue.message})`);
    }
    return parsed.data;
  });
  const redaction = input.redaction && isRedacting(input.redaction) ? input.redaction : null;
  const entries: ExportEntry[] = redaction ? redactEntries(segment, redaction) : segment;
  const first = segment[0];
  const last = segment.at(-1);
  const inSegment = new Set(segment.filter((e) => e.textHash).map((e) => e.seq));
  const texts = redaction?.dropText
    ? []
    : (input.texts ?? [])
        .filter((t) => inSegment.has(t.seq))
        .map((t) =>
          redaction?.maskNumbers && maskNumbers(t.text) !== t.text
            ? { seq: t.seq, text: maskNumbers(t.text), salt: t.salt, redacted: true as const }
            : { seq: t.seq, text: t.text, salt: t.salt },
        );
  return {
    format: BUNDLE_FORMAT,
    schemaVersion: BUNDLE_SCHEMA_VERSION,
    exportedAt: toVnIso((input.exportedAt ?? new Date()).getTime()),
    exporter: { ...input.exporter },
    place: { ...input.place },
    group: { ...input.group },
    period: { ...input.period },
    chain: {
      chainId: input.group.threadId,
      firstSeq: first?.seq ?? 0,
      lastSeq: last?.seq ?? 0,
      anchorPrevHash: first?.prevHash ?? null,
      headHash: last?.hash ?? null,
    },
    redaction,
    entries,
    texts,
    // Omitted when the caller does not know (tests, tools); null is a claim: "first export".
    ...(input.previous !== undefined ? { previous: input.previous } : {}),
    ...(input.report ? { report: input.report } : {}),
  };
}

export function bundleToJson(bundle: Bundle): string {
  return JSON.stringify(bundle, null, 1);
}

/** ASCII file name: "zgg_thon-dong-xa-an-binh_thang-11-2026.json". */
export function bundleFileName(bundle: Pick<Bundle, 'place' | 'period'>): string {
  const parts = ['zgg', slugify(`thon ${bundle.place.thon} xa ${bundle.place.xa}`), slugify(bundle.period.label)];
  return `${parts.filter(Boolean).join('_')}.json`;
}

/** Bundles produced by parseBundle: already schema-checked, so verifyBundle needn't re-validate 100k entries. */
const validated = new WeakSet<object>();

/** The bundle itself when parseBundle produced it (already normalised by the schema), else a parsed copy. */
export function normalisedBundle(bundle: Bundle): Bundle {
  return validated.has(bundle) ? bundle : bundleSchema.parse(bundle);
}

export type ParseBundleResult = { ok: true; bundle: Bundle } | { ok: false; error: string; field?: string };


/** Parses a bundle from JSON text (or an already parsed value); errors name the field, in Vietnamese. */
export function parseBundle(json: string | unknown): ParseBundleResult {
  let value: unknown = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json.startsWith('\uFEFF') ? json.slice(1) : json);
    } catch {
      return { ok: false, error: 'Tệp không phải JSON hợp lệ (có thể bị hỏng hoặc không phải tệp xuất báo cáo).' };
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, error: 'Nội dung tệp không phải một đối tượng JSON.' };
  }
  const obj = value as Record<string, unknown>;
  if (obj.format !== BUNDLE_FORMAT) {
    return {
      ok: false,
      field: 'format',
      error: `Không phải tệp xuất của Trợ lý quản trị nhóm Zalo (trường "format" là ${JSON.stringify(obj.format ?? null)}).`,
    };
  }
  if (typeof obj.schemaVersion === 'number' && obj.schemaVersion > BUNDLE_SCHEMA_VERSION) {
    return {
      ok: false,
      field: 'schemaVersion',
      error: `Tệp được tạo bởi phiên bản mới hơn (schemaVersion ${obj.schemaVersion}); hãy cập nhật tiện ích.`,
    };
  }
  const parsed = bundleSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = formatPath(issue.path);
    const missing = issue.code === 'invalid_type' && issue.message.includes('undefined');
    return {
      ok: false,
      field,
      error: missing
        ? `Thiếu trường "${field}".`
        : `Trường "${field}" không hợp lệ: ${issue.message}.`,
    };
  }
  validated.add(parsed.data);
  return { ok: true, bundle: parsed.data };
}

export const CHECK_IDS = ['schema', 'chain-id', 'seq', 'anchor', 'links', 'hashes', 'texts', 'head', 'period', 'expected-period', 'redaction'] as const;
export type CheckId = (typeof CHECK_IDS)[number];
export type BundleCheck = { id: CheckId; ok: boolean; message: string };
export type BundleVerification = {
  ok: boolean;
  /** 'full': every content hash checked; 'links-only': some entries redacted, their content unverifiable. */
  level: 'full' | 'links-only' | 'failed';
  /** seq of the first entry with a chain problem (for "chuỗi bị sửa tại mục #N"). */
  firstBadSeq?: number;
  redactedCount: number;
  checks: BundleCheck[];
};

type Problem = { seq: number; reason: 'hash' | 'link' | 'seq' | 'chain' };

/** Link/seq/chain problems of a segment without recomputing hashes. */
function linkProblems(entries: readonly ExportEntry[]): Problem[] {
  const problems: Problem[] = [];
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    if (i > 0) {
      const before = entries[i - 1]!;
      if (e.chainId !== before.chainId) problems.push({ seq: e.seq, reason: 'chain' });
      if (e.seq !== before.seq + 1) problems.push({ seq: e.seq, reason: 'seq' });
      if (e.prevHash !== before.hash) problems.push({ seq: e.seq, reason: 'link' });
    } else if (e.seq === 1 && e.prevHash !== GENESIS_HASH) {
      problems.push({ seq: e.seq, reason: 'link' });
    }
  }
  return problems;
}

/** Not part of an entry's hashed body: the links themselves and the export's redaction markers. */
const NOT_HASHED: ReadonlySet<string> = new Set(['prevHash', 'hash', 'redacted', 'redactedFields']);

/**
 * The entries' canonical form, written once for both checks of a bundle: the hash chain (bodies) and
 * the signature (lib/trust/bundle-signature.ts). Undefined in the rare case that needs the slow path.
 */
export function bundleCanonicalEntries(bundle: Pick<Bundle, 'entries'>): CanonicalEntries | undefined {
  return canonicalEntries(bundle.entries, NOT_HASHED);
}

/**
 * Content hashes of the unredacted entries (redacted ones cannot match by construction).
 * Together with linkProblems this is exactly verifyChain (lib/log/chain.ts) — tests assert the
 * equivalence — but the bodies' canonical JSON is written by the engine and hashed synchronously:
 * no promise per entry.
 */
function hashProblems(entries: readonly ExportEntry[], canonical: CanonicalEntries | undefined): Problem[] {
  const problems: Problem[] = [];
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    if (e.redacted) continue;
    const body = canonical ? canonical.bodies[i]! : fastCanonicalWithout(e, NOT_HASHED);
    if (sha256HexSync(`${e.prevHash}\n${body}`) !== e.hash) problems.push({ seq: e.seq, reason: 'hash' });
  }
  return problems;
}

const short = (h: string | null | undefined) => (h ? `${h.slice(0, 8)}…` : '(trống)');

/**
 * Verifies a parsed bundle. `expectedPeriod` is the period the xã asked for; a bundle must match it
 * exactly unless `allowSubPeriod` (monthly bundles inside a quarterly aggregation).
 */
export async function verifyBundle(
  input: Bundle,
  opts: { expectedPeriod?: Pick<Period, 'from' | 'to' | 'label'>; allowSubPeriod?: boolean } = {},
  /** bundleCanonicalEntries(input) when the caller needs it too (the signature); used only for a bundle parseBundle made. */
  canonical?: CanonicalEntries,
): Promise<BundleVerification> {
  const checks: BundleCheck[] = [];
  const add = (id: CheckId, ok: boolean, message: string) => checks.push({ id, ok, message });

  let bundle: Bundle = input;
  if (!validated.has(input)) {
    const parsed = bundleSchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      add('schema', false, `Sai cấu trúc tệp tại trường "${formatPath(issue.path)}": ${issue.message}`);
      return { ok: false, level: 'failed', redactedCount: 0, checks };
    }
    bundle = parsed.data;
  }
  const entries = bundle.entries;
  add('schema', true, `Đúng định dạng tệp xuất (phiên bản ${bundle.schemaVersion}).`);

  // One chain = one group.
  const otherChain = entries.find((e) => e.chainId !== bundle.chain.chainId);
  const chainIdOk = !otherChain && bundle.chain.chainId === bundle.group.threadId;
  add(
    'chain-id',
    chainIdOk,
    chainIdOk
      ? `Tất cả ${entries.length} mục thuộc nhóm "${bundle.group.name}".`
      : otherChain
        ? `Mục #${otherChain.seq} thuộc nhóm khác (chuỗi ${otherChain.chainId}).`
        : `Mã chuỗi (${bundle.chain.chainId}) khác mã nhóm (${bundle.group.threadId}).`,
  );

  const links = linkProblems(entries);
  const redactedCount = entries.filter((e) => e.redacted).length;
  const own = canonical && bundle === input && canonical.bodies.length === entries.length ? canonical : bundleCanonicalEntries(bundle);
  const hashes = hashProblems(entries, own).map((p) => p.seq);

  const seqIssue = links.find((p) => p.reason === 'seq');
  const first = entries[0];
  const last = entries.at(-1);
  const rangeOk = entries.length
    ? bundle.chain.firstSeq === first!.seq && bundle.chain.lastSeq === last!.seq
    : bundle.chain.firstSeq === 0 && bundle.chain.lastSeq === 0;
  add(
    'seq',
    !seqIssue && rangeOk,
    seqIssue
      ? `Số thứ tự không liên tục tại mục #${seqIssue.seq}: có mục bị xóa hoặc bị đảo thứ tự.`
      : !rangeOk
        ? `Khoảng số thứ tự khai báo (#${bundle.chain.firstSeq}–#${bundle.chain.lastSeq}) không khớp nội dung (#${first?.seq ?? 0}–#${last?.seq ?? 0}).`
        : entries.length
          ? `Số thứ tự liên tục từ #${first!.seq} đến #${last!.seq}.`
          : 'Kỳ này không có mục nào.',
  );

  const anchorOk = entries.length ? first!.prevHash === bundle.chain.anchorPrevHash : bundle.chain.anchorPrevHash === null;
  add(
    'anchor',
    anchorOk,
    anchorOk
      ? entries.length
        ? `Mục đầu (#${first!.seq}) nối đúng điểm neo ${short(bundle.chain.anchorPrevHash)}.`
        : 'Không có mục nào để nối.'
      : `Mục đầu không nối với điểm neo khai báo (${short(bundle.chain.anchorPrevHash)}).`,
  );

  const linkIssue = links.find((p) => p.reason === 'link' || p.reason === 'chain');
  add(
    'links',
    !linkIssue,
    linkIssue ? `Chuỗi bị đứt tại mục #${linkIssue.seq} (không nối với mục trước).` : 'Các mục nối liền nhau đúng thứ tự.',
  );

  const verified = entries.length - redactedCount;
  add(
    'hashes',
    hashes.length === 0,
    hashes.length
      ? `Nội dung mục #${hashes[0]} đã bị sửa (mã băm không khớp).`
      : redactedCount
        ? `Đã kiểm tra liên kết chuỗi; không kiểm tra được nội dung của ${redactedCount} mục vì đã che bớt thông tin (${verified} mục còn lại khớp mã băm).`
        : entries.length
          ? `Nội dung cả ${entries.length} mục khớp mã băm.`
          : 'Không có nội dung cần kiểm tra.',
  );

  if (bundle.texts.length) {
    const bySeq = new Map(entries.map((e) => [e.seq, e]));
    let bad: number | undefined;
    let checked = 0;
    for (const t of bundle.texts) {
      const entry = bySeq.get(t.seq);
      if (!entry || !entry.textHash) {
        bad ??= t.seq;
        continue;
      }
      if (t.redacted) continue;
      checked++;
      if ((await snapshotHash(t.text, t.salt)) !== entry.textHash) bad ??= t.seq;
    }
    add(
      'texts',
      bad === undefined,
      bad !== undefined
        ? `Nội dung tin nhắn của mục #${bad} đã bị sửa hoặc không thuộc nhật ký này.`
        : `Nội dung ${checked} tin nhắn khớp mã băm trong nhật ký${checked < bundle.texts.length ? ` (${bundle.texts.length - checked} tin đã che số nên chỉ đối chiếu được số thứ tự)` : ''}.`,
    );
  }

  const headOk = (last?.hash ?? null) === bundle.chain.headHash;
  add(
    'head',
    headOk,
    headOk ? `Mã băm cuối khớp (${short(bundle.chain.headHash)}).` : `Mã băm cuối (${short(last?.hash)}) khác khai báo (${short(bundle.chain.headHash)}).`,
  );

  // The segment runs from the first to the last entry of the period. Between them the chain stays
  // contiguous, so an entry about an older message read late may sit inside: only the ends must belong.
  const inside = periodFilter(bundle.period);
  const ends = entries.length ? [entries[0]!, entries[entries.length - 1]!] : [];
  const outside = ends.find((e) => !inside(e));
  add(
    'period',
    !outside,
    outside
      ? `Mục #${outside.seq} (${formatVnDateTime(eventTime(outside))}) nằm ngoài kỳ ${bundle.period.label}.`
      : `Tất cả mục nằm trong kỳ ${bundle.period.label}.`,
  );

  if (opts.expectedPeriod) {
    const exp = opts.expectedPeriod;
    const ok = samePeriod(bundle.period, exp) || (opts.allowSubPeriod === true && Date.parse(bundle.period.from) >= Date.parse(exp.from) && Date.parse(bundle.period.to) <= Date.parse(exp.to));
    add('expected-period', ok, ok ? `Đúng kỳ cần báo cáo (${exp.label}).` : `Tệp là kỳ ${bundle.period.label}, không thuộc kỳ cần báo cáo ${exp.label}.`);
  }

  const strayRedacted = bundle.redaction === null ? entries.find((e) => e.redacted || e.redactedFields) : undefined;
  const markerMismatch = entries.find((e) => Boolean(e.redacted) !== Boolean(e.redactedFields));
  const redOk = !strayRedacted && !markerMismatch;
  add(
    'redaction',
    redOk,
    !redOk
      ? `Mục #${(strayRedacted ?? markerMismatch)!.seq} ghi là đã che bớt nhưng tệp không khai báo đúng cách che.`
      : bundle.redaction
        ? `Tệp đã che bớt thông tin (${describeRedaction(bundle.redaction)}); ${redactedCount} mục bị thay đổi.`
        : 'Tệp không che bớt thông tin.',
  );

  const ok = checks.every((c) => c.ok);
  const problemSeqs = [...links.map((p) => p.seq), ...hashes];
  return {
    ok,
    level: ok ? (redactedCount ? 'links-only' : 'full') : 'failed',
    firstBadSeq: problemSeqs.length ? Math.min(...problemSeqs) : undefined,
    redactedCount,
    checks,
  };
}

export function describeRedaction(r: RedactionOptions): string {
  const parts: string[] = [];
  if (r.names === 'initials') parts.push('tên viết tắt');
  if (r.maskNumbers) parts.push('che số điện thoại/số tài khoản');
  if (r.dropText) parts.push('bỏ nội dung tin nhắn');
  return parts.join(', ') || 'không che';
}
