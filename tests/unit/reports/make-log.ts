import { CATEGORY_CLAUSE } from '../../../lib/domain/clauses';
import { linkEntry } from '../../../lib/log/chain';
import type { LogAction, LogBody, LogEntry, Place } from '../../../lib/log/schema';
import type { CategoryId, Severity } from '../../../lib/domain/categories';

/**
 * Deterministic, realistic moderation logs for tests and the benchmark: Vietnamese members and
 * messages (with phone numbers, links, commas, quotes, newlines), flags followed by admin actions that
 * refer back to them via `ref`, plus notices, pins, polls and corrections — all hash-linked.
 */

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const MEMBERS = [
  { name: 'Nguyễn Văn An', uid: '7391001' },
  { name: 'Trần Thị Bích', uid: '7391002' },
  { name: 'Lê Hoàng Cường', uid: '7391003' },
  { name: 'Phạm Thị Dung', uid: '7391004' },
  { name: 'Đặng Quốc Đạt', uid: '7391005' },
  { name: 'Hoàng Thị Én', uid: '7391006' },
  { name: 'Vũ Minh Giang', uid: '7391007' },
  { name: 'Bùi Thị Hằng', uid: '7391008' },
  { name: 'Đỗ Văn Khánh' },
  { name: 'Ngô Thị Lan' },
  { name: 'Dương Văn Mạnh', uid: '7391011' },
  { name: 'Lý Thị Ngọc', uid: '7391012' },
];

const MESSAGES: Record<CategoryId, { text: string; evidence: string[]; severity: Severity }[]> = {
  'strange-link': [
    { text: 'Mọi người bấm vào đây nhận quà: http://qua-tang-vnid.xyz/nhan?id=123', evidence: ['qua-tang-vnid.xyz'], severity: 'high' },
    { text: 'Cập nhật VNeID bản mới tại bit.ly/vneid-moi, nhanh kẻo hết hạn', evidence: ['bit.ly/vneid-moi'], severity: 'medium' },
  ],
  scam: [
    {
      text: 'Con đang cấp cứu, cô chuyển gấp 5.000.000đ vào STK 0123456789 Vietcombank giúp con, gọi 0912 345 678',
      evidence: ['chuyển gấp', '0123456789'],
      severity: 'high',
    },
    { text: 'Nhận hỗ trợ "gói an sinh" 2 triệu, chỉ cần gửi mã OTP cho số +84 987 654 321', evidence: ['mã OTP'], severity: 'high' },
  ],
  advertising: [
    { text: 'Bán gạo ST25 giá rẻ, 20k/kg, ship tận nhà. Liên hệ 0988.111.222', evidence: ['giá rẻ', 'ship tận nhà'], severity: 'low' },
    { text: '=HYPERLINK("http://shop.example","Xem hàng") khuyến mãi, mua 1 tặng 1!', evidence: ['khuyến mãi'], severity: 'low' },
  ],
  'gambling-fortune': [
    { text: 'Lô đề hôm nay: bạch thủ 68, xiên 2 "chắc ăn", inbox thầy', evidence: ['lô đề', 'bạch thủ'], severity: 'medium' },
    { text: 'Xem bói tử vi, giải hạn online, phí 200k', evidence: ['xem bói'], severity: 'low' },
  ],
  'sensitive-topic': [{ text: 'Bài này bàn chuyện tôn giáo, chính trị,\nai thấy đúng thì chia sẻ', evidence: ['chính trị'], severity: 'medium' }],
  'abusive-language': [
    { text: '-- Ông trưởng thôn làm ăn như c*, đồ vô học', evidence: ['đồ vô học'], severity: 'medium' },
    { text: '@Lan mày im đi, ngu thế', evidence: ['ngu'], severity: 'medium' },
  ],
  'unverified-news': [
    { text: 'NÓNG: Ngày mai cắt điện toàn xã 3 ngày, tích nước ngay!!! (nguồn: bạn tôi nói)', evidence: ['NÓNG'], severity: 'medium' },
  ],
  'classified-info': [{ text: '+ Gửi mọi người ảnh công văn MẬT của huyện, đừng lan truyền', evidence: ['công văn MẬT'], severity: 'high' }],
};

const CATEGORIES = Object.keys(MESSAGES) as CategoryId[];
const CLAUSES: Record<CategoryId, string> = CATEGORY_CLAUSE;
const FOLLOW_UPS: LogAction[] = ['remind', 'remind', 'deleted', 'warn', 'dismissed', 'propose-removal', 'removed', 'note'];
const NOTICES = [
  'Lịch tiếp công dân tháng này: sáng thứ Hai, thứ Năm tại nhà văn hóa thôn',
  'Hướng dẫn cài đặt VNeID mức 2, bà con mang theo CCCD',
  'Thông báo họp thôn lúc 19h30, tối thứ Bảy',
];

