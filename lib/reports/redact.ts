// Namespace import: `import { z }` drags every zod locale into the bundle (443 kB vs 83 kB).
import * as z from 'zod';
import type { LogEntry } from '../log/schema';

export const redactionOptionsSchema = z.object({
  /** 'initials': member names become "N.V.A." and member uids are dropped (they identify the person too). */
  names: z.enum(['full', 'initials']),
  /** Phone, CCCD/CMND and bank account numbers (runs of ≥ 8 digits) keep only their last 3 digits. */
  maskNumbers: z.boolean(),
  /** Message text and evidence snippets are removed. */
  dropText: z.boolean(),
});
export type RedactionOptions = z.infer<typeof redactionOptionsSchema>;

export const NO_REDACTION: RedactionOptions = { names: 'full', maskNumbers: false, dropText: false };

export function isRedacting(opts: RedactionOptions): boolean {
  return opts.names === 'initials' || opts.maskNumbers || opts.dropText;
}

/** Fields an export may change. Listed per entry so the verifier knows what it can't check. */
export const REDACTABLE_FIELDS = ['member.name', 'member.uid', 'text', 'evidence', 'note', 'outcome'] as const;
export type RedactableField = (typeof REDACTABLE_FIELDS)[number];

/** An exported entry: the original hash/prevHash are kept; `redacted` marks content that was changed. */
export type ExportEntry = LogEntry & { redacted?: true; redactedFields?: RedactableField[] };

/** "Nguyễn Văn An" → "N.V.A."; "đặng thị bích" → "Đ.T.B."; "" → "". */
export function initials(name: string): string {
  const words = name.normalize('NFC').trim().split(/\s+/u).filter(Boolean);
  return words.map((w) => `${Array.from(w)[0]!.toLocaleUpperCase('vi')}.`).join('');
}

/**
 * Digit runs that may contain spaces, dots or dashes between groups ("0912 345 678", "+84.912.345.678",
 * "1903-6868-1234"). Runs shorter than 8 digits (prices like 500.000, dates 15/11/2026) are left alone.
 */
const NUMBER_RUN = /\+?\d(?:[\d]|[ .-](?=\d))*/g;
const MIN_DIGITS = 8;
/** "15.11.2026", "15-11-2026", "2026-11-15": dates are not personal numbers. */
const DATE_LIKE = /^(?:\d{1,2}[.-]\d{1,2}[.-]\d{4}|\d{4}-\d{1,2}-\d{1,2})$/;
const KEEP_LAST = 3;

export function maskNumbers(text: string): string {
  return text.replace(NUMBER_RUN, (run) => {
    const digits = run.replace(/\D/g, '').length;
    if (digits < MIN_DIGITS || DATE_LIKE.test(run)) return run;
    let seen = 0;
    // Walk from the end so the last KEEP_LAST digits survive; separators stay for readability.
    const out = Array.from(run);
    for (let i = out.length - 1; i >= 0; i--) {
      if (/\d/.test(out[i]!)) {
        seen++;
        if (seen > KEEP_LAST) out[i] = '*';
      } else if (out[i] === '+') out[i] = '*';
    }
    return out.join('');
  });
}

/** Redacts one entry; returns it unchanged (same object) when nothing had to change. */
export function redactEntry(entry: LogEntry, opts: RedactionOptions): ExportEntry {
  if (!isRedacting(opts)) return entry;
  const out: ExportEntry = { ...entry };
  const changed = new Set<RedactableField>();
  const maskIn = (field: 'text' | 'note' | 'outcome') => {
    const v = out[field];
    if (opts.maskNumbers && v !== undefined) {
      const masked = maskNumbers(v);
      if (masked !== v) {
        out[field] = masked;
        changed.add(field);
      }
    }
  };

  if (entry.member) {
    let name = entry.member.name;
    if (opts.names === 'initials') name = initials(name);
    if (opts.maskNumbers) name = maskNumbers(name);
    const member: NonNullable<LogEntry['member']> = { name };
    if (entry.member.uid !== undefined && opts.names === 'full') member.uid = entry.member.uid;
    if (name !== entry.member.name) changed.add('member.name');
    if (entry.member.uid !== undefined && member.uid === undefined) changed.add('member.uid');
    out.member = member;
  }

  if (opts.dropText) {
    if (out.text !== undefined) {
      delete out.text;
      changed.add('text');
    }
    if (out.evidence !== undefined) {
      delete out.evidence;
      changed.add('evidence');
    }
  } else {
    maskIn('text');
    if (opts.maskNumbers && out.evidence) {
      const masked = out.evidence.map(maskNumbers);
      if (masked.some((m, i) => m !== out.evidence![i])) {
        out.evidence = masked;
        changed.add('evidence');
      }
    }
  }
  maskIn('note');
  maskIn('outcome');

  if (changed.size === 0) return entry;
  out.redacted = true;
  out.redactedFields = REDACTABLE_FIELDS.filter((f) => changed.has(f));
  return out;
}

export function redactEntries(entries: readonly LogEntry[], opts: RedactionOptions): ExportEntry[] {
  return entries.map((e) => redactEntry(e, opts));
}

/** Removes the export-only markers, giving the LogEntry whose hash was computed at write time. */
export function stripExportMarkers(entry: ExportEntry): LogEntry {
  if (entry.redacted === undefined && entry.redactedFields === undefined) return entry;
  const { redacted: _r, redactedFields: _f, ...rest } = entry;
  return rest;
}
