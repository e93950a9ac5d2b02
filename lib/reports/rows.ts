import { eventTime, type LogEntry } from '../log/schema';
import { ACTION_LABELS_VI, CATEGORY_LABELS_VI, DEFAULT_CLAUSE, KIND_LABELS_VI, SEVERITY_LABELS_VI, noteText, outcomeText } from './labels';
import { formatVnDateTime } from './period';
import type { ExportEntry } from './redact';

/**
 * The detail columns shared by CSV and XLSX ("Chi tiết"), in the order the xã expects.
 * `seq` and `hash` let anyone match a row back to the verifiable JSON bundle.
 */
export const DETAIL_HEADERS = [
  'Thời gian',
  'Nhóm',
  'Thôn',
  'Xã',
  'Thành viên',
  'Mã tin nhắn',
  'Loại',
  'Vi phạm',
  'Điều khoản',
  'Mức độ',
  'Bằng chứng',
  'Nội dung',
  'Xử lý',
  'Kết quả',
  'Ghi chú',
  'Ghi nhận lúc',
  'Quản trị viên',
  'seq',
  'hash',
] as const;

/** Widths in characters for XLSX, same order as DETAIL_HEADERS. */
export const DETAIL_WIDTHS = [17, 24, 14, 14, 22, 16, 16, 26, 10, 11, 30, 50, 22, 22, 24, 17, 18, 7, 66];

export type DetailValue = string | number | Date;

/**
 * One entry as cells. Times are Dates for XLSX; CSV formats them as "dd/MM/yyyy HH:mm" (Vietnam time).
 * "Thời gian" is when the message was sent (when known); "Ghi nhận lúc" when the extension logged it.
 */
export function detailCells(e: ExportEntry): DetailValue[] {
  const text = e.text ?? (e.redactedFields?.includes('text') ? '[đã ẩn]' : '');
  return [
    new Date(eventTime(e)),
    e.group.name,
    e.place.thon,
    e.place.xa,
    e.member?.name ?? '',
    e.messageId ?? '',
    KIND_LABELS_VI[e.kind],
    e.category ? CATEGORY_LABELS_VI[e.category] : '',
    e.clause ?? (e.category && e.kind === 'flag' ? DEFAULT_CLAUSE[e.category] : ''),
    e.severity ? SEVERITY_LABELS_VI[e.severity] : '',
    (e.evidence ?? []).join('; '),
    text,
    e.action ? ACTION_LABELS_VI[e.action] : '',
    outcomeText(e),
    e.ref !== undefined && e.kind !== 'flag' ? joinNote(noteText(e.note), `Liên quan mục #${e.ref}`) : noteText(e.note),
    new Date(e.time),
    e.admin,
    e.seq,
    e.hash,
  ];
}

function joinNote(note: string | undefined, extra: string): string {
  return note ? `${note} (${extra})` : extra;
}

/** Detail cells rendered as text (CSV, HTML). */
export function detailTexts(e: ExportEntry): string[] {
  return detailCells(e).map((v) => (v instanceof Date ? formatVnDateTime(v) : String(v)));
}

/** Sort for exports: by place, group, then chain order. */
export function exportOrder(a: LogEntry, b: LogEntry): number {
  return (
    a.place.xa.localeCompare(b.place.xa, 'vi') ||
    a.place.thon.localeCompare(b.place.thon, 'vi') ||
    a.chainId.localeCompare(b.chainId) ||
    a.seq - b.seq
  );
}
