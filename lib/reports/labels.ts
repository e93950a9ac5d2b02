import { CATEGORY_CLAUSE } from '../domain/clauses';
import type { CategoryId, Severity } from '../domain/categories';
import type { LogAction, LogKind } from '../log/schema';

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
