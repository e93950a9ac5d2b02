import { CATEGORY_CLAUSE } from '../domain/clauses';
import type { CategoryId, Severity } from '../domain/categories';
import type { LogAction, LogEntry, LogKind } from '../log/schema';

/**
 * Vietnamese labels used in every export. Kept here (not in UI i18n) because exported files must
 * read the same whatever the browser language is: they are official documents for the xã.
 */
export const CATEGORY_LABELS_VI: Record<CategoryId, string> = {
  'strange-link': 'Đường link lạ, mã độc',
  scam: 'Lừa đảo, chiếm đoạt tài sản',
  advertising: 'Quảng cáo, rao vặt',
  'gambling-fortune': 'Lô đề, cờ bạc, bói toán',
  'sensitive-topic': 'Chính trị, tôn giáo, sắc tộc',
  'abusive-language': 'Ngôn từ thiếu văn hóa, xúc phạm',
  'unverified-news': 'Tin chưa kiểm chứng, tin giả',
  'classified-info': 'Bí mật nhà nước',
};

/** Default clause of the Quy chế (section III.2) when an entry carries none: the one regulation map. */
export const DEFAULT_CLAUSE: Record<CategoryId, string> = CATEGORY_CLAUSE;

export const ACTION_LABELS_VI: Record<LogAction, string> = {
  remind: 'Nhắc nhở',
  warn: 'Cảnh cáo',
  'propose-removal': 'Đề nghị mời ra khỏi nhóm',
  deleted: 'Đã xóa tin',
  removed: 'Đã mời ra khỏi nhóm',
  dismissed: 'Không vi phạm',
  note: 'Ghi chú',
};

export const KIND_LABELS_VI: Record<LogKind, string> = {
  flag: 'Phát hiện vi phạm',
  action: 'Xử lý',
  notice: 'Thông báo',
  pin: 'Ghim tin',
  poll: 'Bình chọn',
  correction: 'Đính chính',
};

export const SEVERITY_LABELS_VI: Record<Severity, string> = {
  low: 'Thấp',
  medium: 'Trung bình',
  high: 'Cao',
};

/** Roman numerals for quarter labels ("Quý IV/2026"). */
export const QUARTER_ROMAN = ['I', 'II', 'III', 'IV'] as const;

/**
 * What the log's `outcome` codes mean. The log keeps codes (they are data the xã may filter on);
 * people read these words.
 */
export const OUTCOME_LABELS_VI: Record<string, string> = {
  composer: 'Đã chèn vào ô soạn tin',
  clipboard: 'Đã sao chép để dán',
  filled: 'Đã điền vào hộp bình chọn của Zalo',
  pinned: 'Đã ghim lên đầu nhóm',
  void: 'Hủy mục được đính chính',
  amend: 'Bổ sung thông tin',
};

/**
 * The outcome as a person reads it; '' when it only repeats the action: an action entry's outcome is
 * the action's own label in the UI language of the day (or its code), which "Xử lý" already shows.
 */
export function outcomeText(e: Pick<LogEntry, 'kind' | 'action' | 'outcome'>): string {
  const outcome = e.outcome?.trim();
  if (!outcome) return '';
  const label = OUTCOME_LABELS_VI[outcome];
  if (label) return label;
  return e.kind === 'action' ? '' : outcome;
}

/** Internal markers the checker leaves in notes ("rule:scam:account"): diagnostics, not for people. */
const RULE_MARK = /(?:^|\s*[;,]?\s*)rule:[\w:.-]+/g;

/** A note as a person reads it: without rule ids. */
export function noteText(note: string | undefined): string {
  return (note ?? '').replace(RULE_MARK, '').trim();
}
