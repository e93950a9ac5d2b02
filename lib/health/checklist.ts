/**
 * Group settings the seeds ask for. What the Zalo page shows (the Nội quy pinned, who the admins
 * are) the panel reads; what it can't see (member approval, who may pin) is a tick list with the
 * Zalo steps, each tick dated so the report can say when it was last confirmed.
 */
export const CHECK_ITEMS = ['name-pattern', 'rules-pinned', 'admins', 'member-approval', 'admins-only-pin'] as const;
export type CheckItem = (typeof CHECK_ITEMS)[number];

/** 'page': read from Zalo Web by the panel; 'name': from the group name; 'manual': admin ticks it. */
export const CHECK_SOURCE: Record<CheckItem, 'page' | 'name' | 'manual'> = {
  'name-pattern': 'name',
  'rules-pinned': 'page',
  admins: 'page',
  'member-approval': 'manual',
  'admins-only-pin': 'manual',
};

/** Items the Zalo panel can read from the page (or the group name) and report to the background. */
export const PAGE_FACT_ITEMS = ['name-pattern', 'rules-pinned', 'admins'] as const satisfies readonly CheckItem[];
export type PageFactItem = (typeof PAGE_FACT_ITEMS)[number];

export const CHECK_LABEL_VI: Record<CheckItem, string> = {
  'name-pattern': 'Tên nhóm theo mẫu của tỉnh',
  'rules-pinned': 'Nội quy nhóm được ghim',
  admins: 'Có trưởng nhóm và phó nhóm (ít nhất 2 người quản trị)',
  'member-approval': 'Bật "Duyệt thành viên mới"',
  'admins-only-pin': 'Chỉ trưởng/phó nhóm được ghim tin',
};

/** Steps in Zalo (PC/Web and phone menus use the same words). */
export const CHECK_STEPS_VI: Partial<Record<CheckItem, string[]>> = {
  'member-approval': [
    'Mở nhóm, bấm biểu tượng "Thông tin hội thoại" ở góc trên bên phải.',
    'Chọn "Quản lý nhóm".',
    'Bật "Chế độ phê duyệt thành viên mới".',
  ],
  'admins-only-pin': [
    'Mở nhóm, bấm "Thông tin hội thoại" → "Quản lý nhóm".',
    'Ở mục "Cho phép các thành viên trong nhóm", bỏ chọn "Ghim tin nhắn, ghi chú, bình chọn lên đầu hội thoại".',
  ],
  'rules-pinned': ['Gửi Nội quy vào nhóm (mẫu "Nội quy nhóm" trong tiện ích).', 'Bấm giữ (hoặc di chuột) vào tin Nội quy → "Ghim tin nhắn".'],
  admins: ['"Thông tin hội thoại" → "Thành viên" → bấm "…" cạnh tên → "Thêm phó nhóm".'],
};

export type CheckState = { done: boolean; at: string; by: 'page' | 'admin' };
export type Checklist = Partial<Record<CheckItem, CheckState>>;

/** Ticks older than this are asked again: settings change and admins come and go. */
export const RECHECK_DAYS = 90;

export function checklistProgress(list: Checklist, now: Date): { done: number; total: number; stale: CheckItem[]; open: CheckItem[] } {
  const stale: CheckItem[] = [];
  const open: CheckItem[] = [];
  let done = 0;
  for (const id of CHECK_ITEMS) {
    const s = list[id];
    if (!s?.done) {
      open.push(id);
      continue;
    }
    if (now.getTime() - Date.parse(s.at) > RECHECK_DAYS * 86_400_000) stale.push(id);
    else done++;
  }
  return { done, total: CHECK_ITEMS.length, stale, open };
}
