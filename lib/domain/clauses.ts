import type { CategoryId } from './categories';

/**
 * Section III.2 of the model group regulation ("Quy chế hoạt động nhóm Zalo", seeds/000), quoted
 * verbatim so reminders and cards cite the text the group agreed to.
 */
export const CLAUSES = {
  'III.2(1)': 'Đăng tải thông tin liên quan đến bí mật nhà nước, các nội dung chưa được kiểm chứng hoặc tin giả.',
  'III.2(2)': 'Chia sẻ các đường link lạ, mã độc, hoặc các thông tin có dấu hiệu lừa đảo, chiếm đoạt tài sản.',
  'III.2(3)': 'Bình luận, chia sẻ quan điểm về chính trị, tôn giáo, sắc tộc trái với quy định pháp luật.',
  'III.2(4)': 'Quảng cáo bán hàng, rao vặt, bói toán, lô đề hoặc các dịch vụ thương mại cá nhân.',
  'III.2(5)': 'Sử dụng ngôn từ thiếu văn hóa, xúc phạm danh dự, nhân phẩm của các thành viên khác hoặc cán bộ công quyền.',
} as const;

export type ClauseId = keyof typeof CLAUSES;

export const CATEGORY_CLAUSE: Record<CategoryId, ClauseId> = {
  'classified-info': 'III.2(1)',
  'unverified-news': 'III.2(1)',
  'strange-link': 'III.2(2)',
  scam: 'III.2(2)',
  'sensitive-topic': 'III.2(3)',
  advertising: 'III.2(4)',
  'gambling-fortune': 'III.2(4)',
  'abusive-language': 'III.2(5)',
};

/** Heading of the section the clauses belong to (for cards and reports). */
export const SECTION_TITLE = 'III.2. Các hành vi nghiêm cấm (sẽ bị mời ra khỏi nhóm ngay lập tức)';

export function clauseText(clause: string): string {
  return (CLAUSES as Record<string, string>)[clause] ?? '';
}
