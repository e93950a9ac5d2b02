import { GuardDb } from '@/lib/db/db';
import type { AppendInput } from '@/lib/log/append';

let counter = 0;
/** A fresh database per test: fake-indexeddb keeps databases for the whole worker. */
export function freshDb(): GuardDb {
  counter++;
  return new GuardDb(`test-log-${Date.now()}-${counter}-${Math.random().toString(36).slice(2)}`);
}

export const GROUP_A = { threadId: 'g-thon-dong', name: 'Tổ CNS - Thôn Đông - Xã Yên Phong' };
export const GROUP_B = { threadId: 'g-thon-doai', name: 'Tổ CNS - Thôn Đoài - Xã Yên Phong' };
export const PLACE = { thon: 'Thôn Đông', xa: 'Xã Yên Phong', tinh: 'Bắc Ninh' };

export function flagInput(over: Partial<AppendInput> = {}): AppendInput {
  return {
    kind: 'flag',
    group: GROUP_A,
    place: PLACE,
    member: { name: 'Nguyễn Văn An', uid: 'u-an' },
    messageId: 'm-1',
    category: 'scam',
    clause: 'III.2(2)',
    severity: 'high',
    evidence: ['chuyển 990.000đ phí vận chuyển'],
    text: 'Chúc mừng số thuê bao 0912 345 678 trúng iPhone 16, vui lòng chuyển 990.000đ phí vận chuyển để nhận quà.',
    admin: 'Trần Thị Bình',
    time: '2025-03-01T08:00:00+07:00',
    ...over,
  };
}