export type MakeLogOptions = {
  n: number;
  threadId?: string;
  groupName?: string;
  place?: Place;
  /** ISO time of the first entry. */
  start?: string;
  /** Entries are spread evenly (with jitter) over this many days. */
  spanDays?: number;
  seed?: number;
  admins?: string[];
  /** Continue an existing chain (its head). */
  prev?: Pick<LogEntry, 'seq' | 'hash'>;
};

export function defaultPlace(): Place {
  return { thon: 'Đông', xa: 'An Bình', tinh: 'Bắc Ninh' };
}

/** Builds the bodies only (no hashing): for custom chains and the benchmark. */
export function makeBodies(opts: MakeLogOptions): LogBody[] {
  const rand = rng(opts.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const threadId = opts.threadId ?? 'g1234567890';
  const group = { threadId, name: opts.groupName ?? `Thôn ${(opts.place ?? defaultPlace()).thon} - Tổ CNS cộng đồng` };
  const place = opts.place ?? defaultPlace();
  const admins = opts.admins ?? ['Trần Văn Bình', 'Lê Thị Hoa'];
  const start = Date.parse(opts.start ?? '2026-11-01T01:00:00.000Z');
  const step = ((opts.spanDays ?? 28) * 86_400_000) / Math.max(opts.n, 1);
  const firstSeq = (opts.prev?.seq ?? 0) + 1;
  const openFlags: { seq: number; member: (typeof MEMBERS)[number] }[] = [];
  const bodies: LogBody[] = [];

  for (let i = 0; i < opts.n; i++) {
    const seq = firstSeq + i;
    const time = new Date(start + Math.floor(i * step + rand() * step * 0.9)).toISOString();
    const base = { chainId: threadId, time, group, place, admin: pick(admins) };
    const r = rand();
    if (r < 0.36 && openFlags.length) {
      const target = openFlags.splice(Math.floor(rand() * openFlags.length), 1)[0]!;
      const action = pick(FOLLOW_UPS);
      bodies.push({
        ...base,
        kind: 'action',
        action,
        ref: target.seq,
        member: target.member,
        outcome: action === 'removed' ? 'Đã mời ra khỏi nhóm' : action === 'remind' ? 'Đã gửi lời nhắc' : undefined,
        note: action === 'note' ? `Đã gọi điện cho ${target.member.name}, số 0912345678` : undefined,
        templateId: action === 'remind' ? 'remind-1' : undefined,
      });
      if (action === 'note') openFlags.push(target);
    } else if (r < 0.82) {
      const category = pick(CATEGORIES);
      const msg = pick(MESSAGES[category]);
      const member = pick(MEMBERS);
      bodies.push({
        ...base,
        kind: 'flag',
        member,
        messageId: String(1_700_000_000_000 + seq * 7),
        category,
        clause: CLAUSES[category],
        severity: msg.severity,
        evidence: msg.evidence,
        text: msg.text,
      });
      openFlags.push({ seq, member });
    } else if (r < 0.9) {
      bodies.push({ ...base, kind: 'notice', text: pick(NOTICES) });
    } else if (r < 0.95) {
      bodies.push({ ...base, kind: 'pin', text: pick(NOTICES), messageId: String(1_700_000_000_000 + seq) });
    } else if (r < 0.98 || seq === 1) {
      bodies.push({ ...base, kind: 'poll', text: 'Bình chọn: tổ chức họp thôn tối thứ Bảy hay Chủ nhật?' });
    } else {
      bodies.push({ ...base, kind: 'correction', ref: seq - 1, note: 'Sửa: ghi nhầm loại vi phạm' });
    }
  }
  return bodies;
}

/** Links bodies into a chain (continuing after `prev` if given). */
export async function linkAll(bodies: readonly LogBody[], prev?: Pick<LogEntry, 'seq' | 'hash'>): Promise<LogEntry[]> {
  const out: LogEntry[] = [];
  let head = prev;
  for (const b of bodies) {
    const e = await linkEntry(b, head);
    out.push(e);
    head = e;
  }
  return out;
}

export async function makeLog(opts: MakeLogOptions): Promise<LogEntry[]> {
  return linkAll(makeBodies(opts), opts.prev);
}

/** Strips undefined keys (as IndexedDB would), so fixtures look like stored entries. */
export function clean<T extends object>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
